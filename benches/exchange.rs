//! Exchange files on a large partnership (500 actions, 5,000 progress
//! updates, 200 indicators): how big a "Share changes" file is for 1, 10 and
//! 100 edited actions against the whole workspace, how long merging a file
//! of 1,000 changes takes, and how long passphrase protection takes on this
//! machine. Sizes are printed first; times come from criterion. No figure
//! is asserted (only that the files hold what they are named after):
//! `BENCHMARKS.md` records the figures.

use std::hint::black_box;

use automerge::{AutoCommit, Change};
use criterion::{Criterion, criterion_group, criterion_main};
use safer_plan::demo::large::large_partnership;
use safer_plan::doc::{Stamp, Workspace, interop};
use safer_plan::exchange::envelope::Envelope;
use safer_plan::exchange::passphrase::{protect, unprotect};
use safer_plan::exchange::{Outgoing, make_file, open};
use safer_plan::model::{ActionDraft, Author};

fn police() -> Author {
    Author::new("Inspector", "Bedfordshire Police")
}

/// The large partnership, and a partner's copy of it.
fn pair() -> (Workspace, Workspace) {
    let mut ours = Workspace::create_from(large_partnership(), "Set up", &Stamp::new(&police(), 0));
    let theirs = Workspace::load(&ours.save()).expect("copy");
    (ours, theirs)
}

/// Retitles the first `n` actions, one change each. Titles carry `at`, so a
/// second round on the same actions really changes them (an unchanged form
/// makes no change).
fn edit_actions(ws: &mut Workspace, n: usize, at: i64) {
    let ids: Vec<(String, String)> =
        ws.partnership().actions.values().take(n).map(|a| (a.id.clone(), a.number.clone())).collect();
    for (i, (id, number)) in ids.into_iter().enumerate() {
        let draft = ActionDraft { number, title: format!("Reviewed action, edit {i} at {at}"), ..Default::default() };
        let valid = ws.validate_action(&draft, Some(&id)).expect("valid");
        ws.edit_action(&Stamp::new(&police(), at + i as i64), &id, valid).expect("edit");
    }
}

fn file(ws: &mut Workspace, base: &[automerge::ChangeHash], passphrase: Option<&str>) -> Vec<u8> {
    let out = Outgoing { from: &police(), to: Some("Luton Council"), base, at: 1, passphrase };
    make_file(ws, &out).expect("file")
}

fn exchange(c: &mut Criterion) {
    let (_, mut theirs) = pair();
    let base = theirs.heads();
    let whole = file(&mut theirs, &[], None).len();
    println!("exchange file, whole large partnership: {} KB", whole / 1024);
    let mut done = 0;
    for n in [1, 10, 100] {
        edit_actions(&mut theirs, n - done, 10 * n as i64);
        done = n;
        let size = file(&mut theirs, &base, None).len();
        println!(
            "exchange file, {n} changed action(s): {:.1} KB ({:.2}% of whole)",
            size as f64 / 1024.0,
            100.0 * size as f64 / whole as f64
        );
    }

    // A file of 1,000 changes merged into the large partnership.
    let (mut ours, mut theirs) = pair();
    let base = theirs.heads();
    edit_actions(&mut theirs, 500, 1_000);
    edit_actions(&mut theirs, 500, 2_000);
    let changes = theirs.changes_since(&base).len();
    assert_eq!(changes, 1_000, "the file really holds 1,000 changes");
    let thousand = file(&mut theirs, &base, None);
    println!("exchange file, {changes} changes: {} KB", thousand.len() / 1024);
    let mut slow = c.benchmark_group("exchange");
    slow.sample_size(10);
    // What the preview costs beside Automerge itself: the changes decoded
    // from the file and applied to a copy, then the copy's partnership read
    // whole, field by field (before issue 16) or in one pass, against
    // `open`, which reads again only the items the changes touched.
    let envelope = Envelope::decode(&thousand).expect("an envelope");
    let decode = || -> Vec<Change> {
        envelope.parts.iter().map(|part| Change::try_from(part.as_slice()).expect("a change")).collect()
    };
    let mut base_doc = AutoCommit::load(&ours.save()).expect("loads");
    slow.bench_function("automerge: apply a 1,000-change file to a copy", |b| {
        b.iter(|| {
            let mut doc = base_doc.fork();
            doc.apply_changes(decode()).expect("applies");
            black_box(doc)
        })
    });
    slow.bench_function("preview, the copy read whole field by field (before)", |b| {
        b.iter(|| {
            let mut doc = base_doc.fork();
            doc.apply_changes(decode()).expect("applies");
            black_box(interop::partnership_field_by_field(&doc).expect("reads"))
        })
    });
    slow.bench_function("preview, the copy read whole in one pass", |b| {
        b.iter(|| {
            let mut doc = base_doc.fork();
            doc.apply_changes(decode()).expect("applies");
            black_box(interop::partnership(&doc).expect("reads"))
        })
    });
    let ten = {
        let mut partner = Workspace::load(&ours.save()).expect("copy");
        let base = partner.heads();
        edit_actions(&mut partner, 10, 3_000);
        file(&mut partner, &base, None)
    };
    slow.bench_function("open and preview a 10-change file, large partnership", |b| {
        b.iter(|| black_box(open(&ten, None, Some(&mut ours)).map(|o| o.kind).expect("opens")))
    });
    slow.bench_function("open and preview a 1,000-change file, large partnership", |b| {
        b.iter(|| black_box(open(&thousand, None, Some(&mut ours)).map(|o| o.kind).expect("opens")))
    });
    slow.bench_function("open and merge a 1,000-change file, large partnership", |b| {
        b.iter_batched(
            || Workspace::load(&ours.save()).expect("fresh copy"),
            |mut fresh| {
                let mut opened = open(&thousand, None, Some(&mut fresh)).expect("opens");
                black_box(fresh.merge(&mut opened.workspace).expect("merge"))
            },
            criterion::BatchSize::LargeInput,
        )
    });
    let whole_file = file(&mut ours, &[], None);
    slow.bench_function("protect the whole large partnership with a passphrase", |b| {
        b.iter(|| black_box(protect(&whole_file, "correct horse battery staple").expect("protect")))
    });
    let protected = protect(&whole_file, "correct horse battery staple").expect("protect");
    slow.bench_function("unlock the whole large partnership with its passphrase", |b| {
        b.iter(|| black_box(unprotect(&protected, "correct horse battery staple").expect("unlock")))
    });
    slow.finish();
}

criterion_group!(benches, exchange);
criterion_main!(benches);
