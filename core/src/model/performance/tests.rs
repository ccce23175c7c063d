use super::*;

pub(super) fn q(code: &str) -> FinancialQuarter {
    parse_quarter_code(code).expect("quarter")
}

fn burglary() -> Indicator {
    let draft = IndicatorDraft {
        name: "Burglary".into(),
        unit: "crimes".into(),
        polarity: "lower-is-better".into(),
        baseline: "1,200".into(),
        baseline_period: "2018-19".into(),
        target_kind: "percent-change".into(),
        target: "-5".into(),
        basis: "per-quarter".into(),
        span: "quarter".into(),
        ..Default::default()
    };
    draft.validate("burglary".into(), |_| true).expect("valid")
}

pub(super) fn with_values(mut i: Indicator, values: &[(&str, f64)]) -> Indicator {
    for (code, value) in values {
        let v = QuarterValue {
            value: *value,
            note: String::new(),
            recorded_by: "Analyst".into(),
            recorded_organisation: "Bedfordshire Police".into(),
            recorded_at: 0,
        };
        i.values.insert(code.to_string(), v);
    }
    i
}

#[test]
fn a_percentage_target_is_resolved_against_the_baseline() {
    let i = burglary();
    assert_eq!(i.target_value(), Ok(1140.0));
    assert_eq!(i.target_text(), "Reduce by 5% on 2018-19 (to 1,140 crimes a quarter)");
    assert_eq!(i.baseline_text(), "1,200 crimes a quarter in 2018-19");
}

#[test]
fn rag_lower_is_better_with_the_target_met_exactly_green() {
    let i = burglary();
    let q1 = q("2019-20-Q1");
    assert_eq!(i.rag_of(1140.0, q1), Rag::Green, "meeting the target exactly is green");
    assert_eq!(i.rag_of(900.0, q1), Rag::Green);
    assert_eq!(i.rag_of(1180.0, q1), Rag::Amber, "missed the target but better than baseline");
    assert_eq!(i.rag_of(1200.0, q1), Rag::Amber, "no worse than baseline");
    assert_eq!(i.rag_of(1201.0, q1), Rag::Red);
}

#[test]
fn rag_higher_is_better() {
    let draft = IndicatorDraft {
        name: "Successful drug treatment completions".into(),
        unit: "%".into(),
        polarity: "higher-is-better".into(),
        baseline: "40".into(),
        target_kind: "value".into(),
        target: "45".into(),
        basis: "rolling-year".into(),
        span: "rate".into(),
        ..Default::default()
    };
    let i = draft.validate("t".into(), |_| true).expect("valid");
    let q3 = q("2019-20-Q3");
    assert_eq!(i.rag_of(45.0, q3), Rag::Green);
    assert_eq!(i.rag_of(42.0, q3), Rag::Amber);
    assert_eq!(i.rag_of(39.9, q3), Rag::Red);
    assert_eq!(i.target_text(), "At least 45%");
}

#[test]
fn a_zero_or_missing_baseline_gives_no_percentage_target() {
    let mut i = burglary();
    i.baseline = Some(0.0);
    assert_eq!(i.target_value(), Err(NoTarget::ZeroBaseline));
    assert_eq!(i.rag_of(3.0, q("2019-20-Q1")), Rag::NoTarget);
    i.baseline = None;
    assert_eq!(i.target_value(), Err(NoTarget::NoBaseline));
    i.target = None;
    assert_eq!(i.target_value(), Err(NoTarget::NotSet));
    assert_eq!(i.target_text(), "No target set");
}

#[test]
fn without_a_baseline_near_the_target_is_amber() {
    let mut i = burglary();
    i.baseline = None;
    i.target = Some(Target { kind: TargetKind::Value, amount: 100.0 });
    assert_eq!(i.rag_of(104.0, q("2019-20-Q1")), Rag::Amber);
    assert_eq!(i.rag_of(106.0, q("2019-20-Q1")), Rag::Red);
}

#[test]
fn trend_against_last_quarter_across_the_year_end_and_last_year() {
    let i = with_values(burglary(), &[("2018-19-Q1", 300.0), ("2018-19-Q4", 290.0), ("2019-20-Q1", 280.0)]);
    let t = i.trend(q("2019-20-Q1"));
    assert_eq!(t.vs_previous_quarter, Some(Direction::Improving), "Q4 2018-19 comes before Q1 2019-20");
    assert_eq!(t.vs_same_quarter_last_year, Some(Direction::Improving));
    let missing = i.trend(q("2019-20-Q2"));
    assert_eq!(missing, Trend { vs_previous_quarter: None, vs_same_quarter_last_year: None }, "a missing quarter");
    let worse = with_values(burglary(), &[("2019-20-Q1", 280.0), ("2019-20-Q2", 281.0), ("2018-19-Q2", 281.0)]);
    let t = worse.trend(q("2019-20-Q2"));
    assert_eq!(t.vs_previous_quarter, Some(Direction::Worsening));
    assert_eq!(t.vs_same_quarter_last_year, Some(Direction::NoChange));
}

#[test]
fn a_quarterly_indicator_without_this_quarters_value_is_missing() {
    let i = with_values(burglary(), &[("2019-20-Q3", 280.0)]);
    assert!(!i.is_missing(q("2019-20-Q3")));
    assert!(i.is_missing(q("2019-20-Q4")));
    let annual = Indicator { frequency: Frequency::Annual, ..i };
    assert!(!annual.is_missing(q("2019-20-Q4")));
    assert_eq!(annual.series().first().map(|(q, _)| quarter_code(*q)), Some("2019-20-Q3".into()));
}

#[test]
fn numbers_are_read_and_written_the_uk_way() {
    assert_eq!(parse_number("1,250"), Some(1250.0));
    assert_eq!(parse_number(" 12.5% "), Some(12.5));
    assert_eq!(parse_number("-5"), Some(-5.0));
    assert_eq!(parse_number("twelve"), None);
    assert_eq!(parse_number("NaN"), None);
    assert_eq!(parse_number("inf"), None);
    assert_eq!(parse_number(""), None);
    assert_eq!(format_number(1_234_567.0), "1,234,567");
    assert_eq!(format_number(12.5), "12.5");
    assert_eq!(format_number(-0.333), "-0.33");
    assert_eq!(format_number(100.0), "100");
}

#[test]
fn bad_indicator_forms_get_one_clear_message_per_field() {
    let draft = IndicatorDraft {
        theme_id: "ghost".into(),
        baseline: "lots".into(),
        target_kind: "value".into(),
        target: "fewer".into(),
        ..Default::default()
    };
    let e = draft.validate("x".into(), |_| false).expect_err("invalid");
    assert_eq!(e.get("name"), Some("Enter a name for the indicator"));
    assert_eq!(e.get("theme"), Some("Select a theme from the list"));
    assert_eq!(e.get("polarity"), Some("Select whether a lower or a higher number is better"));
    assert_eq!(e.get("baseline"), Some("Baseline must be a number, like 1250 or 12.5"));
    assert_eq!(e.get("target"), Some("Target must be a number, like 1100 or -5"));
    assert_eq!(e.get("basis"), Some("Select what each quarter's value counts"));
    assert_eq!(e.get("span"), None, "with neither a baseline nor a target, their period does not matter");
    let unsaid = IndicatorDraft { baseline: "2,150".into(), basis: "per-quarter".into(), ..draft };
    let e = unsaid.validate("x".into(), |_| true).expect_err("no period");
    assert_eq!(e.get("span"), Some("Select whether the baseline and target are for a year, a quarter, or a rate"));
    assert_eq!(e.get("basis"), None);
    let zero = IndicatorDraft {
        name: "Hate crimes".into(),
        polarity: "lower-is-better".into(),
        baseline: "0".into(),
        target_kind: "percent-change".into(),
        target: "-5".into(),
        ..Default::default()
    };
    let e = zero.validate("x".into(), |_| true).expect_err("zero baseline");
    assert_eq!(e.get("target"), Some("A % change from a baseline of 0 is always 0 – set the target as a value"));
}

#[test]
fn quarter_codes_round_trip() {
    let q4 = q("2019-20-Q4");
    assert_eq!(quarter_code(q4), "2019-20-Q4");
    assert_eq!(q("2020-21-Q1").previous(), q4);
    assert_eq!(parse_quarter_code("2019-20-Q5"), None);
    assert_eq!(parse_quarter_code("2019-21-Q1"), None);
    assert_eq!(parse_financial_year("2019/2020"), Some(FinancialYear(2019)));
    assert_eq!(parse_financial_year("year three"), None);
}

#[test]
fn a_percentage_target_met_exactly_is_green_despite_float_noise() {
    // 380 + 10% is 418.00000000000006 in plain floating point.
    let mut up = burglary();
    up.polarity = Polarity::HigherIsBetter;
    up.baseline = Some(380.0);
    up.target = Some(Target { kind: TargetKind::PercentChange, amount: 10.0 });
    assert_eq!(up.target_value(), Ok(418.0));
    assert_eq!(up.rag_of(418.0, q("2019-20-Q1")), Rag::Green);
    let mut down = burglary();
    down.baseline = Some(95.0);
    down.target = Some(Target { kind: TargetKind::PercentChange, amount: -3.0 });
    assert_eq!(down.rag_of(92.15, q("2019-20-Q1")), Rag::Green, "95 - 3% is 92.15 exactly");
    assert_eq!(down.rag_of(92.16, q("2019-20-Q1")), Rag::Amber);
}

#[test]
fn target_wording_for_a_zero_baseline_and_a_zero_change() {
    let mut i = burglary();
    i.baseline = Some(0.0);
    assert_eq!(i.target_text(), "-5% change on a baseline of 0, which gives no target to measure against");
    i.baseline = Some(1200.0);
    i.target = Some(Target { kind: TargetKind::PercentChange, amount: 0.0 });
    assert_eq!(i.target_text(), "Stay at the 2018-19 level (1,200 crimes a quarter)");
    assert_eq!(i.rag_of(1200.0, q("2019-20-Q1")), Rag::Green);
}

#[test]
fn numbers_that_are_not_real_cannot_be_rated() {
    let mut i = burglary();
    assert_eq!(i.rag_of(f64::NAN, q("2019-20-Q1")), Rag::NoTarget);
    assert_eq!(i.rag_of(f64::INFINITY, q("2019-20-Q1")), Rag::NoTarget);
    i.target = Some(Target { kind: TargetKind::Value, amount: f64::NAN });
    assert_eq!(i.target_value(), Err(NoTarget::NotSet));
    i.target = Some(Target { kind: TargetKind::PercentChange, amount: -5.0 });
    i.baseline = Some(f64::NAN);
    assert_eq!(i.target_value(), Err(NoTarget::NoBaseline));
}

#[test]
fn missing_quarters_for_chasing() {
    let i = with_values(
        burglary(),
        &[("2018-19-Q3", 300.0), ("2018-19-Q4", 290.0), ("2019-20-Q2", 280.0), ("2019-20-Q3", 270.0)],
    );
    let codes = |qs: Vec<FinancialQuarter>| qs.into_iter().map(quarter_code).collect::<Vec<_>>();
    assert_eq!(codes(i.missing_quarters(q("2019-20-Q4"))), ["2019-20-Q1", "2019-20-Q4"], "a gap and the latest");
    assert_eq!(codes(i.missing_quarters(q("2019-20-Q3"))), ["2019-20-Q1"]);
    assert!(i.missing_quarters(q("2018-19-Q2")).is_empty(), "nothing before the first value");
    // No values yet: chased from the year after the baseline.
    assert_eq!(codes(burglary().missing_quarters(q("2019-20-Q2"))), ["2019-20-Q1", "2019-20-Q2"]);
    let undated = Indicator { baseline_period: String::new(), ..burglary() };
    assert_eq!(codes(undated.missing_quarters(q("2019-20-Q2"))), ["2019-20-Q2"]);
    let annual = Indicator { frequency: Frequency::Annual, ..burglary() };
    assert!(annual.missing_quarters(q("2019-20-Q4")).is_empty());
}

#[test]
fn quarters_step_across_the_year_end_and_read_as_shown() {
    assert_eq!(q("2019-20-Q4").next(), q("2020-21-Q1"));
    assert_eq!(q("2019-20-Q1").next(), q("2019-20-Q2"));
    assert_eq!(same_quarter_last_year(q("2019-20-Q1")), q("2018-19-Q1"));
    assert_eq!(parse_quarter("Q3 2019-20"), Some(q("2019-20-Q3")));
    assert_eq!(parse_quarter(" 2019/20 q3 "), Some(q("2019-20-Q3")));
    assert_eq!(parse_quarter("2019-20-Q3"), Some(q("2019-20-Q3")));
    assert_eq!(parse_quarter("Q5 2019-20"), None);
    assert_eq!(parse_quarter("Q3"), None);
    assert_eq!(parse_quarter("Q3 last year"), None);
    assert_eq!(q("2019-20-Q3").to_string(), "Q3 2019-20", "the display form reads back");
}

#[test]
fn a_quarters_value_must_be_a_real_number_for_a_real_quarter() {
    let ok = QuarterValueDraft { quarter: "2019-20-Q3".into(), value: " 1,250 ".into(), note: " Provisional ".into() };
    assert_eq!(
        ok.validate(),
        Ok(ValidQuarterValue { quarter: q("2019-20-Q3"), value: 1250.0, note: "Provisional".into() })
    );
    let empty = QuarterValueDraft::default().validate().expect_err("empty");
    assert_eq!(empty.get("quarter"), Some("Select the quarter the value is for"));
    assert_eq!(empty.get("value"), Some("Enter the value for the quarter"));
    for text in ["twelve", "NaN", "inf", "-", "1.2.3"] {
        let bad = QuarterValueDraft { quarter: "2019-20-Q5".into(), value: text.into(), ..Default::default() };
        let e = bad.validate().expect_err(text);
        assert_eq!(e.get("value"), Some("Value must be a number, like 1250 or 12.5"), "{text}");
        assert_eq!(e.get("quarter"), Some("Enter a real quarter, like Q1 2019-20"));
    }
}

#[test]
fn an_indicator_read_back_into_its_form_validates_to_itself() {
    let mut odd = burglary();
    odd.baseline = Some(1.0 / 3.0);
    odd.target = Some(Target { kind: TargetKind::Value, amount: 0.123_456_789 });
    odd.frequency = Frequency::Annual;
    odd.theme_id = Some("town-centre".into());
    odd.basis = Basis::YearToDate;
    odd.span = Span::Year;
    let rate = Indicator { basis: Basis::RollingYear, span: Span::Rate, ..burglary() };
    for i in [burglary(), odd, rate] {
        let again = IndicatorDraft::from_indicator(&i).validate(i.id.clone(), |_| true).expect("valid");
        assert_eq!(again, i);
    }
}

#[test]
fn an_untouched_form_keeps_a_third_exactly_where_two_decimals_would_not() {
    let mut third = burglary();
    third.baseline = Some(1.0 / 3.0);
    let draft = IndicatorDraft::from_indicator(&third);
    assert_ne!(draft.baseline, format_number(1.0 / 3.0), "the screen's 0.33 is not what the form holds");
    let saved = draft.validate(third.id.clone(), |_| true).expect("valid");
    assert_eq!(saved.baseline, Some(1.0 / 3.0));
}

#[test]
fn the_form_states_the_baseline_and_target_as_the_page_will() {
    let draft = IndicatorDraft {
        polarity: "lower-is-better".into(),
        unit: "incidents".into(),
        baseline: "2150".into(),
        baseline_period: "2016-17".into(),
        target_kind: "percent-change".into(),
        target: "-5".into(),
        basis: "per-quarter".into(),
        span: "year".into(),
        ..Default::default()
    };
    assert_eq!(
        draft.statement(),
        Some((
            "2,150 incidents in the year 2016-17".to_string(),
            "Reduce by 5% on 2016-17 (to 2,042.5 incidents a year)".to_string()
        ))
    );
    assert_eq!(IndicatorDraft { span: String::new(), ..draft }.statement(), None, "not until the period is chosen");
}

fn plan_with(period: &str, action_plan_year: &str, indicators: Vec<Indicator>) -> crate::model::Partnership {
    let mut plan = crate::model::Partnership::new("p".into(), "Luton CSP".into(), "Luton".into());
    plan.plan.period = period.into();
    plan.plan.action_plan_year = action_plan_year.into();
    plan.indicators = indicators.into_iter().map(|i| (i.id.clone(), i)).collect();
    plan
}

#[test]
fn any_quarter_of_the_plans_period_can_be_entered() {
    let demo_like = plan_with(
        "2020 to 2024",
        "2019-20",
        vec![with_values(burglary(), &[("2018-19-Q1", 300.0), ("2019-20-Q3", 280.0)])],
    );
    let today = q("2026-27-Q1");
    let offered = quarters_for_entry(&demo_like, q("2019-20-Q4"), today);
    assert_eq!(offered.first(), Some(&today), "newest first, up to the quarter being reported now");
    assert_eq!(offered.last(), Some(&q("2018-19-Q1")), "back to the baseline period and the first value");
    assert_eq!(offered.len(), 33, "2018-19 Q1 to 2026-27 Q1 with no gaps");
    assert!(offered.contains(&q("2023-24-Q2")), "three years back");
    assert!(offered.contains(&q("2024-25-Q4")), "the last year the plan names");
    assert!(offered.windows(2).all(|w| w[1] == w[0].previous()));

    // A new partnership with nothing yet: its plan period and this quarter.
    let fresh = plan_with("2020-21 to 2023-24", "", Vec::new());
    let offered = quarters_for_entry(&fresh, q("2020-21-Q4"), q("2020-21-Q4"));
    assert_eq!((offered.first(), offered.last()), (Some(&q("2023-24-Q4")), Some(&q("2020-21-Q1"))));

    // A typo in the plan does not offer centuries; the quarter after the
    // latest value is offered even when it is ahead of today.
    let typo = plan_with("2020 to 2200", "", vec![with_values(burglary(), &[("2021-22-Q4", 1.0)])]);
    let offered = quarters_for_entry(&typo, q("2021-22-Q1"), q("2021-22-Q1"));
    assert_eq!((offered.first(), offered.last()), (Some(&q("2022-23-Q1")), Some(&q("2018-19-Q1"))));
}
