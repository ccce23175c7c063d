//! What the `read_spreadsheet` fuzz target does with each input, shared with
//! `tests/fuzz_spreadsheet.rs` so `cargo test` replays every seed and every
//! crash the fuzzer found through exactly this code.
//!
//! An input is read as a spreadsheet someone chose to import (every sheet
//! of it, up to a few), then previewed as an action tracker and as a
//! performance return against the demo partnership. Errors are fine; a
//! panic, or a table past the reading limits, is a bug.

use std::cell::RefCell;

use safer_plan::model::Partnership;
use safer_plan::spreadsheet::read::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
use safer_plan::spreadsheet::{ColumnMapping, Table, preview, preview_values, read_sheet, read_table};

/// Sheets of one workbook read besides the first.
const MORE_SHEETS: usize = 4;

thread_local! {
    /// The plan the previews are made against; previews never change it.
    static PLAN: RefCell<Partnership> = RefCell::new(safer_plan::demo::workspace().partnership().clone());
}

/// How far an input got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetOutcome {
    /// Refused with a message for the person importing it.
    Refused,
    /// Read, with this many rows under the headings.
    Read(usize),
}

/// The limits every table keeps to, whatever the file says.
fn check(table: &Table) {
    assert!(table.rows.len() <= MAX_ROWS, "{} rows", table.rows.len());
    assert!(table.headers.len() <= MAX_COLUMNS);
    let mut last = table.header_row;
    for row in &table.rows {
        assert!(row.number > last && row.number <= MAX_ROWS, "row {} after {last}", row.number);
        assert!(row.cells.len() <= MAX_COLUMNS);
        assert!(row.cells.iter().all(|c| c.chars().count() <= MAX_CELL_CHARS));
        last = row.number;
    }
}

pub fn read_spreadsheet(data: &[u8]) -> SheetOutcome {
    let table = match read_table(data) {
        Ok(table) => table,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return SheetOutcome::Refused;
        }
    };
    check(&table);
    PLAN.with_borrow(|plan| {
        let mut mapping = ColumnMapping::suggest(&table.headers);
        if let Ok(p) = preview(&table, &mapping, plan) {
            assert!(p.actions.len() + p.skipped.len() <= table.rows.len());
        }
        mapping.progress_as_at = "2020-03-31".parse().ok();
        let _ = preview(&table, &mapping, plan);
        let _ = preview_values(&table, plan);
        let _ = table.notes();
    });
    for name in table.sheets.iter().filter(|s| **s != table.sheet).take(MORE_SHEETS) {
        if let Ok(other) = read_sheet(data, Some(name)) {
            check(&other);
        }
    }
    SheetOutcome::Read(table.rows.len())
}
