//! The plan as spreadsheets: an Excel workbook with the action tracker,
//! every progress update and every indicator value, and the same three
//! tables as CSV. Column headings match what the import step recognises, so
//! an exported tracker can be edited in Excel and imported again.

use super::SheetError;
use super::read::FORMULA_STARTS;
use super::workbook::{EXCEL, SheetSpec, write_workbook};
use crate::model::performance::format_number;
use crate::model::{Date, Partnership};

pub const ACTION_HEADERS: [&str; 11] = [
    "No.",
    "Key actions and major projects",
    "Theme",
    "Partnership leads",
    "Partners",
    "Linked documents",
    "Start date",
    "Due date",
    "Status",
    "Latest progress date",
    "Latest progress",
];
pub const PROGRESS_HEADERS: [&str; 6] = ["No.", "Date", "Status", "Update", "Recorded by", "Organisation"];
pub const INDICATOR_HEADERS: [&str; 8] =
    ["Indicator", "Theme", "Quarter", "Value", "Unit", "Target", "RAG", "Entered by"];

/// A value in a table: text, a date, or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Date(Option<Date>),
    Number(f64),
}

impl Cell {
    /// The CSV form: dates as dd/mm/yyyy, which Excel in the UK reads as
    /// dates; text neutralised so no spreadsheet program runs it.
    fn csv(&self) -> String {
        match self {
            Cell::Text(t) => neutralise(t),
            Cell::Date(Some(d)) => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
            Cell::Date(None) => String::new(),
            Cell::Number(n) => format_number(*n).replace(',', ""),
        }
    }
}

/// Text as a CSV cell that no spreadsheet program takes for a formula: a
/// cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
/// leading `'`, as OWASP's "CSV Injection" page recommends (the quote shows
/// in Excel, and nothing runs). A cell that already begins with `'` and one
/// of those characters or another `'` gets one too, so Safer Plan's import,
/// which takes one such quote off (`read::undo_neutralised`), gives back
/// exactly the text that was exported.
pub fn neutralise(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next();
    let risky = |c: char| FORMULA_STARTS.contains(&c);
    let needs = match (first, chars.next()) {
        (Some(c), _) if risky(c) => true,
        (Some('\''), Some(c)) => risky(c) || c == '\'',
        _ => false,
    };
    if needs { format!("'{text}") } else { text.to_string() }
}

pub fn action_rows(plan: &Partnership) -> Vec<Vec<Cell>> {
    plan.actions_in_order()
        .into_iter()
        .map(|a| {
            let latest = a.latest_update();
            vec![
                Cell::Text(a.number.clone()),
                Cell::Text(a.title.clone()),
                Cell::Text(a.theme_id.as_deref().map(|t| plan.theme_name(Some(t)).to_string()).unwrap_or_default()),
                Cell::Text(a.leads.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")),
                Cell::Text(a.partners.join("\n")),
                Cell::Text(crate::model::draft::documents_to_text(&a.linked_documents)),
                Cell::Date(a.start),
                Cell::Date(a.due),
                Cell::Text(a.status().label().to_string()),
                Cell::Date(latest.map(|u| u.date)),
                Cell::Text(latest.map(|u| u.narrative.to_string()).unwrap_or_default()),
            ]
        })
        .collect()
}

pub fn progress_rows(plan: &Partnership) -> Vec<Vec<Cell>> {
    plan.actions_in_order()
        .into_iter()
        .flat_map(|a| {
            let mut updates: Vec<_> = a.progress.values().collect();
            crate::sorting::sort_by_key(&mut updates, |u| (u.date, u.recorded_at));
            updates.into_iter().map(move |u| {
                vec![
                    Cell::Text(a.number.clone()),
                    Cell::Date(Some(u.date)),
                    Cell::Text(u.status.label().to_string()),
                    Cell::Text(u.narrative.to_string()),
                    Cell::Text(u.author_name.clone()),
                    Cell::Text(u.author_organisation.clone()),
                ]
            })
        })
        .collect()
}

pub fn indicator_rows(plan: &Partnership) -> Vec<Vec<Cell>> {
    plan.indicators_in_order()
        .into_iter()
        .flat_map(|i| {
            let theme = plan.theme_name(i.theme_id.as_deref()).to_string();
            i.series().into_iter().map(move |(q, v)| {
                let entered = i
                    .values
                    .get(&crate::model::performance::quarter_code(q))
                    .map(|r| crate::model::theme::join_role(&r.recorded_by, &r.recorded_organisation))
                    .unwrap_or_default();
                vec![
                    Cell::Text(i.name.clone()),
                    Cell::Text(theme.clone()),
                    Cell::Text(q.to_string()),
                    Cell::Number(v),
                    Cell::Text(i.unit.clone()),
                    Cell::Text(i.target_text()),
                    Cell::Text(i.rag_in(q).map_or("", |r| r.label()).to_string()),
                    Cell::Text(entered),
                ]
            })
        })
        .collect()
}

/// One table as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel
/// shows "–" and "£" correctly).
pub fn to_csv(headers: &[&str], rows: &[Vec<Cell>]) -> Result<Vec<u8>, SheetError> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(headers).map_err(|e| SheetError::Write(e.to_string()))?;
        for row in rows {
            writer.write_record(row.iter().map(Cell::csv)).map_err(|e| SheetError::Write(e.to_string()))?;
        }
        writer.flush().map_err(|e| SheetError::Write(e.to_string()))?;
    }
    Ok(out)
}

/// The workbook: "Actions", "Progress updates" and "Indicator values",
/// within Excel's limits (see [`super::workbook`]).
pub fn workbook_xlsx(plan: &Partnership) -> Result<Vec<u8>, SheetError> {
    let sheets = vec![
        SheetSpec {
            name: "Actions".into(),
            headers: &ACTION_HEADERS,
            rows: action_rows(plan),
            widths: &[6.0, 50.0, 24.0, 36.0, 28.0, 30.0, 12.0, 12.0, 12.0, 14.0, 70.0],
        },
        SheetSpec {
            name: "Progress updates".into(),
            headers: &PROGRESS_HEADERS,
            rows: progress_rows(plan),
            widths: &[6.0, 12.0, 12.0, 80.0, 30.0, 30.0],
        },
        SheetSpec {
            name: "Indicator values".into(),
            headers: &INDICATOR_HEADERS,
            rows: indicator_rows(plan),
            widths: &[40.0, 28.0, 12.0, 10.0, 12.0, 36.0, 10.0, 36.0],
        },
    ];
    write_workbook(sheets, &EXCEL)
}

pub const QUARTERLY_HEADERS: [&str; 8] =
    ["Section", "No. or indicator", "Title", "Target", "Value or status", "RAG", "Change", "Progress this quarter"];

/// A theme lead's quarterly report as one table, for partners who want it
/// in Excel rather than on paper: the commentary, then indicators, then actions.
pub fn quarterly_rows(report: &crate::report::quarterly::QuarterlyReport) -> Vec<Vec<Cell>> {
    let text = |s: &str| Cell::Text(s.to_string());
    let mut rows = vec![vec![
        text("Commentary"),
        text(""),
        text(&report.title()),
        text(""),
        text(&report.commentary),
        text(""),
        text(""),
        text(""),
    ]];
    for i in &report.indicators {
        rows.push(vec![
            text("Indicator"),
            text(&i.name),
            text(""),
            text(&i.target),
            text(i.value.as_deref().unwrap_or("Not entered")),
            text(i.rag.map_or("", |r| r.label())),
            text(i.trend.vs_previous_quarter.map_or("No earlier value", |d| d.label())),
            text(""),
        ]);
    }
    for a in &report.actions {
        let progress =
            a.updates.iter().map(|(d, s, t)| format!("{d} ({}): {t}", s.label())).collect::<Vec<_>>().join("\n");
        rows.push(vec![
            text("Action"),
            text(&a.number),
            text(&a.title),
            text(""),
            text(a.status.label()),
            text(""),
            Cell::Text(a.change()),
            Cell::Text(progress),
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::spreadsheet::read_table;

    /// Text a plan can hold: trimmed (forms and the import trim), without
    /// carriage returns (a line break is stored as `\n`), often starting
    /// with a character a spreadsheet would take for a formula.
    fn plan_text() -> impl Strategy<Value = String> {
        let start = prop_oneof![
            Just(""),
            Just("="),
            Just("+"),
            Just("-"),
            Just("@"),
            Just("'"),
            Just("''"),
            Just("'="),
            Just("=HYPERLINK(\"http://example.invalid\",\"x\")")
        ];
        (start, "[a-zA-Z0-9 =+@'\"\\-,;:\t\n\u{a3}\u{2013}\u{e9}]{0,40}")
            .prop_map(|(start, rest)| format!("{start}{rest}").trim().to_string())
    }

    proptest! {
        /// Any text the plan holds comes back unchanged through the CSV
        /// export and Safer Plan's own import, titles beginning with `=`
        /// included, and no cell of the file begins with a formula character.
        #[test]
        fn csv_text_round_trips_through_export_and_import(
            rows in proptest::collection::vec((1u16..9999, plan_text(), plan_text()), 1..6)
        ) {
            let cells: Vec<Vec<Cell>> = rows
                .iter()
                .map(|(n, title, progress)| {
                    vec![Cell::Text(n.to_string()), Cell::Text(title.clone()), Cell::Text(progress.clone())]
                })
                .collect();
            let csv = to_csv(&["No.", "Key action", "Progress"], &cells).expect("csv");
            let text = String::from_utf8(csv.clone()).expect("utf-8");
            let body = text.trim_start_matches('\u{feff}');
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
            for record in reader.records() {
                for cell in record.expect("record").iter() {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
                }
            }
            let table = read_table(&csv).expect("readable");
            prop_assert_eq!(table.rows.len(), rows.len());
            for (row, (n, title, progress)) in table.rows.iter().zip(&rows) {
                prop_assert_eq!(row.cell(0), n.to_string());
                prop_assert_eq!(row.cell(1), title.as_str());
                prop_assert_eq!(row.cell(2), progress.as_str());
            }
        }
    }

    #[test]
    fn formula_characters_are_neutralised_as_owasp_recommends() {
        for (text, written) in [
            ("=1+1", "'=1+1"),
            ("+44 1582 546000", "'+44 1582 546000"),
            ("-5 days", "'-5 days"),
            ("@risk", "'@risk"),
            ("\tTabbed", "'\tTabbed"),
            ("\rReturn", "'\rReturn"),
            ("'=already quoted", "''=already quoted"),
            ("''", "'''"),
            ("'tis the season", "'tis the season"),
            ("Review the ASB strategy", "Review the ASB strategy"),
            ("", ""),
        ] {
            assert_eq!(neutralise(text), written, "{text:?}");
        }
    }
    use crate::model::performance::parse_quarter_code;
    use crate::report::quarterly::QuarterlyReport;

    #[test]
    fn a_quarterly_report_exports_commentary_indicators_and_actions() {
        let ws = crate::demo::workspace();
        let p = ws.partnership();
        let theme = p.theme("domestic-abuse").expect("theme");
        let report = QuarterlyReport::build(p, theme, parse_quarter_code("2019-20-Q4").expect("quarter"));
        let rows = quarterly_rows(&report);
        assert_eq!(rows.len(), 1 + 1 + 3);
        let csv = String::from_utf8(to_csv(&QUARTERLY_HEADERS, &rows).expect("csv")).expect("utf-8");
        assert!(csv.contains(
            "Action,7,Publish the Domestic Homicide review outcomes.,,At risk,,1 update; not started → at risk"
        ));
        assert!(csv.contains("Indicator,Repeat referrals to MARAC,,At most 28%,Not entered"));
    }
}
