//! Getting the plan in and out of Excel: the action tracker, progress
//! updates and indicator values as XLSX and CSV, and importing an existing
//! tracker or performance return with a column-mapping step and a preview.
//!
//! Nothing here touches the document: export reads a [`Partnership`], and
//! import produces a preview the person confirms before the workspace
//! applies it as one change. `read` turns any file into a bounded
//! [`Table`], `cells` reads dates and numbers as people write them,
//! `mapping` suggests which column is which, `import` and `values` make the
//! previews. [`check`] is what the app's file worker runs on a file before
//! the page reads it.
//!
//! [`Partnership`]: crate::model::Partnership

pub mod cells;
mod check;
mod error;
pub mod export;
pub mod import;
mod mapping;
pub mod read;
pub mod values;
pub mod workbook;

pub use check::check;
pub use error::{MAX_FILE_BYTES, SheetError};
pub use import::{
    ImportPreview, ImportedAction, ImportedProgress, PROBLEMS_SHOWN, RowProblem, first_problems, preview,
};
pub use mapping::{ColumnMapping, Field, is_heading};
pub use read::{Row, Table, read_sheet, read_table};
pub use values::{ImportedValue, ValuesPreview, preview_values};
