//! What the page and the file worker say to each other: one [`Request`],
//! one [`Response`], each a plain serde type posted as a JavaScript object
//! (`serde-wasm-bindgen`; byte fields travel as one `Uint8Array`). Each job
//! for the worker is a variant of each, so the page and the worker of one
//! build always agree on the whole set. Besides checking files from
//! outside, the worker does the rare jobs whose libraries would otherwise
//! be in every page load: protecting a file (age, scrypt), timing scrypt,
//! the workbook (rust_xlsxwriter, zip), the calendar (icalendar, chrono)
//! and drawing QR codes (qrcode).

use safer_plan_core::exchange::qr::Drawn;
use safer_plan_core::spreadsheet::Table;
use serde::{Deserialize, Serialize};

/// Shown when the worker stopped on a file (a panic, an abort, running out
/// of memory or time): the page refuses the file without reading it.
pub const UNSAFE_FILE: &str =
    "This file is damaged or was made by something Safer Plan cannot read safely \u{2014} nothing was changed";

/// Shown when the worker could not start (its files did not load), so the
/// file could not be checked.
pub const NOT_CHECKED: &str = "Safer Plan could not check this file because its file checker did not start. Reload the page and choose the file again; nothing was changed.";

/// A job for the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// A partner's file: `.saferplan`, `.automerge`, age-protected, or one
    /// put together from QR codes.
    Exchange(ExchangeRequest),
    /// A tracker or performance return to import.
    Spreadsheet(SpreadsheetRequest),
    /// Write the plan's workbook (`.xlsx`).
    Workbook(WorkbookRequest),
    /// Protect a file the page made with a passphrase (age's scrypt format).
    Protect(ProtectRequest),
    /// Time scrypt at N = 2^10 on this device, to say how long opening a
    /// strongly protected file will take.
    Calibrate,
    /// Write the partnership's calendar (`.ics`).
    Calendar(CalendarRequest),
    /// Draw the QR codes of a file (the texts `exchange::qr::split` made).
    DrawCodes(Vec<String>),
}

/// Check a partner's file as `exchange::open` would.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExchangeRequest {
    #[serde(with = "serde_bytes")]
    pub file: Vec<u8>,
    /// The passphrase typed, exactly as typed.
    pub passphrase: Option<String>,
    /// The id of the partnership open on the page, if one is.
    pub current_id: Option<String>,
    /// Its saved document, sent only when the worker asked for it
    /// ([`ExchangeAnswer::NeedsPartnership`]): a file of changes is checked
    /// by applying it to a copy.
    #[serde(with = "serde_bytes")]
    pub current: Option<Vec<u8>>,
}

/// Check a spreadsheet as the import pages will read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpreadsheetRequest {
    #[serde(with = "serde_bytes")]
    pub file: Vec<u8>,
    /// The sheet chosen; `None` for the first with anything in it.
    pub sheet: Option<String>,
}

/// Write the workbook of a partnership. The page sends its saved document
/// (the worker loads it as the page would), so the workbook writer, zip and
/// all, lives only in the worker's wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkbookRequest {
    #[serde(with = "serde_bytes")]
    pub document: Vec<u8>,
}

/// Protect `file` (a `.saferplan` envelope) with `passphrase`, exactly as
/// typed. The page has already checked the passphrase with
/// `passphrase::check_new_passphrase`; the worker checks it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectRequest {
    #[serde(with = "serde_bytes")]
    pub file: Vec<u8>,
    pub passphrase: String,
}

/// Write the calendar of a partnership from its saved document, stamped
/// `exported_at` (seconds since 1970, UTC; the page's clock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarRequest {
    #[serde(with = "serde_bytes")]
    pub document: Vec<u8>,
    pub exported_at: i64,
}

/// The worker's answer to one [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Exchange(ExchangeAnswer),
    Spreadsheet(SpreadsheetAnswer),
    Workbook(MadeFile),
    /// The protected file, or why not.
    Protect(MadeFile),
    /// Milliseconds scrypt took at N = 2^10 here, for
    /// `passphrase::seconds_to_open`.
    Calibrated(f64),
    /// The calendar's text, or why not.
    Calendar(CalendarAnswer),
    /// One drawing per text asked for, in order; `None` for a text too long
    /// for one code (the page says so in place of that code).
    DrawCodes(Vec<Option<DrawnCode>>),
    /// The request could not be read (a page and a worker from different
    /// builds, between an update and a reload).
    NotUnderstood,
}

/// What the checks made of a partner's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExchangeAnswer {
    /// Every check passed. `inside`: for a protected file, the bytes inside
    /// the passphrase, which the page opens instead of the file, so scrypt
    /// runs once; `None` means open the file as sent.
    Passed {
        #[serde(with = "serde_bytes")]
        inside: Option<Vec<u8>>,
    },
    /// A file of changes to the open partnership: ask again with its
    /// document (and with `inside`, if given, as the file).
    NeedsPartnership {
        #[serde(with = "serde_bytes")]
        inside: Option<Vec<u8>>,
    },
    /// Protected: ask for the passphrase. `work_factor`: scrypt's, for the
    /// page to say how long opening will take.
    NeedsPassphrase {
        work_factor: Option<u8>,
    },
    WrongPassphrase,
    /// Refused, with the sentence `exchange::open` gives.
    Refused(String),
}

/// What the worker made of a spreadsheet. The worker does the reading, so
/// the readers (calamine, zip, quick-xml, encoding_rs) are in its wasm
/// only, not in the page's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpreadsheetAnswer {
    /// The sheet, as `read_sheet` reads it, for the page to preview.
    Read(Table),
    /// Refused, with the sentence `read_sheet` gives.
    Refused(String),
}

/// A file the worker made (the plan's workbook, a protected file), or why
/// not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MadeFile {
    Made(#[serde(with = "serde_bytes")] Vec<u8>),
    /// Why not, in a sentence for the page.
    Refused(String),
}

/// The calendar, or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalendarAnswer {
    Made(String),
    /// Why not, in a sentence for the page.
    Refused(String),
}

/// One QR code's modules, as `exchange::qr::Drawn` holds them: `width` ×
/// `width`, row by row, 1 for dark. Bytes rather than booleans, so a
/// sequence of 40 codes crosses as 40 `Uint8Array`s, not 300,000 values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawnCode {
    pub width: usize,
    #[serde(with = "serde_bytes")]
    pub dark: Vec<u8>,
}

impl From<Drawn> for DrawnCode {
    fn from(d: Drawn) -> Self {
        DrawnCode { width: d.width, dark: d.dark.into_iter().map(u8::from).collect() }
    }
}

impl From<DrawnCode> for Drawn {
    fn from(d: DrawnCode) -> Self {
        Drawn { width: d.width, dark: d.dark.into_iter().map(|m| m != 0).collect() }
    }
}
