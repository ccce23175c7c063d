//! Rating a quarter's value like with like: the target and baseline are
//! restated for the period the value covers before they are compared (see
//! the rule and its sources in the parent module's documentation).

use super::{Basis, Direction, Indicator, NoTarget, Rag, Trend, same_quarter_last_year};
use crate::model::FinancialQuarter;

/// A target or baseline restated for the period one value covers.
///
/// `value` is `whole × covered ÷ of`, rounded to six decimal places so that a
/// value typed to match it exactly is seen to meet it: a 2,042.5 target for a
/// year is 510.625 for a quarter (`covered` 1, `of` 4) and 1,021.25 for the
/// year to date at Q2 (2 of 4). `covered == of` means nothing was restated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Benchmark {
    /// As set on the indicator, for the period its [`super::Span`] names.
    pub whole: f64,
    /// Restated for the value's period.
    pub value: f64,
    /// Quarters the value covers.
    pub covered: u8,
    /// Quarters the whole figure describes.
    pub of: u8,
}

impl Benchmark {
    fn new(whole: f64, covered: u8, of: u8) -> Benchmark {
        let value = ((whole * f64::from(covered) / f64::from(of)) * 1e6).round() / 1e6;
        Benchmark { whole, value, covered, of }
    }

    /// Whether the figure had to be shared out or added up for this value.
    pub fn is_restated(&self) -> bool {
        self.covered != self.of
    }
}

/// How one quarter's value was rated, with the figures it was compared with
/// and the working in plain English for the indicator page.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    pub quarter: FinancialQuarter,
    /// As entered, always finite.
    pub value: f64,
    pub rag: Rag,
    /// The target for the value's period, or why there is none.
    pub target: Result<Benchmark, NoTarget>,
    /// The baseline for the value's period: the line between amber and red.
    pub baseline: Option<Benchmark>,
    pub trend: Trend,
    /// "Q1 2019-20: 561 incidents. A quarter's share of the 2019-20 target
    /// is 511 (2,042.5 ÷ 4); … so Red."
    pub explanation: String,
    /// How the direction of travel was found, naming the figures compared.
    pub trend_explanation: String,
}

impl Indicator {
    /// The target restated for the period a value for `q` covers, or why
    /// there is none.
    pub fn target_for(&self, q: FinancialQuarter) -> Result<Benchmark, NoTarget> {
        self.target_value().map(|t| self.restate(t, q))
    }

    /// The baseline restated for the period a value for `q` covers.
    pub fn baseline_for(&self, q: FinancialQuarter) -> Option<Benchmark> {
        self.finite_baseline().map(|b| self.restate(b, q))
    }

    fn restate(&self, whole: f64, q: FinancialQuarter) -> Benchmark {
        match self.span.quarters() {
            Some(of) => Benchmark::new(whole, self.basis.quarters_covered(q), of),
            None => Benchmark::new(whole, 1, 1),
        }
    }

    /// The RAG rating of the value recorded for `q`, if there is one.
    pub fn rag_in(&self, q: FinancialQuarter) -> Option<Rag> {
        self.value_in(q).map(|v| self.rag_of(v, q))
    }

    /// The rating of `value` as a value for `q`: green when it meets or
    /// beats the target for its period, amber when it misses that but is
    /// no worse than the baseline for its period, red when worse than both.
    /// Without a baseline, a miss within 5% of the target is amber.
    pub(super) fn rag_of(&self, value: f64, q: FinancialQuarter) -> Rag {
        let Ok(target) = self.target_for(q) else { return Rag::NoTarget };
        if !value.is_finite() {
            return Rag::NoTarget;
        }
        if !self.worse(value, target.value) {
            return Rag::Green;
        }
        match self.baseline_for(q) {
            Some(b) if !self.worse(value, b.value) => Rag::Amber,
            Some(_) => Rag::Red,
            None if (value - target.value).abs() <= target.value.abs() * 0.05 => Rag::Amber,
            None => Rag::Red,
        }
    }

    /// The rating of the value recorded for `q` with its working, or `None`
    /// when no value is recorded.
    pub fn rating(&self, q: FinancialQuarter) -> Option<Rating> {
        let value = self.value_in(q)?;
        let rag = self.rag_of(value, q);
        let (target, baseline) = (self.target_for(q), self.baseline_for(q));
        let explanation = self.explain_rating(q, value, rag, target, baseline);
        let trend_explanation = self.explain_trend(q);
        Some(Rating { quarter: q, value, rag, target, baseline, trend: self.trend(q), explanation, trend_explanation })
    }

    /// Direction of travel for `q`. A quarter's value, or a rolling 12
    /// months, is compared with the quarter before and the same quarter a
    /// year earlier. A year-to-date value always grows during the year, so
    /// against the quarter before it is the quarter's own figure (the
    /// difference of two year-to-date values) that is compared; against a
    /// year earlier, the year to date at the same point.
    pub fn trend(&self, q: FinancialQuarter) -> Trend {
        let between = |now: Option<f64>, before: Option<f64>| Some(self.direction(now?, before?));
        let last_year = between(self.value_in(q), self.value_in(same_quarter_last_year(q)));
        let previous = match self.basis {
            Basis::YearToDate => between(self.own_value(q), self.own_value(q.previous())),
            Basis::PerQuarter | Basis::RollingYear => between(self.value_in(q), self.value_in(q.previous())),
        };
        Trend { vs_previous_quarter: previous, vs_same_quarter_last_year: last_year }
    }

    /// What happened in `q` alone. For a year-to-date indicator that is the
    /// year to date less the quarter before's (Q1's is its own), so it needs
    /// both values; otherwise it is the value recorded, which for a rolling
    /// year is not one quarter's figure and is compared as it is.
    pub fn own_value(&self, q: FinancialQuarter) -> Option<f64> {
        let now = self.value_in(q)?;
        match self.basis {
            Basis::YearToDate if q.quarter > 1 => Some(now - self.value_in(q.previous())?),
            _ => Some(now),
        }
    }

    pub(super) fn direction(&self, now: f64, before: f64) -> Direction {
        if now == before {
            Direction::NoChange
        } else if self.worse(now, before) {
            Direction::Worsening
        } else {
            Direction::Improving
        }
    }
}
