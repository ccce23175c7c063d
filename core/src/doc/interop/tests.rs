//! What another Automerge client wrote opens, and survives Safer Plan's saves.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value};

use crate::doc::{Stamp, Workspace};
use crate::model::performance::{ValidQuarterValue, parse_quarter_code};
use crate::model::{Action, Author, Narrative, Status, ValidAction, ValidProgress};

fn realworld(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/realworld/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn stamp(at: i64) -> Stamp {
    Stamp::new(&Author::new("CSP Manager", "Luton Council"), at)
}

/// The object at a path of map keys from the root.
fn at(doc: &AutoCommit, path: &[&str]) -> (Value<'static>, ObjId) {
    let mut obj = ROOT;
    let mut value = Value::Object(ObjType::Map);
    for key in path {
        let (v, id) = doc.get(&obj, *key).expect("readable").unwrap_or_else(|| panic!("{path:?} exists"));
        value = v.into_owned();
        obj = id;
    }
    (value, obj)
}

/// What another client's change does: `edit` on the saved document.
fn edited_elsewhere(ws: &mut Workspace, edit: impl FnOnce(&mut AutoCommit)) -> Workspace {
    let mut doc = AutoCommit::load(&ws.save()).expect("loads");
    edit(&mut doc);
    doc.commit();
    Workspace::from_doc(doc).expect("still a partnership")
}

fn put_text(doc: &mut AutoCommit, obj: &ObjId, key: &str, text: &str) {
    let t = doc.put_object(obj, key, ObjType::Text).expect("text");
    doc.splice_text(&t, 0, 0, text).expect("splice");
}

fn saved(ws: &mut Workspace) -> AutoCommit {
    AutoCommit::load(&ws.save()).expect("reloads")
}

fn text_at(doc: &AutoCommit, path: &[&str]) -> Option<String> {
    match at(doc, path) {
        (Value::Object(ObjType::Text), id) => Some(doc.text(&id).expect("text")),
        _ => None,
    }
}

/// An action as it stands, as a checked form would give it back.
fn unchanged(a: Action) -> ValidAction {
    ValidAction {
        number: a.number,
        title: a.title,
        description: a.description,
        theme_id: a.theme_id,
        leads: a.leads,
        linked_documents: a.linked_documents,
        due: a.due,
        partners: a.partners,
        start: a.start,
        tags: a.tags,
        business_as_usual: a.business_as_usual,
    }
}

fn progress(narrative: &str) -> ValidProgress {
    ValidProgress {
        date: "2020-03-02".parse().expect("date"),
        status: Status::OnTrack,
        narrative: Narrative::new(narrative),
    }
}

#[test]
fn a_title_edited_with_the_javascript_library_opens_with_the_new_title() {
    let ws = Workspace::load(&realworld("js-edit-action-title.automerge")).expect("the file opens");
    assert_eq!(ws.partnership().action("action-04").map(|a| a.title.as_str()), Some("Edited with the JS library"));
    assert_eq!(ws.partnership().actions.len(), 13);
}

#[test]
fn an_unedited_javascript_title_stays_text_after_an_unrelated_edit_and_a_save() {
    let mut ws = Workspace::load(&realworld("js-edit-action-title.automerge")).expect("opens");
    let before = saved(&mut ws);
    assert_eq!(text_at(&before, &["actions", "action-04", "title"]).as_deref(), Some("Edited with the JS library"));
    let (_, title_object) = at(&before, &["actions", "action-04", "title"]);

    // Saving action 4 writes every one of its fields; the title is unchanged.
    ws.add_progress(&stamp(1_700_000_000), "action-04", progress("Strategy review started.")).expect("update");
    let mut renamed = ws.partnership().actions["action-05"].clone();
    renamed.title = "A different action renamed".into();
    ws.edit_action(&stamp(1_700_000_060), "action-05", unchanged(renamed)).expect("edit");

    let after = saved(&mut ws);
    assert_eq!(text_at(&after, &["actions", "action-04", "title"]).as_deref(), Some("Edited with the JS library"));
    assert_eq!(at(&after, &["actions", "action-04", "title"]).1, title_object, "the same text object");
    // Our own labels stay strings.
    let (number, _) = at(&after, &["actions", "action-04", "number"]);
    assert_eq!(number.as_str(), Some("4"));
    assert_eq!(Workspace::from_doc(after).expect("reopens").partnership(), ws.partnership());
}

#[test]
fn editing_a_title_another_client_wrote_as_text_edits_the_text() {
    let mut ws = Workspace::load(&realworld("js-edit-action-title.automerge")).expect("opens");
    let (_, title_object) = at(&saved(&mut ws), &["actions", "action-04", "title"]);
    let mut action = ws.partnership().actions["action-04"].clone();
    action.title = "Edited with the JS library, then in Safer Plan".into();
    ws.edit_action(&stamp(1_700_000_000), "action-04", unchanged(action)).expect("edit");
    let after = saved(&mut ws);
    assert_eq!(
        text_at(&after, &["actions", "action-04", "title"]).as_deref(),
        Some("Edited with the JS library, then in Safer Plan")
    );
    assert_eq!(at(&after, &["actions", "action-04", "title"]).1, title_object);
}

#[test]
fn an_item_whose_id_another_client_wrote_as_text_is_updated_in_place() {
    let mut demo = crate::demo::workspace();
    let mut ws = edited_elsewhere(&mut demo, |doc| {
        let (_, action) = at(doc, &["actions", "action-02"]);
        put_text(doc, &action, "id", "action-02");
    });
    let (_, object) = at(&saved(&mut ws), &["actions", "action-02"]);
    ws.add_progress(&stamp(1_700_000_000), "action-02", progress("Newsletter sent.")).expect("update");
    let after = saved(&mut ws);
    assert_eq!(at(&after, &["actions", "action-02"]).1, object, "the action was not replaced");
    assert_eq!(text_at(&after, &["actions", "action-02", "id"]).as_deref(), Some("action-02"));
}

#[test]
fn numbers_another_client_wrote_as_integers_stay_integers() {
    let mut demo = crate::demo::workspace();
    let id = demo.partnership().indicators.keys().next().expect("the demo has indicators").clone();
    let mut ws = edited_elsewhere(&mut demo, |doc| {
        let (_, indicator) = at(doc, &["indicators", &id]);
        doc.put(&indicator, "baseline", ScalarValue::Int(1250)).expect("put");
    });
    // Recording a value saves the whole indicator, baseline included.
    let valid = ValidQuarterValue {
        quarter: parse_quarter_code("2020-21-Q1").expect("quarter"),
        value: 301.5,
        note: String::new(),
    };
    ws.record_value(&stamp(1_700_000_000), &id, valid).expect("record");
    let after = saved(&mut ws);
    let (baseline, _) = at(&after, &["indicators", &id, "baseline"]);
    assert_eq!(baseline, Value::Scalar(std::borrow::Cow::Owned(ScalarValue::Int(1250))));
    let (value, _) = at(&after, &["indicators", &id, "values", "2020-21-Q1", "value"]);
    assert_eq!(value.as_f64(), Some(301.5));
}

#[test]
fn tags_another_client_wrote_as_text_are_kept_when_one_is_added() {
    let mut demo = crate::demo::workspace();
    let mut ws = edited_elsewhere(&mut demo, |doc| {
        let (_, action) = at(doc, &["actions", "action-02"]);
        let tags = doc.put_object(&action, "tags", ObjType::List).expect("list");
        for (i, tag) in ["High Town", "VAWG"].into_iter().enumerate() {
            let t = doc.insert_object(&tags, i, ObjType::Text).expect("text");
            doc.splice_text(&t, 0, 0, tag).expect("splice");
        }
    });
    assert_eq!(ws.partnership().actions["action-02"].tags, ["High Town", "VAWG"]);
    let mut action = ws.partnership().actions["action-02"].clone();
    action.tags.insert(1, "Hate crime".into());
    ws.edit_action(&stamp(1_700_000_000), "action-02", unchanged(action)).expect("edit");

    let after = saved(&mut ws);
    let (_, tags) = at(&after, &["actions", "action-02", "tags"]);
    let kinds: Vec<(String, bool)> = (0..after.length(&tags))
        .map(|i| match after.get(&tags, i).expect("readable").expect("element") {
            (Value::Object(ObjType::Text), t) => (after.text(&t).expect("text"), true),
            (v, _) => (v.as_str().unwrap_or_default().to_string(), false),
        })
        .collect();
    assert_eq!(kinds, [("High Town".to_string(), true), ("Hate crime".to_string(), false), ("VAWG".to_string(), true)]);
}

#[test]
fn a_partnership_another_client_wrote_with_text_and_integers_throughout_opens() {
    let mut doc = AutoCommit::new();
    put_text(&mut doc, &ROOT, "format", "safer-plan");
    doc.put(ROOT, "format_version", ScalarValue::Int(1)).expect("put");
    put_text(&mut doc, &ROOT, "id", "made-in-node");
    put_text(&mut doc, &ROOT, "name", "Bedford Community Safety Partnership");
    put_text(&mut doc, &ROOT, "area", "Bedford");
    let plan = doc.put_object(ROOT, "plan", ObjType::Map).expect("plan");
    for key in ["title", "period", "action_plan_year", "vision"] {
        put_text(&mut doc, &plan, key, "");
    }
    doc.put_object(ROOT, "themes", ObjType::Map).expect("themes");
    let actions = doc.put_object(ROOT, "actions", ObjType::Map).expect("actions");
    let action = doc.put_object(&actions, "a1", ObjType::Map).expect("action");
    for (key, text) in [("id", "a1"), ("number", "1"), ("title", "Review the ASB strategy"), ("description", "")] {
        put_text(&mut doc, &action, key, text);
    }
    put_text(&mut doc, &action, "due", "2020-03-31");
    doc.put(&action, "created_at", ScalarValue::Int(1_584_705_600)).expect("put");
    doc.commit();

    let ws = Workspace::from_doc(doc).expect("a partnership written with text and integers opens");
    let p = ws.partnership();
    assert_eq!((p.name.as_str(), p.format_version), ("Bedford Community Safety Partnership", 1));
    let a = &p.actions["a1"];
    assert_eq!((a.title.as_str(), a.due.map(|d| d.iso())), ("Review the ASB strategy", Some("2020-03-31".into())));
    assert_eq!((a.theme_id.as_deref(), a.leads.len(), a.progress.len(), a.created_at), (None, 0, 0, 1_584_705_600));
}
