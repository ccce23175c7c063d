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

#[test]
fn a_partner_s_changes_are_counted_by_what_they_did_not_by_their_wording() {
    let mut ours = crate::demo::workspace();
    let mut theirs = open_file(&ours.save()).expect("our own file opens");
    let draft =
        ActionDraft { number: "14".into(), title: "Audit street lighting in High Town".into(), ..Default::default() };
    let valid = theirs.validate_action(&draft, None).expect("valid");
    theirs.add_action(&Stamp::new(&police(), T), valid).expect("added");
    // "Recorded a resident's response …" was once counted as an indicator
    // value by its first word.
    let (questionnaire, worries, option) = theirs
        .partnership()
        .questionnaires
        .values()
        .find_map(|q| {
            let w = q.worries_question()?;
            Some((q.id.clone(), w.id.clone(), w.options.first()?.clone()))
        })
        .expect("the demo has a questionnaire asking about worries");
    let answers = std::collections::BTreeMap::from([(worries, vec![option])]);
    theirs.record_response(&Stamp::new(&police(), T + 1), &questionnaire, &answers).expect("recorded");
    let mut incoming = open_file(&theirs.save()).expect("their file opens");
    let summary = IncomingSummary::between(&mut ours, &mut incoming);
    assert_eq!(summary.lines(), ["Bedfordshire Police: 1 action added, 1 other change"]);
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

/// A partner's copy made from ours, as if they had opened our whole file.
fn partner_copy(ours: &mut Workspace) -> Workspace {
    open_file(&ours.save()).expect("copy")
}

fn edit_title(ws: &mut Workspace, who: &Author, id: &str, title: &str, at: i64) {
    let number = ws.partnership().action(id).map(|a| a.number.clone()).unwrap_or_default();
    let draft = ActionDraft { number, title: title.into(), ..Default::default() };
    let valid = ws.validate_action(&draft, Some(id)).expect("valid");
    ws.edit_action(&Stamp::new(who, at), id, valid).expect("edit");
}

fn changes_file(
    ws: &mut Workspace,
    from: &Author,
    base: &[automerge::ChangeHash],
    passphrase: Option<&str>,
) -> Vec<u8> {
    let out = Outgoing { from, to: Some("Luton Council"), base, at: T, passphrase };
    make_file(ws, &out).expect("file")
}

#[test]
fn a_file_of_changes_holds_only_what_the_partner_lacks_and_merges_once() {
    let mut ours = crate::demo::workspace();
    let mut theirs = partner_copy(&mut ours);
    let base = theirs.heads();
    edit_title(&mut theirs, &police(), "action-04", "Review the serious youth violence strategy", T);
    let file = changes_file(&mut theirs, &police(), &base, None);
    let whole = changes_file(&mut theirs, &police(), &[], None);
    assert!(file.len() < 2_000, "one edit made a {} byte file", file.len());
    assert!(file.len() * 10 < whole.len(), "changes {} vs whole {}", file.len(), whole.len());

    let opened = open(&file, None, Some(&mut ours)).expect("opens");
    assert_eq!(opened.kind, FileKind::Changes);
    assert_eq!(opened.from, Some(police()));
    assert_eq!(opened.sender_heads, theirs.heads());
    let mut incoming = opened.workspace;
    assert_eq!(IncomingSummary::between(&mut ours, &mut incoming).lines(), ["Bedfordshire Police: 1 action updated"]);
    assert_eq!(ours.merge(&mut incoming).expect("merge"), 1);
    assert_eq!(ours.partnership(), theirs.partnership());
    // The same file again brings nothing.
    let mut again = open(&file, None, Some(&mut ours)).expect("opens").workspace;
    assert_eq!(ours.merge(&mut again).expect("merge"), 0);
}

#[test]
fn changes_that_build_on_a_lost_file_are_refused_with_advice() {
    let mut ours = crate::demo::workspace();
    let mut theirs = partner_copy(&mut ours);
    let base = theirs.heads();
    edit_title(&mut theirs, &police(), "action-04", "First edit, in a file that was lost", T);
    let lost = theirs.heads();
    edit_title(&mut theirs, &police(), "action-04", "Second edit", T + 1);
    let file = changes_file(&mut theirs, &police(), &lost, None);
    let heads = ours.heads();
    match open(&file, None, Some(&mut ours)) {
        Err(e @ ExchangeError::MissingEarlierChanges { .. }) => {
            assert!(e.to_string().contains("Ask Bedfordshire Police to send the whole partnership"))
        }
        other => panic!("expected missing changes, got {:?}", other.map(|o| o.kind)),
    }
    assert_eq!(ours.heads(), heads);
    // Resent from the older base, it goes in.
    let resent = changes_file(&mut theirs, &police(), &base, None);
    let mut incoming = open(&resent, None, Some(&mut ours)).expect("opens").workspace;
    assert_eq!(ours.merge(&mut incoming).expect("merge"), 2);
}

#[test]
fn a_file_of_changes_needs_its_own_partnership_open() {
    let mut ours = crate::demo::workspace();
    let mut theirs = partner_copy(&mut ours);
    let base = theirs.heads();
    edit_title(&mut theirs, &police(), "action-04", "Edited", T);
    let file = changes_file(&mut theirs, &police(), &base, None);
    let mut unrelated = crate::demo::workspace();
    for current in [None, Some(&mut unrelated)] {
        match open(&file, None, current) {
            Err(ExchangeError::ChangesForAnotherPartnership { name, from }) => {
                assert_eq!((name.as_str(), from.as_str()), (ours.partnership().name.as_str(), "Bedfordshire Police"))
            }
            other => panic!("expected another partnership, got {:?}", other.map(|o| o.kind)),
        }
    }
}

#[test]
fn a_protected_file_opens_only_with_its_passphrase() {
    let mut ours = crate::demo::workspace();
    let mut theirs = partner_copy(&mut ours);
    let base = theirs.heads();
    edit_title(&mut theirs, &police(), "action-04", "Edited in secret", T);
    let file = changes_file(&mut theirs, &police(), &base, Some("correct horse battery staple"));
    assert!(file.starts_with(passphrase::AGE_HEADER));
    let heads = ours.heads();
    assert_eq!(open(&file, None, Some(&mut ours)).err(), Some(ExchangeError::NeedsPassphrase));
    assert_eq!(open(&file, Some("  "), Some(&mut ours)).err(), Some(ExchangeError::NeedsPassphrase));
    let wrong = open(&file, Some("correct horse battery stable"), Some(&mut ours)).err();
    assert_eq!(wrong, Some(ExchangeError::WrongPassphrase));
    assert_eq!(
        ExchangeError::WrongPassphrase.to_string(),
        "That passphrase does not open this file. Check it with the partner who sent it; nothing was changed."
    );
    assert_eq!(ours.heads(), heads);
    let opened = open(&file, Some("correct horse battery staple"), Some(&mut ours)).expect("opens");
    assert!(opened.protected);
    let mut incoming = opened.workspace;
    assert_eq!(ours.merge(&mut incoming).expect("merge"), 1);
}

#[test]
fn a_damaged_protected_file_is_damaged_not_a_wrong_passphrase() {
    let mut ours = crate::demo::workspace();
    let file = changes_file(&mut ours, &council(), &[], Some("correct horse battery staple"));
    // A byte in the body, after age's header.
    let mut bad = file.clone();
    let at = file.len() - 40;
    bad[at] ^= 0x01;
    assert_eq!(open(&bad, Some("correct horse battery staple"), None).err(), Some(ExchangeError::Damaged));
    let cut = &file[..file.len() / 2];
    assert_eq!(open(cut, Some("correct horse battery staple"), None).err(), Some(ExchangeError::Damaged));
}

#[test]
fn new_passphrases_must_be_long_enough_to_share_safely() {
    assert!(passphrase::check_new_passphrase("").is_err());
    assert!(passphrase::check_new_passphrase("luton").is_err());
    assert!(passphrase::check_new_passphrase("blue kettle morning").is_ok());
}

#[test]
fn a_whole_file_cut_or_flipped_anywhere_is_refused() {
    let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&council(), T));
    let file = changes_file(&mut ws, &council(), &[], None);
    assert!(open_file(&file).is_ok());
    for cut in 0..file.len() {
        assert!(open_file(&file[..cut]).is_err(), "cut at {cut}");
    }
    for i in 0..file.len() {
        let mut bad = file.clone();
        bad[i] ^= 0x04;
        assert!(open_file(&bad).is_err(), "flipped byte {i}");
    }
}
