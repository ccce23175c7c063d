//! Figures for BENCHMARKS.md, printed, never asserted beyond convergence:
//! two tabs of the demo partnership each make 100 edits while apart, then
//! sync, through the app's sync core and through plain Automerge sync on
//! the same documents, in the same run.
//!
//!     cargo test --release --test sync_figures -- --ignored --nocapture
#![cfg(not(target_arch = "wasm32"))]

use std::collections::VecDeque;
use std::time::Instant;

use automerge::AutoCommit;
use automerge::sync::{self, SyncDoc};
use safer_plan::doc::sync::{Input, Output, SyncCore};
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::model::{Author, Narrative, Status, ValidProgress};

const EDITS: usize = 100;

#[derive(Debug, Default)]
struct Figures {
    messages: usize,
    bytes: usize,
    rounds: usize,
    millis: u128,
}

/// `EDITS` progress updates and retitles, spread over the demo's actions.
fn edit(ws: &mut Workspace, who: &str, start: i64) {
    let author = Author::new(who, "Luton Council");
    let ids: Vec<String> = ws.partnership().actions.keys().cloned().collect();
    for n in 0..EDITS {
        let id = &ids[n % ids.len()];
        let stamp = Stamp::new(&author, start + n as i64);
        let update = ValidProgress {
            date: "2020-03-02".parse().expect("date"),
            status: Status::OnTrack,
            narrative: Narrative::new(format!("{who}: update {n}")),
        };
        ws.add_progress(&stamp, id, update).expect("update");
    }
}

fn sends(out: Vec<Output<&'static str>>, figures: &mut Figures) -> Vec<Vec<u8>> {
    let mut bytes = Vec::new();
    for o in out {
        if let Output::Send { bytes: b, .. } = o {
            figures.messages += 1;
            figures.bytes += b.len();
            bytes.push(b);
        }
    }
    bytes
}

fn through_the_core(mut a: Workspace, mut b: Workspace) -> (Figures, Workspace, Workspace) {
    let mut f = Figures::default();
    let started = Instant::now();
    let (mut core_a, mut core_b) = (SyncCore::new(), SyncCore::new());
    let mut to_b: VecDeque<Vec<u8>> =
        sends(core_a.handle(&mut a, Input::PeerJoined { peer: "b", resume: None }), &mut f).into();
    let mut to_a: VecDeque<Vec<u8>> =
        sends(core_b.handle(&mut b, Input::PeerJoined { peer: "a", resume: None }), &mut f).into();
    while !(to_a.is_empty() && to_b.is_empty()) {
        f.rounds += 1;
        let (now_a, now_b) = (std::mem::take(&mut to_a), std::mem::take(&mut to_b));
        for bytes in now_a {
            to_b.extend(sends(core_a.handle(&mut a, Input::Message { from: "b", bytes: &bytes }), &mut f));
        }
        for bytes in now_b {
            to_a.extend(sends(core_b.handle(&mut b, Input::Message { from: "a", bytes: &bytes }), &mut f));
        }
        assert!(f.rounds < 50, "the core did not settle");
    }
    f.millis = started.elapsed().as_millis();
    (f, a, b)
}

fn plain_automerge(mut a: AutoCommit, mut b: AutoCommit) -> (Figures, AutoCommit, AutoCommit) {
    let mut f = Figures::default();
    let started = Instant::now();
    let (mut sa, mut sb) = (sync::State::new(), sync::State::new());
    loop {
        let to_b = a.sync().generate_sync_message(&mut sa);
        let to_a = b.sync().generate_sync_message(&mut sb);
        if to_b.is_none() && to_a.is_none() {
            break;
        }
        f.rounds += 1;
        if let Some(m) = to_b {
            let bytes = m.encode();
            f.messages += 1;
            f.bytes += bytes.len();
            b.sync().receive_sync_message(&mut sb, sync::Message::decode(&bytes).expect("decodes")).expect("b");
        }
        if let Some(m) = to_a {
            let bytes = m.encode();
            f.messages += 1;
            f.bytes += bytes.len();
            a.sync().receive_sync_message(&mut sa, sync::Message::decode(&bytes).expect("decodes")).expect("a");
        }
        assert!(f.rounds < 50, "plain Automerge did not settle");
    }
    f.millis = started.elapsed().as_millis();
    (f, a, b)
}

#[test]
#[ignore = "prints figures for BENCHMARKS.md"]
fn two_tabs_converge_after_100_edits_each() {
    let mut tab_a = safer_plan::demo::workspace();
    let mut tab_b = Workspace::load(&tab_a.save()).expect("same partnership");
    edit(&mut tab_a, "Tab A", 1_700_000_000);
    edit(&mut tab_b, "Tab B", 1_700_100_000);
    let (bytes_a, bytes_b) = (tab_a.save(), tab_b.save());

    let (core, mut a, mut b) = through_the_core(tab_a, tab_b);
    assert_eq!(a.heads(), b.heads());
    assert_eq!(a.partnership(), b.partnership());
    let (plain, mut pa, mut pb) =
        plain_automerge(AutoCommit::load(&bytes_a).expect("a"), AutoCommit::load(&bytes_b).expect("b"));
    assert_eq!(pa.get_heads(), pb.get_heads());
    assert_eq!(pa.get_heads(), a.heads(), "both end with the same document");

    println!("| Sync of two tabs, {EDITS} edits each | messages | bytes | rounds | time |");
    println!("|---|---:|---:|---:|---:|");
    for (name, f) in [("Safer Plan's sync core", &core), ("plain Automerge sync", &plain)] {
        println!("| {name} | {} | {} | {} | {} ms |", f.messages, f.bytes, f.rounds, f.millis);
    }
}
