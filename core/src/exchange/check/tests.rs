use automerge::ReadDoc;

use super::*;
use crate::doc::Stamp;
use crate::exchange::{Outgoing, make_file, open, open_file};
use crate::model::{ActionDraft, Author};

const T: i64 = 1_700_000_000;
const PASSPHRASE: &str = "correct horse battery staple";

fn police() -> Author {
    Author::new("Inspector", "Bedfordshire Police")
}

/// A partner's copy of `ours` with one action renamed, and a file of that
/// change (protected if `passphrase` is given).
fn partner_edit(ours: &mut Workspace, passphrase: Option<&str>) -> (Workspace, Vec<u8>) {
    let mut theirs = open_file(&ours.save()).expect("copy");
    let base = theirs.heads();
    let draft =
        ActionDraft { number: "4".into(), title: "Review the youth violence strategy".into(), ..Default::default() };
    let valid = theirs.validate_action(&draft, Some("action-04")).expect("valid");
    theirs.edit_action(&Stamp::new(&police(), T), "action-04", valid).expect("edit");
    let out = Outgoing { from: &police(), to: None, base: &base, at: T, passphrase };
    let file = make_file(&mut theirs, &out).expect("file");
    (theirs, file)
}

#[test]
fn a_whole_partnership_passes_and_opens_the_same_on_the_page() {
    let mut ours = crate::demo::workspace();
    let out = Outgoing { from: &police(), to: None, base: &[], at: T, passphrase: None };
    let bytes = make_file(&mut ours, &out).expect("file");
    let Ok(Checked::Passed { file, kind }) = check(&bytes, None, Current::Id("another-partnership")) else {
        panic!("a whole file passes")
    };
    assert_eq!(kind, FileKind::Whole);
    assert_eq!(file, Unlocked { bytes: Cow::Borrowed(bytes.as_slice()), protected: false });
    let opened = open_unlocked(&file, None).expect("opens");
    assert_eq!(opened.workspace.partnership(), ours.partnership());
}

#[test]
fn a_protected_file_is_unlocked_once_and_the_page_opens_what_is_inside() {
    let mut ours = crate::demo::workspace();
    let mut whole = Outgoing { from: &police(), to: None, base: &[], at: T, passphrase: Some(PASSPHRASE) };
    let bytes = make_file(&mut ours, &whole).expect("file");
    assert_eq!(check(&bytes, None, Current::None), Err(ExchangeError::NeedsPassphrase));
    assert_eq!(check(&bytes, Some("horse battery"), Current::None), Err(ExchangeError::WrongPassphrase));
    let Ok(Checked::Passed { file, kind }) = check(&bytes, Some(PASSPHRASE), Current::None) else {
        panic!("the passphrase opens it")
    };
    assert_eq!(kind, FileKind::Whole);
    assert!(file.protected);
    // The envelope inside, exactly as an unprotected file would be.
    whole.passphrase = None;
    let plain = make_file(&mut ours, &whole).expect("file");
    assert_eq!(file.bytes.len(), plain.len());
    assert!(Envelope::is_envelope(&file.bytes));
    // The page opens it with no passphrase and no second scrypt.
    let opened = open_unlocked(&file.into_owned(), None).expect("opens");
    assert!(opened.protected);
    assert_eq!(opened.workspace.partnership(), ours.partnership());
}

#[test]
fn a_file_of_changes_asks_for_the_open_partnership_then_is_applied_to_a_copy() {
    let mut ours = crate::demo::workspace();
    let (theirs, bytes) = partner_edit(&mut ours, Some(PASSPHRASE));
    let id = ours.id().to_string();
    // First pass: unlocked, then the worker asks for the open partnership.
    let Ok(Checked::NeedsPartnership { file }) = check(&bytes, Some(PASSPHRASE), Current::Id(&id)) else {
        panic!("changes to the open partnership need it")
    };
    assert!(file.protected);
    // Second pass, on the unlocked bytes, with the partnership's document
    // as the page saved it.
    let mut sent = Workspace::load(&ours.save()).expect("the open partnership loads");
    let heads = sent.heads();
    let Ok(Checked::Passed { file: inner, kind }) = check(&file.bytes, None, Current::Open(&mut sent)) else {
        panic!("the changes apply")
    };
    assert_eq!(kind, FileKind::Changes);
    assert_eq!(sent.heads(), heads, "checking changed the partnership");
    // The page, with the unlocked bytes and its own copy, gets what the partner has.
    let unlocked = Unlocked { bytes: inner.bytes, protected: file.protected };
    let opened = open_unlocked(&unlocked, Some(&mut ours)).expect("opens");
    assert!(opened.protected);
    assert_eq!(opened.workspace.partnership(), theirs.partnership());
}

#[test]
fn changes_to_a_partnership_that_is_not_open_are_refused_as_open_refuses_them() {
    let mut ours = crate::demo::workspace();
    let (_, bytes) = partner_edit(&mut ours, None);
    let expected = open(&bytes, None, None).err();
    assert!(matches!(expected, Some(ExchangeError::ChangesForAnotherPartnership { .. })));
    assert_eq!(check(&bytes, None, Current::None).err(), expected);
    assert_eq!(check(&bytes, None, Current::Id("another-partnership")).err(), expected);
}

#[test]
fn refusals_are_the_ones_open_gives() {
    let mut ours = crate::demo::workspace();
    let mut damaged = ours.save();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x20;
    for bytes in [b"%PDF-1.7\n".to_vec(), Vec::new(), b"Dear partner, please find attached".to_vec(), damaged] {
        let by_open = open(&bytes, None, None).err();
        assert!(by_open.is_some());
        assert_eq!(check(&bytes, None, Current::None).err(), by_open);
    }
    assert_eq!(check(b"%PDF-1.7\n", None, Current::None).err(), Some(ExchangeError::WrongKind("a PDF")));
}

/// A file of `changes` from the police to `ws`'s partnership.
fn changes_file(ws: &mut Workspace, changes: Vec<Vec<u8>>) -> Vec<u8> {
    let envelope = Envelope {
        contents: Contents::Changes,
        partnership_id: ws.id().to_string(),
        partnership_name: ws.partnership().name.clone(),
        from: police(),
        to: String::new(),
        sent_at: T,
        sender_heads: Vec::new(),
        parts: changes,
    };
    envelope.encode()
}

/// `file` checked against `ours` saved and loaded without being read, as
/// the file worker checks it.
fn check_saved(ours: &mut Workspace, file: &[u8]) -> Result<FileKind, ExchangeError> {
    let id = ours.id().to_string();
    let mut saved = AutoCommit::load(&ours.save()).expect("the page's document loads");
    match check(file, None, Current::Saved { id: &id, saved: &mut saved })? {
        Checked::Passed { kind, .. } => Ok(kind),
        Checked::NeedsPartnership { .. } => panic!("the partnership was sent"),
    }
}

#[test]
fn a_file_of_changes_checked_against_the_saved_partnership_passes_or_is_refused_as_the_page_opens_it() {
    let mut ours = crate::demo::workspace();
    let (_, bytes) = partner_edit(&mut ours, None);
    assert_eq!(check_saved(&mut ours, &bytes), Ok(FileKind::Changes));
    // Changes building on one this copy lacks.
    let mut theirs = open_file(&ours.save()).expect("copy");
    let draft = ActionDraft { number: "4".into(), title: "Review the strategy".into(), ..Default::default() };
    let valid = theirs.validate_action(&draft, Some("action-04")).expect("valid");
    theirs.edit_action(&Stamp::new(&police(), T), "action-04", valid).expect("edit");
    let first = theirs.heads();
    theirs.rename(&Stamp::new(&police(), T + 1), "Luton and Dunstable CSP").expect("renamed");
    let later = changes_file(&mut ours, theirs.changes_since(&first));
    // A title written as a number by another tool: the touched action does not read.
    let mut other = AutoCommit::load(&ours.save()).expect("loads");
    let before = other.get_heads();
    let actions = other.get(automerge::ROOT, "actions").expect("reads").expect("actions").1;
    let action = other.get(&actions, "action-04").expect("reads").expect("action 4").1;
    automerge::transaction::Transactable::put(&mut other, &action, "title", 7_i64).expect("put");
    other.commit();
    let numbered =
        changes_file(&mut ours, other.get_changes(&before).into_iter().map(|mut c| c.bytes().into_owned()).collect());
    // A part that is not a change at all.
    let damaged = changes_file(&mut ours, vec![b"not a change".to_vec()]);
    for file in [later, numbered, damaged] {
        let by_page = open(&file, None, Some(&mut ours)).err();
        assert!(by_page.is_some());
        assert_eq!(check_saved(&mut ours, &file).err(), by_page);
    }
    let damaged = changes_file(&mut ours, vec![b"x".to_vec()]);
    assert_eq!(check_saved(&mut ours, &damaged), Err(ExchangeError::Damaged));
}
