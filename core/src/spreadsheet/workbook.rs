//! Writing an Excel workbook that always opens and never loses anything
//! silently. Excel's limits (Microsoft, "Excel specifications and limits"):
//! 32,767 characters in a cell, 1,048,576 rows on a sheet, and sheet names
//! of at most 31 characters without `[ ] : * ? / \`. Text past a cell's
//! limit is cut and marked in the cell; rows past a sheet's limit go on to
//! a continuation sheet ("Progress updates (2)"); and a "Notes" sheet lists
//! every cell that was cut and every sheet that was continued.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::SheetError;
use super::export::Cell;

/// How much a workbook may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Characters in one cell.
    pub cell_chars: usize,
    /// Rows on one sheet, the heading row included.
    pub rows: usize,
}

/// Excel's own limits.
pub const EXCEL: Limits = Limits { cell_chars: 32_767, rows: 1_048_576 };

/// Longest sheet name Excel accepts.
const SHEET_NAME_CHARS: usize = 31;

/// A worksheet to write: name, headings, rows and column widths.
pub struct SheetSpec<'a> {
    pub name: String,
    pub headers: &'a [&'a str],
    pub rows: Vec<Vec<Cell>>,
    pub widths: &'a [f64],
}

/// Something that had to change to fit Excel, for the Notes sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Note {
    sheet: String,
    place: String,
    what: String,
}

/// A name Excel accepts: the characters it forbids become spaces, at most
/// 31 characters, no apostrophe at either end, and different from `taken`.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let cleaned: String = wanted.chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = cleaned.trim_matches('\'').trim();
    let base = if cleaned.is_empty() { "Sheet" } else { cleaned };
    let fit = |s: &str, room: usize| s.chars().take(room).collect::<String>().trim_end().to_string();
    let mut name = fit(base, SHEET_NAME_CHARS);
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", fit(base, SHEET_NAME_CHARS - suffix.chars().count()));
        n += 1;
    }
    name
}

/// Writes `sheets` within `limits`, adding a Notes sheet when anything had
/// to be cut or continued.
pub fn write_workbook(sheets: Vec<SheetSpec<'_>>, limits: &Limits) -> Result<Vec<u8>, SheetError> {
    let err = |e: XlsxError| SheetError::Write(e.to_string());
    let mut workbook = Workbook::new();
    let mut names: Vec<String> = Vec::new();
    let mut notes: Vec<Note> = Vec::new();
    let per_sheet = limits.rows.saturating_sub(1).max(1);
    for spec in sheets {
        let first = sheet_name(&spec.name, &names);
        let chunks: Vec<&[Vec<Cell>]> =
            if spec.rows.is_empty() { vec![&spec.rows[..]] } else { spec.rows.chunks(per_sheet).collect() };
        for (i, rows) in chunks.into_iter().enumerate() {
            let name = if i == 0 { first.clone() } else { sheet_name(&format!("{} ({})", spec.name, i + 1), &names) };
            if i > 0 {
                notes.push(Note {
                    sheet: first.clone(),
                    place: format!("rows after {}", per_sheet * i),
                    what: format!("More rows than one Excel sheet holds: they go on in \u{201c}{name}\u{201d}."),
                });
            }
            let sheet = workbook.add_worksheet();
            sheet.set_name(&name).map_err(err)?;
            write_sheet(sheet, &name, &spec, rows, limits, &mut notes).map_err(err)?;
            names.push(name);
        }
    }
    if !notes.is_empty() {
        let name = sheet_name("Notes", &names);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(err)?;
        write_notes(sheet, &notes).map_err(err)?;
    }
    workbook.save_to_buffer().map_err(err)
}

fn write_sheet(
    sheet: &mut Worksheet,
    name: &str,
    spec: &SheetSpec<'_>,
    rows: &[Vec<Cell>],
    limits: &Limits,
    notes: &mut Vec<Note>,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Top);
    for (col, (header, width)) in spec.headers.iter().zip(spec.widths).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *header, &bold)?;
        sheet.set_column_width(col, *width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => {
                    let (text, kept) = fit_cell(t, limits.cell_chars);
                    if let Some(kept) = kept {
                        notes.push(Note {
                            sheet: name.to_string(),
                            place: super::read::cell_name(u64::from(r) + 1, u64::from(c)),
                            what: format!(
                                "The text was {} characters, more than a cell holds; the first {kept} are in the cell.",
                                t.chars().count(),
                            ),
                        });
                    }
                    sheet.write_string_with_format(r, c, &text, &wrap)?;
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(r, c, *n, &wrap)?;
                }
                Cell::Date(Some(d)) => {
                    let when = ExcelDateTime::from_ymd(d.year() as u16, d.month(), d.day())?;
                    sheet.write_datetime_with_format(r, c, &when, &date)?;
                }
                Cell::Date(None) => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// What ends a cell whose text was cut.
const CUT_MARK: &str = " [cut: see the Notes sheet]";

/// The text as it fits in a cell of `limit` characters, and if it was
/// cut, how many of its characters were kept.
fn fit_cell(text: &str, limit: usize) -> (String, Option<usize>) {
    if text.chars().count() <= limit {
        return (text.to_string(), None);
    }
    let keep = limit.saturating_sub(CUT_MARK.chars().count());
    let kept: String = text.chars().take(keep).collect();
    let kept = kept.trim_end();
    (format!("{kept}{CUT_MARK}"), Some(kept.chars().count()))
}

fn write_notes(sheet: &mut Worksheet, notes: &[Note]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, (heading, width)) in
        [("Sheet", 24.0), ("Where", 16.0), ("What was changed to fit Excel", 90.0)].iter().enumerate()
    {
        sheet.write_string_with_format(0, c as u16, *heading, &bold)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    for (i, note) in notes.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string_with_format(r, 0, &note.sheet, &wrap)?;
        sheet.write_string_with_format(r, 1, &note.place, &wrap)?;
        sheet.write_string_with_format(r, 2, &note.what, &wrap)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spreadsheet::read_sheet;

    fn spec(name: &str, rows: Vec<Vec<Cell>>) -> SheetSpec<'static> {
        SheetSpec { name: name.into(), headers: &["No.", "Key action"], rows, widths: &[6.0, 40.0] }
    }

    fn row(n: usize, text: &str) -> Vec<Cell> {
        vec![Cell::Text(n.to_string()), Cell::Text(text.to_string())]
    }

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("Town Centre: [ASB] / Night-time economy?", &[]), "Town Centre ASB Night-time econ");
        assert_eq!(sheet_name("'Quoted'", &[]), "Quoted");
        assert_eq!(sheet_name("***", &[]), "Sheet");
        let taken = vec!["Actions".to_string()];
        assert_eq!(sheet_name("actions", &taken), "actions (2)");
        let long = "Domestic abuse and violence against women and girls";
        let first = sheet_name(long, &[]);
        assert_eq!(first.chars().count(), 31);
        let second = sheet_name(long, std::slice::from_ref(&first));
        assert_eq!(second, "Domestic abuse and violence (2)");
    }

    #[test]
    fn text_longer_than_a_cell_holds_is_cut_marked_and_listed_on_the_notes_sheet() {
        let limits = Limits { cell_chars: 40, rows: EXCEL.rows };
        let long = "Consultation with residents, businesses and partners closes in March";
        let bytes = write_workbook(vec![spec("Actions", vec![row(1, "Short"), row(2, long)])], &limits).expect("xlsx");
        let actions = read_sheet(&bytes, Some("Actions")).expect("actions");
        assert_eq!(actions.rows[0].cell(1), "Short");
        assert_eq!(actions.rows[1].cell(1), "Consultation [cut: see the Notes sheet]");
        let notes = read_sheet(&bytes, Some("Notes")).expect("notes");
        assert_eq!(notes.headers, ["Sheet", "Where", "What was changed to fit Excel"]);
        assert_eq!(
            notes.rows[0].cells,
            ["Actions", "B3", "The text was 68 characters, more than a cell holds; the first 12 are in the cell."]
        );
    }

    #[test]
    fn rows_past_a_sheet_s_limit_go_on_to_a_continuation_sheet() {
        let limits = Limits { cell_chars: EXCEL.cell_chars, rows: 3 };
        let rows: Vec<Vec<Cell>> = (1..=5).map(|n| row(n, &format!("Action {n}"))).collect();
        let bytes = write_workbook(vec![spec("Progress updates", rows)], &limits).expect("xlsx");
        let first = read_sheet(&bytes, None).expect("first");
        assert_eq!(first.sheets, ["Progress updates", "Progress updates (2)", "Progress updates (3)", "Notes"]);
        let numbers = |name: &str| -> Vec<String> {
            read_sheet(&bytes, Some(name)).expect("sheet").rows.iter().map(|r| r.cell(0).to_string()).collect()
        };
        assert_eq!(numbers("Progress updates"), ["1", "2"]);
        assert_eq!(numbers("Progress updates (2)"), ["3", "4"]);
        assert_eq!(numbers("Progress updates (3)"), ["5"]);
        let notes = read_sheet(&bytes, Some("Notes")).expect("notes");
        assert_eq!(
            notes.rows[0].cell(2),
            "More rows than one Excel sheet holds: they go on in \u{201c}Progress updates (2)\u{201d}."
        );
    }

    #[test]
    fn a_workbook_within_the_limits_has_no_notes_sheet() {
        let bytes = write_workbook(vec![spec("Actions", vec![row(1, "Short")])], &EXCEL).expect("xlsx");
        assert_eq!(read_sheet(&bytes, None).expect("read").sheets, ["Actions"]);
    }
}
