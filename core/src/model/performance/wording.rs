//! An indicator's figures in sentences a council officer would write: the
//! baseline and target stated for the period they describe, and how a
//! quarter's rating and direction of travel were worked out.
//!
//! Figures restated for a value's period (a quarter's share, a target to
//! date) are shown to the value's own precision, or finer where that is
//! needed to tell them apart from the value: 510.625 beside 561 reads "511",
//! beside 511 it reads "510.6".

use super::{Basis, Benchmark, Direction, Indicator, NoTarget, Rag, Span, TargetKind, same_quarter_last_year};
use crate::model::FinancialQuarter;

impl Indicator {
    /// "Reduce by 5% on 2016-17 (to 2,042.5 incidents a year)", "At most 30
    /// crimes a quarter", "At least 85%".
    pub fn target_text(&self) -> String {
        let Some(target) = self.target else { return "No target set".to_string() };
        let bound = match self.polarity {
            super::Polarity::LowerIsBetter => "At most",
            super::Polarity::HigherIsBetter => "At least",
        };
        let per = self.span.per();
        match (target.kind, self.target_value()) {
            (TargetKind::Value, _) => format!("{bound} {}{per}", self.format(target.amount)),
            (TargetKind::PercentChange, Ok(v)) => {
                let base = if self.baseline_period.is_empty() { "the baseline" } else { &self.baseline_period };
                let amount = format_number(target.amount.abs());
                let to = format!("{}{per}", self.format(v));
                if target.amount < 0.0 {
                    format!("Reduce by {amount}% on {base} (to {to})")
                } else if target.amount > 0.0 {
                    format!("Increase by {amount}% on {base} (to {to})")
                } else {
                    format!("Stay at the {base} level ({to})")
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

    /// [`Self::target_text`] and, where the target has to be restated for a
    /// value for `q`, the figure for that period, as reports show beside the
    /// quarter's value: "Reduce by 5% on 2018-19 (to 1,558 crimes a year);
    /// for Q3 2019-20: at most 389.5 crimes".
    pub fn target_text_for(&self, q: FinancialQuarter) -> String {
        let whole = self.target_text();
        let Some(t) = self.target_for(q).ok().filter(Benchmark::is_restated) else { return whole };
        let period = match self.basis {
            Basis::PerQuarter => format!("for {q}"),
            Basis::YearToDate => format!("to the end of {q}"),
            Basis::RollingYear => format!("for the 12 months to the end of {q}"),
        };
        format!("{whole}; {period}: {} {}", self.bound(), self.format(t.value))
    }

    /// "at most" or "at least", by polarity.
    fn bound(&self) -> &'static str {
        match self.polarity {
            super::Polarity::LowerIsBetter => "at most",
            super::Polarity::HigherIsBetter => "at least",
        }
    }

    /// "2,150 incidents in the year 2016-17", "540 crimes a quarter in
    /// 2018-19", "38% in 2018-19", or "No baseline".
    pub fn baseline_text(&self) -> String {
        let Some(b) = self.baseline.filter(|b| b.is_finite()) else { return "No baseline".to_string() };
        let figure = self.format(b);
        match (self.span, self.baseline_period.trim()) {
            (Span::Year, "") => format!("{figure} a year"),
            (Span::Year, period) => format!("{figure} in the year {period}"),
            (span, "") => format!("{figure}{}", span.per()),
            (span, period) => format!("{figure}{} in {period}", span.per()),
        }
    }

    /// The hint beside a quarter's value box: what to enter, the quarter
    /// before's value and the target for the period, in the same terms:
    /// "Enter the year to date: April to December 2019, in crimes. Q2
    /// 2019-20: 200 crimes. Target for the period: at most 256.5 crimes."
    pub fn entry_hint(&self, q: FinancialQuarter) -> String {
        let unit = match self.unit.trim() {
            "" => String::new(),
            unit => format!(", in {unit}"),
        };
        let before = q.previous();
        let previous = self.value_in(before).map_or("no value".to_string(), |v| self.format(v));
        let target = match self.target_for(q) {
            Ok(t) => format!("{} {}", self.bound(), self.format(t.value)),
            Err(_) => "none set".to_string(),
        };
        format!("{}{unit}. {before}: {previous}. Target for the period: {target}.", self.basis.what_to_enter(q))
    }

    /// How a rating was reached, in the words of [`super::Rating::explanation`].
    pub(super) fn explain_rating(
        &self,
        q: FinancialQuarter,
        value: f64,
        rag: Rag,
        target: Result<Benchmark, NoTarget>,
        baseline: Option<Benchmark>,
    ) -> String {
        // "561 is worse than both", but "36.5% misses the target".
        let shown = if self.unit.trim() == "%" { format!("{}%", format_number(value)) } else { format_number(value) };
        let opening = format!("{q}: {}{}.", self.format(value), self.basis.period_words(q));
        let target = match target {
            Ok(t) => t,
            Err(why) => {
                let reason = match why {
                    NoTarget::NotSet => "No target is set",
                    NoTarget::NoBaseline => "The target is a % change, but there is no baseline to measure it from",
                    NoTarget::ZeroBaseline => "The target is a % change on a baseline of 0, which gives no target",
                };
                return format!("{opening} {reason}, so there is nothing to rate it against.");
            }
        };
        let year = q.year;
        let target_words = match (self.basis, target.is_restated()) {
            (_, false) if self.span == Span::Rate => format!("The target is {}", self.format(target.value)),
            (Basis::YearToDate, _) => format!(
                "The {year} target to the end of Q{} is {}{}",
                q.quarter,
                self.beside(target.value, value),
                self.working(&target)
            ),
            (_, true) if self.span == Span::Year => format!(
                "A quarter's share of the {year} target is {}{}",
                self.beside(target.value, value),
                self.working(&target)
            ),
            (_, true) => {
                format!("The target for 12 months is {}{}", self.beside(target.value, value), self.working(&target))
            }
            (_, false) => format!("The target{} is {}", period_of(self.span), self.format(target.value)),
        };
        let baseline_words = match baseline {
            None => "there is no baseline, so a miss by no more than 5% of the target is amber".to_string(),
            Some(b) if b.is_restated() && self.basis == Basis::YearToDate => format!(
                "the baseline to the end of Q{} is {}{}",
                q.quarter,
                self.beside(b.value, value),
                self.working(&b)
            ),
            Some(b) if b.is_restated() && self.span == Span::Year => {
                format!("the baseline's quarter share is {}{}", self.beside(b.value, value), self.working(&b))
            }
            Some(b) if b.is_restated() => {
                format!("the baseline for 12 months is {}{}", self.beside(b.value, value), self.working(&b))
            }
            Some(b) => format!("the baseline is {}", self.format(b.value)),
        };
        let verdict = match rag {
            Rag::Green if value == target.value => format!("{shown} meets the target"),
            Rag::Green => format!("{shown} is better than the target"),
            Rag::Amber if baseline.is_some() => format!("{shown} misses the target but is no worse than the baseline"),
            Rag::Amber => format!("{shown} misses the target by no more than 5% of it"),
            Rag::Red if baseline.is_some() => format!("{shown} is worse than both"),
            Rag::Red => format!("{shown} misses the target by more than 5% of it"),
            Rag::NoTarget => format!("{shown} cannot be rated"),
        };
        format!("{opening} {target_words}; {baseline_words}. {verdict}, so {}.", rag.label())
    }

    /// How the direction of travel for `q` was found, in the words of
    /// [`super::Rating::trend_explanation`].
    pub(super) fn explain_trend(&self, q: FinancialQuarter) -> String {
        let trend = self.trend(q);
        let (before, year_ago) = (q.previous(), same_quarter_last_year(q));
        let against_year = self.against("a year before", year_ago, trend.vs_same_quarter_last_year);
        if self.basis != Basis::YearToDate {
            let against_before = self.against("the quarter before", before, trend.vs_previous_quarter);
            return format!("{against_before} {against_year}");
        }
        let against_before = match (self.own_value(q), self.own_value(before)) {
            (Some(now), Some(then)) => format!(
                "Against the quarter before, by each quarter's own figure: {} in {q}{} against {} in {before}{}: {}.",
                self.format(now),
                self.difference(q),
                format_number(then),
                self.difference(before),
                words(trend.vs_previous_quarter)
            ),
            _ => format!(
                "Against the quarter before: a year-to-date figure grows through the year, so each quarter's own \
                 figure is compared, and that needs the year to date for {before}{}.",
                if before.quarter > 1 { format!(" and {}", before.previous()) } else { String::new() }
            ),
        };
        let same_point = "The year to date is compared with the same point a year before";
        format!("{against_before} {same_point}. {against_year}")
    }

    /// "Against a year before (Q3 2018-19: 412 crimes): improving.", or that
    /// `other` has no value.
    fn against(&self, what: &str, other: FinancialQuarter, direction: Option<Direction>) -> String {
        match self.value_in(other) {
            Some(v) => format!("Against {what} ({other}: {}): {}.", self.format(v), words(direction)),
            None => format!("Against {what}: there is no value for {other}."),
        }
    }

    /// " (1,000 − 520)": how a year-to-date quarter's own figure was found.
    fn difference(&self, q: FinancialQuarter) -> String {
        match (q.quarter > 1, self.value_in(q), self.value_in(q.previous())) {
            (true, Some(now), Some(then)) => format!(" ({} − {})", format_number(now), format_number(then)),
            _ => String::new(),
        }
    }

    /// " (2,042.5 ÷ 4)", " (2,042.5 × 2 ÷ 4)", " (510 a quarter × 4)", or
    /// "" when nothing was restated.
    fn working(&self, b: &Benchmark) -> String {
        let whole = format!("{}{}", format_number(b.whole), if b.of == 1 { " a quarter" } else { "" });
        match (b.covered, b.of) {
            (c, o) if c == o => String::new(),
            (1, o) => format!(" ({whole} ÷ {o})"),
            (c, 1) => format!(" ({whole} × {c})"),
            (c, o) => format!(" ({whole} × {c} ÷ {o})"),
        }
    }

    /// A restated figure with the unit, to the value's precision or finer
    /// where needed to tell it apart from the value.
    fn beside(&self, figure: f64, value: f64) -> String {
        let own = decimals_shown(value);
        let places = (own..=2).find(|&p| (round_to(figure, p) == round_to(value, p)) == (figure == value));
        let text = format_rounded(figure, places.unwrap_or(2));
        match self.unit.trim() {
            "" => text,
            "%" => format!("{text}%"),
            unit => format!("{text} {unit}"),
        }
    }
}

/// " for a year", " for a quarter" or "" for a rate.
fn period_of(span: Span) -> &'static str {
    match span {
        Span::Year => " for a year",
        Span::Quarter => " for a quarter",
        Span::Rate => "",
    }
}

fn words(d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::Improving) => "improving",
        Some(Direction::Worsening) => "worsening",
        Some(Direction::NoChange) => "no change",
        None => "not known",
    }
}

fn round_to(value: f64, places: u8) -> f64 {
    let scale = 10f64.powi(i32::from(places));
    (value * scale).round() / scale
}

/// Decimal places [`format_number`] shows for `value` (0 to 2).
fn decimals_shown(value: f64) -> u8 {
    format_number(value).split_once('.').map_or(0, |(_, f)| f.len() as u8)
}

/// A number as an edit form shows it: "2,150", or every digit where two
/// decimals would change it (a third stays 0.333…), so a form saved
/// untouched gives the same number back.
pub fn number_for_form(value: f64) -> String {
    let shown = format_number(value);
    if super::parse_number(&shown) == Some(value) { shown } else { value.to_string() }
}

/// UK style with thousands separators and at most two decimals: 1,250 / 12.5.
pub fn format_number(value: f64) -> String {
    format_rounded(value, 2)
}

/// UK style with thousands separators, rounded to `places` decimals (at most
/// 2) with trailing zeros dropped.
fn format_rounded(value: f64, places: u8) -> String {
    let places = places.min(2);
    let rounded = round_to(value, places);
    let negative = rounded < 0.0;
    let text = format!("{:.*}", usize::from(places), rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
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
