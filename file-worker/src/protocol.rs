//! What the page and the file worker say to each other: one [`Request`],
//! one [`Response`], each a plain serde type posted as a JavaScript object
//! (`serde-wasm-bindgen`; byte fields travel as one `Uint8Array`). A new
//! job for the worker (reading a workbook for the page, writing one, the
//! calendar) is a new variant of each, so the page and the worker of one
//! build always agree on the whole set.

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

/// The worker's answer to one [`Request`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Exchange(ExchangeAnswer),
    Spreadsheet(SpreadsheetAnswer),
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

/// What the checks made of a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpreadsheetAnswer {
    /// The page can read it (with `read_sheet`, the same code).
    Passed,
    /// Refused, with the sentence `read_sheet` gives.
    Refused(String),
}
