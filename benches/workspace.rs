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
//! These print figures for comparison between changes; nothing is asserted.
//! The browser runs the same code as wasm, usually a few times slower.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use safer_plan::demo;
use safer_plan::doc::{Stamp, Workspace};
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

criterion_group!(benches, workspace);
criterion_main!(benches);
