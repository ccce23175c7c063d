//! The rare jobs the page hands the file worker so their libraries are in
//! the worker's wasm, not the page's: protecting a file with a passphrase
//! and timing scrypt (age), the calendar (icalendar, chrono) and drawing QR
//! codes (qrcode). Each goes through [`ask`](super::ask), so "…" progress
//! shows only after 300 ms, and each failure is a sentence the page shows
//! with nothing lost.

use leptos::prelude::*;
use safer_plan_file_worker::budget::time_budget;
use safer_plan_file_worker::{CalendarAnswer, CalendarRequest, MadeFile, ProtectRequest, Request, Response};

use super::{Outcome, ask};
use crate::exchange::passphrase;
use crate::exchange::qr::Drawn;

/// What the page says when the worker could not do a job: its files did
/// not load (offline before they were ever downloaded), or it stopped.
fn not_started(what: &str) -> String {
    format!("{what} because Safer Plan's file helper did not start. Reload the page and try again; nothing was lost.")
}

/// `file` protected with `passphrase` (exactly as typed), made in the
/// worker; or why not, in a sentence. `busy` is set after 300 ms.
pub async fn protect(file: Vec<u8>, passphrase: String, busy: RwSignal<bool>) -> Result<Vec<u8>, String> {
    let request = Request::Protect(ProtectRequest { file, passphrase });
    match ask(&request, time_budget(None), busy).await {
        Outcome::Answer(Response::Protect(MadeFile::Made(bytes))) => Ok(bytes),
        Outcome::Answer(Response::Protect(MadeFile::Refused(reason))) => Err(reason),
        _ => Err(not_started("The file could not be protected")),
    }
}

/// How long scrypt at `work_factor` will take on this device, timed in
/// the worker (where it will run); `None` if no work factor was given or
/// the worker could not time it (the page then gives no estimate).
pub async fn seconds_to_unlock(work_factor: Option<u8>) -> Option<f64> {
    let work_factor = work_factor?;
    match ask(&Request::Calibrate, time_budget(None), RwSignal::new(false)).await {
        Outcome::Answer(Response::Calibrated(ms_at_10)) => Some(passphrase::seconds_to_open(work_factor, ms_at_10)),
        _ => None,
    }
}

/// The calendar of the partnership saved as `document`, written in the
/// worker and stamped `exported_at`; or why not, in a sentence.
pub async fn calendar(document: Vec<u8>, exported_at: i64, busy: RwSignal<bool>) -> Result<String, String> {
    let request = Request::Calendar(CalendarRequest { document, exported_at });
    match ask(&request, time_budget(None), busy).await {
        Outcome::Answer(Response::Calendar(CalendarAnswer::Made(ics))) => Ok(ics),
        Outcome::Answer(Response::Calendar(CalendarAnswer::Refused(reason))) => Err(reason),
        _ => Err(not_started("The calendar could not be made")),
    }
}

/// The drawings of QR code `texts`, in order (`None` for one that could
/// not be drawn); or why none were, in a sentence.
pub async fn draw_codes(texts: Vec<String>, busy: RwSignal<bool>) -> Result<Vec<Option<Drawn>>, String> {
    match ask(&Request::DrawCodes(texts), time_budget(None), busy).await {
        Outcome::Answer(Response::DrawCodes(drawn)) => Ok(drawn.into_iter().map(|d| d.map(Drawn::from)).collect()),
        _ => Err(not_started("The QR codes could not be drawn")),
    }
}
