//! Getting the plan in and out of Excel: the action tracker, progress
//! updates and indicator values as XLSX and CSV, and importing an existing
//! tracker with a column-mapping step and a preview.
//!
//! Nothing here touches the document: export reads a [`Partnership`], and
//! import produces a preview the person confirms before the workspace
//! applies it as one change.
//!
//! [`Partnership`]: crate::model::Partnership

mod error;
pub mod export;
pub mod import;
mod mapping;
pub mod values;

pub use error::SheetError;
pub use import::{ImportPreview, ImportedAction, RowProblem, Table, preview, read_table};
pub use mapping::{ColumnMapping, Field};
pub use values::{ImportedValue, ValuesPreview, preview_values};
