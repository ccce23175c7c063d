//! The embedded demo partnership: a Luton-style Community Safety Partnership
//! with its 2020–2024 plan and the year three business plan 2019-20, written
//! from the partnership's published documents. People appear by role only.
//!
//! The demo is built through the same [`Workspace`] intents a user would use,
//! so its history reads like a real one: the plan first, then each lead's
//! progress updates as separate changes signed by that lead's role.

mod assessment;
mod business_plan;
mod calendar;
pub mod large;
mod performance;
mod structure;
mod themes;

use std::collections::BTreeMap;

use crate::doc::{Stamp, Workspace};
use crate::model::{Action, Author, Date, Lead, LinkedDocument, Narrative, Partnership, PlanSummary, ValidProgress};

/// Shown wherever the demo is open, so nobody mistakes it for live data.
pub const DEMO_NOTE: &str = "This is a demonstration partnership built from published Community Safety \
Partnership documents. People are shown by role, not name. Changes you make stay on this device.";

/// Theme ids in plan order.
const THEME_ORDER: [&str; 7] = [
    "violence-exploitation",
    "youth-offending",
    "extremism",
    "town-centre",
    "reducing-reoffending",
    "drugs-alcohol",
    "domestic-abuse",
];

/// Who set the demo plan up.
pub fn demo_author() -> Author {
    Author::new("Community Safety Partnership Manager", "Luton Council")
}

/// The demo workspace, freshly built (a new random partnership id each time,
/// so two demo copies on one device stay separate workspaces).
pub fn workspace() -> Workspace {
    let plan_set_up = noon(date((2019, 4, 1)));
    let mut ws = Workspace::create_from(
        partnership(plan_set_up),
        "Set up the partnership plan",
        &Stamp::new(&demo_author(), plan_set_up),
    );
    let mut updates: Vec<(Date, &str, &business_plan::DemoUpdate, Author)> = Vec::new();
    for (i, row) in business_plan::ACTIONS.iter().enumerate() {
        let (role, organisation) = row.leads.first().copied().unwrap_or(("Community Safety Partnership Manager", ""));
        for update in row.progress {
            updates.push((date(update.date), ACTION_IDS[i], update, Author::new(role, organisation)));
        }
    }
    // Replay the updates in the order the leads reported them.
    crate::sorting::sort_by_key(&mut updates, |(d, id, ..)| (*d, *id));
    for (day, action_id, update, author) in updates {
        let valid = ValidProgress { date: day, status: update.status, narrative: Narrative::new(update.text) };
        // The ids come from the table above, so the action always exists.
        ws.add_progress(&Stamp::new(&author, noon(day)), action_id, valid)
            .expect("every demo update belongs to a demo action");
    }
    let manager = Stamp::new(&demo_author(), plan_set_up);
    // Fixed data, checked by the tests below: none of these can fail.
    for member in structure::members() {
        ws.save_organisation(&manager, None, &member).expect("demo members are valid");
    }
    for group in structure::sub_groups() {
        ws.save_sub_group(&manager, None, &group).expect("demo sub-groups are valid");
    }
    record_indicators(&mut ws, &manager);
    for mut draft in calendar::events() {
        // A sub-group's own meetings are linked to it.
        let group = ws.partnership().sub_groups.values().find(|g| g.name == draft.title).map(|g| g.id.clone());
        draft.group_id = group.unwrap_or_default();
        let valid = draft.validate().expect("demo calendar items are valid");
        ws.add_event(&manager, valid).expect("the calendar accepts demo items");
    }
    assessment::record(&mut ws, date((2020, 1, 20)));
    ws
}

/// Defines the demo indicators, then records each quarter's values theme by
/// theme, signed by the theme lead three weeks after the quarter ends.
fn record_indicators(ws: &mut Workspace, manager: &Stamp) {
    use crate::doc::ValueEntry;
    use crate::model::{FinancialQuarter, FinancialYear};

    let ids: Vec<String> = performance::INDICATORS
        .iter()
        .map(|i| ws.save_indicator(manager, None, &i.draft()).map_err(|e| format!("{e:?}")))
        .collect::<Result<_, _>>()
        .expect("demo indicators are valid");
    for (qi, (year, quarter)) in performance::QUARTERS.into_iter().enumerate() {
        let q = FinancialQuarter { year: FinancialYear(year), quarter };
        let end = q.last_day();
        let reported = noon(end) + 21 * 86_400;
        for theme in ws
            .partnership()
            .themes_in_order()
            .into_iter()
            .map(|t| (t.id.clone(), t.lead_role.clone(), t.lead_organisation.clone()))
            .collect::<Vec<_>>()
        {
            let entries: Vec<ValueEntry> = performance::INDICATORS
                .iter()
                .zip(&ids)
                .enumerate()
                .filter(|(_, (i, _))| i.theme == theme.0)
                .map(|(index, (i, id))| ValueEntry {
                    indicator_id: id.clone(),
                    value: i.value(index, qi),
                    note: String::new(),
                })
                .collect();
            let lead = Author::new(theme.1, theme.2);
            ws.record_values(&Stamp::new(&lead, reported), q, &entries).expect("demo values are recorded");
        }
    }
}

const ACTION_IDS: [&str; 13] = [
    "action-01",
    "action-02",
    "action-03",
    "action-04",
    "action-05",
    "action-06",
    "action-07",
    "action-08",
    "action-09",
    "action-10",
    "action-11",
    "action-12",
    "action-13",
];

fn partnership(created_at: i64) -> Partnership {
    let mut p =
        Partnership::new(crate::doc::new_id(), "Luton Community Safety Partnership".to_string(), "Luton".to_string());
    p.plan = PlanSummary {
        title: "Community Safety Partnership Plan 2020 \u{2013} 2024".to_string(),
        period: "2020 to 2024".to_string(),
        action_plan_year: "2019-20".to_string(),
        vision: Narrative::new(
            "Luton 2040: no-one in poverty. The partnership's contribution is the central driver of its work.\n\
             Theme leads, senior officers from across the partnership, lead the work in each priority area and \
             report to the Community Safety Partnership Executive every quarter.",
        ),
        duties: Narrative::new(
            "- Reduce crime and anti-social behaviour\n- Reduce re-offending\n\
             - Tackle drug, alcohol and substance misuse",
        ),
        values: ["Trust", "Accountability", "Delivery", "Outcomes", "Collaboration"].map(String::from).to_vec(),
    };
    p.themes = themes::themes().into_iter().map(|t| (t.id.clone(), t)).collect();
    p.actions = business_plan::ACTIONS
        .iter()
        .zip(ACTION_IDS)
        .map(|(row, id)| {
            let action = Action {
                id: id.to_string(),
                number: row.number.to_string(),
                title: row.title.to_string(),
                description: Narrative::new(row.description),
                theme_id: row.theme.map(str::to_string),
                leads: row
                    .leads
                    .iter()
                    .map(|(r, o)| Lead { role: r.to_string(), organisation: o.to_string() })
                    .collect(),
                linked_documents: row
                    .documents
                    .iter()
                    .map(|(title, file)| LinkedDocument {
                        title: title.to_string(),
                        location: business_plan::location(file),
                    })
                    .collect(),
                due: Some(date(row.due)),
                partners: row.partners.iter().map(|p| p.to_string()).collect(),
                start: Some(date((2019, 4, 1))),
                tags: row.tags.iter().map(|t| t.to_string()).collect(),
                business_as_usual: false,
                progress: BTreeMap::new(),
                created_at,
            };
            (id.to_string(), action)
        })
        .collect();
    p
}

fn date((y, m, d): (i32, u8, u8)) -> Date {
    // Demo dates are literals checked by the tests below.
    Date::new(y, m, d).expect("demo dates are real dates")
}

/// Midday on a date, in Unix seconds (UK time is near enough for the demo).
fn noon(day: Date) -> i64 {
    day.days_since_epoch() * 86_400 + 12 * 3_600
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    /// Surnames in the source documents; the demo must name roles, not people.
    const PRIVATE_NAMES: [&str; 14] = [
        "Hawkes",
        "Taylor",
        "Brown",
        "Collins",
        "Horsford",
        "Leighton",
        "Colclough",
        "Patel",
        "Langston",
        "Porter",
        "Turney",
        "Lynch",
        "Clifford",
        "Gilcreest",
    ];

    #[test]
    fn has_the_seven_priority_themes_in_plan_order() {
        let ws = workspace();
        let names: Vec<&str> = ws.partnership().themes_in_order().iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Violence & Exploitation",
                "Youth Offending",
                "Extremism",
                "Town Centre & Neighbourhood Crime",
                "Reducing Re-offending",
                "Drugs / alcohol / mental health",
                "Domestic Abuse",
            ]
        );
        for theme in ws.partnership().themes.values() {
            assert!(!theme.lead_role.is_empty() && !theme.lead_organisation.is_empty(), "{} has a lead", theme.name);
            assert!(!theme.aims.is_blank() && !theme.commitments.is_blank() && !theme.measured_through.is_blank());
        }
        assert_eq!(ws.partnership().plan.values, ["Trust", "Accountability", "Delivery", "Outcomes", "Collaboration"]);
    }

    #[test]
    fn has_the_thirteen_business_plan_actions_with_progress() {
        let ws = workspace();
        let p = ws.partnership();
        let numbers: Vec<&str> = p.actions_in_order().iter().map(|a| a.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]);
        for action in p.actions.values() {
            assert!(!action.leads.is_empty(), "action {} has a lead", action.number);
            assert!(!action.progress.is_empty(), "action {} has progress", action.number);
            if let Some(theme) = &action.theme_id {
                assert!(p.themes.contains_key(theme), "action {} has a real theme", action.number);
            }
        }
        let theme_of =
            |n: &str| p.actions_in_order().into_iter().find(|a| a.number == n).and_then(|a| a.theme_id.clone());
        assert_eq!(theme_of("1").as_deref(), Some("violence-exploitation"));
        assert_eq!(theme_of("4").as_deref(), Some("youth-offending"));
        assert_eq!(theme_of("8").as_deref(), Some("extremism"));
        assert_eq!(theme_of("10"), None);
        assert_eq!(p.action("action-13").map(|a| a.progress.len()), Some(2));
        assert_eq!(p.action("action-09").map(|a| a.status()), Some(Status::Complete));
        assert_eq!(p.action("action-08").map(|a| a.status()), Some(Status::AtRisk));
    }

    #[test]
    fn every_progress_update_is_its_own_change_signed_by_the_lead() {
        let mut ws = workspace();
        let updates: usize = ws.partnership().actions.values().map(|a| a.progress.len()).sum();
        let history = ws.history();
        let p = ws.partnership();
        let (events, members, groups) = (p.events.len(), p.organisations.len(), p.sub_groups.len());
        assert_eq!((events, members, groups), (8, 10, 6));
        let jag = p.sub_groups.values().find(|g| g.name == "High Town Joint Action Group").map(|g| g.id.clone());
        assert_eq!(p.events.values().filter(|e| e.group_id == jag).count(), 2, "the JAG's meetings are linked");
        let indicators = p.indicators.len();
        assert_eq!(indicators, 10);
        // One change per indicator defined, and one per theme per quarter of values.
        let value_changes = 7 * 7;
        // Two assessments (6 and 7 issues), a sense-check workshop with 10
        // participants and a questionnaire with 12 responses.
        assert_eq!(p.assessments.len(), 2);
        let assessment_changes = 2 + 6 + 7 + (1 + 10) + (1 + 12);
        assert_eq!(
            history.len(),
            1 + updates + events + members + groups + indicators + value_changes + assessment_changes
        );
        let youth = history.iter().find(|h| h.summary.contains("action 4")).map(|h| h.author.clone());
        assert_eq!(youth, Some(Author::new("Head of Youth Offending Service", "Luton Council")));
    }

    #[test]
    fn indicators_have_seven_quarters_of_synthetic_values_and_q4_to_chase() {
        use crate::model::performance::parse_quarter_code;
        let ws = workspace();
        let p = ws.partnership();
        let q3 = parse_quarter_code("2019-20-Q3").expect("quarter");
        let q4 = parse_quarter_code("2019-20-Q4").expect("quarter");
        for indicator in p.indicators.values() {
            assert_eq!(indicator.values.len(), 7, "{}", indicator.name);
            assert!(indicator.value_in(q3).is_some() && indicator.is_missing(q4));
            assert!(indicator.notes.as_str().contains("synthetic"));
            assert!(indicator.target_value().is_ok(), "{} has a target", indicator.name);
        }
        let hate = p.indicators.values().find(|i| i.name == "Hate crimes reported").expect("hate crime");
        assert_eq!(hate.polarity, crate::model::Polarity::HigherIsBetter, "more reporting is better");
        let violence = &p.indicators_for_theme("violence-exploitation");
        assert_eq!(violence.len(), 2);
        let by = &violence[0].values["2019-20-Q3"];
        assert_eq!(
            (by.recorded_by.as_str(), by.recorded_organisation.as_str()),
            ("Strategic Lead for Exploitation", "Luton Council")
        );
    }

    #[test]
    fn names_roles_never_people() {
        let mut ws = workspace();
        let bytes = ws.save();
        let text = String::from_utf8_lossy(&bytes).to_string();
        let history: String = ws.history().iter().map(|h| format!("{} {:?}", h.summary, h.author)).collect();
        let data = format!("{:?}", ws.partnership());
        for name in PRIVATE_NAMES {
            assert!(!data.contains(name), "{name} appears in the demo data");
            assert!(!history.contains(name), "{name} appears in the demo history");
            assert!(!text.contains(name), "{name} appears in the saved demo");
        }
    }

    #[test]
    fn survives_save_and_load() {
        let mut ws = workspace();
        let loaded = Workspace::load(&ws.save()).expect("the demo loads");
        assert_eq!(loaded.partnership(), ws.partnership());
    }
}
