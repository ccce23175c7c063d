use super::*;
use crate::demo;
use crate::doc::{Stamp, Workspace};
use crate::model::Author;
use crate::spreadsheet::export::{ACTION_HEADERS, action_rows, to_csv, workbook_xlsx};
use crate::spreadsheet::read_table;

fn me() -> Author {
    Author::new("CSP Manager", "Luton Council")
}

fn empty_plan() -> Workspace {
    let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me(), 0));
    // The same themes as the demo, so theme names in the tracker match.
    for theme in demo::workspace().partnership().themes.values() {
        ws.put_theme(&Stamp::new(&me(), 1), theme.clone()).expect("theme");
    }
    ws
}

fn preview_of(csv: &str, plan: &Partnership) -> ImportPreview {
    let table = read_table(csv.as_bytes()).expect("readable");
    preview(&table, &ColumnMapping::suggest(&table.headers), plan).expect("preview")
}

fn reasons(list: &[RowProblem]) -> Vec<(usize, &str)> {
    list.iter().map(|p| (p.row, p.reason.as_str())).collect()
}

/// A seed-003-shaped business plan table, as a CSV a council would keep.
const SEED_SHAPED: &str = "No.,Key actions and major projects,Partnership Leads,Linked document,Progress\n\
    1.,Deliver the ongoing Ending Adult Exploitation strategic action plan.,\"Strategic Lead for Exploitation, Luton Council\",Adult Exploitation Strategy.pdf,A review was undertaken in September 2019.\n\
    2.,Deliver key communications messages for the partnership for 19-20.,\"Communications Officer (Place), Luton Council\",Communications 19-20.docx,Initial work has started.\n\
    10.,Undertake the full strategic assessment process.,\"Business Intelligence, Luton Council\",,Completed in January 2020.\n";

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
        let preview = preview(&table, &mapping, target.partnership()).expect("preview");
        assert_eq!(preview.actions.len(), 13, "{:?}", preview.skipped);
        assert!(preview.skipped.is_empty() && preview.warnings.is_empty(), "{:?}", preview.warnings);
        let pilot = preview.actions.iter().find(|a| a.draft.number == "13").expect("action 13");
        assert_eq!(
            (pilot.draft.theme_id.as_str(), pilot.theme_name.as_str()),
            ("town-centre", "Town Centre & Neighbourhood Crime")
        );
        assert_eq!(pilot.draft.due, "2020-03-31");
        assert!(pilot.draft.leads.contains("Inspector, Bedfordshire Police"));
        let original = ws.partnership().actions.values().find(|a| a.number == "13").expect("13");
        let latest = original.latest_update().expect("an update");
        let progress = pilot.progress.as_ref().expect("progress");
        assert_eq!((progress.date, progress.status), (latest.date, latest.status));
    }
}

#[test]
fn the_preview_holds_every_field_that_will_be_stored() {
    let csv = "No.,Key action,Theme,Lead officer,Partners,Linked documents,Start date,Due date,RAG,Date of update,Latest update\n\
               4,Refresh the PSPO,Town centre and neighbourhood crime,\"Inspector, Bedfordshire Police; ASB Manager, Luton Council\",\"Luton BID, Fire\",PSPO report.pdf,01/04/2019,31-Mar-20,Amber,28/02/2020,Consultation closes in March\n";
    let p = preview_of(csv, empty_plan().partnership());
    let a = &p.actions[0];
    assert_eq!(a.row, 2);
    assert_eq!(a.draft.number, "4");
    assert_eq!(a.draft.title, "Refresh the PSPO");
    assert_eq!(a.theme_name, "Town Centre & Neighbourhood Crime");
    assert_eq!(a.draft.leads, "Inspector, Bedfordshire Police\nASB Manager, Luton Council");
    assert_eq!(a.draft.partners, "Luton BID\nFire");
    assert_eq!(a.draft.linked_documents, "PSPO report.pdf");
    assert_eq!((a.draft.start.as_str(), a.draft.due.as_str()), ("2019-04-01", "2020-03-31"));
    assert_eq!(
        a.progress,
        Some(ImportedProgress {
            date: "2020-02-28".parse().expect("date"),
            status: Status::AtRisk,
            text: "Consultation closes in March".into()
        })
    );
}

#[test]
fn progress_without_a_date_is_never_given_today_s_date() {
    let plan = empty_plan();
    let table = read_table(SEED_SHAPED.as_bytes()).expect("readable");
    let mut mapping = ColumnMapping::suggest(&table.headers);
    assert_eq!(mapping.column(Field::ProgressDate), None);
    let p = preview(&table, &mapping, plan.partnership()).expect("preview");
    assert_eq!(p.actions.len(), 3, "the actions are still imported");
    assert!(p.actions.iter().all(|a| a.progress.is_none()), "but not their undated progress");
    assert_eq!(p.warnings.len(), 3);
    assert_eq!(
        p.warnings[0].reason,
        "The progress has no date, so it will not be imported: choose the column with the date of the progress, or give the date the progress was written"
    );
    // The person gives the date the tracker's progress was written.
    mapping.progress_as_at = Some("2020-01-31".parse().expect("date"));
    let p = preview(&table, &mapping, plan.partnership()).expect("preview");
    assert!(p.warnings.is_empty());
    let dates: Vec<String> = p.actions.iter().filter_map(|a| a.progress.as_ref().map(|u| u.date.iso())).collect();
    assert_eq!(dates, ["2020-01-31"; 3]);
    assert_eq!(p.actions[2].progress.as_ref().map(|u| u.status), Some(Status::Complete));
}

#[test]
fn a_progress_date_column_dates_each_row_and_blank_cells_are_flagged() {
    let csv = "No.,Action,Progress,Progress date\n1,Review,Draft shared,14/02/2020\n2,Audit,Started,\n3,Survey,,\n";
    let p = preview_of(csv, empty_plan().partnership());
    let dates: Vec<Option<String>> = p.actions.iter().map(|a| a.progress.as_ref().map(|u| u.date.iso())).collect();
    assert_eq!(dates, [Some("2020-02-14".to_string()), None, None]);
    assert_eq!(reasons(&p.warnings).iter().map(|(r, _)| *r).collect::<Vec<_>>(), [3], "row 4 has no progress to lose");
}

#[test]
fn a_seed_shaped_tracker_becomes_actions_with_their_progress() {
    let mut ws = empty_plan();
    let table = read_table(SEED_SHAPED.as_bytes()).expect("readable");
    let mut mapping = ColumnMapping::suggest(&table.headers);
    mapping.progress_as_at = Some("2020-03-31".parse().expect("date"));
    let preview = preview(&table, &mapping, ws.partnership()).expect("preview");
    assert_eq!(preview.actions[0].draft.number, "1", "the trailing full stop of \"1.\" goes");
    let added = ws.import_actions(&Stamp::new(&me(), 10), "business plan.csv", &preview.actions).expect("import");
    assert_eq!(added, 3);
    assert_eq!(ws.history()[0].summary, "Imported 3 actions from business plan.csv");
    let reloaded = Workspace::load(&ws.save()).expect("load");
    assert_eq!(reloaded.partnership().actions.len(), 3);
    // Importing the same file again adds nothing: every number is taken, and
    // each row offers a different free number.
    let again = super::preview(&table, &mapping, ws.partnership()).expect("preview");
    assert!(again.actions.is_empty());
    assert_eq!(
        reasons(&again.skipped),
        [
            (
                2,
                "Action 1 is already in the plan \u{2013} the next free number is 11: change the number in the spreadsheet, or leave it blank"
            ),
            (
                3,
                "Action 2 is already in the plan \u{2013} the next free number is 12: change the number in the spreadsheet, or leave it blank"
            ),
            (
                4,
                "Action 10 is already in the plan \u{2013} the next free number is 13: change the number in the spreadsheet, or leave it blank"
            ),
        ]
    );
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
               6,Unknown theme,,,Parking\n\
               ,No number,,,\n";
    let p = preview_of(csv, empty_plan().partnership());
    assert_eq!(
        reasons(&p.skipped),
        [
            (3, "There is no key action in this row"),
            (4, "\u{201c}next Tuesday\u{201d} in due date is not a date"),
            (5, "\u{201c}Purple\u{201d} is not a status: use Not started, On track, At risk, Off track or Complete"),
            (
                6,
                "Action 1 appears twice in the spreadsheet \u{2013} the next free number is 7: change the number in the spreadsheet, or leave it blank"
            ),
            (7, "\u{201c}x y\u{201d} is not an action number like 14 or 2a"),
        ]
    );
    let numbers: Vec<&str> = p.actions.iter().map(|a| a.draft.number.as_str()).collect();
    assert_eq!(numbers, ["1", "6", "8"], "a blank number takes the next one the file and plan leave free");
    assert_eq!(p.actions[0].draft.theme_id, "town-centre", "& and 'and' match");
    assert_eq!(
        reasons(&p.warnings),
        [
            (
                2,
                "The status \u{201c}On track\u{201d} has no date, so it will not be imported: choose the column with the date of the progress, or give the date the progress was written"
            ),
            (8, "No theme called \u{201c}Parking\u{201d}: imported without a theme"),
        ]
    );
}

#[test]
fn a_row_that_would_fail_on_import_is_a_problem_in_the_preview() {
    let long = "x".repeat(301);
    let csv = format!("No.,Action,Start date,Due date\n1,{long},,\n2,Backwards,31/03/2020,01/04/2019\n3,Fine,,\n");
    let p = preview_of(&csv, empty_plan().partnership());
    assert_eq!(
        reasons(&p.skipped),
        [
            (2, "Title must be 300 characters or fewer"),
            (3, "The start date must be the same as or before the due date")
        ]
    );
    assert_eq!(p.actions.len(), 1);
}

#[test]
fn a_us_date_column_is_refused_row_by_row_with_the_reason() {
    let csv = "No.,Action,Due date\n1,Review,11/25/2019\n2,Audit,03/04/2020\n3,Survey,13/04/2020\n";
    let p = preview_of(csv, empty_plan().partnership());
    assert_eq!(
        reasons(&p.skipped),
        [
            (
                2,
                "\u{201c}11/25/2019\u{201d} in due date is written month first: if it means 25 November 2019, write the day first"
            ),
            (
                3,
                "\u{201c}03/04/2020\u{201d} in due date could be 3 April 2020 or 4 March 2020: other dates in this column are written month first, like \u{201c}11/25/2019\u{201d}. Write the dates with the month as a word, like 3 April 2020"
            ),
        ]
    );
    assert_eq!(p.actions[0].draft.due, "2020-04-13");
}

#[test]
fn wrong_columns_say_which_column_is_missing() {
    let table = read_table(b"Name,Postcode\nA,LU1\n").expect("readable");
    let mapping = ColumnMapping::suggest(&table.headers);
    assert_eq!(
        preview(&table, &mapping, empty_plan().partnership()),
        Err(SheetError::MissingColumn("the key action (title)"))
    );
}

#[test]
fn a_preview_lists_the_first_fifty_problems_and_counts_the_rest() {
    let mut csv = String::from("No.,Action\n");
    for n in 1..=120 {
        csv.push_str(&format!("{n},\n"));
    }
    let p = preview_of(&csv, empty_plan().partnership());
    let (shown, more) = first_problems(&p.skipped);
    assert_eq!((shown.len(), more), (PROBLEMS_SHOWN, 70));
    assert_eq!(shown[0].row, 2);
}

#[test]
fn two_thousand_rows_import_in_one_change() {
    let mut csv = String::from("No.,Key action,Due date,Status,Progress,Progress date\n");
    for n in 1..=2000 {
        csv.push_str(&format!("{n},Action number {n},31/03/2021,On track,Update for action {n},01/03/2021\n"));
    }
    let mut ws = empty_plan();
    let p = preview_of(&csv, ws.partnership());
    assert_eq!(p.actions.len(), 2000);
    let heads = ws.history().len();
    ws.import_actions(&Stamp::new(&me(), 10), "tracker.csv", &p.actions).expect("import");
    assert_eq!(ws.history().len(), heads + 1);
    assert_eq!(ws.partnership().actions.len(), 2000);
}
