//! How long the Automerge document work behind the app takes natively, on
//! the embedded demo partnership (7 themes, 13 actions and their progress
//! updates, each its own change):
//!
//! - `save`: writing the whole compressed document, as a storage snapshot
//!   or an exported file does;
//! - `load`: opening those bytes and hydrating the partnership, as opening
//!   a stored workspace or importing a file does;
//! - `intent`: one user intent (a progress update on action 4) followed by
//!   the incremental save the UI stores after every intent.
//!
//! - on the large partnership (`demo::large`: 500 actions, 5,000 updates,
//!   200 indicators × 20 quarters): `large/automerge load` (Automerge alone)
//!   beside `large/workspace load` (Automerge plus hydrating the
//!   partnership), and the whole-document reads a page makes on each change
//!   of the plan: `large/history of an action` (the action page's change
//!   table) and `large/all conflicts` (the Dashboard); the change table
//!   again after 2,000 progress updates, one change each, read the first
//!   time, at the same heads, and after one more change. Reading the
//!   partnership from a loaded document, issue 16: Automerge's own one-pass
//!   read (`hydrate(None)`), autosurgeon field by field (the reference, and
//!   the load before one-pass reading: `large/workspace load, field by
//!   field`), the `Snapshot` alone, and the one-pass read the app uses.
//!
//! These print figures for comparison between changes; nothing is asserted.
//! The browser runs the same code as wasm, usually a few times slower.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use safer_plan::demo;
use safer_plan::doc::{Stamp, Workspace, interop};
use safer_plan::model::{Author, Date, Narrative, Status, ValidProgress};

fn progress() -> ValidProgress {
    ValidProgress {
        date: Date::new(2020, 1, 15).expect("a real date"),
        status: Status::OnTrack,
        narrative: Narrative::new("Panel met monthly; two further referrals accepted and both young people engaged."),
    }
}

fn workspace(c: &mut Criterion) {
    let mut ws = demo::workspace();
    let saved = ws.save();
    let author = Author::new("Head of Youth Offending Service", "Luton Council");
    let stamp = Stamp::new(&author, 1_579_089_600);

    // Sizes once, outside the timed loops.
    let mut sized = Workspace::load(&saved).expect("the demo loads");
    let heads = sized.heads();
    sized.add_progress(&stamp, "action-04", progress()).expect("action 4 exists");
    let chunk = sized.save_after(&heads);
    println!(
        "demo document saved: {} bytes; one progress update's incremental chunk: {} bytes",
        saved.len(),
        chunk.len()
    );

    c.bench_function("save", |b| b.iter(|| black_box(ws.save())));

    c.bench_function("load", |b| b.iter(|| black_box(Workspace::load(black_box(&saved)).expect("the demo loads"))));

    // Each iteration starts from a freshly loaded demo (untimed), so the
    // document does not grow from one iteration to the next.
    c.bench_function("intent", |b| {
        b.iter_batched(
            || {
                let mut ws = Workspace::load(&saved).expect("the demo loads");
                let heads = ws.heads();
                (ws, heads)
            },
            |(mut ws, heads)| {
                ws.add_progress(&stamp, "action-04", progress()).expect("action 4 exists");
                black_box(ws.save_after(&heads))
            },
            BatchSize::LargeInput,
        )
    });
}

fn large(c: &mut Criterion) {
    let saved = demo::large::large_workspace(1_579_089_600).save();
    println!("large partnership saved: {} bytes", saved.len());
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("automerge load", |b| {
        b.iter(|| black_box(automerge::Automerge::load(black_box(&saved)).expect("the large partnership loads")))
    });
    group.bench_function("workspace load", |b| {
        b.iter(|| black_box(Workspace::load(black_box(&saved)).expect("the large partnership loads")))
    });
    // Before one-pass hydration: the same load, read one field at a time.
    group.bench_function("workspace load, field by field", |b| {
        b.iter(|| {
            let doc = automerge::AutoCommit::load(black_box(&saved)).expect("the large partnership loads");
            black_box(interop::partnership_field_by_field(&doc).expect("it reads"))
        })
    });
    // The reads alone, on a document already loaded.
    let loaded = automerge::Automerge::load(&saved).expect("the large partnership loads");
    group.bench_function("automerge hydrate(None)", |b| b.iter(|| black_box(loaded.hydrate(None))));
    group.bench_function("read field by field", |b| {
        b.iter(|| black_box(interop::partnership_field_by_field(&loaded).expect("it reads")))
    });
    group.bench_function("snapshot", |b| b.iter(|| black_box(interop::Snapshot::new(&loaded).expect("it reads"))));
    group
        .bench_function("read in one pass", |b| b.iter(|| black_box(interop::partnership(&loaded).expect("it reads"))));
    let mut ws = Workspace::load(&saved).expect("the large partnership loads");
    group.bench_function("history of an action", |b| b.iter(|| black_box(ws.history_of("action/action-000"))));
    group.bench_function("all conflicts", |b| b.iter(|| black_box(ws.all_conflicts())));
    group.finish();
    long_history(c, &saved);
}

/// History on the large partnership after 2,000 progress updates, one
/// change each (issue 16 item 5): an action's change table read the first
/// time (every change decoded), then again at the same heads, and after one
/// more change (each draw of the page after an intent).
fn long_history(c: &mut Criterion, saved: &[u8]) {
    let mut ws = Workspace::load(saved).expect("the large partnership loads");
    let author = Author::new("Head of Youth Offending Service", "Luton Council");
    let ids: Vec<String> = ws.partnership().actions.keys().cloned().collect();
    for (n, id) in ids.iter().cycle().take(2_000).enumerate() {
        ws.add_progress(&Stamp::new(&author, 1_579_089_600 + n as i64), id, progress()).expect("the action exists");
    }
    let long = ws.save();
    let target = format!("action/{}", ids[0]);
    // The first draw, cache empty: timed by hand, as each needs a fresh load.
    let mut first: Vec<std::time::Duration> = (0..5)
        .map(|_| {
            let mut fresh = Workspace::load(&long).expect("loads");
            let start = std::time::Instant::now();
            black_box(fresh.history_of(&target));
            start.elapsed()
        })
        .collect();
    safer_plan::sorting::sort(&mut first);
    println!("large/history of an action, 2,001 changes, first draw (every change read): median of 5 {:?}", first[2]);
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    black_box(ws.history_of(&target));
    group.bench_function("history of an action, 2,001 changes, same heads", |b| {
        b.iter(|| black_box(ws.history_of(&target)))
    });
    let mut n = 0;
    group.bench_function("history of an action, 2,001 changes, one change since", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                ws.add_progress(&Stamp::new(&author, 1_600_000_000 + n), &ids[0], progress()).expect("exists");
                let start = std::time::Instant::now();
                black_box(ws.history_of(&target));
                spent += start.elapsed();
            }
            spent
        })
    });
    group.finish();
}

criterion_group!(benches, workspace, large);
criterion_main!(benches);
