//! Worked examples of rating like with like: each basis and polarity in
//! each band, the direction of travel for each basis, and the working the
//! indicator page shows.

use super::tests::{q, with_values};
use super::*;

/// The issue's example: 2,150 incidents in the year 2016-17, target −5%.
fn incidents(basis: Basis, span: Span, polarity: Polarity) -> Indicator {
    let draft = IndicatorDraft {
        name: "Anti-social behaviour incidents".into(),
        unit: "incidents".into(),
        polarity: match polarity {
            Polarity::LowerIsBetter => "lower-is-better",
            Polarity::HigherIsBetter => "higher-is-better",
        }
        .into(),
        baseline: "2,150".into(),
        baseline_period: "2016-17".into(),
        target_kind: "percent-change".into(),
        target: if polarity == Polarity::LowerIsBetter { "-5" } else { "5" }.into(),
        basis: basis.code().into(),
        span: span.code().into(),
        ..Default::default()
    };
    draft.validate("asb".into(), |_| true).expect("valid")
}

const LOWER: Polarity = Polarity::LowerIsBetter;
const HIGHER: Polarity = Polarity::HigherIsBetter;

#[test]
fn a_yearly_target_is_shared_out_for_a_quarter_and_its_baseline_too() {
    let i = incidents(Basis::PerQuarter, Span::Year, LOWER);
    let q1 = q("2019-20-Q1");
    assert_eq!(i.target_value(), Ok(2042.5));
    assert_eq!(i.target_for(q1).map(|t| t.value), Ok(510.625));
    assert_eq!(i.baseline_for(q1).map(|b| b.value), Some(537.5));
    assert_eq!(i.rag_of(561.0, q1), Rag::Red, "561 is worse than both quarter shares");
    let up = incidents(Basis::PerQuarter, Span::Year, HIGHER);
    assert_eq!(up.target_for(q1).map(|t| t.value), Ok(564.375), "2,150 + 5% = 2,257.5 a year");
    let down_but_higher_is_better = Indicator { polarity: HIGHER, ..i.clone() };
    assert_eq!(down_but_higher_is_better.rag_of(561.0, q1), Rag::Green, "561 beats 510.625");
    // What the app did before: the yearly figures compared with a quarter as they were.
    let old = Indicator { span: Span::Quarter, ..i };
    assert_eq!(old.rag_of(561.0, q1), Rag::Green, "against 2,042.5 a quarter's 561 looked green");
}

#[test]
fn a_year_to_date_value_is_compared_with_the_target_to_date() {
    let i = incidents(Basis::YearToDate, Span::Year, LOWER);
    let q2 = q("2019-20-Q2");
    assert_eq!(i.target_for(q2).map(|t| t.value), Ok(1021.25), "2,042.5 × 2 ÷ 4");
    assert_eq!(i.baseline_for(q2).map(|b| b.value), Some(1075.0));
    assert_eq!(i.rag_of(1000.0, q2), Rag::Green);
    assert_eq!(i.rag_of(1050.0, q2), Rag::Amber);
    assert_eq!(i.rag_of(1100.0, q2), Rag::Red);
    assert_eq!(i.target_for(q("2019-20-Q1")).map(|t| t.value), Ok(510.625), "Q1's year to date is a quarter");
    let q4 = q("2019-20-Q4");
    assert_eq!(i.target_for(q4).map(|t| (t.value, t.is_restated())), Ok((2042.5, false)), "Q4's is the year");
    assert_eq!(i.rag_of(2042.5, q4), Rag::Green, "meeting the year's target exactly");
}

#[test]
fn a_rolling_year_is_compared_with_the_yearly_target_directly() {
    let i = incidents(Basis::RollingYear, Span::Year, LOWER);
    let q3 = q("2019-20-Q3");
    assert_eq!(i.target_for(q3).map(|t| (t.value, t.is_restated())), Ok((2042.5, false)));
    assert_eq!(i.rag_of(2000.0, q3), Rag::Green);
    assert_eq!(i.rag_of(2100.0, q3), Rag::Amber);
    assert_eq!(i.rag_of(2200.0, q3), Rag::Red);
}

#[test]
fn a_quarterly_baseline_and_target_are_added_up_for_longer_periods() {
    let draft = IndicatorDraft {
        name: "Burglary".into(),
        polarity: "lower-is-better".into(),
        baseline: "540".into(),
        target_kind: "value".into(),
        target: "510".into(),
        span: "quarter".into(),
        basis: "per-quarter".into(),
        ..Default::default()
    };
    let quarterly = draft.validate("b".into(), |_| true).expect("valid");
    let q3 = q("2019-20-Q3");
    let figures = |basis| {
        let i = Indicator { basis, ..quarterly.clone() };
        (i.target_for(q3).map(|t| t.value), i.baseline_for(q3).map(|b| b.value))
    };
    assert_eq!(figures(Basis::PerQuarter), (Ok(510.0), Some(540.0)));
    assert_eq!(figures(Basis::YearToDate), (Ok(1530.0), Some(1620.0)), "three quarters to date");
    assert_eq!(figures(Basis::RollingYear), (Ok(2040.0), Some(2160.0)), "four quarters");
}

#[test]
fn a_rate_is_never_shared_out() {
    let draft = IndicatorDraft {
        name: "Proven re-offending".into(),
        unit: "%".into(),
        polarity: "lower-is-better".into(),
        baseline: "38".into(),
        target_kind: "value".into(),
        target: "35".into(),
        span: "rate".into(),
        basis: "year-to-date".into(),
        ..Default::default()
    };
    let rate = draft.validate("r".into(), |_| true).expect("valid");
    for basis in Basis::ALL {
        let i = Indicator { basis, ..rate.clone() };
        for code in ["2019-20-Q1", "2019-20-Q2", "2019-20-Q4"] {
            assert_eq!(i.target_for(q(code)).map(|t| t.value), Ok(35.0), "{basis:?} {code}");
            assert_eq!(i.baseline_for(q(code)).map(|b| b.value), Some(38.0));
            assert_eq!(i.rag_of(36.5, q(code)), Rag::Amber);
        }
    }
}

#[test]
fn every_basis_and_polarity_in_every_band() {
    // At Q2 2019-20, with 2,150 in 2016-17 and a 5% target in the better
    // direction: a quarter's share, the year to date (two quarters) or the year.
    let q2 = q("2019-20-Q2");
    let cases = [
        // (basis, polarity, value, rating): target 510.625, baseline 537.5.
        (Basis::PerQuarter, LOWER, 510.625, Rag::Green),
        (Basis::PerQuarter, LOWER, 524.0, Rag::Amber),
        (Basis::PerQuarter, LOWER, 537.5, Rag::Amber),
        (Basis::PerQuarter, LOWER, 538.0, Rag::Red),
        // Target 564.375, baseline 537.5.
        (Basis::PerQuarter, HIGHER, 565.0, Rag::Green),
        (Basis::PerQuarter, HIGHER, 550.0, Rag::Amber),
        (Basis::PerQuarter, HIGHER, 537.0, Rag::Red),
        // Year to date: target 1,021.25, baseline 1,075.
        (Basis::YearToDate, LOWER, 1021.25, Rag::Green),
        (Basis::YearToDate, LOWER, 1075.0, Rag::Amber),
        (Basis::YearToDate, LOWER, 1076.0, Rag::Red),
        // Target 1,128.75, baseline 1,075.
        (Basis::YearToDate, HIGHER, 1130.0, Rag::Green),
        (Basis::YearToDate, HIGHER, 1100.0, Rag::Amber),
        (Basis::YearToDate, HIGHER, 1074.0, Rag::Red),
        // Rolling year: target 2,042.5, baseline 2,150.
        (Basis::RollingYear, LOWER, 2042.0, Rag::Green),
        (Basis::RollingYear, LOWER, 2149.0, Rag::Amber),
        (Basis::RollingYear, LOWER, 2151.0, Rag::Red),
        // Target 2,257.5, baseline 2,150.
        (Basis::RollingYear, HIGHER, 2257.5, Rag::Green),
        (Basis::RollingYear, HIGHER, 2150.0, Rag::Amber),
        (Basis::RollingYear, HIGHER, 2149.0, Rag::Red),
    ];
    for (basis, polarity, value, rag) in cases {
        let i = incidents(basis, Span::Year, polarity);
        assert_eq!(i.rag_of(value, q2), rag, "{basis:?} {polarity:?} {value}");
        let untargeted = Indicator { target: None, ..i };
        assert_eq!(untargeted.rag_of(value, q2), Rag::NoTarget, "{basis:?} {polarity:?} without a target");
    }
}

#[test]
fn a_year_to_date_trend_compares_each_quarters_own_figure_and_the_same_point_last_year() {
    let i = with_values(
        incidents(Basis::YearToDate, Span::Year, LOWER),
        &[
            ("2018-19-Q1", 500.0),
            ("2018-19-Q2", 1050.0),
            ("2018-19-Q3", 1600.0),
            ("2018-19-Q4", 2100.0),
            ("2019-20-Q1", 520.0),
            ("2019-20-Q2", 1000.0),
        ],
    );
    let q2 = q("2019-20-Q2");
    assert_eq!(i.own_value(q2), Some(480.0), "1,000 − 520");
    // The year to date grew from 520 to 1,000, but the quarter itself (480)
    // was better than Q1 (520).
    assert_eq!(i.trend(q2).vs_previous_quarter, Some(Direction::Improving));
    assert_eq!(i.trend(q2).vs_same_quarter_last_year, Some(Direction::Improving), "1,000 against 1,050");
    let q1 = q("2019-20-Q1");
    assert_eq!(i.own_value(q("2018-19-Q4")), Some(500.0), "2,100 − 1,600");
    assert_eq!(
        i.trend(q1),
        Trend {
            vs_previous_quarter: Some(Direction::Worsening),
            vs_same_quarter_last_year: Some(Direction::Worsening)
        },
        "Q1's 520 against Q4's own 500, and against last year's Q1 of 500"
    );
    let gap =
        with_values(incidents(Basis::YearToDate, Span::Year, LOWER), &[("2019-20-Q2", 1000.0), ("2019-20-Q3", 1400.0)]);
    assert_eq!(gap.own_value(q("2019-20-Q3")), Some(400.0));
    assert_eq!(gap.trend(q("2019-20-Q3")).vs_previous_quarter, None, "Q2's own figure needs Q1's year to date");
}

#[test]
fn a_rolling_year_trend_compares_both_ways_directly() {
    let i = with_values(
        incidents(Basis::RollingYear, Span::Year, LOWER),
        &[("2018-19-Q3", 2300.0), ("2019-20-Q2", 2150.0), ("2019-20-Q3", 2100.0)],
    );
    let q3 = q("2019-20-Q3");
    assert_eq!(i.own_value(q3), Some(2100.0));
    assert_eq!(
        i.trend(q3),
        Trend {
            vs_previous_quarter: Some(Direction::Improving),
            vs_same_quarter_last_year: Some(Direction::Improving)
        }
    );
}

#[test]
fn the_working_is_explained_in_plain_english() {
    let per_quarter = with_values(incidents(Basis::PerQuarter, Span::Year, LOWER), &[("2019-20-Q1", 561.0)]);
    let rating = per_quarter.rating(q("2019-20-Q1")).expect("a value");
    assert_eq!(rating.rag, Rag::Red);
    assert_eq!(
        rating.explanation,
        "Q1 2019-20: 561 incidents. A quarter's share of the 2019-20 target is 511 incidents (2,042.5 ÷ 4); \
         the baseline's quarter share is 538 incidents (2,150 ÷ 4). 561 is worse than both, so Red."
    );
    assert_eq!(
        rating.trend_explanation,
        "Against the quarter before: there is no value for Q4 2018-19. \
         Against a year before: there is no value for Q1 2018-19."
    );
    let year_to_date = with_values(
        incidents(Basis::YearToDate, Span::Year, LOWER),
        &[("2018-19-Q2", 1050.0), ("2019-20-Q1", 520.0), ("2019-20-Q2", 1000.0)],
    );
    let rating = year_to_date.rating(q("2019-20-Q2")).expect("a value");
    assert_eq!(
        rating.explanation,
        "Q2 2019-20: 1,000 incidents in the year to date (April to September 2019). The 2019-20 target to the \
         end of Q2 is 1,021 incidents (2,042.5 × 2 ÷ 4); the baseline to the end of Q2 is 1,075 incidents \
         (2,150 × 2 ÷ 4). 1,000 is better than the target, so Green."
    );
    assert_eq!(
        rating.trend_explanation,
        "Against the quarter before, by each quarter's own figure: 480 incidents in Q2 2019-20 (1,000 − 520) \
         against 520 in Q1 2019-20: improving. The year to date is compared with the same point a year before. \
         Against a year before (Q2 2018-19: 1,050 incidents): improving."
    );
    let rolling = with_values(incidents(Basis::RollingYear, Span::Year, LOWER), &[("2019-20-Q3", 2100.0)]);
    assert_eq!(
        rolling.rating(q("2019-20-Q3")).expect("a value").explanation,
        "Q3 2019-20: 2,100 incidents in the 12 months to December 2019. The target for a year is 2,042.5 \
         incidents; the baseline is 2,150 incidents. 2,100 misses the target but is no worse than the baseline, \
         so Amber."
    );
}

#[test]
fn the_working_for_rates_quarters_and_missing_figures() {
    let mut rate = incidents(Basis::RollingYear, Span::Rate, LOWER);
    rate.unit = "%".into();
    rate.baseline = Some(38.0);
    rate.target = Some(Target { kind: TargetKind::Value, amount: 35.0 });
    let rate = with_values(rate, &[("2019-20-Q4", 36.5)]);
    assert_eq!(
        rate.rating(q("2019-20-Q4")).expect("a value").explanation,
        "Q4 2019-20: 36.5% in the 12 months to March 2020. The target is 35%; the baseline is 38%. \
         36.5% misses the target but is no worse than the baseline, so Amber."
    );
    let mut quarterly = incidents(Basis::RollingYear, Span::Quarter, LOWER);
    quarterly.baseline = None;
    quarterly.target = Some(Target { kind: TargetKind::Value, amount: 500.0 });
    let quarterly = with_values(quarterly, &[("2019-20-Q1", 2090.0)]);
    assert_eq!(
        quarterly.rating(q("2019-20-Q1")).expect("a value").explanation,
        "Q1 2019-20: 2,090 incidents in the 12 months to June 2019. The target for 12 months is 2,000 incidents \
         (500 a quarter × 4); there is no baseline, so a miss by no more than 5% of the target is amber. \
         2,090 misses the target by no more than 5% of it, so Amber."
    );
    let untargeted = with_values(
        Indicator { target: None, ..incidents(Basis::PerQuarter, Span::Year, LOWER) },
        &[("2019-20-Q1", 561.0)],
    );
    let rating = untargeted.rating(q("2019-20-Q1")).expect("a value");
    assert_eq!(rating.rag, Rag::NoTarget);
    assert_eq!(
        rating.explanation,
        "Q1 2019-20: 561 incidents. No target is set, so there is nothing to rate it against."
    );
    assert_eq!(untargeted.rating(q("2019-20-Q2")), None, "no value, no rating");
}

#[test]
fn a_shared_out_figure_is_shown_finely_enough_to_tell_it_from_the_value() {
    let i = with_values(incidents(Basis::PerQuarter, Span::Year, LOWER), &[("2019-20-Q1", 511.0)]);
    let text = i.rating(q("2019-20-Q1")).expect("a value").explanation;
    assert!(text.contains("2019-20 target is 510.6 incidents (2,042.5 ÷ 4)"), "{text}");
    assert!(text.ends_with("511 misses the target but is no worse than the baseline, so Amber."), "{text}");
}

#[test]
fn baselines_and_targets_are_stated_for_their_period() {
    let year = incidents(Basis::PerQuarter, Span::Year, LOWER);
    assert_eq!(year.baseline_text(), "2,150 incidents in the year 2016-17");
    assert_eq!(year.target_text(), "Reduce by 5% on 2016-17 (to 2,042.5 incidents a year)");
    let undated = Indicator { baseline_period: String::new(), ..year.clone() };
    assert_eq!(undated.baseline_text(), "2,150 incidents a year");
    assert_eq!(undated.target_text(), "Reduce by 5% on the baseline (to 2,042.5 incidents a year)");
    let mut rate = Indicator { span: Span::Rate, unit: "%".into(), ..year };
    rate.baseline = Some(38.0);
    assert_eq!(rate.baseline_text(), "38% in 2016-17");
    rate.target = Some(Target { kind: TargetKind::Value, amount: 35.0 });
    assert_eq!(rate.target_text(), "At most 35%");
    rate.baseline = None;
    assert_eq!(rate.baseline_text(), "No baseline");
}

#[test]
fn what_to_enter_for_each_basis() {
    let q3 = q("2019-20-Q3");
    assert_eq!(Basis::PerQuarter.what_to_enter(q3), "Enter Q3 2019-20 on its own: October to December 2019");
    assert_eq!(Basis::YearToDate.what_to_enter(q3), "Enter the year to date: April to December 2019");
    assert_eq!(Basis::YearToDate.what_to_enter(q("2019-20-Q4")), "Enter the year to date: April 2019 to March 2020");
    assert_eq!(Basis::RollingYear.what_to_enter(q3), "Enter the 12 months to December 2019");
}

#[test]
fn a_value_box_says_what_to_count_and_the_target_for_its_period() {
    let mut knife = incidents(Basis::YearToDate, Span::Year, LOWER);
    knife.unit = "crimes".into();
    knife.baseline = Some(380.0);
    knife.target = Some(Target { kind: TargetKind::PercentChange, amount: -10.0 });
    let knife = with_values(knife, &[("2019-20-Q2", 200.0)]);
    assert_eq!(
        knife.entry_hint(q("2019-20-Q3")),
        "Enter the year to date: April to December 2019, in crimes. Q2 2019-20: 200 crimes. \
         Target for the period: at most 256.5 crimes."
    );
    let untargeted = Indicator { target: None, unit: String::new(), basis: Basis::PerQuarter, ..knife };
    assert_eq!(
        untargeted.entry_hint(q("2019-20-Q1")),
        "Enter Q1 2019-20 on its own: April to June 2019. Q4 2018-19: no value. Target for the period: none set."
    );
}

#[test]
fn numbers_in_edit_forms_keep_every_digit_they_need() {
    assert_eq!(number_for_form(2150.0), "2,150");
    assert_eq!(number_for_form(36.5), "36.5");
    assert_eq!(number_for_form(-5.0), "-5");
    let third = number_for_form(1.0 / 3.0);
    assert_eq!(parse_number(&third), Some(1.0 / 3.0), "{third} reads back exactly");
}

#[test]
fn reports_state_the_target_for_the_quarters_period() {
    let q3 = q("2019-20-Q3");
    let text = |basis, span| incidents(basis, span, LOWER).target_text_for(q3);
    assert_eq!(
        text(Basis::PerQuarter, Span::Year),
        "Reduce by 5% on 2016-17 (to 2,042.5 incidents a year); for Q3 2019-20: at most 510.63 incidents"
    );
    assert_eq!(
        text(Basis::YearToDate, Span::Year),
        "Reduce by 5% on 2016-17 (to 2,042.5 incidents a year); to the end of Q3 2019-20: at most 1,531.88 incidents"
    );
    assert_eq!(text(Basis::RollingYear, Span::Year), "Reduce by 5% on 2016-17 (to 2,042.5 incidents a year)");
    assert_eq!(
        text(Basis::RollingYear, Span::Quarter),
        "Reduce by 5% on 2016-17 (to 2,042.5 incidents a quarter); for the 12 months to the end of Q3 2019-20: \
         at most 8,170 incidents"
    );
}
