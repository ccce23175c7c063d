use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT};

use super::*;

/// The error, or `None` if the file opened.
fn refused(bytes: &[u8]) -> Option<ExchangeError> {
    open_file(bytes).err()
}
use crate::doc::Stamp;
use crate::model::{ActionDraft, Author, Narrative, Status, ValidProgress};

fn council() -> Author {
    Author::new("Community Safety Partnership Manager", "Luton Council")
}

fn police() -> Author {
    Author::new("Inspector", "Bedfordshire Police")
}

const T: i64 = 1_700_000_000;

#[test]
fn a_partners_file_is_summarised_by_organisation_before_merging() {
    let mut ours = crate::demo::workspace();
    let mut theirs = open_file(&ours.save()).expect("our own file opens");
    let update = ValidProgress {
        date: "2020-02-20".parse().expect("date"),
        status: Status::OnTrack,
        narrative: Narrative::new("Second workshop held."),
    };
    theirs.add_progress(&Stamp::new(&police(), T), "action-02", update).expect("update");
    let draft =
        ActionDraft { number: "4".into(), title: "Review the youth violence strategy".into(), ..Default::default() };
    let valid = theirs.validate_action(&draft, Some("action-04")).expect("valid");
    theirs.edit_action(&Stamp::new(&police(), T + 1), "action-04", valid).expect("edit");

    let mut incoming = open_file(&theirs.save()).expect("their file opens");
    let summary = IncomingSummary::between(&mut ours, &mut incoming);
    assert_eq!(summary.lines(), ["Bedfordshire Police: 1 action updated, 1 progress update added"]);
    assert_eq!(summary.changes.len(), 2);
    assert_eq!(summary.changes[0].author, police());

    // The same file again, or our own file, brings nothing new.
    let mut same = open_file(&ours.save()).expect("opens");
    assert!(IncomingSummary::between(&mut ours, &mut same).by_organisation.is_empty());
    assert_eq!(Counts::default().describe(), "nothing new");
}

fn small_two_part_file() -> (Vec<u8>, usize) {
    let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&council(), T));
    let mut bytes = ws.save();
    let first = bytes.len();
    let heads = ws.heads();
    let draft = ActionDraft { number: "1".into(), title: "Review the ASB strategy".into(), ..Default::default() };
    let valid = ws.validate_action(&draft, None).expect("valid");
    ws.add_action(&Stamp::new(&council(), T + 1), valid).expect("add");
    bytes.extend(ws.save_after(&heads));
    (bytes, first)
}

#[test]
fn a_truncated_file_is_refused_at_every_cut_point() {
    let (bytes, first) = small_two_part_file();
    let whole = open_file(&bytes).expect("the whole file opens");
    assert_eq!(whole.partnership().actions.len(), 1);
    for cut in 1..bytes.len() {
        match open_file(&bytes[..cut]) {
            Err(_) => {}
            // Cut exactly after the first part, what is left is a complete
            // (older) file: it opens, without the second part's action.
            Ok(ws) => assert!(cut == first && ws.partnership().actions.is_empty(), "cut at {cut} of {}", bytes.len()),
        }
    }
}

#[test]
fn a_flipped_byte_anywhere_is_refused() {
    let (bytes, _) = small_two_part_file();
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x20;
        assert!(open_file(&bad).is_err(), "flipping byte {i} of {} was not noticed", bytes.len());
    }
}

#[test]
fn files_sent_by_mistake_get_their_own_message() {
    assert_eq!(refused(b""), Some(ExchangeError::Empty));
    assert_eq!(refused(b"%PDF-1.7 ..."), Some(ExchangeError::WrongKind("a PDF")));
    assert_eq!(refused(b"PK\x03\x04....word/document.xml"), Some(ExchangeError::WrongKind("a Word document")));
    assert_eq!(refused(b"PK\x03\x04....photo.jpg"), Some(ExchangeError::WrongKind("a zip file")));
    assert_eq!(refused(&[0xFF, 0xFE, b'h', 0, b'i', 0]), Some(ExchangeError::WrongKind("a text file")));
    assert_eq!(refused(b"Dear partner, please find attached"), Some(ExchangeError::WrongKind("a text file")));
    let huge = vec![0u8; MAX_FILE_BYTES + 1];
    assert_eq!(refused(&huge), Some(ExchangeError::TooLarge { size_mb: 51 }));
}

#[test]
fn automerge_files_that_are_not_safer_plan_workspaces_change_nothing() {
    let mut other = AutoCommit::new();
    other.put(ROOT, "todo", "buy milk").expect("put");
    assert_eq!(refused(&other.save()), Some(ExchangeError::NotAWorkspace));

    let mut newer = AutoCommit::load(&crate::demo::workspace().save()).expect("load");
    newer.put(ROOT, "format_version", 99_u64).expect("put");
    assert_eq!(refused(&newer.save()), Some(ExchangeError::NewerVersion));

    let mut wrong = AutoCommit::load(&crate::demo::workspace().save()).expect("load");
    wrong.put(ROOT, "actions", "not a list of actions").expect("put");
    assert!(matches!(open_file(&wrong.save()), Err(ExchangeError::WrongTypes(_))));
}
