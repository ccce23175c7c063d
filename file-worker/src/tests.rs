use safer_plan_core::doc::Stamp;
use safer_plan_core::exchange::{Outgoing, make_file, open_file};
use safer_plan_core::model::{ActionDraft, Author};

use super::*;

const T: i64 = 1_700_000_000;
const PASSPHRASE: &str = "correct horse battery staple";

fn police() -> Author {
    Author::new("Inspector", "Bedfordshire Police")
}

fn file(ws: &mut Workspace, base: &[automerge::ChangeHash], passphrase: Option<&str>) -> Vec<u8> {
    make_file(ws, &Outgoing { from: &police(), to: None, base, at: T, passphrase }).expect("file")
}

fn exchange(file: &[u8], passphrase: Option<&str>, current_id: Option<&str>, current: Option<Vec<u8>>) -> Response {
    let current = current.map_or(Partnership::NotSent, Partnership::Saved);
    sent(file, passphrase, current_id, current)
}

fn sent(file: &[u8], passphrase: Option<&str>, current_id: Option<&str>, current: Partnership) -> Response {
    handle(Request::Exchange(ExchangeRequest {
        file: file.to_vec(),
        passphrase: passphrase.map(str::to_string),
        current_id: current_id.map(str::to_string),
        current,
    }))
}

fn sheet(file: &[u8], sheet: Option<&str>) -> Response {
    handle(Request::Spreadsheet(SpreadsheetRequest { file: file.to_vec(), sheet: sheet.map(str::to_string) }))
}

#[test]
fn a_whole_partnership_passes_and_is_opened_as_sent() {
    let mut ours = safer_plan_core::demo::workspace();
    let whole = file(&mut ours, &[], None);
    assert_eq!(exchange(&whole, None, None, None), Response::Exchange(ExchangeAnswer::Passed { inside: None }));
    assert_eq!(
        exchange(&ours.save(), None, Some(ours.id()), None),
        Response::Exchange(ExchangeAnswer::Passed { inside: None })
    );
}

#[test]
fn a_protected_file_asks_for_its_passphrase_then_hands_back_what_is_inside() {
    let mut ours = safer_plan_core::demo::workspace();
    let protected = file(&mut ours, &[], Some(PASSPHRASE));
    assert_eq!(
        exchange(&protected, None, None, None),
        Response::Exchange(ExchangeAnswer::NeedsPassphrase { work_factor: Some(15) })
    );
    assert_eq!(
        exchange(&protected, Some("battery staple"), None, None),
        Response::Exchange(ExchangeAnswer::WrongPassphrase)
    );
    let Response::Exchange(ExchangeAnswer::Passed { inside: Some(inside) }) =
        exchange(&protected, Some(PASSPHRASE), None, None)
    else {
        panic!("the passphrase opens it")
    };
    // What is inside is an ordinary file of the whole partnership.
    assert_eq!(open_file(&inside).expect("opens").partnership(), ours.partnership());
}

#[test]
fn a_file_of_changes_is_checked_against_the_open_partnership_sent_on_request() {
    let mut ours = safer_plan_core::demo::workspace();
    let mut theirs = open_file(&ours.save()).expect("copy");
    let base = theirs.heads();
    let draft =
        ActionDraft { number: "4".into(), title: "Review the youth violence strategy".into(), ..Default::default() };
    let valid = theirs.validate_action(&draft, Some("action-04")).expect("valid");
    theirs.edit_action(&Stamp::new(&police(), T), "action-04", valid).expect("edit");
    let changes = file(&mut theirs, &base, None);
    let id = ours.id().to_string();
    assert_eq!(
        exchange(&changes, None, Some(&id), None),
        Response::Exchange(ExchangeAnswer::NeedsPartnership { inside: None })
    );
    assert_eq!(
        exchange(&changes, None, Some(&id), Some(ours.save())),
        Response::Exchange(ExchangeAnswer::Passed { inside: None })
    );
    // With no partnership open, or another one, it is refused as open refuses it.
    let Response::Exchange(ExchangeAnswer::Refused(reason)) = exchange(&changes, None, Some("another"), None) else {
        panic!("refused")
    };
    assert!(
        reason.starts_with("This file holds only recent changes to Luton Community Safety Partnership"),
        "{reason}"
    );
    // A document that is not the page's partnership cannot be checked against.
    let Response::Exchange(ExchangeAnswer::Refused(reason)) =
        exchange(&changes, None, Some(&id), Some(b"not a document".to_vec()))
    else {
        panic!("refused")
    };
    assert!(reason.starts_with("The partnership open on this device could not be read"), "{reason}");
}

fn bufs(items: impl IntoIterator<Item = Vec<u8>>) -> Vec<serde_bytes::ByteBuf> {
    items.into_iter().map(serde_bytes::ByteBuf::from).collect()
}

fn heads(ws: &mut Workspace) -> Vec<serde_bytes::ByteBuf> {
    heads_to_bytes(&ws.heads())
}

fn keep(ws: &mut Workspace) -> Response {
    handle(Request::Keep(KeepRequest { id: ws.id().to_string(), document: ws.save(), heads: heads(ws) }))
}

/// The page's changes since `base`, as `Partnership::Kept` carries them.
fn kept_since(ws: &mut Workspace, base: &[automerge::ChangeHash]) -> Partnership {
    let changes = ws.changes_since(base);
    Partnership::kept(changes, &ws.heads())
}

fn edit(ws: &mut Workspace, who: &Author, id: &str, title: &str) {
    let number = ws.partnership().action(id).map(|a| a.number.clone()).unwrap_or_default();
    let draft = ActionDraft { number, title: title.into(), ..Default::default() };
    let valid = ws.validate_action(&draft, Some(id)).expect("valid");
    ws.edit_action(&Stamp::new(who, T), id, valid).expect("edit");
}

/// The demo, its id, a partner's copy with one action retitled, and the
/// file of that change.
fn partner_retitled() -> (Workspace, String, Workspace, Vec<u8>) {
    let mut ours = safer_plan_core::demo::workspace();
    let id = ours.id().to_string();
    let mut theirs = open_file(&ours.save()).expect("copy");
    let base = theirs.heads();
    edit(&mut theirs, &police(), "action-04", "Review the youth violence strategy");
    let changes = file(&mut theirs, &base, None);
    (ours, id, theirs, changes)
}

#[test]
fn a_kept_partnership_checks_files_of_changes_as_the_one_sent_whole_does() {
    let council = Author::new("CSP Manager", "Luton Council");
    let (mut ours, id, mut theirs, changes) = partner_retitled();
    let passed = Response::Exchange(ExchangeAnswer::Passed { inside: None });
    let needs = Response::Exchange(ExchangeAnswer::NeedsPartnership { inside: None });

    // Nothing kept yet (a fresh worker): the page is asked for it whole.
    let at = ours.heads();
    assert_eq!(sent(&changes, None, Some(&id), kept_since(&mut ours, &at)), needs);
    assert_eq!(keep(&mut ours), Response::Kept(true));
    assert_eq!(sent(&changes, None, Some(&id), kept_since(&mut ours, &at)), passed);

    // The page edits on: its new changes bring the kept copy up to date,
    // and the check is the one a whole partnership sent gives.
    edit(&mut ours, &council, "action-07", "Publish both Domestic Homicide Reviews");
    assert_eq!(sent(&changes, None, Some(&id), kept_since(&mut ours, &at)), passed);
    assert_eq!(exchange(&changes, None, Some(&id), Some(ours.save())), passed);
    let later = ours.heads();
    assert_eq!(sent(&changes, None, Some(&id), kept_since(&mut ours, &later)), passed, "nothing new to send");

    // A refusal is the same too: changes building on ones this copy lacks.
    let mut further = open_file(&theirs.save()).expect("their copy");
    let theirs_at = further.heads();
    edit(&mut further, &police(), "action-05", "Refresh the MARAC protocol");
    let gap = file(&mut further, &theirs_at, None);
    let refused = exchange(&gap, None, Some(&id), Some(ours.save()));
    assert!(matches!(refused, Response::Exchange(ExchangeAnswer::Refused(_))), "{refused:?}");
    assert_eq!(sent(&gap, None, Some(&id), kept_since(&mut ours, &later)), refused);

    // Checking leaves the kept copy as it was: the same file checks again.
    assert_eq!(sent(&changes, None, Some(&id), kept_since(&mut ours, &later)), passed);
}

#[test]
fn a_kept_partnership_that_is_not_the_pages_is_dropped_and_asked_for_whole() {
    let (mut ours, id, _, changes) = partner_retitled();
    let needs = Response::Exchange(ExchangeAnswer::NeedsPartnership { inside: None });
    assert_eq!(keep(&mut ours), Response::Kept(true));

    // Heads the kept copy cannot reach (the page rolled a change back, or
    // another partnership): nothing is trusted, and it is asked for whole.
    let stranger = Partnership::Kept { changes: Vec::new(), heads: bufs([vec![7; 32]]) };
    assert_eq!(sent(&changes, None, Some(&id), stranger), needs);
    let at = ours.heads();
    assert_eq!(sent(&changes, None, Some(&id), kept_since(&mut ours, &at)), needs, "dropped, not kept");
    // Another partnership is never checked against the kept one.
    assert_eq!(keep(&mut ours), Response::Kept(true));
    let other = Partnership::Kept { changes: Vec::new(), heads: heads(&mut ours) };
    assert_eq!(sent(&changes, None, Some("another"), other), needs);
    // A document that does not reach the heads it is sent with is not kept.
    let wrong = KeepRequest { id: id.clone(), document: ours.save(), heads: bufs([vec![7; 32]]) };
    assert_eq!(handle(Request::Keep(wrong)), Response::Kept(false));
    let not_a_document = KeepRequest { id, document: b"not a document".to_vec(), heads: Vec::new() };
    assert_eq!(handle(Request::Keep(not_a_document)), Response::Kept(false));
}

#[test]
fn the_page_tracks_what_its_worker_keeps_from_each_answer() {
    let mut ws = safer_plan_core::demo::workspace();
    let id = ws.id().to_string();
    let at = ws.heads();
    let keep = Request::Keep(KeepRequest { id: id.clone(), document: Vec::new(), heads: heads_to_bytes(&at) });
    let kept = KeptCopy { id: id.clone(), heads: at.clone() };
    assert_eq!(keep.kept_after(&Response::Kept(true), None), Some(kept.clone()));
    assert_eq!(keep.kept_after(&Response::Kept(false), Some(kept.clone())), None);

    let later = vec![automerge::ChangeHash([9; 32])];
    let check = |current: Partnership| {
        Request::Exchange(ExchangeRequest { file: Vec::new(), passphrase: None, current_id: Some(id.clone()), current })
    };
    let on_kept = check(Partnership::Kept { changes: Vec::new(), heads: heads_to_bytes(&later) });
    let passed = Response::Exchange(ExchangeAnswer::Passed { inside: None });
    let refused = Response::Exchange(ExchangeAnswer::Refused("no".into()));
    let needs = Response::Exchange(ExchangeAnswer::NeedsPartnership { inside: None });
    // A check on the kept copy brought it to the page's heads, whatever
    // the file's verdict; asked for whole, the worker keeps nothing.
    let moved = Some(KeptCopy { id: id.clone(), heads: later });
    assert_eq!(on_kept.kept_after(&passed, Some(kept.clone())), moved);
    assert_eq!(on_kept.kept_after(&refused, Some(kept.clone())), moved);
    assert_eq!(on_kept.kept_after(&needs, Some(kept.clone())), None);
    // Checks that do not use the kept copy, and other jobs, leave it.
    assert_eq!(check(Partnership::Saved(Vec::new())).kept_after(&passed, Some(kept.clone())), Some(kept.clone()));
    assert_eq!(Request::Calibrate.kept_after(&Response::Calibrated(1.0), Some(kept.clone())), Some(kept));
}

#[test]
fn refusals_keep_the_words_the_checks_give() {
    assert_eq!(
        exchange(b"%PDF-1.7\n", None, None, None),
        Response::Exchange(ExchangeAnswer::Refused(
            "This is a PDF, not a Safer Plan file. Ask the partner to send it from the Share page in Safer Plan."
                .into()
        ))
    );
    let csv = b"No.,Key action\n1,Review the ASB strategy\n";
    let Response::Spreadsheet(SpreadsheetAnswer::Read(table)) = sheet(csv, None) else { panic!("read") };
    assert_eq!(table.headers, ["No.", "Key action"]);
    assert_eq!(table.rows[0].cells, ["1", "Review the ASB strategy"]);
    assert_eq!(
        sheet(b"%PDF-1.7\n", None),
        Response::Spreadsheet(SpreadsheetAnswer::Refused(
            "This looks like a PDF, not a spreadsheet. Open the tracker in Excel, save it as .xlsx or .csv and try again."
                .into()
        ))
    );
    let workbook =
        safer_plan_core::spreadsheet::export::workbook_xlsx(safer_plan_core::demo::workspace().partnership())
            .expect("workbook");
    // The page previews exactly what `read_sheet` reads.
    assert_eq!(
        sheet(&workbook, None),
        Response::Spreadsheet(SpreadsheetAnswer::Read(
            safer_plan_core::spreadsheet::read_sheet(&workbook, None).expect("the plan's workbook reads")
        ))
    );
    assert_eq!(
        sheet(&workbook, Some("Budget")),
        Response::Spreadsheet(SpreadsheetAnswer::Refused(
            "There is no sheet called \u{201c}Budget\u{201d} in this file. Choose another sheet.".into()
        ))
    );
}

#[test]
fn the_plans_workbook_is_written_from_its_document() {
    let mut ws = safer_plan_core::demo::workspace();
    let expected = safer_plan_core::spreadsheet::export::workbook_xlsx(ws.partnership()).expect("the plan's workbook");
    let Response::Workbook(MadeFile::Made(made)) = handle(Request::Workbook(WorkbookRequest { document: ws.save() }))
    else {
        panic!("a workbook")
    };
    // The same sheets, read back the same (zip timestamps may differ).
    let read = |bytes: &[u8]| safer_plan_core::spreadsheet::read_sheet(bytes, Some("Actions")).expect("actions");
    assert_eq!(read(&made), read(&expected));
    assert_eq!(
        handle(Request::Workbook(WorkbookRequest { document: b"not a document".to_vec() })),
        Response::Workbook(MadeFile::Refused(
            "The partnership could not be read to make the workbook, so nothing was downloaded. Reload the page and try again.".into()
        ))
    );
}

mod made;
