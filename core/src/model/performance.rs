//! Performance indicators: what each theme is "measured quarterly through".
//!
//! An indicator has a baseline, a target (a value, or a % change on the
//! baseline) and a polarity (is lower better?), and a value per
//! financial-year quarter. From those come its RAG rating and its direction
//! of travel, which the indicator pages, the dashboard, the quarterly and
//! annual reports and the spreadsheet export all show through
//! [`Indicator::rag_in`], [`Indicator::trend`] and [`Indicator::rating`].
//!
//! # Like with like
//!
//! Each indicator says what its values count ([`Basis`]: a quarter on its
//! own, the year to date, or the 12 months to the quarter's end) and what
//! period its baseline and target describe ([`Span`]: a whole year, one
//! quarter, or a rate). Before a value is rated, the target and the
//! baseline are restated for the period the value covers
//! ([`Indicator::target_for`], [`Indicator::baseline_for`]):
//!
//! - a **quarter's value** is compared with a quarter's share of a yearly
//!   figure (target ÷ 4);
//! - a **year-to-date value** at Qn is compared with the target to date,
//!   target × n ÷ 4 for a yearly target (n × a quarterly one);
//! - a **rolling 12-month value** is compared with a yearly figure directly
//!   (4 × a quarterly one);
//! - a **rate or percentage** is compared as it is, whatever the basis.
//!
//! Worked example: a baseline of 2,150 incidents in the year 2016-17 and a
//! −5% target give 2,042.5 for a year, 510.625 for a quarter. A Q1 value of
//! 561, lower being better, is worse than the target's quarter share and
//! than the baseline's (537.5), so it is red — though the same 561 rated
//! against the yearly 2,042.5 would have looked green. A year-to-date 1,000
//! at Q2 against a target to date of 1,021.25 is green.
//!
//! # RAG
//!
//! With the target and baseline for the value's period:
//! - **Green**: the target is met or beaten (meeting it exactly is green);
//! - **Amber**: the target is missed but the value is no worse than the
//!   baseline (without a baseline: missed by no more than 5% of the target);
//! - **Red**: the value is worse than the baseline (or, without one, misses
//!   the target by more than 5%);
//! - **No target**: no target is set, or a % target sits on a zero or missing
//!   baseline, where a percentage means nothing.
//!
//! # Direction of travel
//!
//! Against the quarter before (Q4 of the previous financial year for a Q1)
//! and against the same quarter a year earlier: *improving* or *worsening*
//! according to the polarity, *no change* when equal, unknown when a value
//! is missing. A year-to-date figure always grows during the year, so it is
//! never compared with the quarter before's year to date: against the
//! quarter before, each quarter's own figure (the difference of two
//! year-to-date values) is compared; against a year earlier, the year to
//! date at the same point. Rolling 12-month figures compare directly both
//! ways, as do quarters on their own.
//!
//! # Sources
//!
//! - London Borough of Havering, *Annual Corporate Performance Report
//!   2014/15*, appendix 1 key: each indicator is marked as reported
//!   cumulatively, as a snapshot, as a rolling year or as an annual figure;
//!   the short-term direction of travel compares with the previous quarter
//!   and the long-term with the same time last year. Havering's Cabinet
//!   minutes for Quarter 3 2014/15 (democracy.havering.gov.uk, item 8989)
//!   rate against the *quarterly* target and note that a short-term
//!   direction of travel is only meaningful where the quarterly target stays
//!   the same through the year — hence no quarter-on-quarter comparison of
//!   cumulative figures here.
//! - West Yorkshire Police and Crime Commissioner, *Performance indicators:
//!   PCC Community Safety Fund* (2013-14): the CSPs report a yearly baseline
//!   beside year-to-date figures ("YTD – 7,320" at Q2 for Calderdale's total
//!   crime against 13,202 for the year) and rates for "12 months to"
//!   a date.
//! - Office for National Statistics, *Crime in England and Wales* quarterly
//!   bulletins: police recorded crime is published as rolling 12-month
//!   totals ("year ending June 2014") compared with the 12 months a year
//!   earlier.
//! - Safer Derbyshire's performance report guide: status is measured on
//!   cumulative (year-to-date) data against the target; red beyond 5% off
//!   target, amber within 5% — the tolerance used here when there is no
//!   baseline to mark the line.
//!
//! The forms ([`IndicatorDraft`], [`QuarterValueDraft`]) are checked in
//! `draft.rs`; quarter codes such as "2019-20-Q3", and the quarters a value
//! can be entered for, live in `quarters.rs`; the sentences in `wording.rs`.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};

use super::{FinancialQuarter, FinancialYear, Narrative};

mod basis;
mod draft;
mod number;
mod quarters;
mod rating;
mod wording;

pub use basis::{Basis, Span};
pub use draft::{IndicatorDraft, QuarterValueDraft, ValidQuarterValue, parse_number};
pub use quarters::{
    parse_financial_year, parse_quarter, parse_quarter_code, quarter_code, quarters_for_entry, same_quarter_last_year,
};
pub use rating::{Benchmark, Rating};
pub use wording::{format_number, number_for_form};

/// A performance indicator with every quarter's value, as stored under
/// `indicators/<id>` in the document.
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
    /// The period the baseline was measured in, as people write it:
    /// "2018-19". Free text; may be empty.
    pub baseline_period: String,
    #[autosurgeon(missing = "Default::default")]
    pub target: Option<Target>,
    /// How often values are entered (annual indicators are not chased
    /// every quarter).
    pub frequency: Frequency,
    /// What each quarter's value counts. Absent in older documents, which
    /// only held quarters on their own.
    #[autosurgeon(missing = "Default::default")]
    pub basis: Basis,
    /// What period the baseline and target describe. Absent in older
    /// documents, whose ratings compared them with a quarter's value as they
    /// were, as [`Span::Quarter`] still does.
    #[autosurgeon(missing = "Default::default")]
    pub span: Span,
    /// Where the numbers come from, e.g. "Bedfordshire Police crime data".
    pub source: String,
    pub notes: Narrative,
    /// Keyed by quarter code ("2019-20-Q3"), so two partners entering
    /// different quarters never collide.
    #[autosurgeon(missing = "Default::default")]
    pub values: BTreeMap<String, QuarterValue>,
}

/// Which way is better: fewer crimes, or more successful completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum Polarity {
    #[autosurgeon(rename = "lower-is-better")]
    LowerIsBetter,
    #[autosurgeon(rename = "higher-is-better")]
    HigherIsBetter,
}

/// How often a value is entered: every quarter, or once a year (as for
/// figures published yearly).
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

/// How a [`Target`]'s amount is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum TargetKind {
    #[autosurgeon(rename = "value")]
    Value,
    #[autosurgeon(rename = "percent-change")]
    PercentChange,
}

/// One quarter's value with who entered it and when (Unix seconds).
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

/// A red, amber or green rating (see the module documentation for the rule).
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

/// Direction of travel between two values, by the indicator's polarity.
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
/// year earlier; `None` where a value needed is missing. For a year-to-date
/// indicator, the first compares the quarters' own figures (see
/// [`Indicator::trend`]).
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

    /// The value recorded for a quarter. A value that is not a real number
    /// (only possible in a damaged file) counts as missing.
    pub fn value_in(&self, q: FinancialQuarter) -> Option<f64> {
        self.values.get(&quarter_code(q)).map(|v| v.value).filter(|v| v.is_finite())
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
            q = q.next();
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
        crate::sorting::sort_by_key(&mut out, |(q, _)| *q);
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

    /// Whether `a` is worse than `b` for this indicator.
    fn worse(&self, a: f64, b: f64) -> bool {
        match self.polarity {
            Polarity::LowerIsBetter => a > b,
            Polarity::HigherIsBetter => a < b,
        }
    }
}

#[cfg(test)]
mod rating_tests;
#[cfg(test)]
mod tests;
