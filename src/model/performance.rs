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
//!
//! Direction of travel compares a quarter with the quarter before (Q4 of the
//! previous financial year for a Q1) and with the same quarter a year
//! earlier: *improving* or *worsening* according to the polarity, *no
//! change* when equal, and unknown when either value is missing.
//!
//! The forms ([`IndicatorDraft`], [`QuarterValueDraft`]) are checked in
//! `draft.rs`; quarter codes such as "2019-20-Q3" live in `quarters.rs`.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};

use super::{FinancialQuarter, FinancialYear, Narrative};

mod draft;
mod number;
mod quarters;

pub use draft::{IndicatorDraft, QuarterValueDraft, ValidQuarterValue, parse_number};
pub use quarters::{
    next_quarter, parse_financial_year, parse_quarter, parse_quarter_code, previous_quarter, quarter_code,
    same_quarter_last_year,
};

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Indicator {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub name: String,
    #[autosurgeon(missing = "Default::default")]
    pub theme_id: Option<String>,
    /// "crimes", "%", "young people"…
    pub unit: String,
    pub polarity: Polarity,
    #[autosurgeon(missing = "Default::default", hydrate = "number::hydrate_optional_number")]
    pub baseline: Option<f64>,
    /// "2018-19".
    pub baseline_period: String,
    #[autosurgeon(missing = "Default::default")]
    pub target: Option<Target>,
    pub frequency: Frequency,
    /// Where the numbers come from, e.g. "Bedfordshire Police crime data".
    pub source: String,
    pub notes: Narrative,
    /// Keyed by quarter code ("2019-20-Q3"), so two partners entering
    /// different quarters never collide.
    #[autosurgeon(missing = "Default::default")]
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
    #[autosurgeon(hydrate = "number::hydrate_number")]
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
    #[autosurgeon(hydrate = "number::hydrate_number")]
    pub value: f64,
    pub note: String,
    pub recorded_by: String,
    pub recorded_organisation: String,
    #[autosurgeon(hydrate = "crate::model::stored::int")]
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

impl Indicator {
    /// The value to reach, or why there is none.
    ///
    /// A % target is resolved against the baseline and rounded to six
    /// decimal places: 380 + 10% is 418, not 418.00000000000006, so a
    /// partner who enters exactly the target sees it met.
    pub fn target_value(&self) -> Result<f64, NoTarget> {
        let target = self.target.filter(|t| t.amount.is_finite()).ok_or(NoTarget::NotSet)?;
        match target.kind {
            TargetKind::Value => Ok(target.amount),
            TargetKind::PercentChange => match self.finite_baseline() {
                None => Err(NoTarget::NoBaseline),
                Some(0.0) => Err(NoTarget::ZeroBaseline),
                Some(b) => Ok(((b + b * target.amount / 100.0) * 1e6).round() / 1e6),
            },
        }
    }

    /// The baseline, unless it is missing or not a real number.
    fn finite_baseline(&self) -> Option<f64> {
        self.baseline.filter(|b| b.is_finite())
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
                let base = if self.baseline_period.is_empty() {
                    "the baseline".to_string()
                } else {
                    self.baseline_period.clone()
                };
                let amount = format_number(target.amount.abs());
                if target.amount < 0.0 {
                    format!("Reduce by {amount}% on {base} (to {})", self.format(v))
                } else if target.amount > 0.0 {
                    format!("Increase by {amount}% on {base} (to {})", self.format(v))
                } else {
                    format!("Stay at the {base} level ({})", self.format(v))
                }
            }
            (TargetKind::PercentChange, Err(NoTarget::ZeroBaseline)) => format!(
                "{}% change on a baseline of 0, which gives no target to measure against",
                format_number(target.amount)
            ),
            (TargetKind::PercentChange, Err(_)) => {
                format!("{}% change, but there is no baseline to measure it from", format_number(target.amount))
            }
        }
    }

    /// The value recorded for a quarter. A value that is not a real number
    /// (only possible in a damaged file) counts as missing.
    pub fn value_in(&self, q: FinancialQuarter) -> Option<f64> {
        self.values.get(&quarter_code(q)).map(|v| v.value).filter(|v| v.is_finite())
    }

    /// RAG rating of a value (see the module documentation). A value that is
    /// not a real number cannot be rated and gets [`Rag::NoTarget`].
    pub fn rag(&self, value: f64) -> Rag {
        let Ok(target) = self.target_value() else { return Rag::NoTarget };
        if !value.is_finite() {
            return Rag::NoTarget;
        }
        if !self.worse(value, target) {
            return Rag::Green;
        }
        match self.finite_baseline() {
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
        Trend {
            vs_previous_quarter: against(previous_quarter(q)),
            vs_same_quarter_last_year: against(same_quarter_last_year(q)),
        }
    }

    /// Whether a quarterly indicator is still waiting for this quarter's value.
    pub fn is_missing(&self, q: FinancialQuarter) -> bool {
        self.frequency == Frequency::Quarterly && self.value_in(q).is_none()
    }

    /// Quarters up to and including `up_to` still waiting for a value, oldest
    /// first, for chasing. Counting starts at the first quarter with a value;
    /// an indicator with none starts at Q1 of the year after its baseline
    /// period (or, with no readable baseline period, is only chased for
    /// `up_to`). Annual indicators are never chased by quarter.
    pub fn missing_quarters(&self, up_to: FinancialQuarter) -> Vec<FinancialQuarter> {
        if self.frequency != Frequency::Quarterly {
            return Vec::new();
        }
        let first_value = self.series().first().map(|(q, _)| *q);
        let after_baseline = parse_financial_year(&self.baseline_period)
            .map(|y| FinancialQuarter { year: FinancialYear(y.0 + 1), quarter: 1 });
        let start = first_value.or(after_baseline).unwrap_or(up_to);
        let mut missing = Vec::new();
        let mut q = start;
        while q <= up_to {
            if self.value_in(q).is_none() {
                missing.push(q);
            }
            q = next_quarter(q);
        }
        missing
    }

    /// Values in quarter order, for charts and tables.
    pub fn series(&self) -> Vec<(FinancialQuarter, f64)> {
        let mut out: Vec<(FinancialQuarter, f64)> = self
            .values
            .iter()
            .filter(|(_, v)| v.value.is_finite())
            .filter_map(|(code, v)| Some((parse_quarter_code(code)?, v.value)))
            .collect();
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

#[cfg(test)]
mod tests;
