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
