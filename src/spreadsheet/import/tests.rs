use super::*;
use crate::demo;
use crate::doc::{Stamp, Workspace};
use crate::model::Author;
use crate::spreadsheet::export::{ACTION_HEADERS, action_rows, to_csv, workbook_xlsx};

fn today() -> Date {
    "2020-03-31".parse().expect("date")
}

fn empty_plan() -> Workspace {
    let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&Author::new("CSP Manager", "Luton Council"), 0));
    // The same themes as the demo, so theme names in the tracker match.
    for theme in demo::workspace().partnership().themes.values() {
        ws.put_theme(&Stamp::new(&Author::new("CSP Manager", "Luton Council"), 1), theme.clone()).expect("theme");
    }
    ws
}

/// A seed-003-shaped business plan table, as a CSV a council would keep.
fn seed_shaped_csv() -> Vec<u8> {
    let mut csv = String::from("No.,Key actions and major projects,Partnership Leads,Linked document,Progress\n");
    for row in [
        "1.,Deliver the ongoing Ending Adult Exploitation strategic action plan.,\"Strategic Lead for Exploitation, Luton Council\",Adult Exploitation Strategy.pdf,A review was undertaken in September 2019.",
        "2.,Deliver key communications messages for the partnership for 19-20.,\"Communications Officer (Place), Luton Council\",Communications 19-20.docx,Initial work has started.",
        "10.,Undertake the full strategic assessment process.,\"Business Intelligence, Luton Council\",,Completed in January 2020.",
    ] {
        csv.push_str(row);
        csv.push('\n');
    }
    csv.into_bytes()
}

#[test]
fn the_demo_round_trips_through_xlsx_and_csv_into_an_empty_plan() {
    let ws = demo::workspace();
    let target = empty_plan();
    for bytes in [
        workbook_xlsx(ws.partnership()).expect("xlsx"),
        to_csv(&ACTION_HEADERS, &action_rows(ws.partnership())).expect("csv"),
    ] {
        let table = read_table(&bytes).expect("readable");
        let mapping = ColumnMapping::suggest(&table.headers);
        assert!(Field::ALL.iter().all(|f| mapping.column(*f).is_some()), "every column is recognised");
        let preview = preview(&table, &mapping, target.partnership(), today()).expect("preview");
        assert_eq!(preview.actions.len(), 13, "{:?}", preview.skipped);
        assert!(preview.skipped.is_empty() && preview.warnings.is_empty());
        let pilot = preview.actions.iter().find(|a| a.draft.number == "13").expect("action 13");
        assert_eq!(pilot.draft.theme_id, "town-centre");
        assert_eq!(pilot.draft.due, "2020-03-31");
        assert!(pilot.draft.leads.contains("Inspector, Bedfordshire Police"));
        assert_eq!(pilot.progress.as_ref().map(|p| p.1), Some(Status::OnTrack));
    }
}

#[test]
fn a_seed_shaped_tracker_becomes_actions_with_their_progress() {
    let mut ws = empty_plan();
    let table = read_table(&seed_shaped_csv()).expect("readable");
    let mapping = ColumnMapping::suggest(&table.headers);
    let preview = preview(&table, &mapping, ws.partnership(), today()).expect("preview");
    assert_eq!(preview.actions.len(), 3);
    assert_eq!(preview.actions[0].draft.number, "1", "the trailing full stop of \"1.\" goes");
    assert_eq!(preview.actions[2].progress.as_ref().map(|p| p.1), Some(Status::Complete));
    let me = Author::new("CSP Manager", "Luton Council");
    let added = ws.import_actions(&Stamp::new(&me, 10), "business plan.csv", &preview.actions).expect("import");
    assert_eq!(added, 3);
    assert_eq!(ws.history()[0].summary, "Imported 3 actions from business plan.csv");
    let reloaded = Workspace::load(&ws.save()).expect("load");
    assert_eq!(reloaded.partnership().actions.len(), 3);
    // Importing the same file again adds nothing: every number is taken.
    let again = super::preview(&table, &mapping, ws.partnership(), today()).expect("preview");
    assert!(again.actions.is_empty());
    assert_eq!(again.skipped[0].reason, "Action 1 is already in the plan");
}

#[test]
fn bad_rows_are_reported_with_their_row_number_and_reason() {
    let csv = "Ref,Action,Deadline,RAG,Theme\n\
               1,Good action,31/03/2020,Green,Town centre and neighbourhood crime\n\
               2,,31/03/2020,Green,\n\
               3,Bad date,next Tuesday,Green,\n\
               4,Bad status,31/03/2020,Purple,\n\
               1,Duplicate number,,,\n\
               x y,Bad number,,,\n\
               6,Unknown theme,,,Parking\n";
    let table = read_table(csv.as_bytes()).expect("readable");
    let mapping = ColumnMapping::suggest(&table.headers);
    let p = preview(&table, &mapping, empty_plan().partnership(), today()).expect("preview");
    let skipped: Vec<(usize, &str)> = p.skipped.iter().map(|s| (s.row, s.reason.as_str())).collect();
    assert_eq!(
        skipped,
        [
            (3, "There is no key action in this row"),
            (4, "\u{201c}next Tuesday\u{201d} in due date is not a date"),
            (5, "\u{201c}Purple\u{201d} is not a status: use Not started, On track, At risk, Off track or Complete"),
            (6, "Action 1 appears twice in the spreadsheet"),
            (7, "\u{201c}x y\u{201d} is not an action number like 14 or 2a"),
        ]
    );
    assert_eq!(p.actions.len(), 2);
    assert_eq!(p.actions[0].draft.theme_id, "town-centre", "& and 'and' match");
    assert_eq!(
        p.warnings,
        [RowProblem { row: 8, reason: "No theme called \u{201c}Parking\u{201d}: imported without a theme".into() }]
    );
}

#[test]
fn wrong_columns_say_which_column_is_missing() {
    let table = read_table(b"Name,Postcode\nA,LU1\n").expect("readable");
    let mapping = ColumnMapping::suggest(&table.headers);
    assert_eq!(
        preview(&table, &mapping, empty_plan().partnership(), today()),
        Err(SheetError::MissingColumn("the key action (title)"))
    );
}

#[test]
fn the_bad_file_battery_gets_plain_english_and_no_panic() {
    assert_eq!(read_table(b""), Err(SheetError::Empty));
    assert_eq!(read_table(b"  \n\r\n"), Err(SheetError::Empty));
    assert_eq!(read_table(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3 binary"), Err(SheetError::Pdf));
    assert_eq!(read_table(&[0xFF, 0xFE, b'N', 0, b'o', 0]), Err(SheetError::Utf16));
    assert_eq!(read_table(b"PK\x03\x04\x14\x00\x00\x00word/document.xml junk"), Err(SheetError::WordDocument));
    assert_eq!(read_table(b"PK\x03\x04\x14\x00\x00\x00photos/cat.jpg junk"), Err(SheetError::NotAWorkbook));
    assert!(matches!(read_table(b"PK\x03\x04 xl/workbook.xml but truncated"), Err(SheetError::DamagedWorkbook(_))));
    assert_eq!(read_table(&[0x00, 0x01, 0x02, 0x03, 0x9c, 0x00]), Err(SheetError::Unreadable));
    assert_eq!(read_table(b"No.,Key action\n"), Err(SheetError::NoRows));
    let huge = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(read_table(&huge), Err(SheetError::TooLarge { size_mb: 11 }));
    // Truncating a real workbook anywhere never panics.
    let xlsx = workbook_xlsx(demo::workspace().partnership()).expect("xlsx");
    for cut in (0..xlsx.len()).step_by(xlsx.len() / 40) {
        let _ = read_table(&xlsx[..cut]);
    }
}

#[test]
fn windows_1252_csv_from_excel_reads() {
    let bytes = b"No.,Key action,Progress\n1,Budget \x96 \xA3500 agreed,Done\n";
    let table = read_table(bytes).expect("readable");
    assert_eq!(table.rows[0].1[1], "Budget \u{2013} \u{a3}500 agreed");
}

#[test]
fn dates_in_every_form_trackers_use() {
    for (text, iso) in [
        ("31/03/2020", "2020-03-31"),
        ("2020-03-31", "2020-03-31"),
        ("31 March 2020", "2020-03-31"),
        ("31 Mar 2020", "2020-03-31"),
        ("43921", "2020-03-31"),
    ] {
        assert_eq!(read_date(text).map(Date::iso).as_deref(), Some(iso), "{text}");
    }
    assert_eq!(read_date("31 Smarch 2020"), None);
    assert_eq!(read_date("soon"), None);
}

#[test]
fn two_thousand_rows_import_in_one_change() {
    let mut csv = String::from("No.,Key action,Due date,Status,Progress\n");
    for n in 1..=2000 {
        csv.push_str(&format!("{n},Action number {n},31/03/2021,On track,Update for action {n}\n"));
    }
    let mut ws = empty_plan();
    let table = read_table(csv.as_bytes()).expect("readable");
    let p = preview(&table, &ColumnMapping::suggest(&table.headers), ws.partnership(), today()).expect("preview");
    assert_eq!(p.actions.len(), 2000);
    let me = Author::new("CSP Manager", "Luton Council");
    let heads = ws.history().len();
    ws.import_actions(&Stamp::new(&me, 10), "tracker.csv", &p.actions).expect("import");
    assert_eq!(ws.history().len(), heads + 1);
    assert_eq!(ws.partnership().actions.len(), 2000);
}
