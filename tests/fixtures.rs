//! Spreadsheet files the end-to-end tests upload, and checks that they still
//! mean what those tests expect. `cargo test --test fixtures -- --ignored`
//! writes them again.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use safer_plan::demo;
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::model::Author;
use safer_plan::spreadsheet::{ColumnMapping, SheetError, preview, read_table};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn workbook(sheet_name: &str, headers: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name).expect("name");
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, text).expect("cell");
        }
    }
    book.save_to_buffer().expect("workbook")
}

/// The year three business plan 2019-20 as partnerships keep it in Excel:
/// the headings of seed 003, one row per action, progress as text.
fn business_plan() -> Vec<u8> {
    let ws = demo::workspace();
    let rows: Vec<Vec<String>> = ws
        .partnership()
        .actions_in_order()
        .into_iter()
        .map(|a| {
            vec![
                format!("{}.", a.number),
                a.title.clone(),
                a.leads.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"),
                a.linked_documents.iter().map(|d| d.title.clone()).collect::<Vec<_>>().join("\n"),
                a.latest_update().map(|u| u.narrative.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let headers = ["No.", "Key actions and major projects", "Partnership Leads", "Linked document", "Progress"];
    workbook("Business plan 2019-20", &headers, &rows)
}

fn wrong_columns() -> Vec<u8> {
    let rows = vec![vec!["Jo Bloggs".into(), "LU1 2AB".into()], vec!["Sam Smith".into(), "LU2 7XY".into()]];
    workbook("Contacts", &["Name", "Postcode"], &rows)
}

/// Text where numbers and dates belong: in the "No." column and in a date.
fn text_in_date_column() -> Vec<u8> {
    let rows = vec![
        vec!["1".into(), "Review the ASB strategy".into(), "31/03/2020".into()],
        vec!["2".into(), "Refresh the town centre PSPO".into(), "when the survey is back".into()],
        vec!["three".into(), "Launch the Big Change campaign".into(), "16/12/2019".into()],
    ];
    workbook("Tracker", &["No.", "Key action", "Due date"], &rows)
}

/// A tracker as partnerships really keep it: two title lines, a blank row,
/// the theme as one merged cell over three actions, UK dates as text and as
/// date cells, a "% complete" column formatted as percentages, a hidden
/// row, and a note under the table. Numbered 21 to 23 to sit beside the
/// demo's actions.
fn messy_tracker() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Tracker").expect("name");
    sheet.write_string(0, 0, "Barking and Dagenham Community Safety Partnership").expect("title");
    sheet.write_string(1, 0, "Action tracker 2019-20, RAG as at 31 March 2020").expect("title");
    let headings =
        ["Ref", "Key action", "Theme", "Lead officer", "Start date", "Deadline", "RAG", "% complete", "As at"];
    for (c, h) in headings.iter().enumerate() {
        sheet.write_string(3, c as u16, *h).expect("heading");
    }
    let percent = Format::new().set_num_format("0%");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let rows = [
        (
            "21",
            "Commission the domestic abuse perpetrator programme",
            "DA Coordinator, Barking and Dagenham Council",
            "01/04/2019",
            0.3,
            "Green",
        ),
        (
            "22",
            "Train frontline staff to spot coercive control",
            "Safeguarding Lead, NELFT",
            "1 May 2019",
            0.65,
            "Amber",
        ),
        (
            "23",
            "Run the White Ribbon campaign",
            "Community Safety Officer, Barking and Dagenham Council",
            "25-Nov-19",
            1.0,
            "Complete",
        ),
    ];
    for (i, (number, title, lead, start, done, rag)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        sheet.write_string(r, 0, *number).expect("number");
        sheet.write_string(r, 1, *title).expect("title");
        sheet.write_string(r, 3, *lead).expect("lead");
        sheet.write_string(r, 4, *start).expect("start");
        let due = ExcelDateTime::from_ymd(2020, 3, 31).expect("due");
        sheet.write_datetime_with_format(r, 5, &due, &date).expect("due");
        sheet.write_string(r, 6, *rag).expect("rag");
        sheet.write_number_with_format(r, 7, *done, &percent).expect("percent");
        let as_at = ExcelDateTime::from_ymd(2020, 3, 31).expect("as at");
        sheet.write_datetime_with_format(r, 8, &as_at, &date).expect("as at");
    }
    sheet.merge_range(4, 2, 6, 2, "Domestic abuse", &Format::new()).expect("merge");
    sheet.set_row_hidden(5).expect("hidden");
    sheet.write_string(8, 0, "Source: Community Safety Team, Barking and Dagenham Council").expect("note");
    book.save_to_buffer().expect("workbook")
}

/// A fixture file's name and how to make it.
type Fixture = (&'static str, fn() -> Vec<u8>);

const FILES: [Fixture; 4] = [
    ("business-plan-2019-20.xlsx", business_plan),
    ("wrong-columns.xlsx", wrong_columns),
    ("text-in-date-column.xlsx", text_in_date_column),
    ("messy-tracker-2019-20.xlsx", messy_tracker),
];

#[test]
#[ignore = "writes the fixture files"]
fn write_fixtures() {
    for (name, make) in FILES {
        std::fs::write(path(name), make()).expect("write fixture");
    }
    std::fs::write(path("empty.xlsx"), b"").expect("write");
    std::fs::write(path("renamed-report.xlsx"), b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
        .expect("write");
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).expect("fixture exists: run cargo test --test fixtures -- --ignored")
}

fn empty_partnership() -> Workspace {
    let me = Author::new("CSP Manager", "Luton Council");
    Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0))
}

#[test]
fn the_business_plan_workbook_holds_thirteen_actions() {
    let table = read_table(&read("business-plan-2019-20.xlsx")).expect("readable");
    let mapping = ColumnMapping::suggest(&table.headers);
    let p = preview(&table, &mapping, empty_partnership().partnership()).expect("preview");
    assert_eq!(p.actions.len(), 13);
    assert!(p.skipped.is_empty());
}

#[test]
fn the_bad_workbooks_fail_the_way_the_journeys_expect() {
    let wrong = read_table(&read("wrong-columns.xlsx")).expect("readable");
    let plan = empty_partnership();
    assert_eq!(
        preview(&wrong, &ColumnMapping::suggest(&wrong.headers), plan.partnership()),
        Err(SheetError::MissingColumn("the key action (title)"))
    );
    let text = read_table(&read("text-in-date-column.xlsx")).expect("readable");
    let p = preview(&text, &ColumnMapping::suggest(&text.headers), plan.partnership()).expect("preview");
    assert_eq!((p.actions.len(), p.skipped.len(), p.skipped[0].row, p.skipped[1].row), (1, 2, 3, 4));
    assert_eq!(p.skipped[1].reason, "\u{201c}three\u{201d} is not an action number like 14 or 2a");
    assert_eq!(read_table(&read("empty.xlsx")), Err(SheetError::Empty));
    assert_eq!(read_table(&read("renamed-report.xlsx")), Err(SheetError::Pdf));
}

#[test]
fn the_messy_tracker_reads_as_the_journey_expects() {
    let table = read_table(&read("messy-tracker-2019-20.xlsx")).expect("readable");
    assert_eq!(table.header_row, 4);
    let demo = demo::workspace();
    let p = preview(&table, &ColumnMapping::suggest(&table.headers), demo.partnership()).expect("preview");
    assert_eq!(p.actions.len(), 3, "{:?}", p.skipped);
    let a = &p.actions[1];
    assert_eq!((a.draft.number.as_str(), a.theme_name.as_str()), ("22", "Domestic Abuse"));
    assert_eq!((a.draft.start.as_str(), a.draft.due.as_str()), ("2019-05-01", "2020-03-31"));
    let progress = a.progress.as_ref().expect("progress");
    assert_eq!((progress.text.as_str(), progress.date.iso()), ("65%", "2020-03-31".to_string()));
    assert_eq!(p.notes.len(), 3, "two merged theme cells and a hidden row: {:?}", p.notes);
    assert!(p.warnings.is_empty() && p.skipped.is_empty());
}
