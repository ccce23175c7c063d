//! How much the file worker may spend on one file. Memory is kept by the
//! worker's own allocator, to [`memory_budget`]; time can only be watched
//! from the page, which stops the worker when a check runs over
//! [`time_budget`] and refuses the file with
//! [`crate::protocol::UNSAFE_FILE`].

use std::time::Duration;

use safer_plan_core::exchange::passphrase::{MAX_WORK_FACTOR, memory_needed, work_factor};

use crate::memory::{MEMORY_BUDGET_BYTES, WASM_MEMORY_MAX_BYTES};
use crate::protocol::Request;

/// Above this much scrypt memory (age's own default, 2^18), the worker is
/// retired once it has answered, so a tablet gets the memory back: wasm
/// memory, once grown, is never given back while the worker lives.
const RETIRE_ABOVE_BYTES: u64 = 256 * 1024 * 1024;

/// Bytes of memory the worker may hold while answering `request`:
/// [`MEMORY_BUDGET_BYTES`], plus, for a protected file opened with a
/// passphrase, the memory its scrypt work factor needs (read from the
/// file's header; age's limit is 2^22), up to wasm32's 4 GiB. A file that
/// needs more than can be had is refused by `passphrase::unprotect` with
/// the "needs N MB of memory" message, before any work is done.
pub fn memory_budget(request: &Request) -> u64 {
    let scrypt = match request {
        Request::Exchange(r) if r.passphrase.is_some() => {
            work_factor(&r.file).filter(|n| *n <= MAX_WORK_FACTOR).map_or(0, memory_needed)
        }
        _ => 0,
    };
    (MEMORY_BUDGET_BYTES + scrypt).min(WASM_MEMORY_MAX_BYTES)
}

/// Whether the worker's allocator refuses an allocation of `size` bytes
/// under `budget` before trying it: no one block may be larger than the
/// whole budget.
pub fn too_large(size: u64, budget: u64) -> bool {
    size > budget
}

/// Whether an allocation that took the worker's memory from `before` to
/// `after` bytes must be handed back and refused: it grew the memory, and
/// past `budget`. One that fitted in memory already grown is kept, however
/// large the memory is (wasm memory is never given back, so a budget raised
/// for scrypt and lowered again must not refuse what is already there).
pub fn grew_past(before: u64, after: u64, budget: u64) -> bool {
    after > before && after > budget
}

/// Whether the page should end the worker once it has answered `request`,
/// rather than keep it for the next file: true when its scrypt took more
/// than age's default 256 MB.
pub fn retire_after(request: &Request) -> bool {
    memory_budget(request) > MEMORY_BUDGET_BYTES + RETIRE_ABOVE_BYTES
}

/// Time for any file: Safer Plan's own files are checked in well under a
/// second on a laptop (the large partnership's 174 KB file, or a
/// 1,000-change file, in about 0.6 s natively), and a tablet may be ten
/// times slower and busy; 30 s is far beyond that and still short enough
/// for someone to wait for an answer rather than give up on the page.
pub const BASE: Duration = Duration::from_secs(30);

/// Protected files wait at most this long for scrypt on top of [`BASE`]:
/// age's most demanding work factor, 2^22, at a few seconds a 2^18.
const MOST_FOR_SCRYPT: Duration = Duration::from_secs(600);

/// The time budget for one check. `seconds_to_unlock`: the page's own
/// estimate of scrypt for this file on this device
/// (`exchange::passphrase::seconds_to_open`), for a protected file opened
/// with a passphrase. scrypt may run twice (a passphrase typed with spaces
/// at either end is tried as typed, then trimmed), and a tablet slows down
/// as it warms, so three times the estimate is allowed.
pub fn time_budget(seconds_to_unlock: Option<f64>) -> Duration {
    let scrypt = seconds_to_unlock
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(Duration::ZERO, |s| Duration::from_secs_f64((3.0 * s).min(MOST_FOR_SCRYPT.as_secs_f64())));
    BASE + scrypt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{ExchangeRequest, SpreadsheetRequest};

    fn opening(file: &[u8], passphrase: Option<&str>) -> Request {
        Request::Exchange(ExchangeRequest {
            file: file.to_vec(),
            passphrase: passphrase.map(str::to_string),
            current_id: None,
            current: Default::default(),
        })
    }

    /// An age header asking for scrypt at `work_factor` (the stanza alone:
    /// the budget is read before any work is done).
    fn protected_at(work_factor: u8) -> Vec<u8> {
        format!("age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA {work_factor}\nAAAA\n").into_bytes()
    }

    #[test]
    fn the_allocator_refuses_only_what_would_take_memory_past_the_budget() {
        const GIB: u64 = 1024 * 1024 * 1024;
        const MIB: u64 = 1024 * 1024;
        // A crafted length asking for 4 GiB at once: refused untried.
        assert!(too_large(4 * GIB, GIB));
        assert!(!too_large(GIB, GIB));
        // Growing from 900 MiB to 1,100 MiB: past the budget, refused.
        assert!(grew_past(900 * MIB, 1_100 * MIB, GIB));
        // Growing within it, or reusing memory grown for scrypt earlier.
        assert!(!grew_past(100 * MIB, 900 * MIB, GIB));
        assert!(!grew_past(2 * GIB + 64 * MIB, 2 * GIB + 64 * MIB, GIB));
        // scrypt at 2^21 under its raised budget: 2 GiB grown, then reused.
        let budget = 3 * GIB;
        assert!(!grew_past(50 * MIB, 2 * GIB + 50 * MIB, budget));
        assert!(!too_large(2 * GIB, budget));
    }

    #[test]
    fn a_partners_strong_protection_gets_the_memory_its_scrypt_needs_once_the_passphrase_is_typed() {
        const GIB: u64 = 1024 * 1024 * 1024;
        const MIB: u64 = 1024 * 1024;
        assert_eq!(work_factor(&protected_at(21)), Some(21));
        // Everything else: 1 GiB.
        assert_eq!(memory_budget(&opening(b"not a protected file", None)), GIB);
        assert_eq!(memory_budget(&opening(&protected_at(21), None)), GIB, "no passphrase yet: only the header is read");
        let sheet = Request::Spreadsheet(SpreadsheetRequest { file: protected_at(21), sheet: None });
        assert_eq!(memory_budget(&sheet), GIB);
        // Safer Plan's own 2^15: 32 MB more; the worker is kept.
        assert_eq!(memory_budget(&opening(&protected_at(15), Some("p"))), GIB + 32 * MIB);
        assert!(!retire_after(&opening(&protected_at(15), Some("p"))));
        assert!(!retire_after(&opening(&protected_at(18), Some("p"))));
        // rage's 2^21 on a fast desktop: 2 GiB of scrypt on top, then retired.
        assert_eq!(memory_budget(&opening(&protected_at(21), Some("p"))), 3 * GIB);
        assert!(retire_after(&opening(&protected_at(21), Some("p"))));
        // age's most, 2^22 (4 GiB of scrypt): wasm32's ceiling, where
        // `unprotect` refuses it by the memory it needs.
        assert_eq!(memory_budget(&opening(&protected_at(22), Some("p"))), 4 * GIB);
        // Beyond age's limit: refused by `unprotect` before any work.
        assert_eq!(memory_budget(&opening(&protected_at(23), Some("p"))), GIB);
    }

    #[test]
    fn a_file_gets_thirty_seconds_and_a_protected_one_three_times_its_scrypt_on_top() {
        assert_eq!(time_budget(None), Duration::from_secs(30));
        assert_eq!(time_budget(Some(0.5)), Duration::from_millis(31_500));
        // 2^21 on a device taking 20 ms for 2^10: 41 s of scrypt.
        let seconds = safer_plan_core::exchange::passphrase::seconds_to_open(21, 20.0);
        assert!((seconds - 40.96).abs() < 1e-9);
        assert_eq!(time_budget(Some(seconds)), Duration::from_secs_f64(30.0 + 3.0 * 40.96));
        // Never without end, and nonsense estimates add nothing.
        assert_eq!(time_budget(Some(1e9)), Duration::from_secs(630));
        assert_eq!(time_budget(Some(f64::NAN)), Duration::from_secs(30));
        assert_eq!(time_budget(Some(-3.0)), Duration::from_secs(30));
    }
}
