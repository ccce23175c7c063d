//! Safer Plan's file worker. It does two kinds of job off the page. First,
//! every file that comes from outside — a
//! partner's `.saferplan` or `.automerge` file, one put together from QR
//! codes, a tracker or performance return to import — is checked here, in
//! a Web Worker with its own wasm, before the page reads it. The parsers
//! underneath (Automerge, age, calamine, zip) are other people's code and
//! can still panic or allocate without end on crafted bytes; in the
//! browser either aborts the whole wasm instance. Here that ends only the
//! worker: the page stops it, refuses the file with
//! [`protocol::UNSAFE_FILE`], keeps everything else, and starts a fresh
//! worker next time.
//!
//! The checks are the core's own: `exchange::check` for a partner's file,
//! which the page then reads with the same code from the same bytes; and
//! `spreadsheet::read_sheet`, whose `Table` the page previews, so the
//! spreadsheet readers are in this wasm only. [`handle`] answers one
//! [`Request`]; `src/main.rs` is the wasm entry `public/file-worker.js`
//! calls; the page's side is
//! `src/ui/file_worker.rs` in the app.
//!
//! Second, the rare jobs whose libraries would otherwise be in every page
//! load, though most sessions never use them: protecting a file with a
//! passphrase and timing scrypt (age), the workbook (rust_xlsxwriter), the
//! calendar (icalendar, chrono) and drawing QR codes (qrcode). The page
//! sends what they need (the saved document, the envelope it made) and
//! gets bytes or text back. Budgets: [`MEMORY_BUDGET_BYTES`] of
//! wasm memory, and [`budget::time_budget`], watched by the page.

pub mod budget;
mod clock;
#[cfg(target_arch = "wasm32")]
pub mod js;
mod kept;
mod memory;
pub mod protocol;

use automerge::AutoCommit;
use safer_plan_core::doc::Workspace;
use safer_plan_core::exchange::check::{Checked, Current, check};
use safer_plan_core::exchange::{ExchangeError, passphrase, qr};
use safer_plan_core::report::ics::calendar_ics;
use safer_plan_core::spreadsheet;

pub use memory::MEMORY_BUDGET_BYTES;
pub use protocol::{
    CalendarAnswer, CalendarRequest, DrawnCode, ExchangeAnswer, ExchangeRequest, KeepRequest, KeptCopy, MadeFile,
    Partnership, ProtectRequest, Request, Response, SpreadsheetAnswer, SpreadsheetRequest, WorkbookRequest,
    heads_from_bytes, heads_to_bytes,
};

/// Answers one request. Refusals are answers; only a panic or an abort in
/// the parsers underneath ends the worker instead.
pub fn handle(request: Request) -> Response {
    match request {
        Request::Exchange(r) => Response::Exchange(exchange(r)),
        Request::Spreadsheet(r) => Response::Spreadsheet(match spreadsheet::read_sheet(&r.file, r.sheet.as_deref()) {
            Ok(table) => SpreadsheetAnswer::Read(table),
            Err(e) => SpreadsheetAnswer::Refused(e.to_string()),
        }),
        Request::Workbook(r) => Response::Workbook(workbook(&r.document)),
        Request::Protect(r) => Response::Protect(protect(&r)),
        Request::Calibrate => Response::Calibrated(passphrase::calibrate(clock::now_ms)),
        Request::Calendar(r) => Response::Calendar(calendar(&r)),
        Request::DrawCodes(texts) => {
            Response::DrawCodes(texts.iter().map(|t| qr::draw(t).ok().map(DrawnCode::from)).collect())
        }
        Request::Keep(r) => Response::Kept(kept::keep(&r)),
    }
}

fn protect(r: &ProtectRequest) -> MadeFile {
    if let Err(message) = passphrase::check_new_passphrase(&r.passphrase) {
        return MadeFile::Refused(format!("{message}."));
    }
    match passphrase::protect(&r.file, &r.passphrase) {
        Ok(bytes) => MadeFile::Made(bytes),
        Err(e) => MadeFile::Refused(e.to_string()),
    }
}

fn calendar(r: &CalendarRequest) -> CalendarAnswer {
    match Workspace::load(&r.document) {
        Ok(ws) => CalendarAnswer::Made(calendar_ics(ws.partnership(), r.exported_at)),
        Err(_) => CalendarAnswer::Refused(
            "The partnership could not be read to make the calendar, so nothing was downloaded. Reload the page and try again.".into(),
        ),
    }
}

fn workbook(document: &[u8]) -> MadeFile {
    let Ok(ws) = Workspace::load(document) else {
        return MadeFile::Refused(
            "The partnership could not be read to make the workbook, so nothing was downloaded. Reload the page and try again.".into(),
        );
    };
    match spreadsheet::export::workbook_xlsx(ws.partnership()) {
        Ok(bytes) => MadeFile::Made(bytes),
        Err(e) => MadeFile::Refused(e.to_string()),
    }
}

/// The refusal when the open partnership sent with a file of changes does
/// not load here.
const CURRENT_UNREADABLE: &str = "The partnership open on this device could not be read to check the file against it, so nothing was changed. Reload the page and try again.";

fn exchange(r: ExchangeRequest) -> ExchangeAnswer {
    // The page's own partnership, loaded but not read: the page read it
    // whole when it opened it, so only what a file's changes touch is read
    // here (`Current::Saved`).
    let mut saved = match &r.current {
        Partnership::NotSent => None,
        Partnership::Saved(bytes) => match AutoCommit::load(bytes) {
            Ok(doc) => Some(doc),
            // It opened on the page, so this is not expected, but the file
            // cannot be checked against it.
            Err(_) => return ExchangeAnswer::Refused(CURRENT_UNREADABLE.into()),
        },
        Partnership::Kept { changes, heads } => {
            match r.current_id.as_deref().and_then(|id| kept::copy(id, changes, heads)) {
                Some(doc) => Some(doc),
                // Not kept here (a fresh worker), or not the page's: ask
                // for it whole. The page sent the file unlocked already.
                None => return ExchangeAnswer::NeedsPartnership { inside: None },
            }
        }
    };
    let current = match (saved.as_mut(), r.current_id.as_deref()) {
        (Some(saved), Some(id)) => Current::Saved { id, saved },
        // Sent without its id: not something the page does.
        (Some(_), None) => {
            return ExchangeAnswer::Refused(CURRENT_UNREADABLE.into());
        }
        (None, Some(id)) => Current::Id(id),
        (None, None) => Current::None,
    };
    let inside = |file: safer_plan_core::exchange::Unlocked| file.protected.then(|| file.bytes.into_owned());
    match check(&r.file, r.passphrase.as_deref(), current) {
        Ok(Checked::Passed { file, .. }) => ExchangeAnswer::Passed { inside: inside(file) },
        Ok(Checked::NeedsPartnership { file }) => ExchangeAnswer::NeedsPartnership { inside: inside(file) },
        // A file this device can never open is said at once, not after
        // the passphrase has been found and typed.
        Err(ExchangeError::NeedsPassphrase) => {
            let work_factor = passphrase::work_factor(&r.file);
            match work_factor.map(passphrase::beyond_reach) {
                Some(Err(e)) => ExchangeAnswer::Refused(e.to_string()),
                _ => ExchangeAnswer::NeedsPassphrase { work_factor },
            }
        }
        Err(ExchangeError::WrongPassphrase) => ExchangeAnswer::WrongPassphrase,
        Err(e) => ExchangeAnswer::Refused(e.to_string()),
    }
}

#[cfg(test)]
mod tests;
