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
        "This is an older Office file (Excel 97\u{2013}2003 .xls, or Word .doc), which Safer Plan does not read. If it is the tracker, open it in Excel, choose Save As, then \u{201c}Excel Workbook (.xlsx)\u{201d}, and try again."
    )]
    OldExcel,
    #[error(
        "This is an Excel binary workbook (.xlsb). Open it in Excel, choose Save As, then \u{201c}Excel Workbook (.xlsx)\u{201d}, and try again."
    )]
    BinaryWorkbook,
    #[error(
        "This is a web page or XML file, not a spreadsheet. Open it in Excel, choose Save As, then \u{201c}Excel Workbook (.xlsx)\u{201d}, and try again."
    )]
    Markup,
    #[error(
        "This workbook unpacks to {unpacked_mb} MB, more than the 64 MB Safer Plan can read. Copy the tracker into a new workbook without pictures or other sheets, and try again."
    )]
    TooMuchInside { unpacked_mb: u64 },
    #[error("There is no sheet called \u{201c}{0}\u{201d} in this file. Choose another sheet.")]
    NoSuchSheet(String),
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
