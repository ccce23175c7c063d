//! Assessment intents: scoring, promotion to a theme (or a link to the
//! theme the plan already has), kiosk responses and contact consent.

use super::*;
use crate::model::Author;

fn me() -> Stamp {
    Stamp::new(&Author::new("Business Intelligence Analyst", "Luton Council"), 1_600_000_000)
}

fn scores(all: &str) -> BTreeMap<String, String> {
    Criterion::ALL.iter().map(|c| (c.key().to_string(), all.to_string())).collect()
}

#[test]
fn issues_are_scored_checked_and_promoted_to_a_theme() {
    let mut ws = Workspace::create("Uttlesford CSP", "Uttlesford", &me());
    let a = ws.add_assessment(&me(), 2024).expect("assessment");
    assert_eq!(ws.add_assessment(&me(), 2024).expect("again"), a, "one assessment per year");
    let draft = IssueDraft {
        name: "  Rural  burglary ".into(),
        scores: scores("4"),
        notes: "Farm thefts rising".into(),
        ..Default::default()
    };
    let id = ws.save_assessed_issue(&me(), &a, None, &draft).expect("saved");
    let issue = &ws.partnership().assessments[&a].issues[&id];
    assert_eq!(issue.name, "Rural burglary");
    assert_eq!(issue.total(), 40.0);

    let mut bad = IssueDraft { name: "rural burglary".into(), scores: scores("6"), ..Default::default() };
    let errors = ws.save_assessed_issue(&me(), &a, None, &bad).expect_err("refused");
    assert_eq!(errors.get("name"), Some("This assessment already has an issue with that name"));
    assert_eq!(errors.get("volume"), Some("Volume and frequency must be a score from 1 to 5"));
    bad.name = "Speeding".into();
    bad.scores = BTreeMap::from([("trend".to_string(), String::new())]);
    ws.save_assessed_issue(&me(), &a, None, &bad).expect("blank scores are allowed");

    let theme = ws.promote_issue(&me(), &a, &id).expect("promoted");
    assert_eq!(ws.partnership().theme(&theme).map(|t| t.name.as_str()), Some("Rural burglary"));
    assert_eq!(ws.promote_issue(&me(), &a, &id).expect("again"), theme, "promoting twice makes one theme");
    let loaded = Workspace::load(&ws.save()).expect("reload");
    assert_eq!(loaded.partnership(), ws.partnership());
    assert_eq!(loaded.partnership().assessments[&a].issues[&id].theme_id.as_deref(), Some(theme.as_str()));
}

#[test]
fn promoting_an_issue_the_plan_has_under_another_spelling_links_it_instead() {
    let mut ws = crate::demo::workspace();
    let a = ws.partnership().assessments_latest_first()[0].id.clone();
    let issue_named = |ws: &Workspace, name: &str| {
        ws.partnership().assessments[&a].issues.values().find(|i| i.name == name).map(|i| i.id.clone())
    };
    let da = issue_named(&ws, "Domestic abuse").expect("assessed");
    assert_eq!(ws.partnership().theme_named("Domestic abuse").map(|t| t.id.as_str()), Some("domestic-abuse"));
    let themes = ws.partnership().themes.len();
    let theme = ws.promote_issue(&me(), &a, &da).expect("linked");
    assert_eq!(theme, "domestic-abuse");
    assert_eq!(ws.partnership().themes.len(), themes, "no duplicate theme");
    assert_eq!(ws.partnership().assessments[&a].issues[&da].theme_id.as_deref(), Some("domestic-abuse"));
    assert_eq!(
        ws.history()[0].summary,
        "Linked Domestic abuse in the 2020-21 strategic assessment to the theme Domestic Abuse"
    );
    let heads = ws.heads();
    ws.link_issue_to_theme(&me(), &a, &da, "domestic-abuse").expect("again");
    assert_eq!(ws.heads(), heads, "linking twice changes nothing");
    assert!(matches!(ws.link_issue_to_theme(&me(), &a, &da, "gone"), Err(DocError::NotFound { .. })));

    // "Knife crime" is no theme yet: it becomes one, last in the plan.
    let knife = issue_named(&ws, "Knife crime").expect("assessed");
    let new = ws.promote_issue(&me(), &a, &knife).expect("promoted");
    assert_eq!(ws.partnership().themes_in_order().last().map(|t| t.id.as_str()), Some(new.as_str()));
    assert_eq!(ws.partnership().themes.len(), themes + 1);
}

#[test]
fn an_issue_comes_under_an_existing_theme_or_none() {
    let mut ws = crate::demo::workspace();
    let a = ws.add_assessment(&me(), 2030).expect("assessment");
    let theme = ws.partnership().themes_in_order()[0].id.clone();
    let mut draft = IssueDraft { name: "Knife crime".into(), theme: theme.clone(), ..Default::default() };
    let id = ws.save_assessed_issue(&me(), &a, None, &draft).expect("saved");
    assert_eq!(ws.partnership().assessments[&a].issues[&id].theme_id.as_deref(), Some(theme.as_str()));
    draft.theme = "no-such-theme".into();
    let errors = ws.save_assessed_issue(&me(), &a, Some(&id), &draft).expect_err("refused");
    assert_eq!(errors.get("theme"), Some("Choose a priority theme from the list, or none"));
    draft.theme = String::new();
    ws.save_assessed_issue(&me(), &a, Some(&id), &draft).expect("unlinked");
    assert_eq!(ws.partnership().assessments[&a].issues[&id].theme_id, None);
}

#[test]
fn a_kiosk_response_keeps_only_what_was_asked_and_the_postcode_district() {
    let mut ws = crate::demo::workspace();
    let q = ws.add_questionnaire(&me(), "How safe do you feel in High Town?", "Day of action").expect("added");
    let theme = ws.partnership().themes_in_order()[0].name.clone();
    let typed: BTreeMap<String, Vec<String>> = [
        ("q1".to_string(), vec!["2".to_string()]),
        ("q2".to_string(), vec![theme.clone(), "Not an option".to_string()]),
        ("q3".to_string(), vec!["  More lighting on Mussons Path ".to_string()]),
        ("q4".to_string(), vec!["LU1 3AB".to_string()]),
        ("name".to_string(), vec!["A resident's name".to_string()]),
    ]
    .into();
    ws.record_response(&me(), &q, &typed).expect("recorded");
    let saved = ws.save_uncompressed();
    assert!(!saved.windows(6).any(|w| w == b"LU1 3A"), "the full postcode is never stored");
    let summary = ws.partnership().questionnaires[&q].summary();
    assert_eq!(summary.responses, 1);
    assert_eq!(summary.feeling_safe, Some((2.0, 1)));
    assert_eq!(summary.worries, [(theme, 1)]);
    assert_eq!(summary.by_area[0].0, "LU1");
    assert_eq!(summary.suggestions, ["More lighting on Mussons Path"]);
    assert!(ws.add_questionnaire(&me(), " ", "").is_err());
}

#[test]
fn contact_details_are_stored_only_with_consent() {
    let mut ws = crate::demo::workspace();
    let q = ws.add_questionnaire(&me(), "Stay in touch?", "").expect("added");
    let without = ws.partnership().questionnaires[&q].clone();
    let typed = |consent: &str, contact: &str| -> BTreeMap<String, Vec<String>> {
        [("q5".to_string(), vec![consent.to_string()]), ("q6".to_string(), vec![contact.to_string()])].into()
    };
    // Before the organiser adds the questions, nothing personal is kept.
    ws.record_response(&me(), &q, &typed("yes", "first@example.org")).expect("recorded");
    ws.ask_for_contact(&me(), &q).expect("asked");
    let heads = ws.heads();
    ws.ask_for_contact(&me(), &q).expect("asked again");
    assert_eq!(ws.heads(), heads, "asking twice changes nothing");
    ws.record_response(&me(), &q, &typed("", "declined@example.org")).expect("recorded");
    ws.record_response(&me(), &q, &typed("yes", " agreed@example.org ")).expect("recorded");
    let after = &ws.partnership().questionnaires[&q];
    assert_eq!(after.questions.len(), without.questions.len() + 2);
    assert_eq!(after.contacts().into_iter().map(|(_, c)| c).collect::<Vec<_>>(), ["agreed@example.org"]);
    let saved = ws.save_uncompressed();
    for never in [&b"first@example.org"[..], b"declined@example.org"] {
        assert!(!saved.windows(never.len()).any(|w| w == never), "kept without consent");
    }
}
