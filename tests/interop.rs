//! Interoperability with other Automerge tools and with the `age` CLI.
//!
//! Every test here is ignored: `scripts/interop.sh` drives them in order
//! around `tests/interop/node-roundtrip.mjs`, which opens the app's
//! `.automerge` download with `@automerge/automerge` (npm), checks the
//! actions it reads, edits action 4 and saves the document back. Each test
//! reads and writes files in the directory named by `INTEROP_DIR`.
//!
//! The age tests are a one-off check that a passphrase-protected file is a
//! standard age file (see `exchange::passphrase`); they need the `age` CLI
//! and a terminal for its passphrase prompt, so no script runs them.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::PathBuf;

use safer_plan::doc::Workspace;
use safer_plan::exchange::{self, passphrase};
use safer_plan::model::{Action, Author, Status};

/// What `node-roundtrip.mjs` writes into action 4; keep the two in step.
const NODE_TITLE: &str = "Review the serious youth violence strategy (edited in Node)";
const NODE_UPDATE_ID: &str = "node-update-1";
const NODE_UPDATE_DATE: &str = "2020-03-20";
const NODE_NARRATIVE: &str = "Draft strategy 2020\u{2013}23 agreed by the board \u{2014} \u{00a3}0 extra cost.";
const NODE_AUTHOR: (&str, &str) = ("Youth Offending Service Manager", "Luton Council");
const NODE_RECORDED_AT: i64 = 1_584_705_600;
const NODE_MESSAGE: &str = "Edited action 4 in another Automerge tool";

const AGE_PASSPHRASE: &str = "correct horse battery staple";

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
    let mut json = format!("{{\n  \"id\": {},\n  \"name\": {},\n  \"actions\": [", json_str(&p.id), json_str(&p.name));
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

/// Opens the document Node changed as an incoming file and merges it into
/// the copy that was downloaded.
#[test]
#[ignore = "run by scripts/interop.sh"]
fn merge_what_node_changed() {
    let mut ours = Workspace::load(&read("demo.automerge")).expect("the downloaded demo reloads");
    let before = ours.partnership().clone();
    let before_history = ours.history().len();

    let mut theirs = exchange::open_file(&read("node-changed.automerge"))
        .expect("the document Node changed is a Safer Plan workspace");
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

    // Nothing else moved.
    for (other, action) in &before.actions {
        if *other != id {
            assert_eq!(ours.partnership().actions.get(other), Some(action));
        }
    }
    let mut rest = ours.partnership().clone();
    rest.actions = before.actions.clone();
    assert_eq!(rest, before);

    let history = ours.history();
    assert_eq!(history.len(), before_history + 1);
    assert!(history.iter().any(|e| e.summary == NODE_MESSAGE && e.author == Author::new("", "")));

    // The merged copy saves and reloads like any other.
    let mut again = Workspace::load(&ours.save()).expect("the merged document reloads");
    assert_eq!(again.partnership(), ours.partnership());
    assert_eq!(ours.merge(&mut again).expect("merging again"), 0);
}

/// One-off: a passphrase-protected file for `age -d` to open.
#[test]
#[ignore = "one-off check with the age CLI"]
fn write_protected_for_age_cli() {
    let file = passphrase::protect(b"hello from safer plan", AGE_PASSPHRASE).expect("protect");
    assert!(passphrase::is_protected(&file));
    write("protected.age", &file);
}

/// One-off: `from-age.age`, made with `age -p` from `from-age.txt`, opens
/// with the same passphrase.
#[test]
#[ignore = "one-off check with the age CLI"]
fn open_protected_from_age_cli() {
    let plain = passphrase::unprotect(&read("from-age.age"), AGE_PASSPHRASE).expect("unprotect");
    assert_eq!(plain, read("from-age.txt"));
}
