//! The cells of one sheet as the readers collect them, with the limits that
//! keep reading any file in bounded memory: rows past [`MAX_ROWS`], columns
//! past [`MAX_COLUMNS`] and text past [`MAX_TEXT_BYTES`] are counted, never
//! stored, whatever size the file declares.

use std::collections::BTreeMap;

/// Rows read from a sheet (rows 1 to 10,000 as the spreadsheet numbers them).
pub const MAX_ROWS: usize = 10_000;
/// Columns read from a sheet (A to GR).
pub const MAX_COLUMNS: usize = 200;
/// Excel's own limit for the text in one cell (Microsoft, "Excel
/// specifications and limits"); longer text from another program is cut.
pub const MAX_CELL_CHARS: usize = 32_767;
/// All the text kept from one sheet. A 10,000-row tracker with long
/// progress notes is about 30 MB; a file that repeats one long shared
/// string in every cell stops here instead of filling the tab's memory.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// A rectangle of merged cells: rows as the spreadsheet numbers them
/// (from 1), columns from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Merge {
    pub first_row: usize,
    pub last_row: usize,
    pub first_col: usize,
    pub last_col: usize,
}

/// What was left out of a sheet because of the limits.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cut {
    /// Cells with something in them outside rows 1–10,000 or columns A–GR.
    pub cells_outside: u64,
    /// The first such cell, as Excel names it ("XFD1048576").
    pub first_outside: Option<String>,
    /// The last row number the sheet uses, where known.
    pub last_row: u64,
    /// Cells longer than Excel's 32,767 characters, cut to that length.
    pub long_cells: usize,
    /// The sheet holds more text than [`MAX_TEXT_BYTES`]; reading stopped.
    pub text_full: bool,
}

/// Collects cells within the limits.
#[derive(Debug, Default)]
pub struct Grid {
    rows: BTreeMap<usize, Vec<String>>,
    pub merges: Vec<Merge>,
    /// Row numbers hidden in the spreadsheet.
    pub hidden: Vec<usize>,
    /// The workbook counts days from 1904 (Excel for Mac before 2011).
    pub epoch_1904: bool,
    pub cut: Cut,
    text_bytes: usize,
}

impl Grid {
    /// Stores `text` at `row` (from 1) and `col` (from 0), or counts it as
    /// left out. Empty text is not stored.
    pub fn put(&mut self, row: u64, col: u64, text: &str) {
        self.cut.last_row = self.cut.last_row.max(row);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if row == 0 || row > MAX_ROWS as u64 || col >= MAX_COLUMNS as u64 || self.cut.text_full {
            self.outside(row, col, 1);
            return;
        }
        let mut text = undo_neutralised(&normalise_breaks(text));
        if text.chars().count() > MAX_CELL_CHARS {
            text = text.chars().take(MAX_CELL_CHARS).collect();
            self.cut.long_cells += 1;
        }
        if self.text_bytes + text.len() > MAX_TEXT_BYTES {
            self.cut.text_full = true;
            self.outside(row, col, 1);
            return;
        }
        self.text_bytes += text.len();
        let cells = self.rows.entry(row as usize).or_default();
        let col = col as usize;
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        cells[col] = text;
    }

    /// Counts `count` cells from (`row`, `col`) on as left out.
    pub fn outside(&mut self, row: u64, col: u64, count: u64) {
        self.cut.cells_outside = self.cut.cells_outside.saturating_add(count);
        self.cut.last_row = self.cut.last_row.max(row);
        if self.cut.first_outside.is_none() {
            self.cut.first_outside = Some(cell_name(row, col));
        }
    }

    /// Whether `row` is past the rows that are read.
    pub fn is_full(&self, row: u64) -> bool {
        row > MAX_ROWS as u64 || self.cut.text_full
    }

    pub fn has_cells(&self) -> bool {
        !self.rows.is_empty()
    }

    /// The rows with something in them, in order: (row number, cells).
    pub fn into_rows(self) -> (Vec<(usize, Vec<String>)>, GridFacts) {
        let facts = GridFacts { merges: self.merges, hidden: self.hidden, epoch_1904: self.epoch_1904, cut: self.cut };
        (self.rows.into_iter().collect(), facts)
    }
}

/// Everything about a sheet besides its cells.
#[derive(Debug, Clone, Default)]
pub struct GridFacts {
    pub merges: Vec<Merge>,
    pub hidden: Vec<usize>,
    pub epoch_1904: bool,
    pub cut: Cut,
}

/// A cell's name as Excel shows it: row 1048576, column 16383 → "XFD1048576".
pub fn cell_name(row: u64, col: u64) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

/// Line breaks inside a cell as `\n`, whatever wrote them.
fn normalise_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Characters that make a spreadsheet program treat a cell as a formula
/// (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Reverses [`crate::spreadsheet::export::neutralise`]: a cell the export wrote
/// as `'=HYPERLINK(…)` reads back as `=HYPERLINK(…)`, and `''x` as `'x`.
pub fn undo_neutralised(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some('\''), Some(second)) if second == '\'' || FORMULA_STARTS.contains(&second) => text[1..].to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(1, 0), "A1");
        assert_eq!(cell_name(7, 25), "Z7");
        assert_eq!(cell_name(2, 26), "AA2");
        assert_eq!(cell_name(10_000, 199), "GR10000");
        assert_eq!(cell_name(1_048_576, 16_383), "XFD1048576");
    }

    #[test]
    fn cells_past_the_limits_are_counted_not_stored() {
        let mut grid = Grid::default();
        grid.put(1, 0, "No.");
        grid.put(2, 0, "1");
        grid.put(1_048_576, 16_383, "x");
        grid.put(3, 200, "past column GR");
        grid.put(10_001, 0, "past row 10,000");
        grid.put(4, 1, "   ");
        let (rows, facts) = grid.into_rows();
        assert_eq!(rows, [(1, vec!["No.".to_string()]), (2, vec!["1".to_string()])]);
        assert_eq!(facts.cut.cells_outside, 3);
        assert_eq!(facts.cut.first_outside.as_deref(), Some("XFD1048576"));
        assert_eq!(facts.cut.last_row, 1_048_576);
    }

    #[test]
    fn a_cell_longer_than_excel_allows_is_cut_to_its_limit() {
        let mut grid = Grid::default();
        grid.put(1, 0, &"é".repeat(MAX_CELL_CHARS + 5));
        let (rows, facts) = grid.into_rows();
        assert_eq!(rows[0].1[0].chars().count(), MAX_CELL_CHARS);
        assert_eq!(facts.cut.long_cells, 1);
    }

    #[test]
    fn text_past_the_budget_stops_reading() {
        let mut grid = Grid::default();
        let long = "x".repeat(MAX_CELL_CHARS);
        let mut row = 1;
        while !grid.cut.text_full {
            grid.put(row / 100 + 1, row % 100, &long);
            row += 1;
        }
        assert_eq!(grid.text_bytes / MAX_CELL_CHARS, MAX_TEXT_BYTES / MAX_CELL_CHARS);
        assert!(grid.is_full(1));
    }

    #[test]
    fn neutralised_cells_read_back_as_written() {
        assert_eq!(undo_neutralised("'=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
        assert_eq!(undo_neutralised("'-5 days"), "-5 days");
        assert_eq!(undo_neutralised("''tis the season"), "'tis the season");
        assert_eq!(undo_neutralised("'tis the season"), "'tis the season");
        assert_eq!(undo_neutralised("="), "=");
    }

    #[test]
    fn line_breaks_inside_a_cell_are_kept_as_newlines() {
        let mut grid = Grid::default();
        grid.put(1, 0, "first\r\nsecond\rthird");
        assert_eq!(grid.into_rows().0[0].1[0], "first\nsecond\nthird");
    }
}
