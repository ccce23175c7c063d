//! The demo partnership's performance indicators, after the kinds seed 004
//! proposes for its sub-groups and what the plan's themes are "measured
//! quarterly through". The quarterly values are SYNTHETIC — invented for the
//! demonstration, not real figures — and made deterministically so tests and
//! screenshots are repeatable. Q4 2019-20 is left out, so the dashboard has
//! values to chase.

use crate::model::IndicatorDraft;

pub(super) struct DemoIndicator {
    pub name: &'static str,
    pub theme: &'static str,
    pub unit: &'static str,
    pub lower_is_better: bool,
    /// 2018-19 quarterly average.
    pub baseline: f64,
    /// ("value" | "percent-change", amount)
    pub target: (&'static str, f64),
    pub source: &'static str,
    /// Change per quarter as a fraction of the baseline (negative: falling).
    pub drift: f64,
}

pub(super) const INDICATORS: [DemoIndicator; 10] = [
    DemoIndicator {
        name: "Violence with injury",
        theme: "violence-exploitation",
        unit: "crimes",
        lower_is_better: true,
        baseline: 720.0,
        target: ("percent-change", -5.0),
        source: "Bedfordshire Police crime data",
        drift: -0.006,
    },
    DemoIndicator {
        name: "Knife crime offences",
        theme: "violence-exploitation",
        unit: "crimes",
        lower_is_better: true,
        baseline: 95.0,
        target: ("percent-change", -10.0),
        source: "Bedfordshire Police crime data",
        drift: 0.01,
    },
    DemoIndicator {
        name: "First-time entrants to the youth justice system",
        theme: "youth-offending",
        unit: "young people",
        lower_is_better: true,
        baseline: 28.0,
        target: ("value", 25.0),
        source: "Youth Offending Service case records",
        drift: -0.02,
    },
    DemoIndicator {
        name: "Hate crimes reported",
        theme: "extremism",
        unit: "crimes",
        lower_is_better: false,
        baseline: 140.0,
        target: ("percent-change", 5.0),
        source: "Bedfordshire Police crime data",
        drift: 0.012,
    },
    DemoIndicator {
        name: "Burglary",
        theme: "town-centre",
        unit: "crimes",
        lower_is_better: true,
        baseline: 410.0,
        target: ("percent-change", -5.0),
        source: "Bedfordshire Police crime data",
        drift: -0.012,
    },
    DemoIndicator {
        name: "Criminal damage",
        theme: "town-centre",
        unit: "crimes",
        lower_is_better: true,
        baseline: 520.0,
        target: ("percent-change", -3.0),
        source: "Bedfordshire Police crime data",
        drift: 0.004,
    },
    DemoIndicator {
        name: "Anti-social behaviour in the town centre",
        theme: "town-centre",
        unit: "incidents",
        lower_is_better: true,
        baseline: 380.0,
        target: ("percent-change", -10.0),
        source: "Police and council ASB incident records",
        drift: -0.008,
    },
    DemoIndicator {
        name: "Proven re-offending of the IOM cohort",
        theme: "reducing-reoffending",
        unit: "%",
        lower_is_better: true,
        baseline: 38.0,
        target: ("value", 35.0),
        source: "Ministry of Justice proven re-offending statistics",
        drift: -0.01,
    },
    DemoIndicator {
        name: "Successful completions of drug treatment",
        theme: "drugs-alcohol",
        unit: "%",
        lower_is_better: false,
        baseline: 21.0,
        target: ("value", 24.0),
        source: "National Drug Treatment Monitoring System",
        drift: 0.015,
    },
    DemoIndicator {
        name: "Repeat referrals to MARAC",
        theme: "domestic-abuse",
        unit: "%",
        lower_is_better: true,
        baseline: 31.0,
        target: ("value", 28.0),
        source: "MARAC records",
        drift: -0.004,
    },
];

/// Quarters with values: 2018-19 Q1 to 2019-20 Q3 (year start, quarter).
pub(super) const QUARTERS: [(i32, u8); 7] =
    [(2018, 1), (2018, 2), (2018, 3), (2018, 4), (2019, 1), (2019, 2), (2019, 3)];

impl DemoIndicator {
    pub fn draft(&self) -> IndicatorDraft {
        IndicatorDraft {
            name: self.name.into(),
            theme_id: self.theme.into(),
            unit: self.unit.into(),
            polarity: if self.lower_is_better { "lower-is-better" } else { "higher-is-better" }.into(),
            baseline: self.baseline.to_string(),
            baseline_period: "2018-19".into(),
            target_kind: self.target.0.into(),
            target: self.target.1.to_string(),
            frequency: "quarterly".into(),
            source: self.source.into(),
            notes: "Demo data: the quarterly values are synthetic, made up for this demonstration.".into(),
        }
    }

    /// A repeatable wobble around a steady drift from the baseline.
    pub fn value(&self, index: usize, quarter: usize) -> f64 {
        let wobble = [0.03, -0.02, 0.045, -0.035, 0.0, 0.02, -0.015][(quarter + index * 3) % 7];
        let value = self.baseline * (1.0 + wobble + self.drift * quarter as f64);
        if self.unit == "%" { (value * 10.0).round() / 10.0 } else { value.round() }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::performance::{next_quarter, parse_quarter_code, quarter_code};
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
                assert_eq!(reported, next_quarter(q), "{} {code} is reported the quarter after", indicator.name);
                assert!(value.value.is_finite() && value.value > 0.0);
            }
        }
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
