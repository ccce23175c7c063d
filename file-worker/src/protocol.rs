//! What the page and the file worker say to each other: one [`Request`],
//! one [`Response`], each a plain serde type posted as a JavaScript object
//! (`serde-wasm-bindgen`; byte fields travel as one `Uint8Array`). Each job
//! for the worker is a variant of each, so the page and the worker of one
//! build always agree on the whole set. Besides checking files from
//! outside, the worker does the rare jobs whose libraries would otherwise
//! be in every page load: protecting a file (age, scrypt), timing scrypt,
//! the workbook (rust_xlsxwriter, zip), the calendar (icalendar, chrono)
//! and drawing QR codes (qrcode).

use automerge::ChangeHash;
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
    /// Load and keep the open partnership, for the files of changes to it
    /// that follow ([`Partnership::Kept`]): sent when the Share page opens,
    /// so loading it is not part of checking a file.
    Keep(KeepRequest),
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
    /// Its document, sent only when the worker asked for it
    /// ([`ExchangeAnswer::NeedsPartnership`]): a file of changes is checked
    /// by applying it to a copy.
    pub current: Partnership,
}

/// The open partnership's document, as an [`ExchangeRequest`] carries it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Partnership {
    /// Not sent: the worker says whether it needs it.
    #[default]
    NotSent,
    /// As the page saved it (Automerge's compressed document format).
    Saved(#[serde(with = "serde_bytes")] Vec<u8>),
    /// The one the worker keeps ([`Request::Keep`]), brought up to the
    /// page's `heads` by `changes`: the page's changes since the heads the
    /// worker last had, each in Automerge's change format. A worker that
    /// keeps no such partnership, or whose copy does not then reach
    /// `heads`, answers [`ExchangeAnswer::NeedsPartnership`], and the page
    /// sends it [`Partnership::Saved`].
    Kept { changes: Vec<serde_bytes::ByteBuf>, heads: Vec<serde_bytes::ByteBuf> },
}

impl Partnership {
    /// [`Partnership::Kept`] from the page's changes (Automerge's change
    /// format, as `Workspace::changes_since` gives them) and heads.
    pub fn kept(changes: Vec<Vec<u8>>, heads: &[ChangeHash]) -> Partnership {
        Partnership::Kept {
            changes: changes.into_iter().map(serde_bytes::ByteBuf::from).collect(),
            heads: heads_to_bytes(heads),
        }
    }
}

/// The partnership to keep: its id, its saved document and the heads (32
/// bytes each) that document has, which the worker checks it reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepRequest {
    pub id: String,
    #[serde(with = "serde_bytes")]
    pub document: Vec<u8>,
    pub heads: Vec<serde_bytes::ByteBuf>,
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

/// Heads as requests carry them: each hash's 32 bytes.
pub fn heads_to_bytes(heads: &[ChangeHash]) -> Vec<serde_bytes::ByteBuf> {
    heads.iter().map(|h| serde_bytes::ByteBuf::from(h.0.to_vec())).collect()
}

/// Heads from requests' bytes; `None` if one is not 32 bytes.
pub fn heads_from_bytes(heads: &[serde_bytes::ByteBuf]) -> Option<Vec<ChangeHash>> {
    heads.iter().map(|h| ChangeHash::try_from(h.as_slice()).ok()).collect()
}

/// What a worker keeps ([`Request::Keep`]), as the page tracks it: the
/// partnership's id and the heads the worker's copy has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptCopy {
    pub id: String,
    pub heads: Vec<ChangeHash>,
}

impl Request {
    /// What the worker keeps once it has given `response` to this request,
    /// having kept `before`: a keep it answered `Kept(true)` replaces it; a
    /// check on the kept copy brings it to the heads the page sent, unless
    /// the worker asked for the partnership whole (then it keeps nothing).
    pub fn kept_after(&self, response: &Response, before: Option<KeptCopy>) -> Option<KeptCopy> {
        match (self, response) {
            (Request::Keep(r), Response::Kept(true)) => {
                heads_from_bytes(&r.heads).map(|heads| KeptCopy { id: r.id.clone(), heads })
            }
            (Request::Keep(_), _) => None,
            (Request::Exchange(r), response) => match &r.current {
                Partnership::Kept { heads, .. } => match response {
                    Response::Exchange(ExchangeAnswer::NeedsPartnership { .. }) => None,
                    _ => before.zip(heads_from_bytes(heads)).map(|(kept, heads)| KeptCopy { heads, ..kept }),
                },
                _ => before,
            },
            _ => before,
        }
    }
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
    /// Whether the partnership of a [`Request::Keep`] is kept: `false` if
    /// its document did not load or did not reach the heads sent.
    Kept(bool),
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
