//! Excel workbooks (.xlsx), read cell by cell with calamine's
//! `worksheet_cells_reader`, never through `worksheet_range`: a range is a
//! dense grid as big as the sheet's stray or declared extent (one value in
//! XFD1048576 asks for 17 billion cells), while the cell reader holds one
//! cell at a time and [`Grid`] keeps only what is inside the limits.
//!
//! What calamine does not report — which rows are hidden and which cells
//! are merged — is read from the sheet's XML in one more streaming pass.

use std::io::{BufRead, BufReader, Cursor};

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use quick_xml::Reader as XmlReader;
use quick_xml::events::{BytesStart, Event};

use super::grid::{Grid, MAX_COLUMNS, Merge};
use super::package::{self, Archive, MAX_UNPACKED_BYTES};
use crate::spreadsheet::SheetError;

fn damaged(e: impl std::fmt::Display) -> SheetError {
    SheetError::DamagedWorkbook(e.to_string())
}

/// An open workbook: the names of its visible worksheets, in tab order.
pub struct Workbook<'a> {
    book: Xlsx<Cursor<&'a [u8]>>,
    archive: Archive<'a>,
    pub sheets: Vec<String>,
}

impl<'a> Workbook<'a> {
    pub fn open(bytes: &'a [u8], archive: Archive<'a>) -> Result<Workbook<'a>, SheetError> {
        let book = Xlsx::new(Cursor::new(bytes)).map_err(damaged)?;
        let meta = book.sheets_metadata();
        let mut sheets: Vec<String> = meta
            .iter()
            .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .collect();
        if sheets.is_empty() {
            sheets = meta.iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect();
        }
        Ok(Workbook { book, archive, sheets })
    }

    /// The cells of sheet `name`, within the limits.
    pub fn sheet(&mut self, name: &str) -> Result<Grid, SheetError> {
        let mut grid = Grid::default();
        grid.epoch_1904 = self.book.has_1904_epoch();
        let mut cells = self.book.worksheet_cells_reader(name).map_err(damaged)?;
        let percent: Vec<bool> = cells
            .styles()
            .iter()
            .map(|s| s.number_format.as_ref().is_some_and(|f| is_percent_format(&f.format_code)))
            .collect();
        while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(damaged)? {
            let (row, col) = cell.get_position();
            let (row, col) = (u64::from(row) + 1, u64::from(col));
            let value = cell.get_value();
            if grid.is_full(row) || col >= MAX_COLUMNS as u64 {
                if *value != DataRef::Empty {
                    grid.outside(row, col, 1);
                }
                continue;
            }
            grid.put(row, col, &cell_text(value, percent.get(style).copied().unwrap_or(false)));
        }
        drop(cells);
        if let Some(path) = self.sheet_path(name)?
            && let Ok(part) = self.archive.by_name(&path)
        {
            let (hidden, merges) = rows_and_merges(BufReader::new(part))?;
            grid.hidden = hidden;
            grid.merges = merges;
        }
        Ok(grid)
    }

    /// Where sheet `name`'s XML is in the package, from the workbook's
    /// relationships.
    fn sheet_path(&mut self, name: &str) -> Result<Option<String>, SheetError> {
        let workbook =
            package::read_part(&mut self.archive, "xl/workbook.xml", MAX_UNPACKED_BYTES)?.unwrap_or_default();
        let rels = package::read_part(&mut self.archive, "xl/_rels/workbook.xml.rels", MAX_UNPACKED_BYTES)?
            .unwrap_or_default();
        let Some(id) = find_attr(&workbook, "sheet", ("name", name), "r:id")? else { return Ok(None) };
        let Some(target) = find_attr(&rels, "Relationship", ("Id", &id), "Target")? else { return Ok(None) };
        Ok(Some(match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        }))
    }
}

/// A cell as the person sees it: dates as ISO dates (whichever date system
/// the workbook uses), a percentage-formatted 0.3 as "30%", whole numbers
/// without ".0".
fn cell_text(value: &DataRef<'_>, percent: bool) -> String {
    match value {
        DataRef::Empty | DataRef::Error(_) => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => s.to_string(),
        DataRef::Bool(b) => if *b { "Yes" } else { "No" }.to_string(),
        DataRef::Int(i) if percent => format!("{}%", i.saturating_mul(100)),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if percent => format!("{}%", number_text(f * 100.0)),
        DataRef::Float(f) => number_text(*f),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        DataRef::DateTime(d) => number_text(d.as_f64()),
    }
}

/// The shortest text for a number, rounded to 12 significant digits so
/// that 0.3 × 100 shows as 30, not 30.000000000000004.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        return String::new();
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let rounded: f64 = format!("{n:.12e}").parse().unwrap_or(n);
    rounded.to_string()
}

/// Whether an Excel number format shows a percentage: a `%` outside quoted
/// text and escapes ("0%", "0.0%", but not `0 "% done"`).
pub fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            ';' => return false,
            _ => {}
        }
    }
    false
}

/// Hidden rows and merged ranges of a worksheet's XML.
fn rows_and_merges(xml: impl BufRead) -> Result<(Vec<usize>, Vec<Merge>), SheetError> {
    let mut reader = XmlReader::from_reader(xml);
    let mut buf = Vec::new();
    let mut hidden = Vec::new();
    let mut merges = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(damaged)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "row" => {
                    let is_hidden = matches!(attr(&e, "hidden").as_deref(), Some("1" | "true"));
                    if let Some(r) = attr(&e, "r").and_then(|r| r.parse::<usize>().ok())
                        && is_hidden
                        && hidden.len() < super::grid::MAX_ROWS
                    {
                        hidden.push(r);
                    }
                }
                "mergeCell" => {
                    if let Some(merge) = attr(&e, "ref").as_deref().and_then(parse_range)
                        && merges.len() < super::grid::MAX_ROWS
                    {
                        merges.push(merge);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((hidden, merges))
}

/// "C2:C4" → rows 2–4 of column C.
fn parse_range(text: &str) -> Option<Merge> {
    let (a, b) = text.split_once(':')?;
    let (r1, c1) = parse_cell(a)?;
    let (r2, c2) = parse_cell(b)?;
    Some(Merge { first_row: r1.min(r2), last_row: r1.max(r2), first_col: c1.min(c2), last_col: c1.max(c2) })
}

/// "XFD1048576" → (row 1048576, column 16383).
fn parse_cell(text: &str) -> Option<(usize, usize)> {
    let letters = text.chars().take_while(char::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = text[..letters].bytes().fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1));
    let row = text[letters..].trim_start_matches('$').parse::<usize>().ok()?;
    Some((row, col - 1))
}

/// An attribute's value, unescaped.
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The `want` attribute of the first `element` whose `key` attribute has
/// the given value.
fn find_attr(xml: &[u8], element: &str, (key, value): (&str, &str), want: &str) -> Result<Option<String>, SheetError> {
    let mut reader = XmlReader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(damaged)? {
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == element && attr(&e, key).as_deref() == Some(value) =>
            {
                return Ok(attr(&e, want));
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentage_formats_are_recognised() {
        for code in ["0%", "0.0%", "0.00%;[Red]-0.00%", "#,##0.0\\ %"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in ["General", "0.00", "0 \"% done\"", "dd/mm/yyyy", "0;-0%"] {
            assert!(!is_percent_format(code), "{code}");
        }
    }

    #[test]
    fn numbers_show_as_people_see_them() {
        assert_eq!(number_text(0.3 * 100.0), "30");
        assert_eq!(number_text(12.5), "12.5");
        assert_eq!(number_text(1012.0), "1012");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(f64::NAN), "");
    }

    #[test]
    fn merged_ranges_and_cells_are_read_as_excel_names_them() {
        assert_eq!(parse_cell("XFD1048576"), Some((1_048_576, 16_383)));
        assert_eq!(parse_range("C4:C2"), Some(Merge { first_row: 2, last_row: 4, first_col: 2, last_col: 2 }));
        assert_eq!(parse_range("C2"), None);
        assert_eq!(parse_cell("ABCD1"), None);
    }

    #[test]
    fn hidden_rows_and_merges_come_from_the_sheet_xml() {
        let xml = br#"<worksheet><sheetData><row r="1"/><row r="2" hidden="1"><c r="A2"/></row><row r="5" hidden="true"/></sheetData><mergeCells count="1"><mergeCell ref="C2:C4"/></mergeCells></worksheet>"#;
        let (hidden, merges) = rows_and_merges(&xml[..]).expect("xml");
        assert_eq!(hidden, [2, 5]);
        assert_eq!(merges, [Merge { first_row: 2, last_row: 4, first_col: 2, last_col: 2 }]);
    }
}
