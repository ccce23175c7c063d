//! OpenDocument spreadsheets (.ods, LibreOffice's own format), streamed
//! from `content.xml` with quick-xml.
//!
//! calamine's ODS reader is not used: it expands `number-rows-repeated`
//! into a dense range before anything can bound it (an 872-byte file asks
//! for a million rows), and it drops what the preview must show — merged
//! cells (`number-rows-spanned`), percentages (`value-type="percentage"`)
//! and hidden rows. Here repeats are counted, not copied, past the limits.

use std::io::{BufRead, BufReader};

use quick_xml::Reader as XmlReader;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};

use super::grid::{Grid, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, Merge};
use super::package::Archive;
use super::xlsx::{attr, number_text};
use crate::spreadsheet::SheetError;

fn damaged(e: impl std::fmt::Display) -> SheetError {
    SheetError::DamagedWorkbook(e.to_string())
}

/// The sheets of an ODS file, and the cells of the one wanted (`None`: the
/// first sheet with anything in it).
pub fn read(archive: &mut Archive<'_>, wanted: Option<&str>) -> Result<Sheets, SheetError> {
    let part = archive.by_name("content.xml").map_err(damaged)?;
    read_content(BufReader::new(part), wanted)
}

/// Every sheet's name, and the one wanted with its cells.
pub type Sheets = (Vec<String>, Option<(String, Grid)>);

fn read_content(content: impl BufRead, wanted: Option<&str>) -> Result<Sheets, SheetError> {
    let mut reader = XmlReader::from_reader(content);
    let mut buf = Vec::new();
    let mut names = Vec::new();
    let mut found = None;
    loop {
        match reader.read_event_into(&mut buf).map_err(damaged)? {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                let name = attr(&e, "table:name").unwrap_or_default();
                names.push(name.clone());
                let take = found.is_none() && wanted.is_none_or(|w| w == name);
                let grid = read_table(&mut reader, take)?;
                if take && (wanted.is_some() || grid.has_cells()) {
                    found = Some((name, grid));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((names, found))
}

/// One cell as written, before repeats are applied.
struct OdsCell {
    text: String,
    columns: u64,
    rows_spanned: u64,
    columns_spanned: u64,
}

/// Reads a `table:table` up to its end; keeps the cells if `keep`.
fn read_table<R: BufRead>(reader: &mut XmlReader<R>, keep: bool) -> Result<Grid, SheetError> {
    let mut grid = Grid::default();
    let mut buf = Vec::new();
    let mut row: u64 = 1;
    loop {
        match reader.read_event_into(&mut buf).map_err(damaged)? {
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                let (repeats, hidden) = row_attrs(&e);
                let cells = read_row(reader)?;
                if keep {
                    place_row(&mut grid, row, repeats, hidden, &cells);
                }
                row = row.saturating_add(repeats);
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(row_attrs(&e).0);
            }
            Event::End(e) if e.name().as_ref() == "table:table" => break,
            Event::Eof => return Err(damaged("the sheet ends too soon")),
            _ => {}
        }
        buf.clear();
    }
    Ok(grid)
}

fn row_attrs(e: &BytesStart<'_>) -> (u64, bool) {
    let repeats = attr(e, "table:number-rows-repeated").and_then(|r| r.parse::<u64>().ok()).unwrap_or(1).max(1);
    let hidden = matches!(attr(e, "table:visibility").as_deref(), Some("collapse" | "filter"));
    (repeats, hidden)
}

/// Puts a row's cells into the grid `repeats` times from `row` on, counting
/// the copies past the limits instead of making them.
fn place_row(grid: &mut Grid, row: u64, repeats: u64, hidden: bool, cells: &[OdsCell]) {
    let filled: u64 = cells.iter().filter(|c| !c.text.trim().is_empty()).map(|c| c.columns).sum();
    for r in row..row.saturating_add(repeats) {
        if grid.is_full(r) {
            let left = row.saturating_add(repeats) - r;
            if filled > 0 {
                grid.outside(r, 0, left.saturating_mul(filled));
            }
            return;
        }
        if hidden && grid.hidden.len() < MAX_ROWS {
            grid.hidden.push(r as usize);
        }
        let mut col: u64 = 0;
        for cell in cells {
            if cell.text.trim().is_empty() {
                col = col.saturating_add(cell.columns);
                continue;
            }
            if r == row && (cell.rows_spanned > 1 || cell.columns_spanned > 1) && grid.merges.len() < MAX_ROWS {
                grid.merges.push(Merge {
                    first_row: r as usize,
                    last_row: r.saturating_add(cell.rows_spanned - 1).min(MAX_ROWS as u64) as usize,
                    first_col: col.min(MAX_COLUMNS as u64) as usize,
                    last_col: col.saturating_add(cell.columns_spanned - 1).min(MAX_COLUMNS as u64) as usize,
                });
            }
            for c in col..col.saturating_add(cell.columns) {
                if c >= MAX_COLUMNS as u64 {
                    grid.outside(r, c, col.saturating_add(cell.columns) - c);
                    break;
                }
                grid.put(r, c, &cell.text);
            }
            col = col.saturating_add(cell.columns);
        }
    }
}

/// The cells of one row, up to its end tag.
fn read_row<R: BufRead>(reader: &mut XmlReader<R>) -> Result<Vec<OdsCell>, SheetError> {
    let mut cells = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(damaged)? {
            Event::Start(e) if is_cell(&e) => {
                let mut cell = cell_attrs(&e);
                let text = read_cell_text(reader)?;
                if cell.text.is_empty() {
                    cell.text = text;
                }
                cells.push(cell);
            }
            Event::Empty(e) if is_cell(&e) => cells.push(cell_attrs(&e)),
            Event::End(e) if e.name().as_ref() == "table:table-row" => break,
            Event::Eof => return Err(damaged("a row ends too soon")),
            _ => {}
        }
        buf.clear();
        if cells.len() > MAX_COLUMNS * 4 {
            // A row of more separate cells than could ever be read: the rest
            // are counted as one run of empty columns.
            skip_to_row_end(reader)?;
            break;
        }
    }
    Ok(cells)
}

fn skip_to_row_end<R: BufRead>(reader: &mut XmlReader<R>) -> Result<(), SheetError> {
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(damaged)? {
            Event::End(e) if e.name().as_ref() == "table:table-row" => return Ok(()),
            Event::Eof => return Err(damaged("a row ends too soon")),
            _ => {}
        }
        buf.clear();
    }
}

fn is_cell(e: &BytesStart<'_>) -> bool {
    matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell")
}

/// A cell's repeats, spans and typed value: a percentage shows as the
/// percentage ("30%"), a date as an ISO date.
fn cell_attrs(e: &BytesStart<'_>) -> OdsCell {
    let number = |name: &str| attr(e, name).and_then(|v| v.parse::<u64>().ok()).unwrap_or(1).max(1);
    let value = attr(e, "office:value").and_then(|v| v.parse::<f64>().ok());
    let text = match (attr(e, "office:value-type").as_deref(), value) {
        (Some("percentage"), Some(v)) => format!("{}%", number_text(v * 100.0)),
        (Some("float" | "currency"), Some(v)) => number_text(v),
        (Some("date"), _) => attr(e, "office:date-value").map(|d| d.chars().take(10).collect()).unwrap_or_default(),
        (Some("boolean"), _) => match attr(e, "office:boolean-value").as_deref() {
            Some("true") => "Yes".to_string(),
            Some(_) => "No".to_string(),
            None => String::new(),
        },
        (Some("string"), _) => attr(e, "office:string-value").unwrap_or_default(),
        _ => String::new(),
    };
    OdsCell {
        text,
        columns: number("table:number-columns-repeated"),
        rows_spanned: number("table:number-rows-spanned"),
        columns_spanned: number("table:number-columns-spanned"),
    }
}

/// The text inside a cell: paragraphs on their own lines, `text:s` spaces,
/// tabs and line breaks; notes (`office:annotation`) left out.
fn read_cell_text<R: BufRead>(reader: &mut XmlReader<R>) -> Result<String, SheetError> {
    let mut text = String::new();
    let mut buf = Vec::new();
    let mut paragraphs = 0;
    let mut in_note = 0;
    // Enough for Excel's longest cell in any script; the grid cuts to
    // 32,767 characters.
    let room = MAX_CELL_CHARS * 4;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(damaged)?;
        match event {
            Event::Start(e) if e.name().as_ref() == "office:annotation" => in_note += 1,
            Event::End(e) if e.name().as_ref() == "office:annotation" => in_note -= 1,
            Event::End(e) if is_cell_end(e.name().as_ref()) => break,
            Event::Eof => return Err(damaged("a cell ends too soon")),
            _ if in_note > 0 || text.len() > room => {}
            Event::Start(e) if e.name().as_ref() == "text:p" => {
                if paragraphs > 0 {
                    text.push('\n');
                }
                paragraphs += 1;
            }
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "text:s" => {
                    let count = attr(&e, "text:c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1);
                    text.extend(std::iter::repeat_n(' ', count.min(room)));
                }
                "text:tab" => text.push('\t'),
                "text:line-break" => text.push('\n'),
                _ => {}
            },
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                if let Some(s) = resolve_xml_entity(&r.xml10_content()) {
                    text.push_str(s);
                } else if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(text)
}

fn is_cell_end(name: &str) -> bool {
    matches!(name, "table:table-cell" | "table:covered-table-cell")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Notes"><table:table-row><table:table-cell/></table:table-row></table:table><table:table table:name="Tracker">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn read_xml(xml: &str) -> Sheets {
        read_content(xml.as_bytes(), None).expect("readable")
    }

    #[test]
    fn the_first_sheet_with_data_is_read_with_typed_values() {
        let xml = content(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Indicator</text:p></table:table-cell><table:table-cell><text:p>Value</text:p></table:table-cell><table:table-cell><text:p>Reported</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell office:value-type="string"><text:p>Repeat referrals &amp; MARAC</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.3"><text:p>30%</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2020-03-31T00:00:00"><text:p>31/03/20</text:p></table:table-cell></table:table-row>"#,
        );
        let (names, found) = read_xml(&xml);
        assert_eq!(names, ["Notes", "Tracker"]);
        let (name, grid) = found.expect("a sheet with data");
        assert_eq!(name, "Tracker");
        let rows = grid.into_rows().0;
        assert_eq!(rows[1].1, ["Repeat referrals & MARAC", "30%", "2020-03-31"]);
    }

    #[test]
    fn repeated_rows_are_counted_past_the_limit_not_made() {
        let xml = content(
            r#"<table:table-row><table:table-cell><text:p>No.</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="2"><text:p>n/a</text:p></table:table-cell></table:table-row>"#,
        );
        let (rows, facts) = read_xml(&xml).1.expect("sheet").1.into_rows();
        assert_eq!(rows.len(), MAX_ROWS);
        assert_eq!(rows[1].1, ["n/a", "n/a"]);
        assert_eq!(facts.cut.cells_outside, 2 * (1_048_575 - MAX_ROWS as u64));
        assert_eq!(facts.cut.first_outside.as_deref(), Some("A10001"));
    }

    #[test]
    fn spans_hidden_rows_and_text_pieces_are_kept() {
        let xml = content(
            r#"<table:table-row><table:table-cell table:number-rows-spanned="3"><text:p>Domestic abuse</text:p></table:table-cell><table:table-cell><text:p>First<text:s text:c="2"/>line</text:p><text:p>second<text:line-break/>third</text:p><office:annotation><text:p>a note</text:p></office:annotation></table:table-cell></table:table-row><table:table-row table:visibility="collapse"><table:covered-table-cell/><table:table-cell><text:p>hidden</text:p></table:table-cell></table:table-row>"#,
        );
        let (rows, facts) = read_xml(&xml).1.expect("sheet").1.into_rows();
        assert_eq!(rows[0].1, ["Domestic abuse", "First  line\nsecond\nthird"]);
        assert_eq!(facts.merges, [Merge { first_row: 1, last_row: 3, first_col: 0, last_col: 0 }]);
        assert_eq!(facts.hidden, [2]);
    }

    #[test]
    fn a_row_of_a_million_repeated_columns_is_bounded() {
        let xml = content(
            r#"<table:table-row><table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        );
        let (rows, facts) = read_xml(&xml).1.expect("sheet").1.into_rows();
        assert_eq!(rows[0].1.len(), MAX_COLUMNS);
        assert_eq!(facts.cut.cells_outside, 16_384 - MAX_COLUMNS as u64);
    }
}
