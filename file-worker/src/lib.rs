//! Safer Plan's file worker: every file that comes from outside — a
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
//! The checks are the core's own (`exchange::check`, `spreadsheet::check`):
//! a file that passes is read on the page by the same code from the same
//! bytes. [`handle`] answers one [`Request`]; `src/main.rs` is the wasm
//! entry `public/file-worker.js` calls; the page's side is
//! `src/ui/file_worker.rs` in the app. Budgets: [`MEMORY_BUDGET_BYTES`] of
//! wasm memory, and [`budget::time_budget`], watched by the page.

pub mod budget;
#[cfg(target_arch = "wasm32")]
pub mod js;
mod memory;
pub mod protocol;

use safer_plan_core::doc::Workspace;
use safer_plan_core::exchange::check::{Checked, Current, check};
use safer_plan_core::exchange::{ExchangeError, passphrase};
use safer_plan_core::spreadsheet;

pub use memory::MEMORY_BUDGET_BYTES;
pub use protocol::{ExchangeAnswer, ExchangeRequest, Request, Response, SpreadsheetAnswer, SpreadsheetRequest};

/// Answers one request. Refusals are answers; only a panic or an abort in
/// the parsers underneath ends the worker instead.
pub fn handle(request: Request) -> Response {
    match request {
        Request::Exchange(r) => Response::Exchange(exchange(r)),
        Request::Spreadsheet(r) => Response::Spreadsheet(match spreadsheet::check(&r.file, r.sheet.as_deref()) {
            Ok(()) => SpreadsheetAnswer::Passed,
            Err(e) => SpreadsheetAnswer::Refused(e.to_string()),
        }),
    }
}

fn exchange(r: ExchangeRequest) -> ExchangeAnswer {
    let mut open = match r.current.as_deref().map(Workspace::load) {
        Some(Ok(ws)) => Some(ws),
        // The page's own partnership: it opened there, so this is not
        // expected, but the file cannot be checked against it.
        Some(Err(_)) => {
            return ExchangeAnswer::Refused(
                "The partnership open on this device could not be read to check the file against it, so nothing was changed. Reload the page and try again.".into(),
            );
        }
        None => None,
    };
    let current = match (open.as_mut(), r.current_id.as_deref()) {
        (Some(ws), _) => Current::Open(ws),
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
