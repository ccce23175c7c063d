//! The demo partnership's performance indicators, after the kinds seed 004
//! proposes for its sub-groups and what the plan's themes are "measured
//! quarterly through". The quarterly values are SYNTHETIC — invented for the
//! demonstration, not real figures — and made deterministically so tests and
//! screenshots are repeatable. Q4 2019-20 is left out, so the dashboard has
//! values to chase.
//!
//! Each indicator counts what its source publishes: police crime figures as
//! each quarter on its own against a yearly 2018-19 baseline, knife crime as
//! the year to date, and the rates partners receive as rolling 12 months
//! (proven re-offending from the Ministry of Justice, drug treatment
//! completions from NDTMS, MARAC repeats as SafeLives recommends, first-time
//! entrants from the Youth Justice Board). Two keep a quarterly baseline, as
//! a partnership that set "an average quarter" would.

use crate::model::IndicatorDraft;
use crate::model::performance::{Basis, Span};

pub(super) struct DemoIndicator {
    pub name: &'static str,
    pub theme: &'static str,
    pub unit: &'static str,
    pub lower_is_better: bool,
    /// A typical 2018-19 quarter on its own (for a rate, the rate).
    pub level: f64,
    /// What each value counts.
    pub basis: Basis,
    /// What the baseline and target describe; the baseline is `level`
    /// for a quarter or a rate, and four quarters' worth for a year.
    pub span: Span,
    /// ("value" | "percent-change", amount), for the span.
    pub target: (&'static str, f64),
    pub source: &'static str,
    /// Change per quarter as a fraction of the level (negative: falling).
    pub drift: f64,
}

pub(super) const INDICATORS: [DemoIndicator; 10] = [
    DemoIndicator {
        name: "Violence with injury",
        theme: "violence-exploitation",
        unit: "crimes",
        lower_is_better: true,
        level: 720.0,
        basis: Basis::PerQuarter,
        span: Span::Year,
        target: ("percent-change", -5.0),
        source: "Bedfordshire Police crime data",
        drift: -0.006,
    },
    DemoIndicator {
        name: "Knife crime offences",
        theme: "violence-exploitation",
        unit: "crimes",
        lower_is_better: true,
        level: 95.0,
        basis: Basis::YearToDate,
        span: Span::Year,
        target: ("percent-change", -10.0),
        source: "Bedfordshire Police crime data",
        drift: 0.01,
    },
    DemoIndicator {
        name: "First-time entrants to the youth justice system",
        theme: "youth-offending",
        unit: "young people",
        lower_is_better: true,
        level: 28.0,
        basis: Basis::RollingYear,
        span: Span::Year,
        target: ("value", 100.0),
        source: "Youth Offending Service case records",
        drift: -0.02,
    },
    DemoIndicator {
        name: "Hate crimes reported",
        theme: "extremism",
        unit: "crimes",
        lower_is_better: false,
        level: 140.0,
        basis: Basis::PerQuarter,
        span: Span::Quarter,
        target: ("percent-change", 5.0),
        source: "Bedfordshire Police crime data",
        drift: 0.012,
    },
    DemoIndicator {
        name: "Burglary",
        theme: "town-centre",
        unit: "crimes",
        lower_is_better: true,
        level: 410.0,
        basis: Basis::PerQuarter,
        span: Span::Year,
        target: ("percent-change", -5.0),
        source: "Bedfordshire Police crime data",
        drift: -0.012,
    },
    DemoIndicator {
        name: "Criminal damage",
        theme: "town-centre",
        unit: "crimes",
        lower_is_better: true,
        level: 520.0,
        basis: Basis::PerQuarter,
        span: Span::Year,
        target: ("percent-change", -3.0),
        source: "Bedfordshire Police crime data",
        drift: 0.004,
    },
    DemoIndicator {
        name: "Anti-social behaviour in the town centre",
        theme: "town-centre",
        unit: "incidents",
        lower_is_better: true,
        level: 380.0,
        basis: Basis::PerQuarter,
        span: Span::Quarter,
        target: ("percent-change", -10.0),
        source: "Police and council ASB incident records",
        drift: -0.008,
    },
    DemoIndicator {
        name: "Proven re-offending of the IOM cohort",
        theme: "reducing-reoffending",
        unit: "%",
        lower_is_better: true,
        level: 38.0,
        basis: Basis::RollingYear,
        span: Span::Rate,
        target: ("value", 35.0),
        source: "Ministry of Justice proven re-offending statistics",
        drift: -0.01,
    },
    DemoIndicator {
        name: "Successful completions of drug treatment",
        theme: "drugs-alcohol",
        unit: "%",
        lower_is_better: false,
        level: 21.0,
        basis: Basis::RollingYear,
        span: Span::Rate,
        target: ("value", 24.0),
        source: "National Drug Treatment Monitoring System",
        drift: 0.015,
    },
    DemoIndicator {
        name: "Repeat referrals to MARAC",
        theme: "domestic-abuse",
        unit: "%",
        lower_is_better: true,
        level: 31.0,
        basis: Basis::RollingYear,
        span: Span::Rate,
        target: ("value", 28.0),
        source: "MARAC records",
        drift: -0.004,
    },
];

/// Quarters with values: 2018-19 Q1 to 2019-20 Q3 (year start, quarter).
pub(super) const QUARTERS: [(i32, u8); 7] =
    [(2018, 1), (2018, 2), (2018, 3), (2018, 4), (2019, 1), (2019, 2), (2019, 3)];

/// The ups and downs around the drift, repeating every seven quarters.
const WOBBLE: [f64; 7] = [0.03, -0.02, 0.045, -0.035, 0.0, 0.02, -0.015];

impl DemoIndicator {
    pub fn draft(&self) -> IndicatorDraft {
        let baseline = match self.span {
            Span::Year => self.level * 4.0,
            Span::Quarter | Span::Rate => self.level,
        };
        IndicatorDraft {
            name: self.name.into(),
            theme_id: self.theme.into(),
            unit: self.unit.into(),
            polarity: if self.lower_is_better { "lower-is-better" } else { "higher-is-better" }.into(),
            baseline: baseline.to_string(),
            baseline_period: "2018-19".into(),
            target_kind: self.target.0.into(),
            target: self.target.1.to_string(),
            frequency: "quarterly".into(),
            basis: self.basis.code().into(),
            span: self.span.code().into(),
            source: self.source.into(),
            notes: "Demo data: the quarterly values are synthetic, made up for this demonstration.".into(),
        }
    }

    /// The value to record for the `quarter`-th entry of [`QUARTERS`] (0 is
    /// Q1 2018-19; earlier quarters, for a rolling year, are negative), as
    /// the indicator's basis counts it: the quarter's own figure, the sum of
    /// the year's quarters so far, or the last four quarters (their average
    /// for a rate).
    pub fn value(&self, index: usize, quarter: usize) -> f64 {
        let q = quarter as i64;
        match self.basis {
            Basis::PerQuarter => self.quarter_alone(index, q),
            Basis::YearToDate => (q - q.rem_euclid(4)..=q).map(|k| self.quarter_alone(index, k)).sum(),
            Basis::RollingYear => {
                let sum: f64 = (q - 3..=q).map(|k| self.quarter_alone(index, k)).sum();
                if self.unit == "%" { (sum / 4.0 * 10.0).round() / 10.0 } else { sum }
            }
        }
    }

    /// A repeatable wobble around a steady drift from the level, rounded as
    /// the source would publish it.
    fn quarter_alone(&self, index: usize, quarter: i64) -> f64 {
        let wobble = WOBBLE[(quarter + index as i64 * 3).rem_euclid(7) as usize];
        let value = self.level * (1.0 + wobble + self.drift * quarter as f64);
        if self.unit == "%" { (value * 10.0).round() / 10.0 } else { value.round() }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::performance::{parse_quarter_code, quarter_code};
    use crate::model::{Date, FinancialQuarter};

    #[test]
    fn every_value_is_signed_by_its_theme_lead_in_the_quarter_after() {
        let ws = crate::demo::workspace();
        let p = ws.partnership();
        let q4 = parse_quarter_code("2019-20-Q4").expect("quarter");
        for indicator in p.indicators.values() {
            let theme = indicator.theme_id.as_deref().and_then(|t| p.theme(t)).expect("a demo theme");
            assert_eq!(indicator.missing_quarters(q4), [q4], "{}: only Q4 2019-20 is to chase", indicator.name);
            for (code, value) in &indicator.values {
                let q = parse_quarter_code(code).expect("a quarter code");
                assert_eq!(quarter_code(q), *code);
                assert_eq!(
                    (value.recorded_by.as_str(), value.recorded_organisation.as_str()),
                    (theme.lead_role.as_str(), theme.lead_organisation.as_str()),
                    "{} {code}",
                    indicator.name
                );
                let reported = FinancialQuarter::of(Date::from_unix_seconds(value.recorded_at));
                assert_eq!(reported, q.next(), "{} {code} is reported the quarter after", indicator.name);
                assert!(value.value.is_finite() && value.value > 0.0);
            }
        }
    }

    #[test]
    fn each_indicator_counts_what_its_source_publishes_and_is_rated_like_with_like() {
        use crate::model::Rag::{Amber, Green, Red};
        use crate::model::performance::{Basis, Span};
        let ws = crate::demo::workspace();
        let p = ws.partnership();
        let q3 = parse_quarter_code("2019-20-Q3").expect("quarter");
        let by_name = |name: &str| p.indicators.values().find(|i| i.name == name).expect(name);
        let expected = [
            ("Violence with injury", Basis::PerQuarter, Span::Year, Green),
            ("Knife crime offences", Basis::YearToDate, Span::Year, Red),
            ("First-time entrants to the youth justice system", Basis::RollingYear, Span::Year, Amber),
            ("Hate crimes reported", Basis::PerQuarter, Span::Quarter, Green),
            ("Burglary", Basis::PerQuarter, Span::Year, Green),
            ("Criminal damage", Basis::PerQuarter, Span::Year, Red),
            ("Anti-social behaviour in the town centre", Basis::PerQuarter, Span::Quarter, Amber),
            ("Proven re-offending of the IOM cohort", Basis::RollingYear, Span::Rate, Amber),
            ("Successful completions of drug treatment", Basis::RollingYear, Span::Rate, Amber),
            ("Repeat referrals to MARAC", Basis::RollingYear, Span::Rate, Amber),
        ];
        for (name, basis, span, rag) in expected {
            let i = by_name(name);
            assert_eq!((i.basis, i.span, i.rag_in(q3)), (basis, span, Some(rag)), "{name}");
        }
        let burglary = by_name("Burglary");
        assert_eq!(burglary.baseline_text(), "1,640 crimes in the year 2018-19");
        assert_eq!(burglary.target_text(), "Reduce by 5% on 2018-19 (to 1,558 crimes a year)");
        // Knife crime is entered as the year to date: it grows through each year
        // and starts again in April.
        let knife: Vec<f64> = by_name("Knife crime offences").series().into_iter().map(|(_, v)| v).collect();
        assert_eq!(knife, [92.0, 188.0, 287.0, 383.0, 102.0, 200.0, 305.0]);
        let rolling = by_name("First-time entrants to the youth justice system");
        assert_eq!(rolling.value_in(q3), Some(103.0), "four quarters to December 2019");
    }

    #[test]
    fn sub_groups_answer_for_the_indicators_of_their_themes() {
        let ws = crate::demo::workspace();
        let p = ws.partnership();
        let jag = p.sub_groups.values().find(|g| g.name == "High Town Joint Action Group").expect("the JAG");
        let names: Vec<&str> = p.indicators_for_sub_group(&jag.id).iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Anti-social behaviour in the town centre", "Burglary", "Criminal damage"]);
        let burglary = p.indicators.values().find(|i| i.name == "Burglary").expect("burglary");
        assert!(p.sub_groups_for(burglary).iter().any(|g| g.id == jag.id));
        assert!(p.indicators_for_sub_group("ghost").is_empty());
    }
}
