//! The demo partnership's strategic assessments: last year's (2019-20) and
//! the one that set the 2020-24 plan (seed 003: "Undertake the full
//! strategic assessment process… Completed in January 2020"), the
//! partners' February workshop to sense-check it (seed 002: "Workshop for
//! partners is being held in February to 'sense check' the SRA and
//! identified priorities") and the questionnaire used at the High Town day
//! of action (seed 003, action 13).

use std::collections::BTreeMap;

use crate::doc::{IssueDraft, Stamp, Workspace};
use crate::model::assessment::Criterion;
use crate::model::workshop::WorkshopFormat;
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
    // Public concern scored before the day of action; what residents said
    // there suggests more, which the assessment page shows.
    ("Domestic abuse", [4, 5, 3, 3, 4, 4, 2, 4]),
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
    IssueDraft { name: row.0.to_string(), scores, ..Default::default() }
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
    sense_check(ws, super::date((2020, 2, 11)));
    day_of_action(ws, super::date((2020, 3, 4)));
}

/// Each partner's three dots, by issue name.
const DOTS: [&[(&str, i64)]; 10] = [
    &[("Knife crime", 2), ("Exploitation and county lines", 1)],
    &[("Domestic abuse", 2), ("Knife crime", 1)],
    &[("Exploitation and county lines", 2), ("On-street sexual exploitation", 1)],
    &[("Knife crime", 1), ("Domestic abuse", 1), ("Drug-related harm", 1)],
    &[("Town centre anti-social behaviour", 3)],
    &[("Domestic abuse", 1), ("Exploitation and county lines", 1), ("Knife crime", 1)],
    &[("Drug-related harm", 2), ("Town centre anti-social behaviour", 1)],
    &[("Knife crime", 3)],
    &[("On-street sexual exploitation", 2), ("Exploitation and county lines", 1)],
    &[("Domestic abuse", 2), ("Hate crime", 1)],
];

fn sense_check(ws: &mut Workspace, on: Date) {
    let manager = Stamp::new(&super::demo_author(), super::noon(on));
    let id = ws
        .add_workshop(
            &manager,
            "Partners\u{2019} sense-check of the assessment, February 2020",
            WorkshopFormat::SenseCheck,
            None,
            3,
        )
        .expect("the demo assessment has issues to sense-check");
    let items: Vec<(String, String)> =
        ws.partnership().workshops[&id].votable().iter().map(|i| (i.text.clone(), i.id.clone())).collect();
    for (n, dots) in DOTS.iter().enumerate() {
        let ballot: BTreeMap<String, i64> = dots
            .iter()
            .filter_map(|(name, d)| items.iter().find(|(text, _)| text == name).map(|(_, id)| (id.clone(), *d)))
            .collect();
        let at = Stamp::new(&super::demo_author(), super::noon(on) + 300 * n as i64);
        ws.record_ballot(&at, &id, ballot).expect("demo ballots are within the allowance");
    }
}

/// (feeling safe, worries by theme position, what would help, postcode).
type Answers = (&'static str, &'static [usize], &'static str, &'static str);

const HIGH_TOWN: [Answers; 12] = [
    ("2", &[6, 3], "More police on foot in the evenings", "LU1 3AB"),
    ("3", &[3], "Clear the fly-tipping on Mussons Path", "LU1"),
    ("2", &[0, 6], "", "LU3"),
    ("4", &[3], "Better street lighting", ""),
    ("1", &[0, 5], "Somewhere safe for young people to go", "LU2"),
    ("3", &[3, 5], "Stop the dealing near the station", "LU2"),
    ("2", &[6], "More help for families where there is abuse", "LU1"),
    ("4", &[3], "", "LU2"),
    ("3", &[0, 3], "Fewer people begging in the town centre", "LU1"),
    ("2", &[5, 3], "Clean up the needles by the Methodist church", "LU1"),
    ("3", &[6, 1], "Things for teenagers to do in the holidays", "LU2"),
    ("1", &[3, 5], "CCTV that works", "LU1"),
];

fn day_of_action(ws: &mut Workspace, on: Date) {
    let day_of_action = super::noon(on);
    let officer = Stamp::new(&Author::new("Community Safety Officer", "Luton Council"), day_of_action - 86_400);
    let q = ws
        .add_questionnaire(
            &officer,
            "How safe do you feel in High Town?",
            "High Town multi-agency day of action, 4 March 2020",
        )
        .expect("the demo questionnaire is valid");
    let themes: Vec<String> = ws.partnership().themes_in_order().iter().map(|t| t.name.clone()).collect();
    for (i, (safe, picks, text, postcode)) in HIGH_TOWN.into_iter().enumerate() {
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

#[cfg(test)]
mod tests {
    use crate::model::assessment::Criterion;
    use crate::model::evidence;

    #[test]
    fn domestic_abuse_has_partners_and_residents_views_suggesting_more_concern() {
        let ws = super::super::workspace();
        let p = ws.partnership();
        let latest = p.assessments_latest_first().first().copied().expect("the 2020-21 assessment");
        let ranked = latest.ranked(p.assessment_before(latest.year));
        let da = ranked.iter().find(|r| r.issue.name == "Domestic abuse").expect("domestic abuse is assessed");
        assert_eq!((da.rank, da.issue.score(Criterion::PublicConcern)), (4, Some(2)));
        let said = evidence::for_issue(&latest.id, da.issue, p);
        assert_eq!(
            said.workshops.iter().map(|w| w.describe()).collect::<Vec<_>>(),
            [
                "Partners\u{2019} sense-check of the assessment, February 2020: ranked 2nd of 7 (6 dots from 4 of 10 participants)"
            ]
        );
        let residents = &said.consultations[0];
        assert_eq!((residents.picked, residents.answered, residents.percent()), (4, 12, 33));
        assert_eq!(said.suggested_public_concern(), Some(3));
        let knife = ranked.iter().find(|r| r.issue.name == "Knife crime").expect("knife crime is assessed");
        let said = evidence::for_issue(&latest.id, knife.issue, p);
        assert_eq!((said.workshops[0].rank, said.consultations.len()), (1, 0), "no theme of that name was offered");
    }
}
