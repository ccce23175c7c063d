//! The demo partnership's strategic assessments: last year's (2019-20) and
//! the one that set the 2020-24 plan (seed 003: "Undertake the full
//! strategic assessment process… Completed in January 2020"), and the
//! questionnaire used at the High Town day of action (seed 003, action 13).

use std::collections::BTreeMap;

use crate::doc::{IssueDraft, Stamp, Workspace};
use crate::model::assessment::Criterion;
use crate::model::{Author, Date};

/// (issue, scores in [`Criterion::ALL`] order: physical, psychological,
/// financial, community, volume, trend, concern, capacity; 0 = blank).
type Row = (&'static str, [u8; 8]);

const LAST_YEAR: [Row; 6] = [
    ("Domestic abuse", [4, 5, 3, 3, 4, 3, 3, 4]),
    ("Town centre anti-social behaviour", [2, 3, 2, 4, 5, 3, 5, 4]),
    ("Knife crime", [5, 4, 1, 4, 2, 3, 4, 4]),
    ("Drug-related harm", [4, 3, 3, 4, 4, 3, 4, 3]),
    ("Hate crime", [2, 4, 1, 4, 2, 3, 3, 3]),
    ("Fly-tipping", [1, 1, 2, 3, 4, 3, 4, 3]),
];

const THIS_YEAR: [Row; 7] = [
    ("Knife crime", [5, 4, 1, 5, 3, 5, 5, 4]),
    ("Domestic abuse", [4, 5, 3, 3, 4, 4, 3, 4]),
    ("Exploitation and county lines", [4, 5, 3, 4, 3, 4, 3, 5]),
    ("Drug-related harm", [4, 3, 3, 4, 4, 3, 4, 4]),
    ("Town centre anti-social behaviour", [2, 3, 2, 4, 5, 2, 5, 4]),
    ("Hate crime", [2, 4, 1, 4, 2, 3, 3, 3]),
    // Still being scored when the workshop met.
    ("On-street sexual exploitation", [4, 5, 2, 3, 0, 0, 4, 0]),
];

fn draft(row: &Row) -> IssueDraft {
    let scores: BTreeMap<String, String> = Criterion::ALL
        .iter()
        .zip(row.1)
        .map(|(c, s)| (c.key().to_string(), if s == 0 { String::new() } else { s.to_string() }))
        .collect();
    IssueDraft { name: row.0.to_string(), scores, notes: String::new() }
}

pub(super) fn record(ws: &mut Workspace, at: Date) {
    let analyst = Author::new("Business Intelligence Analyst", "Luton Council");
    let stamp = Stamp::new(&analyst, super::noon(at));
    for (year, rows) in [(2019, &LAST_YEAR[..]), (2020, &THIS_YEAR[..])] {
        let id = ws.add_assessment(&stamp, year).expect("the demo assessment is added");
        for row in rows {
            ws.save_assessed_issue(&stamp, &id, None, &draft(row)).expect("demo issues are valid");
        }
    }
    let day_of_action = super::noon(super::date((2020, 3, 4)));
    let officer = Stamp::new(&Author::new("Community Safety Officer", "Luton Council"), day_of_action - 86_400);
    let q = ws
        .add_questionnaire(
            &officer,
            "How safe do you feel in High Town?",
            "High Town multi-agency day of action, 4 March 2020",
        )
        .expect("the demo questionnaire is valid");
    let themes: Vec<String> = ws.partnership().themes_in_order().iter().map(|t| t.name.clone()).collect();
    for (i, (safe, picks, text, postcode)) in [
        ("2", &[6usize, 3][..], "More police on foot in the evenings", "LU1 3AB"),
        ("3", &[3][..], "Clear the fly-tipping on Mussons Path", "LU1"),
        ("2", &[0, 6][..], "", "LU3"),
        ("4", &[3][..], "Better street lighting", ""),
        ("1", &[0, 5][..], "Somewhere safe for young people to go", "LU2"),
    ]
    .into_iter()
    .enumerate()
    {
        let typed: BTreeMap<String, Vec<String>> = [
            ("q1".to_string(), vec![safe.to_string()]),
            ("q2".to_string(), picks.iter().filter_map(|p| themes.get(*p).cloned()).collect()),
            ("q3".to_string(), vec![text.to_string()]),
            ("q4".to_string(), vec![postcode.to_string()]),
        ]
        .into();
        let kiosk = Stamp::new(&Author::new("Kiosk", "Luton Council"), day_of_action + 600 * i as i64);
        ws.record_response(&kiosk, &q, &typed).expect("demo responses are valid");
    }
}
