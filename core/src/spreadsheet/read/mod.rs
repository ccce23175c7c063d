//! Reading a spreadsheet (XLSX, ODS or CSV) into a [`Table`]: the file is
//! checked before it is parsed (size, then what it really is, whatever its
//! name says), one sheet is read within fixed limits, and the heading row
//! is found rather than assumed — trackers often have a title and notes
//! above the table and notes under it. Merged cells are spread over every
//! row they cover and hidden rows are marked, so the preview can say so.
//! Nothing here changes the plan.

mod grid;
mod ods;
mod package;
mod text;
mod xlsx;

pub(super) use grid::FORMULA_STARTS;
pub use grid::{Cut, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_TEXT_BYTES, Merge, cell_name};
pub use package::MAX_UNPACKED_BYTES;

use super::SheetError;
use super::error::MAX_FILE_BYTES;
use super::mapping::is_heading;
use grid::Grid;
use package::Kind;

/// Rows looked at for the headings.
const HEADING_SEARCH_ROWS: usize = 20;

/// One row of the table under the headings.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// The row number the spreadsheet shows.
    pub number: usize,
    pub cells: Vec<String>,
    /// The row is hidden in the spreadsheet.
    pub hidden: bool,
    /// Columns whose value was taken from a merged cell above, and that cell's range.
    pub merged: Vec<(usize, Merge)>,
}

impl Row {
    pub fn new(number: usize, cells: Vec<String>) -> Row {
        Row { number, cells, ..Row::default() }
    }

    /// The text in column `col` (empty if the row is shorter).
    pub fn cell(&self, col: usize) -> &str {
        self.cells.get(col).map(String::as_str).unwrap_or_default()
    }

    /// The merged range column `col`'s value came from, if it did.
    pub fn merge_of(&self, col: usize) -> Option<Merge> {
        self.merged.iter().find(|(c, _)| *c == col).map(|(_, m)| *m)
    }
}

/// One sheet of a spreadsheet, as text, from its heading row down. Serde,
/// because the app's file worker reads the file and hands the page this.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Table {
    pub sheet: String,
    /// Every sheet in the file, in order, for choosing another.
    pub sheets: Vec<String>,
    /// The row number of the headings.
    pub header_row: usize,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows left out: titles above the headings and notes under the table,
    /// as (row number, text).
    pub left_out: Vec<(usize, String)>,
    /// Day numbers count from 1904 (Excel for Mac's old date system).
    pub epoch_1904: bool,
    /// What the limits left out.
    pub cut: Cut,
}

/// Left-out rows listed in [`Table::notes`]; the rest are counted.
const LEFT_OUT_LISTED: usize = 10;

impl Table {
    /// What the preview says about how the sheet was read: the heading
    /// row, rows set aside, and anything the limits left out.
    pub fn notes(&self) -> Vec<String> {
        let count = |n: u64| crate::model::performance::format_number(n as f64);
        let mut notes =
            vec![format!("Row {} of \u{201c}{}\u{201d} was taken as the headings.", self.header_row, self.sheet)];
        for (row, text) in self.left_out.iter().take(LEFT_OUT_LISTED) {
            let place = if *row < self.header_row { "above the headings" } else { "under the table" };
            let short: String = text.chars().take(80).collect();
            notes.push(format!("Row {row} {place} was left out: \u{201c}{short}\u{201d}."));
        }
        if self.left_out.len() > LEFT_OUT_LISTED {
            notes.push(format!("{} more rows of notes were left out.", self.left_out.len() - LEFT_OUT_LISTED));
        }
        if self.cut.cells_outside > 0 {
            let n = self.cut.cells_outside;
            notes.push(format!(
                "{} cell{} outside rows 1 to {} and columns A to {} {} not read (the first is {}). Safer Plan reads at most {} rows and {} columns: split a bigger tracker and import it in parts.",
                count(n),
                if n == 1 { "" } else { "s" },
                count(MAX_ROWS as u64),
                cell_name(1, MAX_COLUMNS as u64 - 1).trim_end_matches('1'),
                if n == 1 { "was" } else { "were" },
                self.cut.first_outside.as_deref().unwrap_or("unknown"),
                count(MAX_ROWS as u64),
                MAX_COLUMNS,
            ));
        }
        if self.cut.text_full {
            notes.push("The sheet holds more text than Safer Plan can read at once (64 MB), so reading stopped early. Split the tracker and import it in parts.".to_string());
        }
        if self.cut.long_cells > 0 {
            notes.push(format!(
                "{} cell{} longer than Excel\u{2019}s limit of {} characters and {} cut to that length.",
                self.cut.long_cells,
                if self.cut.long_cells == 1 { " was" } else { "s were" },
                count(MAX_CELL_CHARS as u64),
                if self.cut.long_cells == 1 { "was" } else { "were" },
            ));
        }
        if self.epoch_1904 {
            notes.push(
                "This workbook counts dates from 1904, as older Excel for Mac did; its dates were read that way."
                    .to_string(),
            );
        }
        notes
    }

    /// A table from plain rows, the first being the headings (for tests and
    /// callers that already have text).
    pub fn from_rows(sheet: &str, rows: Vec<Vec<String>>) -> Result<Table, SheetError> {
        let mut grid = Grid::default();
        for (r, cells) in rows.iter().enumerate() {
            for (c, text) in cells.iter().enumerate() {
                grid.put(r as u64 + 1, c as u64, text);
            }
        }
        table_from(sheet.to_string(), vec![sheet.to_string()], grid)
    }
}

/// Reads the first sheet with anything in it.
pub fn read_table(bytes: &[u8]) -> Result<Table, SheetError> {
    read_sheet(bytes, None)
}

/// Reads sheet `wanted` (or the first sheet with data). A CSV file is one
/// sheet called "CSV".
pub fn read_sheet(bytes: &[u8], wanted: Option<&str>) -> Result<Table, SheetError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge { size_mb: bytes.len().div_ceil(1024 * 1024) });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SheetError::Empty);
    }
    match bytes {
        [b'%', b'P', b'D', b'F', ..] => Err(SheetError::Pdf),
        [0xD0, 0xCF, 0x11, 0xE0, ..] => Err(SheetError::OldExcel),
        [b'P', b'K', 3, 4, ..] => read_package(bytes, wanted),
        [b'P', b'K', ..] => Err(SheetError::NotAWorkbook),
        _ if is_markup(bytes) => Err(SheetError::Markup),
        _ => {
            let grid = text::csv_grid(bytes)?;
            table_from("CSV".into(), vec!["CSV".into()], grid)
        }
    }
}

/// A web page or XML file with a spreadsheet's name (some systems export
/// HTML tables as ".xls").
fn is_markup(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start: Vec<u8> =
        start.iter().skip_while(|b| b.is_ascii_whitespace()).take(15).map(u8::to_ascii_lowercase).collect();
    ["<!doctype", "<html", "<table", "<?xml"].iter().any(|tag| start.starts_with(tag.as_bytes()))
}

fn read_package(bytes: &[u8], wanted: Option<&str>) -> Result<Table, SheetError> {
    let (mut archive, kind) = package::open(bytes)?;
    let (sheets, found) = match kind {
        Kind::Ods => ods::read(&mut archive, wanted)?,
        Kind::Xlsx => {
            let mut book = xlsx::Workbook::open(bytes, archive)?;
            let sheets = book.sheets.clone();
            let mut found = None;
            for name in sheets.iter().filter(|n| wanted.is_none_or(|w| w == n.as_str())) {
                let grid = book.sheet(name)?;
                if wanted.is_some() || grid.has_cells() {
                    found = Some((name.clone(), grid));
                    break;
                }
            }
            (sheets, found)
        }
    };
    match (found, wanted) {
        (Some((name, grid)), _) => table_from(name, sheets, grid),
        (None, Some(name)) => Err(SheetError::NoSuchSheet(name.to_string())),
        (None, None) => Err(SheetError::NoRows),
    }
}

/// Finds the headings, spreads merged cells, marks hidden rows and sets
/// titles and trailing notes aside.
fn table_from(sheet: String, sheets: Vec<String>, grid: Grid) -> Result<Table, SheetError> {
    let (rows, facts) = grid.into_rows();
    let at = heading_index(&rows).ok_or(SheetError::NoRows)?;
    let filled = |cells: &[String]| cells.iter().filter(|c| !c.is_empty()).count();
    let mut left_out: Vec<(usize, String)> = rows[..at].iter().map(|(n, c)| (*n, joined(c))).collect();
    let mut rows = rows.into_iter().skip(at);
    let (header_row, headers) = rows.next().ok_or(SheetError::NoRows)?;
    let mut data: Vec<Row> = rows
        .map(|(number, cells)| Row { hidden: facts.hidden.binary_search(&number).is_ok(), ..Row::new(number, cells) })
        .collect();
    for merge in facts.merges.iter().filter(|m| m.first_row > header_row && m.last_row > m.first_row) {
        spread(&mut data, merge);
    }
    // Notes under the table: after a blank row, rows of one cell each.
    if let Some(last) = data.iter().rposition(|r| filled(&r.cells) >= 2) {
        let after = &data[last + 1..];
        let gap = after.first().is_some_and(|r| r.number > data[last].number + 1);
        if gap && after.iter().all(|r| filled(&r.cells) <= 1) {
            left_out.extend(after.iter().map(|r| (r.number, joined(&r.cells))));
            data.truncate(last + 1);
        }
    }
    if data.is_empty() {
        return Err(SheetError::NoRows);
    }
    Ok(Table { sheet, sheets, header_row, headers, rows: data, left_out, epoch_1904: facts.epoch_1904, cut: facts.cut })
}

/// The heading row: of the first rows, the one with the most cells that
/// read as headings ("No.", "Lead officer", "Quarter"), the earliest on a
/// tie; failing that the first row of two or more cells.
fn heading_index(rows: &[(usize, Vec<String>)]) -> Option<usize> {
    let search = &rows[..rows.len().min(HEADING_SEARCH_ROWS)];
    let score = |cells: &Vec<String>| cells.iter().filter(|c| is_heading(c)).count();
    let best = search.iter().map(|(_, c)| score(c)).max()?;
    if best >= 2 {
        return search.iter().position(|(_, c)| score(c) == best);
    }
    search.iter().position(|(_, c)| c.iter().filter(|c| !c.is_empty()).count() >= 2).or(Some(0))
}

/// Copies a merged range's value down into the rows it covers.
fn spread(rows: &mut [Row], merge: &Merge) {
    let col = merge.first_col;
    let Some(value) = rows.iter().find(|r| r.number == merge.first_row).map(|r| r.cell(col).to_string()) else {
        return;
    };
    if value.is_empty() {
        return;
    }
    for row in rows.iter_mut().filter(|r| r.number > merge.first_row && r.number <= merge.last_row) {
        if row.cell(col).is_empty() {
            if row.cells.len() <= col {
                row.cells.resize(col + 1, String::new());
            }
            row.cells[col] = value.clone();
            row.merged.push((col, *merge));
        }
    }
}

/// A merged range as Excel names it: "C2:C4".
pub fn range_name(m: &Merge) -> String {
    format!("{}:{}", cell_name(m.first_row as u64, m.first_col as u64), cell_name(m.last_row as u64, m.last_col as u64))
}

fn joined(cells: &[String]) -> String {
    cells.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
