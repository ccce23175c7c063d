//! Theme intents: each one signed change, sub-groups kept in step, a
//! concurrent reorder that still lists every theme once, and a delete that
//! takes the theme's actions and indicators where the person chose.

use super::*;
use crate::model::{Author, OrganisationDraft, SubGroupDraft};

fn manager() -> Author {
    Author::new("Community Safety Manager", "London Borough of Barking and Dagenham")
}

/// `t` seconds into 2024, after everything in the demo partnership.
fn at(t: i64) -> Stamp {
    Stamp::new(&manager(), 1_704_067_200 + t)
}

fn names(ws: &Workspace) -> Vec<String> {
    ws.partnership().themes_in_order().into_iter().map(|t| t.name.clone()).collect()
}

fn theme(name: &str) -> ThemeDraft {
    ThemeDraft { name: name.into(), ..Default::default() }
}

/// Seed 004: Barking and Dagenham, from nothing, with two members and a sub-group.
fn barking() -> (Workspace, String, String) {
    let mut ws = Workspace::create("Barking and Dagenham CSP", "Barking and Dagenham", &at(0));
    let police = OrganisationDraft { name: "Metropolitan Police".into(), sector: "police".into(), role: String::new() };
    let police = ws.save_organisation(&at(1), None, &police).expect("member");
    let council = OrganisationDraft { name: "LBBD".into(), sector: "council".into(), role: String::new() };
    ws.save_organisation(&at(2), None, &council).expect("member");
    let group = SubGroupDraft { name: "Violence Against Women and Girls".into(), ..Default::default() };
    let group = ws.save_sub_group(&at(3), None, &group).expect("sub-group");
    (ws, police, group)
}

#[test]
fn a_theme_is_added_with_its_lead_and_sub_group_then_edited() {
    let (mut ws, police, group) = barking();
    let draft = ThemeDraft {
        name: "Violence against women and girls".into(),
        lead_role: "Detective Superintendent, Public Protection".into(),
        lead_organisation: police,
        sub_group: group.clone(),
        aims: "Reduce repeat victimisation.".into(),
        ..Default::default()
    };
    let id = ws.add_theme(&at(10), &draft).expect("added");
    let saved = &ws.partnership().themes[&id];
    assert_eq!(saved.lead(), "Detective Superintendent, Public Protection, Metropolitan Police");
    assert_eq!(saved.order, 1);
    assert_eq!(ws.partnership().sub_groups[&group].theme_ids, std::slice::from_ref(&id));
    let history = ws.history_of(&format!("theme/{id}"));
    assert_eq!((history.len(), history[0].summary.as_str()), (1, "Added the theme Violence against women and girls"));
    assert!(history[0].touches(&format!("sub-group/{group}")), "the sub-group changed in the same change");

    let heads = ws.heads();
    let untouched = ws.theme_draft(&id).expect("draft");
    assert_eq!(untouched, draft, "the form is prefilled with what was saved");
    ws.edit_theme(&at(20), &id, &untouched).expect("saved");
    assert_eq!(ws.heads(), heads, "an untouched form records no change");

    let again = ws.add_theme(&at(25), &theme("Violence Against Women & Girls"));
    assert!(matches!(again, Err(FormError::Invalid(e)) if e.get("name").is_some()), "no second spelling");

    let edited = ThemeDraft { name: "VAWG".into(), sub_group: String::new(), ..untouched };
    ws.edit_theme(&at(30), &id, &edited).expect("edited");
    assert_eq!(
        ws.history_of(&format!("theme/{id}"))[0].summary,
        "Edited the theme VAWG (was Violence against women and girls)"
    );
    assert!(ws.partnership().sub_groups[&group].theme_ids.is_empty(), "left its sub-group");
    let loaded = Workspace::load(&ws.save()).expect("reload");
    assert_eq!(loaded.partnership(), ws.partnership());
}

#[test]
fn a_theme_owned_by_two_sub_groups_keeps_both_unless_moved() {
    let mut ws = crate::demo::workspace();
    let owners = |ws: &Workspace| -> Vec<String> {
        ws.partnership().sub_groups_owning("domestic-abuse").iter().map(|g| g.name.clone()).collect()
    };
    assert_eq!(owners(&ws), ["Domestic Abuse Development Forum", "MARAC Sub Group"]);
    let draft = ws.theme_draft("domestic-abuse").expect("draft");
    let marac = ws.partnership().sub_groups.values().find(|g| g.name == "MARAC Sub Group").map(|g| g.id.clone());
    let marac = marac.expect("MARAC");
    let heads = ws.heads();
    ws.edit_theme(&at(1), "domestic-abuse", &ThemeDraft { sub_group: marac.clone(), ..draft.clone() }).expect("saved");
    assert_eq!(ws.heads(), heads, "choosing a sub-group that already owns it changes nothing");
    let board =
        ws.partnership().sub_groups.values().find(|g| g.name == "Partnership Delivery Board").map(|g| g.id.clone());
    ws.edit_theme(&at(2), "domestic-abuse", &ThemeDraft { sub_group: board.expect("board"), ..draft }).expect("moved");
    assert_eq!(owners(&ws), ["Partnership Delivery Board"]);
    let entry = &ws.history()[0];
    assert_eq!(entry.summary, "Edited the theme Domestic Abuse");
    assert!(entry.touches(&format!("sub-group/{marac}")) && entry.touches("theme/domestic-abuse"));
}

#[test]
fn themes_move_up_and_down_one_change_at_a_time() {
    let (mut ws, ..) = barking();
    for (i, name) in ["Safer Borough", "Safer Children and Young People", "Managing Offenders"].iter().enumerate() {
        ws.add_theme(&at(10 + i as i64), &theme(name)).expect("added");
    }
    let offenders = ws.partnership().themes_in_order()[2].id.clone();
    let changes = ws.history().len();
    ws.move_theme(&at(20), &offenders, Move::Up).expect("moved");
    assert_eq!(names(&ws), ["Safer Borough", "Managing Offenders", "Safer Children and Young People"]);
    assert_eq!(ws.history().len(), changes + 1);
    assert_eq!(ws.history()[0].summary, "Moved Managing Offenders up");
    ws.move_theme(&at(21), &offenders, Move::Up).expect("moved");
    let heads = ws.heads();
    ws.move_theme(&at(22), &offenders, Move::Up).expect("already first");
    assert_eq!(ws.heads(), heads, "the first theme cannot go higher");
    ws.move_theme(&at(23), &offenders, Move::Down).expect("moved");
    assert_eq!(names(&ws), ["Safer Borough", "Managing Offenders", "Safer Children and Young People"]);
    let orders: Vec<i64> = ws.partnership().themes_in_order().iter().map(|t| t.order).collect();
    assert_eq!(orders, [1, 2, 3]);
    let loaded = Workspace::load(&ws.save()).expect("reload");
    assert_eq!(names(&loaded), names(&ws));
}

#[test]
fn two_partners_reordering_at_once_still_list_every_theme_once() {
    let mut council = crate::demo::workspace();
    let mut police = Workspace::load(&council.save()).expect("copy");
    let before = names(&council);
    assert_eq!(before.len(), 7);
    // The council moves the last theme to the top; the police move the
    // second theme down twice, at the same time.
    for t in 0..6 {
        council.move_theme(&at(10 + t), "domestic-abuse", Move::Up).expect("council");
    }
    let inspector = Author::new("Inspector", "Bedfordshire Police");
    for t in 0..2 {
        police.move_theme(&Stamp::new(&inspector, 1_704_067_210 + t), "youth-offending", Move::Down).expect("police");
    }
    let (council_order, police_order) = (names(&council), names(&police));
    let mut from_police = Workspace::load(&police.save()).expect("file");
    let mut from_council = Workspace::load(&council.save()).expect("file");
    council.merge(&mut from_police).expect("merge");
    police.merge(&mut from_council).expect("merge");

    let merged = names(&council);
    assert_eq!(merged, names(&police), "both copies list the themes alike");
    let mut sorted = merged.clone();
    crate::sorting::sort(&mut sorted);
    let mut expected = before.clone();
    crate::sorting::sort(&mut expected);
    assert_eq!(sorted, expected, "every theme listed once");
    assert!(merged == council_order || merged == police_order, "one partner's order, not a mixture: {merged:?}");
    let orders: Vec<i64> = council.partnership().themes_in_order().iter().map(|t| t.order).collect();
    assert_eq!(orders, (1..=7).collect::<Vec<_>>(), "no two themes share a place");
}

#[test]
fn deleting_a_theme_moves_its_actions_and_indicators_in_the_same_change() {
    let mut ws = crate::demo::workspace();
    let marac = ws.partnership().sub_groups_owning("domestic-abuse").len();
    assert_eq!(marac, 2);
    let count = |ws: &Workspace, theme: &str| {
        let p = ws.partnership();
        let actions = p.actions.values().filter(|a| a.theme_id.as_deref() == Some(theme)).count();
        (actions, p.indicators_for_theme(theme).len())
    };
    assert_eq!(count(&ws, "domestic-abuse"), (3, 1));
    let violence_before = count(&ws, "violence-exploitation");
    let (heads, changes) = (ws.heads(), ws.history().len());

    let refused = ws.delete_theme(&at(1), "domestic-abuse", None);
    let Err(FormError::Invalid(errors)) = refused else { panic!("refused: {refused:?}") };
    assert_eq!(errors.get("destination"), Some("Select where its 3 actions and 1 indicator should go"));
    let refused = ws.delete_theme(&at(1), "domestic-abuse", Some(Destination::Theme("gone".into())));
    let Err(FormError::Invalid(errors)) = refused else { panic!("refused: {refused:?}") };
    assert_eq!(errors.get("destination"), Some("The theme you chose no longer exists – select another"));
    let refused = ws.delete_theme(&at(1), "domestic-abuse", Destination::from_choice("domestic-abuse"));
    assert!(matches!(refused, Err(FormError::Invalid(_))), "not into itself");
    assert_eq!(ws.heads(), heads, "a refused delete changes nothing");

    ws.delete_theme(&at(2), "domestic-abuse", Destination::from_choice("violence-exploitation")).expect("deleted");
    assert_eq!(ws.history().len(), changes + 1, "one change");
    let entry = &ws.history()[0];
    assert_eq!(
        entry.summary,
        "Deleted the theme Domestic Abuse (3 actions and 1 indicator moved to Violence & Exploitation)"
    );
    assert!(entry.touches("theme/domestic-abuse"));
    assert_eq!(entry.targets.iter().filter(|t| t.starts_with("action/")).count(), 3);
    assert_eq!(count(&ws, "violence-exploitation"), (violence_before.0 + 3, violence_before.1 + 1));
    assert!(ws.partnership().theme("domestic-abuse").is_none());
    assert!(ws.partnership().sub_groups_owning("domestic-abuse").is_empty(), "sub-groups let it go");
    let loaded = Workspace::load(&ws.save()).expect("reload");
    assert_eq!(loaded.partnership(), ws.partnership(), "the saved document says the same");
}

#[test]
fn a_theme_with_nothing_under_it_is_simply_deleted_and_cross_cutting_is_a_choice() {
    let (mut ws, ..) = barking();
    let empty = ws.add_theme(&at(10), &theme("Safer Borough")).expect("added");
    ws.delete_theme(&at(11), &empty, None).expect("nothing to move");
    assert_eq!(ws.history()[0].summary, "Deleted the theme Safer Borough");

    let mut demo = crate::demo::workspace();
    demo.delete_theme(&at(12), "extremism", Destination::from_choice(NO_THEME)).expect("deleted");
    assert_eq!(demo.history()[0].summary, "Deleted the theme Extremism (1 action and 1 indicator moved to no theme)");
    let p = demo.partnership();
    assert!(p.actions.values().all(|a| a.theme_id.as_deref() != Some("extremism")));
    assert_eq!(Destination::from_choice(" "), None);
}
