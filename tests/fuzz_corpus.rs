//! Replays the fuzzing seeds through the fuzz targets' own code
//! (`fuzz/common.rs`), and every crash the fuzzer found through the file
//! worker's checks, so `cargo test` shows without the nightly toolchain
//! that no seed panics and that every crash file is refused. The ignored
//! test at the end writes the seeds.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT};
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::exchange::{Outgoing, make_file};
use safer_plan::model::{ActionDraft, Author, Date, Narrative, Status, ValidProgress};
use safer_plan_file_worker::protocol::UNSAFE_FILE;
use safer_plan_file_worker::{
    ExchangeAnswer, ExchangeRequest, KeepRequest, Partnership, Request, Response, handle, heads_to_bytes,
};
use sha2::{Digest, Sha256};

#[path = "../fuzz/common.rs"]
mod common;

use common::Outcome;

const T: i64 = 1_700_000_000;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files in `dir` (under `fuzz/`), if it exists, leaving out what
/// libFuzzer writes for inputs that were only slow or used too much memory:
/// those are not panics, and replaying them here would be slow or worse.
fn files_in(dir: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(fuzz_dir().join(dir)) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    files.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        !(name == ".gitkeep"
            || name.starts_with("oom-")
            || name.starts_with("slow-unit-")
            || name.starts_with("timeout-"))
    });
    safer_plan::sorting::sort(&mut files);
    files
}

/// Runs a file as the fuzz targets do, as it is and with its checksums
/// recomputed (what `open_file_resealed` does first); returns the outcomes,
/// or what panicked.
fn replay(path: &Path) -> Result<Vec<Outcome>, String> {
    let data = fs::read(path).expect("readable");
    let resealed = common::reseal(&data);
    let mut inputs = vec![("", data.as_slice())];
    if resealed != data {
        inputs.push(("resealed ", resealed.as_slice()));
    }
    let mut outcomes = Vec::new();
    for (how, bytes) in inputs {
        match catch_unwind(AssertUnwindSafe(|| common::open_file(bytes))) {
            Ok(outcome) => outcomes.push(outcome),
            Err(_) => return Err(format!("{} ({how}input)", path.display())),
        }
    }
    Ok(outcomes)
}

#[test]
fn every_fuzz_seed_is_opened_or_refused_without_panicking() {
    let seeds = files_in("corpus/open_file");
    assert!(seeds.len() >= 10, "fuzz/corpus/open_file has only {} seeds", seeds.len());
    let mut merged = 0;
    let mut refused = 0;
    for path in &seeds {
        let outcomes = replay(path).unwrap_or_else(|e| panic!("{e} panicked"));
        merged += outcomes.iter().filter(|o| matches!(o, Outcome::Merged(n) if *n > 0)).count();
        refused += outcomes.iter().filter(|o| **o == Outcome::Refused).count();
    }
    // The seeds reach both ends: files that merge, and files refused.
    assert!(merged >= 3 && refused >= 10, "{merged} merged, {refused} refused");
}

/// How the page fares with a file, asking the file worker as
/// `ui/share/check.rs` does (with the open partnership's id, then, for a
/// file of changes to it, on the copy the worker keeps from when the Share
/// page opened). Natively a panic unwinds, so
/// `catch_unwind` stands in for the worker ending on the file; in the
/// browser the page then terminates the worker and refuses the file
/// (journey `tests/e2e/damaged-files.spec.ts`).
fn through_the_worker(file: &[u8]) -> Result<ExchangeAnswer, &'static str> {
    let current = common::BASE.to_vec();
    let mut base = Workspace::load(&current).expect("the base opens");
    let current_id = base.id().to_string();
    let heads = base.heads();
    let kept = handle(Request::Keep(KeepRequest {
        id: current_id.clone(),
        document: current.clone(),
        heads: heads_to_bytes(&heads),
    }));
    assert_eq!(kept, Response::Kept(true), "the worker keeps the base");
    let ask = |file: Vec<u8>, current: Partnership| {
        let request = Request::Exchange(ExchangeRequest {
            file,
            passphrase: Some(common::PASSPHRASE.to_string()),
            current_id: Some(current_id.clone()),
            current,
        });
        match catch_unwind(AssertUnwindSafe(|| handle(request))) {
            Ok(Response::Exchange(answer)) => Ok(answer),
            Ok(other) => panic!("not an answer about a file: {other:?}"),
            Err(_) => Err(UNSAFE_FILE),
        }
    };
    match ask(file.to_vec(), Partnership::NotSent)? {
        ExchangeAnswer::NeedsPartnership { inside } => {
            let file = inside.unwrap_or_else(|| file.to_vec());
            match ask(file.clone(), Partnership::kept(Vec::new(), &heads))? {
                // Not kept after all: the page sends it whole.
                ExchangeAnswer::NeedsPartnership { .. } => ask(file, Partnership::Saved(current)),
                answer => Ok(answer),
            }
        }
        answer => Ok(answer),
    }
}

/// Crashes the fuzzer found are kept in `fuzz/regressions/open_file` (what
/// a local run left in `fuzz/artifacts` is replayed too), as they are and
/// resealed. Automerge 0.12.0, the latest release, still panics on them;
/// what the app guarantees is that each is refused: normally, or because
/// the file worker stopped on it. Inputs that exhausted memory are kept
/// apart in `fuzz/regressions/open_file_oom`: natively they abort the test
/// process, so they are replayed only in the browser, where the worker's
/// memory ceiling stops them.
#[test]
fn files_that_crashed_the_fuzzer_are_refused_by_the_file_worker() {
    let dirs = ["regressions/open_file", "artifacts/open_file", "artifacts/open_file_resealed"];
    let files: Vec<PathBuf> = dirs.iter().flat_map(|d| files_in(d)).collect();
    assert!(files.len() >= 5, "fuzz/regressions/open_file has only {} files", files.len());
    let (mut stopped, mut refused) = (0, 0);
    for path in &files {
        let data = fs::read(path).expect("readable");
        for bytes in [common::reseal(&data), data] {
            match through_the_worker(&bytes) {
                Err(sentence) => {
                    assert_eq!(
                        sentence,
                        "This file is damaged or was made by something Safer Plan cannot read safely \u{2014} nothing was changed"
                    );
                    stopped += 1;
                }
                Ok(ExchangeAnswer::Refused(reason)) => {
                    assert!(!reason.is_empty());
                    refused += 1;
                }
                Ok(other) => panic!("{} was not refused: {other:?}", path.display()),
            }
        }
    }
    println!("{} crash files: {stopped} stopped the worker, {refused} refused by the checks", files.len());
}

fn council() -> Author {
    Author::new("Community Safety Partnership Manager", "Luton Council")
}

fn police() -> Author {
    Author::new("Inspector", "Bedfordshire Police")
}

fn file(ws: &mut Workspace, from: &Author, base: &[automerge::ChangeHash], passphrase: Option<&str>) -> Vec<u8> {
    let out = Outgoing { from, to: Some("Luton Council"), base, at: T, passphrase };
    make_file(ws, &out).expect("file made")
}

fn edit_title(ws: &mut Workspace, id: &str, title: &str, at: i64) {
    let number = ws.partnership().action(id).map(|a| a.number.clone()).unwrap_or_default();
    let draft = ActionDraft { number, title: title.into(), ..Default::default() };
    let valid = ws.validate_action(&draft, Some(id)).expect("valid");
    ws.edit_action(&Stamp::new(&police(), at), id, valid).expect("edit");
}

/// `file` with its SHA-256 trailer recomputed after editing it.
fn resealed_envelope(mut file: Vec<u8>) -> Vec<u8> {
    let body = file.len() - 32;
    let checksum = Sha256::digest(&file[..body]);
    file[body..].copy_from_slice(&checksum);
    file
}

/// Writes the seeds into `fuzz/corpus/open_file`. The files of changes
/// apply to `fuzz/open_file_base.automerge`; set `REGENERATE_FUZZ_BASE=1`
/// to make a new base from the current demo first.
#[test]
#[ignore = "writes fuzz/corpus/open_file: run by hand after changing the file format"]
fn write_the_fuzz_seeds() {
    let base = if std::env::var_os("REGENERATE_FUZZ_BASE").is_some() {
        let bytes = safer_plan::demo::workspace().save();
        fs::write(fuzz_dir().join("open_file_base.automerge"), &bytes).expect("base written");
        bytes
    } else {
        common::BASE.to_vec()
    };
    let mut seeds: Vec<(&str, Vec<u8>)> = Vec::new();

    // A small partnership of its own.
    let mut small = Workspace::create("Luton CSP", "Luton", &Stamp::new(&council(), T));
    let small_start = small.heads();
    let draft = ActionDraft { number: "1".into(), title: "Review the ASB strategy".into(), ..Default::default() };
    let valid = small.validate_action(&draft, None).expect("valid");
    small.add_action(&Stamp::new(&council(), T + 1), valid).expect("add");
    let protected = file(&mut small, &council(), &[], Some(common::PASSPHRASE));
    seeds.push(("whole-small.saferplan", file(&mut small, &council(), &[], None)));
    seeds.push(("plain-small.automerge", small.save()));
    seeds.push(("changes-for-another-partnership.saferplan", file(&mut small, &council(), &small_start, None)));
    seeds.push((
        "whole-small-other-passphrase.saferplan",
        file(&mut small, &council(), &[], Some("blue kettle morning")),
    ));
    // age's scrypt stanza names its work factor: ask for far more.
    let at = protected.windows(3).position(|w| w == b" 15").expect("work factor");
    let mut demanding = protected.clone();
    demanding[at + 1..at + 3].copy_from_slice(b"22");
    seeds.push(("whole-small-protected.saferplan", protected));
    seeds.push(("whole-small-too-demanding.saferplan", demanding));

    // The demo partnership open on the fuzzed device, and a partner's edits.
    let mut theirs = Workspace::load(&base).expect("the base opens");
    seeds.push(("whole-demo.saferplan", file(&mut theirs, &police(), &[], None)));
    seeds.push(("plain-demo.automerge", base.clone()));
    let start = theirs.heads();
    edit_title(&mut theirs, "action-04", "Review the serious youth violence strategy", T);
    let one = file(&mut theirs, &police(), &start, None);
    let lost = theirs.heads();
    let update = ValidProgress {
        date: Date::new(2020, 2, 20).expect("date"),
        status: Status::AtRisk,
        narrative: Narrative::new("Second workshop postponed \u{2013} venue \u{e9}vacu\u{e9}e."),
    };
    theirs.add_progress(&Stamp::new(&police(), T + 1), "action-02", update).expect("update");
    seeds.push(("changes-two-edits.saferplan", file(&mut theirs, &police(), &start, None)));
    seeds.push(("changes-after-a-lost-file.saferplan", file(&mut theirs, &police(), &lost, None)));
    seeds.push(("changes-protected.saferplan", file(&mut theirs, &police(), &start, Some(common::PASSPHRASE))));
    let now = theirs.heads();
    seeds.push(("changes-nothing-new.saferplan", file(&mut theirs, &police(), &now, None)));
    let mut two_part = base.clone();
    two_part.extend(theirs.save_after(&start));
    seeds.push(("plain-demo-with-later-changes.automerge", two_part));
    let mut newer = one.clone();
    newer[b"SAFERPLAN".len()] = 2;
    seeds.push(("changes-newer-version.saferplan", resealed_envelope(newer)));
    let mut flipped = one.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    seeds.push(("changes-one-flipped-byte.saferplan", flipped));
    seeds.push(("changes-one-edit.saferplan", one));

    // Automerge documents that are not Safer Plan workspaces this reads.
    let mut other = AutoCommit::new();
    other.put(ROOT, "todo", "buy milk").expect("put");
    seeds.push(("not-a-workspace.automerge", other.save()));
    let mut newer = AutoCommit::load(&base).expect("load");
    newer.put(ROOT, "format_version", 99_u64).expect("put");
    seeds.push(("newer-version.automerge", newer.save()));
    let mut wrong = AutoCommit::load(&base).expect("load");
    wrong.put(ROOT, "actions", "not a list of actions").expect("put");
    seeds.push(("wrong-types.automerge", wrong.save()));

    // Files people send by mistake.
    seeds.push(("empty", Vec::new()));
    seeds.push(("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec()));
    seeds.push(("plan.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml".to_vec()));
    seeds.push(("letter.txt", b"Dear partner, please find attached our actions for the plan.".to_vec()));
    seeds.push(("utf16.txt", vec![0xFF, 0xFE, b'h', 0, b'i', 0]));

    let dir = fuzz_dir().join("corpus/open_file");
    fs::create_dir_all(&dir).expect("corpus folder");
    for (name, bytes) in &seeds {
        assert!(bytes.len() < 64 * 1024, "{name} is {} bytes", bytes.len());
        fs::write(dir.join(name), bytes).expect("seed written");
    }
    assert!(seeds.len() <= 30);
}
