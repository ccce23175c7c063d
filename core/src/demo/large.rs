//! A large synthetic partnership for benchmarks: 30 member organisations,
//! 500 actions with 5,000 progress updates, and 200 indicators with 20
//! quarters of values each. Deterministic, so figures compare run to run.

use std::collections::BTreeMap;

use crate::model::performance::{Basis, Frequency, Polarity, QuarterValue, Span, Target, TargetKind, quarter_code};
use crate::model::{
    Action, Date, FinancialQuarter, FinancialYear, Indicator, Lead, Narrative, Organisation, Partnership,
    ProgressUpdate, Sector, Status,
};

pub const ORGANISATIONS: usize = 30;
pub const ACTIONS: usize = 500;
pub const UPDATES_PER_ACTION: usize = 10;
pub const INDICATORS: usize = 200;
pub const QUARTERS: usize = 20;

/// Builds the large partnership as plain data (no change history).
pub fn large_partnership() -> Partnership {
    let demo = super::workspace();
    let mut p = Partnership::new("large".into(), "Large test partnership".into(), "Anywhere".into());
    p.plan = demo.partnership().plan.clone();
    p.themes = demo.partnership().themes.clone();
    let theme_ids: Vec<String> = p.themes.keys().cloned().collect();
    let sectors = Sector::ALL;
    for n in 0..ORGANISATIONS {
        let id = format!("org-{n:02}");
        let org = Organisation {
            id: id.clone(),
            name: format!("Partner organisation {n}"),
            sector: sectors[n % sectors.len()],
            role: "Delivery partner".into(),
        };
        p.organisations.insert(id, org);
    }
    let statuses = Status::ALL;
    for n in 0..ACTIONS {
        let id = format!("action-{n:03}");
        let progress: BTreeMap<String, ProgressUpdate> = (0..UPDATES_PER_ACTION)
            .map(|u| {
                let update = ProgressUpdate {
                    id: format!("{id}-u{u}"),
                    date: in_2019_20((u * 11 + n) % 12, 1 + (u + n) % 27),
                    status: statuses[(n + u) % statuses.len()],
                    narrative: Narrative::new(format!(
                        "Update {u} on action {n}: partners met, reviewed the delivery plan and agreed next steps \
                         for the coming quarter, including communications and a review of the data."
                    )),
                    author_name: "Theme lead".into(),
                    author_organisation: format!("Partner organisation {}", n % ORGANISATIONS),
                    recorded_at: 1_570_000_000 + (n * 100 + u) as i64,
                };
                (update.id.clone(), update)
            })
            .collect();
        let action = Action {
            id: id.clone(),
            number: (n + 1).to_string(),
            title: format!("Key action {} for the partnership plan", n + 1),
            description: Narrative::new("Detail of the action and its sub-items."),
            theme_id: (n % 8 != 7).then(|| theme_ids[n % theme_ids.len()].clone()),
            leads: vec![Lead {
                role: "Lead officer".into(),
                organisation: format!("Partner organisation {}", n % ORGANISATIONS),
            }],
            partners: vec![format!("Partner organisation {}", (n + 1) % ORGANISATIONS)],
            linked_documents: Vec::new(),
            start: Some(in_2019_20(0, 1)),
            due: Some(in_2019_20(11, 31)),
            tags: Vec::new(),
            business_as_usual: n % 25 == 0,
            progress,
            created_at: 1_554_076_800,
        };
        p.actions.insert(id, action);
    }
    let first = FinancialQuarter { year: FinancialYear(2015), quarter: 1 };
    for n in 0..INDICATORS {
        let id = format!("indicator-{n:03}");
        let baseline = 100.0 + (n * 37 % 900) as f64;
        let mut values = BTreeMap::new();
        let mut q = first;
        for k in 0..QUARTERS {
            let value = baseline * (1.0 + ((k * 7 + n) % 11) as f64 / 100.0 - 0.05);
            values.insert(
                quarter_code(q),
                QuarterValue {
                    value: value.round(),
                    note: String::new(),
                    recorded_by: "Analyst".into(),
                    recorded_organisation: "Partner organisation 1".into(),
                    recorded_at: 1_570_000_000,
                },
            );
            q = q.next();
        }
        let indicator = Indicator {
            id: id.clone(),
            name: format!("Indicator {n}"),
            theme_id: Some(theme_ids[n % theme_ids.len()].clone()),
            unit: "crimes".into(),
            polarity: if n % 3 == 0 { Polarity::HigherIsBetter } else { Polarity::LowerIsBetter },
            baseline: Some(baseline),
            baseline_period: "2015-16".into(),
            target: Some(Target { kind: TargetKind::PercentChange, amount: -5.0 }),
            frequency: Frequency::Quarterly,
            basis: Basis::PerQuarter,
            span: Span::Quarter,
            source: "Synthetic".into(),
            notes: Narrative::default(),
            values,
        };
        p.indicators.insert(id, indicator);
    }
    p
}

/// The large partnership as a workspace of its own, to try the app at
/// scale (the performance check page opens it). A fresh id each time, so
/// opening it twice gives two partnerships, never one with two histories.
pub fn large_workspace(at: i64) -> crate::doc::Workspace {
    let mut p = large_partnership();
    p.id = crate::doc::new_id();
    let stamp = crate::doc::Stamp::new(&super::demo_author(), at);
    crate::doc::Workspace::create_from(p, "Generated the large test partnership", &stamp)
}

/// A day in financial year 2019-20: month 0 is April, 11 is March.
fn in_2019_20(month_index: usize, day: usize) -> Date {
    let month = (month_index % 12 + 3) % 12 + 1;
    let year = if month >= 4 { 2019 } else { 2020 };
    Date::new(year, month as u8, day as u8).unwrap_or_else(|_| Date::from_unix_seconds(1_570_000_000))
}

/// A tracker of `rows` actions as CSV, in the seed-003 column layout.
pub fn tracker_csv(rows: usize) -> Vec<u8> {
    let mut csv = String::from("No.,Key actions and major projects,Partnership Leads,Due date,Status,Progress\n");
    for n in 1..=rows {
        csv.push_str(&format!(
            "{n},Key action {n} of the imported tracker,\"Lead officer, Partner organisation {}\",31/03/2021,On track,\"Partners met and agreed the plan for action {n}.\"\n",
            n % ORGANISATIONS
        ));
    }
    csv.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FinancialYear;
    use crate::report::annual::AnnualReport;

    #[test]
    fn the_large_workspace_opens_again_from_its_bytes_under_a_fresh_id() {
        let mut one = large_workspace(1_700_000_000);
        let two = large_workspace(1_700_000_000);
        assert_ne!(one.id(), two.id());
        assert_ne!(one.id(), "large");
        let reopened = crate::doc::Workspace::load(&one.save()).expect("opens");
        assert_eq!(reopened.partnership().actions.len(), ACTIONS);
    }

    #[test]
    fn has_the_sizes_the_benchmarks_promise() {
        let p = large_partnership();
        assert_eq!(p.organisations.len(), ORGANISATIONS);
        assert_eq!(p.actions.len(), ACTIONS);
        assert_eq!(p.actions.values().map(|a| a.progress.len()).sum::<usize>(), ACTIONS * UPDATES_PER_ACTION);
        assert_eq!(p.indicators.len(), INDICATORS);
        assert!(p.indicators.values().all(|i| i.values.len() == QUARTERS));
        let report = AnnualReport::build(&p, FinancialYear(2019));
        assert_eq!(report.action_lines().count(), ACTIONS - ACTIONS / 25);
    }
}
