//! How long the page lets the file worker work on one file. Memory is
//! capped in the worker's own wasm ([`crate::MEMORY_BUDGET_BYTES`]); time
//! can only be watched from the page, which stops the worker when a check
//! runs over and refuses the file with [`crate::protocol::UNSAFE_FILE`].

use std::time::Duration;

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
