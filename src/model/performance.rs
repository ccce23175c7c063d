//! Performance indicators: what each theme is "measured quarterly through".
//!
//! An indicator has a baseline, a target (a value, or a % change on the
//! baseline) and a polarity (is lower better?), and a value per
//! financial-year quarter. From those come its RAG rating and its direction
//! of travel, which the dashboard and the quarterly reports show.
//!
//! RAG rule (the one CSP performance reports commonly use):
//! - **Green**: the target is met or beaten (meeting it exactly is green);
//! - **Amber**: the target is missed but the value is no worse than the
//!   baseline;
//! - **Red**: the value is worse than the baseline;
//! - **No target**: no target is set, or a % target sits on a zero or missing
//!   baseline, where a percentage means nothing.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};

use super::{FieldErrors, FinancialQuarter, FinancialYear, Narrative};

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Indicator {
    #[key]
    pub id: String,
    pub name: String,
    pub theme_id: Option<String>,
    /// "crimes", "%", "young people"…
    pub unit: String,
    pub polarity: Polarity,
    pub baseline: Option<f64>,
    /// "2018-19".
    pub baseline_period: String,
    pub target: Option<Target>,
    pub frequency: Frequency,
    /// Where the numbers come from, e.g. "Bedfordshire Police crime data".
    pub source: String,
    pub notes: Narrative,
    /// Keyed by quarter code ("2019-20-Q3"), so two partners entering
    /// different quarters never collide.
    pub values: BTreeMap<String, QuarterValue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum Polarity {
    #[autosurgeon(rename = "lower-is-better")]
    LowerIsBetter,
    #[autosurgeon(rename = "higher-is-better")]
    HigherIsBetter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum Frequency {
    #[autosurgeon(rename = "quarterly")]
    Quarterly,
    #[autosurgeon(rename = "annual")]
    Annual,
}

/// A target: an absolute value, or a % change on the baseline (-5 = a 5% reduction).
#[derive(Debug, Clone, Copy, PartialEq, Reconcile, Hydrate)]
pub struct Target {
    pub kind: TargetKind,
    pub amount: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum TargetKind {
    #[autosurgeon(rename = "value")]
    Value,
    #[autosurgeon(rename = "percent-change")]
    PercentChange,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct QuarterValue {
    pub value: f64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_organisation: String,
    pub recorded_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rag {
    Red,
    Amber,
    Green,
    NoTarget,
}

impl Rag {
    pub const ALL: [Rag; 4] = [Rag::Red, Rag::Amber, Rag::Green, Rag::NoTarget];

    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
            Rag::NoTarget => "No target",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Improving,
    Worsening,
    NoChange,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::Improving => "Improving",
            Direction::Worsening => "Worsening",
            Direction::NoChange => "No change",
        }
    }
}

/// Direction of travel against the previous quarter and the same quarter a
/// year earlier; `None` where either value is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trend {
    pub vs_previous_quarter: Option<Direction>,
    pub vs_same_quarter_last_year: Option<Direction>,
}

/// Why an indicator has no target to rate against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTarget {
    NotSet,
    /// A % change needs a baseline.
    NoBaseline,
    /// A % change of zero is zero.
    ZeroBaseline,
}

/// "2019-20-Q3": stable, sortable and safe in an address.
pub fn quarter_code(quarter: FinancialQuarter) -> String {
    format!("{}-Q{}", quarter.year, quarter.quarter)
}

/// Reads [`quarter_code`]'s form back.
pub fn parse_quarter_code(code: &str) -> Option<FinancialQuarter> {
    let (year, q) = code.trim().rsplit_once("-Q")?;
    let quarter: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some(FinancialQuarter { year: parse_financial_year(year)?, quarter })
}

/// Reads a financial year as partnerships write it: "2019-20", "2019/20" or
/// "2019". The second part, when given, must follow the first.
pub fn parse_financial_year(text: &str) -> Option<FinancialYear> {
    let text = text.trim();
    let (first, second) = match text.split_once(['-', '/', '–']) {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (text, None),
    };
    let start: i32 = first.parse().ok().filter(|y| (1900..=2999).contains(y))?;
    if let Some(second) = second {
        let end: i32 = second.parse().ok()?;
        let expected = if second.len() == 2 { (start + 1).rem_euclid(100) } else { start + 1 };
        if end != expected {
            return None;
        }
    }
    Some(FinancialYear(start))
}

/// The quarter before: Q4 of the previous year comes before Q1.
pub fn previous_quarter(q: FinancialQuarter) -> FinancialQuarter {
    if q.quarter == 1 {
        FinancialQuarter { year: FinancialYear(q.year.0 - 1), quarter: 4 }
    } else {
        FinancialQuarter { year: q.year, quarter: q.quarter - 1 }
    }
}

impl Indicator {
    /// The value to reach.
    pub fn target_value(&self) -> Result<f64, NoTarget> {
        let target = self.target.ok_or(NoTarget::NotSet)?;
        match target.kind {
            TargetKind::Value => Ok(target.amount),
            TargetKind::PercentChange => match self.baseline {
                None => Err(NoTarget::NoBaseline),
                Some(0.0) => Err(NoTarget::ZeroBaseline),
                Some(b) => Ok(b * (1.0 + target.amount / 100.0)),
            },
        }
    }

    /// "Reduce by 5% on 2018-19 (to 1,140)", "At most 30", "At least 85%".
    pub fn target_text(&self) -> String {
        let Some(target) = self.target else { return "No target set".to_string() };
        let bound = match self.polarity {
            Polarity::LowerIsBetter => "At most",
            Polarity::HigherIsBetter => "At least",
        };
        match (target.kind, self.target_value()) {
            (TargetKind::Value, _) => format!("{bound} {}", self.format(target.amount)),
            (TargetKind::PercentChange, Ok(v)) => {
                let verb = if target.amount < 0.0 { "Reduce" } else { "Increase" };
                let base = if self.baseline_period.is_empty() {
                    "the baseline".to_string()
                } else {
                    self.baseline_period.clone()
                };
                format!("{verb} by {}% on {base} (to {})", format_number(target.amount.abs()), self.format(v))
            }
            (TargetKind::PercentChange, Err(_)) => {
                format!("{}% change, but there is no baseline to measure it from", format_number(target.amount))
            }
        }
    }

    pub fn value_in(&self, q: FinancialQuarter) -> Option<f64> {
        self.values.get(&quarter_code(q)).map(|v| v.value)
    }

    /// RAG rating of a value (see the module documentation).
    pub fn rag(&self, value: f64) -> Rag {
        let Ok(target) = self.target_value() else { return Rag::NoTarget };
        if !self.worse(value, target) {
            return Rag::Green;
        }
        match self.baseline {
            Some(b) if !self.worse(value, b) => Rag::Amber,
            Some(_) => Rag::Red,
            // Without a baseline, "near" the target (within 5%) is amber.
            None if (value - target).abs() <= target.abs() * 0.05 => Rag::Amber,
            None => Rag::Red,
        }
    }

    pub fn rag_in(&self, q: FinancialQuarter) -> Option<Rag> {
        self.value_in(q).map(|v| self.rag(v))
    }

    pub fn trend(&self, q: FinancialQuarter) -> Trend {
        let now = self.value_in(q);
        let against = |other: FinancialQuarter| Some(self.direction(now?, self.value_in(other)?));
        let last_year = FinancialQuarter { year: FinancialYear(q.year.0 - 1), quarter: q.quarter };
        Trend { vs_previous_quarter: against(previous_quarter(q)), vs_same_quarter_last_year: against(last_year) }
    }

    /// Whether a quarterly indicator is still waiting for this quarter's value.
    pub fn is_missing(&self, q: FinancialQuarter) -> bool {
        self.frequency == Frequency::Quarterly && self.value_in(q).is_none()
    }

    /// Values in quarter order, for charts and tables.
    pub fn series(&self) -> Vec<(FinancialQuarter, f64)> {
        let mut out: Vec<(FinancialQuarter, f64)> =
            self.values.iter().filter_map(|(code, v)| Some((parse_quarter_code(code)?, v.value))).collect();
        out.sort_by_key(|(q, _)| *q);
        out
    }

    /// A value with its unit: "1,250 crimes", "12.5%".
    pub fn format(&self, value: f64) -> String {
        match self.unit.trim() {
            "" => format_number(value),
            "%" => format!("{}%", format_number(value)),
            unit => format!("{} {unit}", format_number(value)),
        }
    }

    fn direction(&self, now: f64, before: f64) -> Direction {
        if now == before {
            Direction::NoChange
        } else if self.worse(now, before) {
            Direction::Worsening
        } else {
            Direction::Improving
        }
    }

    /// Whether `a` is worse than `b` for this indicator.
    fn worse(&self, a: f64, b: f64) -> bool {
        match self.polarity {
            Polarity::LowerIsBetter => a > b,
            Polarity::HigherIsBetter => a < b,
        }
    }
}

/// UK style with thousands separators and at most two decimals: 1,250 / 12.5.
pub fn format_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{fraction}") }
}

/// Reads a number as people type it: "1,250", " 12.5 ", "-5", "5%".
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.trim().trim_end_matches('%').chars().filter(|c| *c != ',' && *c != ' ').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The indicator form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorDraft {
    pub name: String,
    pub theme_id: String,
    pub unit: String,
    /// "lower-is-better" or "higher-is-better".
    pub polarity: String,
    pub baseline: String,
    pub baseline_period: String,
    /// "value", "percent-change" or "" for none.
    pub target_kind: String,
    pub target: String,
    /// "quarterly" or "annual".
    pub frequency: String,
    pub source: String,
    pub notes: String,
}

impl IndicatorDraft {
    /// Checks the form; `values` of an existing indicator are kept by the caller.
    pub fn validate(&self, id: String, theme_exists: impl Fn(&str) -> bool) -> Result<Indicator, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", "Enter a name for the indicator");
        }
        let theme_id = Some(self.theme_id.trim().to_string()).filter(|t| !t.is_empty());
        if theme_id.as_deref().is_some_and(|t| !theme_exists(t)) {
            errors.add("theme", "Select a theme from the list");
        }
        let polarity = match self.polarity.trim() {
            "lower-is-better" => Some(Polarity::LowerIsBetter),
            "higher-is-better" => Some(Polarity::HigherIsBetter),
            _ => {
                errors.add("polarity", "Select whether a lower or a higher number is better");
                None
            }
        };
        let baseline = match self.baseline.trim() {
            "" => None,
            text => parse_number(text).or_else(|| {
                errors.add("baseline", "Baseline must be a number, like 1250 or 12.5");
                None
            }),
        };
        let target = match (self.target_kind.trim(), self.target.trim()) {
            ("", _) => None,
            (_, "") => {
                errors.add("target", "Enter the target, or choose no target");
                None
            }
            (kind, text) => match (kind, parse_number(text)) {
                (_, None) => {
                    errors.add("target", "Target must be a number, like 1100 or -5");
                    None
                }
                ("value", Some(amount)) => Some(Target { kind: TargetKind::Value, amount }),
                ("percent-change", Some(amount)) => {
                    if baseline.is_none() {
                        errors.add("target", "A target as a % change needs a baseline to measure from");
                    } else if baseline == Some(0.0) {
                        errors.add("target", "A % change from a baseline of 0 is always 0 – set the target as a value");
                    }
                    Some(Target { kind: TargetKind::PercentChange, amount })
                }
                _ => {
                    errors.add("target", "Select how the target is set");
                    None
                }
            },
        };
        let frequency = match self.frequency.trim() {
            "annual" => Frequency::Annual,
            _ => Frequency::Quarterly,
        };
        match polarity {
            Some(polarity) if errors.is_empty() => Ok(Indicator {
                id,
                name: name.to_string(),
                theme_id,
                unit: self.unit.trim().to_string(),
                polarity,
                baseline,
                baseline_period: self.baseline_period.trim().to_string(),
                target,
                frequency,
                source: self.source.trim().to_string(),
                notes: Narrative::new(self.notes.trim()),
                values: BTreeMap::new(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests;
