//! Interoperability with other Automerge tools.
//!
//! Every test here is ignored: `scripts/interop.sh` drives them in order
//! around the Node scripts in `tests/interop/`, which open the app's
//! `.automerge` download with `@automerge/automerge` (npm), edit it with
//! plain JavaScript values, build a new partnership from docs/FORMAT.md,
//! and read the app's own edits back. Each test reads and writes files in
//! the directory named by `INTEROP_DIR`. (The `age` CLI's files are tried in
//! `tests/age_cli.rs`.)
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::PathBuf;

use safer_plan::doc::{Stamp, Workspace};
use safer_plan::exchange;
use safer_plan::model::performance::{ValidQuarterValue, parse_quarter_code};
use safer_plan::model::{Action, Author, Narrative, Status, ValidAction, ValidProgress};

/// What the Node scripts write and expect: keep in step with
/// `tests/interop/shared.mjs`.
const NODE_TITLE: &str = "Review the serious youth violence strategy (edited in Node)";
const NODE_UPDATE_ID: &str = "node-update-1";
const NODE_UPDATE_DATE: &str = "2020-03-20";
const NODE_NARRATIVE: &str = "Draft strategy 2020\u{2013}23 agreed by the board \u{2014} \u{00a3}0 extra cost.";
const NODE_AUTHOR: (&str, &str) = ("Youth Offending Service Manager", "Luton Council");
const NODE_RECORDED_AT: i64 = 1_584_705_600;
const NODE_MESSAGE: &str = "Edited action 4 in another Automerge tool";
const NODE_QUARTER: &str = "2020-21-Q1";
const NODE_VALUE: f64 = 42.0;
const NODE_VALUE_NOTE: &str = "Entered in Node";
const NODE_INDICATOR_NOTES: &str = "Figures checked against the police data in Node.";
const NODE_ACTION_ID: &str = "node-action-1";
const NODE_ACTION_TITLE: &str = "Pilot a night-time economy safety scheme";
const APP_TITLE: &str = "Deliver the partnership's communications plan (edited in Safer Plan)";
const APP_NARRATIVE: &str = "Safer Plan: the scheme starts in the town centre in July.";
const APP_QUARTER: &str = "2020-21-Q2";
const APP_VALUE: f64 = 17.5;

fn dir() -> PathBuf {
    let dir = std::env::var_os("INTEROP_DIR").expect("set INTEROP_DIR to a directory (scripts/interop.sh does)");
    PathBuf::from(dir)
}

fn read(name: &str) -> Vec<u8> {
    let path = dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn write(name: &str, bytes: &[u8]) {
    let path = dir().join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// A JSON string literal (the crate has no JSON dependency).
fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn action_4(ws: &Workspace) -> &Action {
    ws.partnership().actions.values().find(|a| a.number == "4").expect("the demo has an action 4")
}

/// Writes the app's "Download as Automerge document" bytes and, for the
/// Node side to compare against, every action as the app reads it.
#[test]
#[ignore = "run by scripts/interop.sh"]
fn write_demo_for_node() {
    let mut ws = safer_plan::demo::workspace();
    write("demo.automerge", &ws.save());

    let p = ws.partnership();
    let indicator = p.indicators.keys().next().expect("the demo has indicators");
    let mut json = format!(
        "{{\n  \"id\": {},\n  \"name\": {},\n  \"indicator\": {},\n  \"actions\": [",
        json_str(&p.id),
        json_str(&p.name),
        json_str(indicator)
    );
    for (i, a) in p.actions_in_order().into_iter().enumerate() {
        let _ = write!(
            json,
            "{}\n    {{ \"id\": {}, \"number\": {}, \"title\": {}, \"status\": {}, \"updates\": {} }}",
            if i == 0 { "" } else { "," },
            json_str(&a.id),
            json_str(&a.number),
            json_str(&a.title),
            json_str(a.status().code()),
            a.progress.len(),
        );
    }
    json.push_str("\n  ]\n}\n");
    write("expected.json", json.as_bytes());
}

fn first_indicator(ws: &Workspace) -> String {
    ws.partnership().indicators.keys().next().expect("the demo has indicators").clone()
}

/// An action as it stands, with a new title.
fn retitled(a: &Action, title: &str) -> ValidAction {
    ValidAction {
        number: a.number.clone(),
        title: title.to_string(),
        description: a.description.clone(),
        theme_id: a.theme_id.clone(),
        leads: a.leads.clone(),
        linked_documents: a.linked_documents.clone(),
        due: a.due,
        partners: a.partners.clone(),
        start: a.start,
        tags: a.tags.clone(),
        business_as_usual: a.business_as_usual,
    }
}

/// Opens the document Node changed (with plain JavaScript strings) as an
/// incoming file and merges it into the copy that was downloaded; then
/// edits it in the app and saves `app-changed.automerge` for
/// `node-readback.mjs`.
#[test]
#[ignore = "run by scripts/interop.sh"]
fn merge_what_node_changed() {
    let mut ours = Workspace::load(&read("demo.automerge")).expect("the downloaded demo reloads");
    let before = ours.partnership().clone();
    let before_history = ours.history().len();

    let mut theirs = exchange::open_file(&read("node-changed.automerge"))
        .expect("the document Node changed with plain JavaScript strings is a Safer Plan workspace");
    assert_eq!(theirs.id(), ours.id());

    // What the merge preview would list: Node's one change, its plain
    // message read as a summary with no known author.
    let incoming = ours.changes_from(&mut theirs);
    assert_eq!(incoming.len(), 1, "{incoming:?}");
    assert_eq!(incoming[0].summary, NODE_MESSAGE);
    assert_eq!(incoming[0].author, Author::new("", ""));
    assert!(incoming[0].targets.is_empty());
    assert!(incoming[0].at > 1_700_000_000, "Node stamps the change with the current time: {}", incoming[0].at);

    let merged = ours.merge(&mut theirs).expect("the merge succeeds");
    assert_eq!(merged, 1, "the merge brings in Node's change");

    let id = action_4(&ours).id.clone();
    let a = action_4(&ours);
    assert_eq!(a.title, NODE_TITLE);
    let update = a.progress.get(NODE_UPDATE_ID).expect("Node's progress update is there");
    assert_eq!(update.id, NODE_UPDATE_ID);
    assert_eq!(update.date.iso(), NODE_UPDATE_DATE);
    assert_eq!(update.status, Status::Complete);
    assert_eq!(update.narrative.as_str(), NODE_NARRATIVE);
    assert_eq!((update.author_name.as_str(), update.author_organisation.as_str()), NODE_AUTHOR);
    assert_eq!(update.recorded_at, NODE_RECORDED_AT);
    assert_eq!(a.status(), Status::Complete);
    assert_eq!(a.progress.len(), before.actions[&id].progress.len() + 1);

    let indicator_id = first_indicator(&ours);
    let indicator = &ours.partnership().indicators[&indicator_id];
    let value = &indicator.values[NODE_QUARTER];
    assert_eq!((value.value, value.note.as_str(), value.recorded_at), (NODE_VALUE, NODE_VALUE_NOTE, NODE_RECORDED_AT));
    assert_eq!(indicator.notes.as_str(), NODE_INDICATOR_NOTES);

    let added = ours.partnership().action(NODE_ACTION_ID).expect("the action Node added");
    assert_eq!((added.number.as_str(), added.title.as_str()), ("99", NODE_ACTION_TITLE));
    assert_eq!(added.description.as_str(), "Agreed with the licensing team.");
    assert_eq!(added.due.map(|d| d.iso()), Some("2021-03-31".to_string()));
    assert_eq!(added.tags, ["Night-time economy", "High Town"]);
    assert_eq!(added.leads[0].to_string(), "Licensing Manager, Luton Council");
    assert_eq!((added.theme_id.as_deref(), added.progress.len(), added.status()), (None, 0, Status::NotStarted));

    // Nothing else moved.
    for (other, action) in &before.actions {
        if *other != id {
            assert_eq!(ours.partnership().actions.get(other), Some(action));
        }
    }
    let mut rest = ours.partnership().clone();
    rest.actions = before.actions.clone();
    rest.indicators = before.indicators.clone();
    assert_eq!(rest, before);

    let history = ours.history();
    assert_eq!(history.len(), before_history + 1);
    assert!(history.iter().any(|e| e.summary == NODE_MESSAGE && e.author == Author::new("", "")));

    // The merged copy saves and reloads like any other.
    let mut again = Workspace::load(&ours.save()).expect("the merged document reloads");
    assert_eq!(again.partnership(), ours.partnership());
    assert_eq!(ours.merge(&mut again).expect("merging again"), 0);

    // The app's own edits, for Node to read back.
    let me = Author::new("CSP Manager", "Luton Council");
    let stamp = |at| Stamp::new(&me, at);
    let update = ValidProgress {
        date: "2020-06-30".parse().expect("date"),
        status: Status::OnTrack,
        narrative: Narrative::new(APP_NARRATIVE),
    };
    ours.add_progress(&stamp(1_700_000_000), NODE_ACTION_ID, update).expect("progress on Node's action");
    let action_2 = ours.partnership().actions["action-02"].clone();
    ours.edit_action(&stamp(1_700_000_060), "action-02", retitled(&action_2, APP_TITLE)).expect("retitle");
    let valid = ValidQuarterValue {
        quarter: parse_quarter_code(APP_QUARTER).expect("quarter"),
        value: APP_VALUE,
        note: String::new(),
    };
    ours.record_value(&stamp(1_700_000_120), &indicator_id, valid).expect("value");
    write("app-changed.automerge", &ours.save());
}

/// A partnership Node built from docs/FORMAT.md alone opens as a new
/// partnership, with what Node put in it.
#[test]
#[ignore = "run by scripts/interop.sh"]
fn open_the_partnership_node_made() {
    let ws = exchange::open_file(&read("node-new.automerge")).expect("a partnership made in Node opens");
    let p = ws.partnership();
    assert_eq!(
        (p.id.as_str(), p.name.as_str(), p.area.as_str()),
        ("bedford-csp-node", "Bedford Community Safety Partnership", "Bedford")
    );
    assert_eq!(p.plan.action_plan_year, "2020-21");
    let theme = &p.themes["theme-asb"];
    assert_eq!(
        (theme.name.as_str(), theme.order, theme.aims.as_str()),
        ("Anti-social behaviour", 1, "Fewer repeat callers.")
    );
    assert_eq!(theme.lead(), "ASB Co-ordinator, Bedford Borough Council");
    let action = &p.actions["a1"];
    assert_eq!((action.title.as_str(), action.theme_id.as_deref()), ("Review the ASB strategy", Some("theme-asb")));
    assert_eq!(action.status(), Status::OnTrack);
    assert_eq!(action.progress["u1"].narrative.as_str(), "Consultation closed.");
    assert_eq!(p.theme_name(action.theme_id.as_deref()), "Anti-social behaviour");
}
