//! What a spreadsheet row becomes once read: an action or an indicator
//! value ready to store. The spreadsheet readers make these
//! (`crate::spreadsheet`), and `Workspace::import_actions` and
//! `Workspace::import_values` store them, so the document never depends on
//! how a file was read.

use super::{ActionDraft, Date, FinancialQuarter, Status};

/// A tracker's progress for one action, as its first progress update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedProgress {
    pub date: Date,
    pub status: Status,
    /// The progress text; empty when the row gave only a status.
    pub text: String,
}

/// One row that will become an action.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedAction {
    /// The spreadsheet row it came from, as the person numbers rows (1 is
    /// the first row of the sheet).
    pub row: usize,
    pub draft: ActionDraft,
    /// The theme's name as the plan spells it, or empty for no theme.
    pub theme_name: String,
    pub progress: Option<ImportedProgress>,
}

/// One indicator value that will be recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedValue {
    /// The spreadsheet row it came from.
    pub row: usize,
    pub indicator_id: String,
    pub indicator: String,
    pub quarter: FinancialQuarter,
    /// The number the cell shows: a cell formatted as 30% is 30.
    pub value: f64,
    /// The value with the indicator's unit, as the preview shows it:
    /// "30%", "1,012 crimes".
    pub shown: String,
}
