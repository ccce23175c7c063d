use super::*;
use crate::model::{Author, Date, Status, ValidProgress};
use crate::spreadsheet::{ColumnMapping, preview, read_table};

fn manager() -> Author {
    Author::new("CSP Manager", "Luton Council")
}

fn inspector() -> Author {
    Author::new("Inspector", "Bedfordshire Police")
}

const TRACKER: &str = "No.,Key action,Due date\n1,Review the ASB strategy,31/03/2020\n2,Audit the CCTV estate,30/06/2020\n3,Refresh the PSPO,31/03/2021\n";

/// A new partnership with one action of its own and the tracker imported.
fn imported() -> (Workspace, String) {
    let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&manager(), 0));
    let draft = crate::model::ActionDraft { number: "9".into(), title: "Our own action".into(), ..Default::default() };
    let valid = ws.validate_action(&draft, None).expect("valid");
    ws.add_action(&Stamp::new(&manager(), 5), valid).expect("add");
    let table = read_table(TRACKER.as_bytes()).expect("table");
    let p = preview(&table, &ColumnMapping::suggest(&table.headers), ws.partnership()).expect("preview");
    ws.import_actions(&Stamp::new(&manager(), 10), "tracker.csv", &p.actions).expect("import");
    let hash = ws.history()[0].hash.clone();
    (ws, hash)
}

fn numbers(ws: &Workspace) -> Vec<String> {
    let mut n: Vec<String> = ws.partnership().actions.values().map(|a| a.number.clone()).collect();
    crate::sorting::sort(&mut n);
    n
}

fn update(ws: &mut Workspace, number: &str, who: &Author, at: i64) {
    let id = ws.partnership().actions.values().find(|a| a.number == number).expect("action").id.clone();
    let progress = ValidProgress {
        date: Date::new(2020, 2, 1).expect("date"),
        status: Status::OnTrack,
        narrative: crate::model::Narrative::new("Draft shared with partners"),
    };
    ws.add_progress(&Stamp::new(who, at), &id, progress).expect("progress");
}

#[test]
fn an_import_is_recorded_as_an_import_and_can_be_undone_as_a_new_change() {
    let (mut ws, hash) = imported();
    let entry = ws.history()[0].clone();
    assert_eq!((entry.kind, entry.targets.len()), (ChangeKind::ImportActions, 3));
    assert!(ws.can_undo_import(&entry));
    let before = ws.history().len();

    let removed = ws.undo_import(&Stamp::new(&manager(), 20), &hash, false).expect("undo");
    assert_eq!(removed, 3);
    assert_eq!(numbers(&ws), ["9"], "exactly that import's actions go; the plan's own action stays");
    let history = ws.history();
    assert_eq!(history.len(), before + 1, "one new change; the import stays in history");
    assert_eq!(history[0].kind, ChangeKind::UndoImport);
    assert_eq!(history[0].summary, "Undid \u{201c}Imported 3 actions from tracker.csv\u{201d}: removed 3 actions");
    assert_eq!(history[0].author, manager());
    assert!(!ws.can_undo_import(&entry), "nothing is left to undo");
    assert_eq!(ws.undo_import(&Stamp::new(&manager(), 21), &hash, true).expect("again"), 0);
    assert_eq!(ws.history().len(), before + 1, "undoing again changes nothing");
    let reloaded = Workspace::load(&ws.save()).expect("load");
    assert_eq!(numbers(&reloaded), ["9"]);
}

#[test]
fn actions_changed_since_the_import_are_kept_unless_the_person_chooses() {
    let (mut ws, hash) = imported();
    update(&mut ws, "2", &inspector(), 15);
    let plan = ws.undo_import_plan(&hash).expect("plan");
    let untouched: Vec<&str> = plan.untouched.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(untouched, ["1", "3"]);
    assert_eq!(plan.changed.len(), 1);
    assert_eq!(plan.changed[0].number, "2");
    let later = &plan.changed[0].later_changes;
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].summary, "Added a progress update to action 2 (On track)");
    assert_eq!(later[0].author, inspector());

    assert_eq!(ws.undo_import(&Stamp::new(&manager(), 20), &hash, false).expect("undo"), 2);
    assert_eq!(numbers(&ws), ["2", "9"], "the action with the inspector's update is kept");
    let entry = ws.history().into_iter().find(|e| e.hash == hash).expect("import");
    assert!(ws.can_undo_import(&entry), "the kept action can still be removed");
    assert_eq!(ws.undo_import(&Stamp::new(&manager(), 30), &hash, true).expect("undo"), 1);
    assert_eq!(numbers(&ws), ["9"]);
}

#[test]
fn an_action_deleted_since_is_counted_not_deleted_twice() {
    let (mut ws, hash) = imported();
    let id = ws.partnership().actions.values().find(|a| a.number == "1").expect("1").id.clone();
    ws.delete_action(&Stamp::new(&manager(), 15), &id).expect("delete");
    let plan = ws.undo_import_plan(&hash).expect("plan");
    assert_eq!((plan.already_gone, plan.untouched.len(), plan.changed.len()), (1, 2, 0));
}

#[test]
fn the_undo_reaches_a_partner_like_any_change() {
    let (mut ws, hash) = imported();
    let mut partner = Workspace::load(&ws.save()).expect("copy");
    ws.undo_import(&Stamp::new(&manager(), 20), &hash, false).expect("undo");
    let mut file = Workspace::load(&ws.save()).expect("file");
    partner.merge(&mut file).expect("merge");
    assert_eq!(numbers(&partner), ["9"]);
    assert_eq!(partner.history()[0].kind, ChangeKind::UndoImport);
}

#[test]
fn only_imports_can_be_undone() {
    let (mut ws, _) = imported();
    let created = ws.history().into_iter().last().expect("first change");
    assert!(!ws.can_undo_import(&created));
    assert!(matches!(ws.undo_import_plan(&created.hash), Err(DocError::NotFound { kind: "import" })));
    assert!(ws.undo_import(&Stamp::new(&manager(), 1), "not a hash", false).is_err());
    // An import recorded before kinds were (same summary, no kind line) is not offered.
    let mut old = ws.history()[0].clone();
    old.kind = ChangeKind::Other;
    assert!(!ws.can_undo_import(&old));
}
