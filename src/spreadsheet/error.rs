//! What can go wrong with a spreadsheet, in words for the person holding it.

use thiserror::Error;

/// Largest file accepted, checked before any parsing.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SheetError {
    #[error("The file is empty. Choose the spreadsheet again, or save it again from Excel.")]
    Empty,
    #[error("The file is {size_mb} MB. Files must be smaller than 10 MB – split the tracker and import it in parts.")]
    TooLarge { size_mb: usize },
    #[error(
        "This looks like a PDF, not a spreadsheet. Open the tracker in Excel, save it as .xlsx or .csv and try again."
    )]
    Pdf,
    #[error("This looks like a Word document, not a spreadsheet. Save the tracker as .xlsx or .csv and try again.")]
    WordDocument,
    #[error("This is a zip file but not an Excel workbook. Save the tracker as .xlsx or .csv and try again.")]
    NotAWorkbook,
    #[error(
        "This text file is saved as UTF-16, which cannot be read. In Excel choose Save As, then \u{201c}CSV UTF-8 (Comma delimited)\u{201d}."
    )]
    Utf16,
    #[error("This file is not a spreadsheet Safer Plan can read. Save the tracker as .xlsx or .csv and try again.")]
    Unreadable,
    #[error("The workbook could not be read: {0}. Save it again from Excel and try again.")]
    DamagedWorkbook(String),
    #[error("The spreadsheet has no rows to import.")]
    NoRows,
    #[error("Could not find a column for {0}. Choose which column holds it.")]
    MissingColumn(&'static str),
    #[error("The spreadsheet could not be written: {0}")]
    Write(String),
}
