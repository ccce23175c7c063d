//! Indicator forms as typed, and the checks that turn them into values.
//!
//! Numbers are read the way council officers write them ("1,250", "12.5%");
//! anything that is not a finite number is refused here, so NaN or infinity
//! never reaches the document, where a rating would be meaningless.

use std::collections::BTreeMap;

use super::quarters::parse_quarter;
use super::wording::number_for_form;
use super::{Basis, Frequency, Indicator, Polarity, Span, Target, TargetKind};
use crate::model::{FieldErrors, FinancialQuarter, Narrative};

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
    /// What each value counts: a [`Basis`] code, "per-quarter",
    /// "year-to-date" or "rolling-year".
    pub basis: String,
    /// What period the baseline and target describe: a [`Span`] code,
    /// "year", "quarter" or "rate"; may be left empty only when there is
    /// neither a baseline nor a target.
    pub span: String,
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
        let basis = Basis::from_code(&self.basis);
        if basis.is_none() {
            errors.add("basis", "Select what each quarter's value counts");
        }
        let span = match Span::from_code(&self.span) {
            Some(span) => Some(span),
            None if baseline.is_none() && target.is_none() => Some(Span::default()),
            None => {
                errors.add("span", "Select whether the baseline and target are for a year, a quarter, or a rate");
                None
            }
        };
        let frequency = match self.frequency.trim() {
            "annual" => Frequency::Annual,
            _ => Frequency::Quarterly,
        };
        match (polarity, basis, span) {
            (Some(polarity), Some(basis), Some(span)) if errors.is_empty() => Ok(Indicator {
                id,
                name: name.to_string(),
                theme_id,
                unit: self.unit.trim().to_string(),
                polarity,
                baseline,
                baseline_period: self.baseline_period.trim().to_string(),
                target,
                frequency,
                basis,
                span,
                source: self.source.trim().to_string(),
                notes: Narrative::new(self.notes.trim()),
                values: BTreeMap::new(),
            }),
            _ => Err(errors),
        }
    }
}

impl IndicatorDraft {
    /// The baseline and target as the indicator page will state them
    /// ("2,150 incidents in the year 2016-17", "Reduce by 5% on 2016-17 (to
    /// 2,042.5 incidents a year)"), for the form to show while it is filled
    /// in; `None` until everything but the name reads.
    pub fn statement(&self) -> Option<(String, String)> {
        let named = IndicatorDraft { name: "Indicator".into(), theme_id: String::new(), ..self.clone() };
        let i = named.validate(String::new(), |_| true).ok()?;
        Some((i.baseline_text(), i.target_text()))
    }

    /// The form for editing an existing indicator, filled in with what it
    /// holds now; validating it unchanged gives the same indicator back.
    pub fn from_indicator(i: &Indicator) -> IndicatorDraft {
        IndicatorDraft {
            name: i.name.clone(),
            theme_id: i.theme_id.clone().unwrap_or_default(),
            unit: i.unit.clone(),
            polarity: match i.polarity {
                Polarity::LowerIsBetter => "lower-is-better",
                Polarity::HigherIsBetter => "higher-is-better",
            }
            .into(),
            // Full precision rather than the two decimals shown on screen, so
            // saving an untouched form never changes the baseline.
            baseline: i.baseline.map(number_for_form).unwrap_or_default(),
            baseline_period: i.baseline_period.clone(),
            target_kind: match i.target.map(|t| t.kind) {
                None => "",
                Some(TargetKind::Value) => "value",
                Some(TargetKind::PercentChange) => "percent-change",
            }
            .into(),
            target: i.target.map(|t| number_for_form(t.amount)).unwrap_or_default(),
            frequency: match i.frequency {
                Frequency::Quarterly => "quarterly",
                Frequency::Annual => "annual",
            }
            .into(),
            basis: i.basis.code().into(),
            span: i.span.code().into(),
            source: i.source.clone(),
            notes: i.notes.as_str().to_string(),
        }
    }
}

/// One quarter's value for one indicator, as typed or imported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuarterValueDraft {
    /// "2019-20-Q3" (the quarter picker's value) or "Q3 2019-20".
    pub quarter: String,
    pub value: String,
    pub note: String,
}

/// A checked quarter value, ready for [`crate::doc::Workspace::record_value`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidQuarterValue {
    pub quarter: FinancialQuarter,
    /// Always finite.
    pub value: f64,
    pub note: String,
}

impl QuarterValueDraft {
    pub fn validate(&self) -> Result<ValidQuarterValue, FieldErrors> {
        let mut errors = FieldErrors::default();
        let quarter = match self.quarter.trim() {
            "" => {
                errors.add("quarter", "Select the quarter the value is for");
                None
            }
            text => parse_quarter(text).or_else(|| {
                errors.add("quarter", "Enter a real quarter, like Q1 2019-20");
                None
            }),
        };
        let value = match self.value.trim() {
            "" => {
                errors.add("value", "Enter the value for the quarter");
                None
            }
            text => parse_number(text).or_else(|| {
                errors.add("value", "Value must be a number, like 1250 or 12.5");
                None
            }),
        };
        match (quarter, value) {
            (Some(quarter), Some(value)) => {
                Ok(ValidQuarterValue { quarter, value, note: self.note.trim().to_string() })
            }
            _ => Err(errors),
        }
    }
}
