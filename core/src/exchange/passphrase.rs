//! Protecting an exchange file with a passphrase the partners agreed, in
//! age's passphrase (scrypt) format (age-encryption.org/v1, the C2SP `age`
//! specification), so `age -d` and `rage -d` open Safer Plan's files and
//! Safer Plan opens theirs:
//!
//! - binary files and ASCII-armoured ones (`age -a`, `rage -a`: a
//!   `-----BEGIN AGE ENCRYPTED FILE-----` block, which may arrive with blank
//!   lines or spaces before it after a trip through email);
//! - the passphrase exactly as typed: leading and trailing spaces are part
//!   of it, as they are to `age`. (Safer Plan once trimmed them when
//!   protecting, so if the exact passphrase fails and trimming changes it,
//!   the trimmed one is tried too.)
//! - scrypt work factors up to 2^22, the most the reference `age`
//!   implementation accepts (`maxWorkFactor: 22`, "15s on a modern machine";
//!   `rage` accepts about 16 seconds' worth on the machine it runs on). A
//!   file's work factor is read before any work is done, so the page can
//!   say how long opening will take ([`work_factor`], [`seconds_to_open`]),
//!   and the memory scrypt needs (1 KiB × 2^N) is reserved first, so a
//!   device without it gets a message instead of a crash.

mod header;

use age::secrecy::SecretString;

use super::ExchangeError;
pub use header::work_factor;

/// Every binary age file starts with this line.
pub const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// The first line of an ASCII-armoured age file.
pub const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// scrypt cost N = 2^15 when Safer Plan protects a file: about a third of a
/// second on a tablet, 32 MB of memory. age's own default aims at a second
/// on the device it runs on.
const WORK_FACTOR: u8 = 15;

/// Files at or below this work factor (Safer Plan's own) open quickly
/// enough on any device not to warn about.
pub const QUICK_WORK_FACTOR: u8 = WORK_FACTOR;

/// The most a file may ask for: what the reference age implementation
/// accepts by default.
pub const MAX_WORK_FACTOR: u8 = 22;

/// Whitespace skipped before an armoured file's first line (the reference
/// implementation skips up to 1 KiB too).
const MAX_LEADING_WHITESPACE: usize = 1024;

/// Shortest passphrase accepted when protecting a file.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// The file without whitespace before an armoured block.
fn body(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take(MAX_LEADING_WHITESPACE).take_while(|b| b.is_ascii_whitespace()).count();
    let rest = &bytes[skip..];
    if rest.starts_with(ARMOR_BEGIN) { rest } else { bytes }
}

/// Whether the bytes are an age file, binary or armoured.
pub fn is_protected(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER) || body(bytes).starts_with(ARMOR_BEGIN)
}

/// Checks a passphrase someone is about to protect a file with.
pub fn check_new_passphrase(passphrase: &str) -> Result<(), &'static str> {
    let chars = passphrase.trim().chars().count();
    if chars == 0 {
        Err("Enter the passphrase you agreed with your partners")
    } else if chars < MIN_PASSPHRASE_CHARS {
        Err(
            "The passphrase must be 10 characters or more \u{2013} three or four unrelated words are easy to share and hard to guess",
        )
    } else {
        Ok(())
    }
}

/// Protects `plain` with `passphrase`, exactly as typed.
pub fn protect(plain: &[u8], passphrase: &str) -> Result<Vec<u8>, ExchangeError> {
    protect_with(plain, passphrase, WORK_FACTOR)
}

fn protect_with(plain: &[u8], passphrase: &str, work_factor: u8) -> Result<Vec<u8>, ExchangeError> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
    recipient.set_work_factor(work_factor);
    age::encrypt(&recipient, plain).map_err(|_| ExchangeError::Internal("the file could not be protected".into()))
}

/// Seconds scrypt will take at `work_factor` on a device where N = 2^10
/// took `ms_at_10` milliseconds: the work doubles with each step.
pub fn seconds_to_open(work_factor: u8, ms_at_10: f64) -> f64 {
    ms_at_10 * 2f64.powi(i32::from(work_factor) - 10) / 1000.0
}

/// Whole seconds to warn a person about (rounded up), when opening will
/// take 2 seconds or more; shorter waits are not worth a sentence.
pub fn worth_warning(seconds: f64) -> Option<u32> {
    (seconds >= 2.0).then(|| seconds.ceil().min(f64::from(u32::MAX)) as u32)
}

/// Bytes scrypt needs at `work_factor`: 128 × r × N, with age's r = 8.
pub fn memory_needed(work_factor: u8) -> u64 {
    1024u64 << work_factor.min(40)
}

/// Refuses, before the passphrase is asked for, a file whose scrypt needs
/// one block of memory larger than this device can address: in a browser's
/// 32-bit WebAssembly no block may reach 2 GiB (Rust's limit of
/// `isize::MAX` bytes), so files protected at 2^21 or 2^22 (which age
/// accepts, and `rage` may choose on a fast desktop) can only be opened
/// with age on a computer. 2^20 (1 GiB) is the most a browser can open.
pub fn beyond_reach(work_factor: u8) -> Result<(), ExchangeError> {
    let needed = memory_needed(work_factor);
    if needed > isize::MAX as u64 {
        return Err(ExchangeError::NotEnoughMemory { needed_mb: needed / (1024 * 1024) });
    }
    Ok(())
}

/// Times a protection at N = 2^10 with `now` (milliseconds), for
/// [`seconds_to_open`].
pub fn calibrate(now: impl Fn() -> f64) -> f64 {
    let start = now();
    let _ = protect_with(b"", "calibration", 10);
    (now() - start).max(0.01)
}

/// Opens a protected file with `passphrase`, exactly as typed.
pub fn unprotect(file: &[u8], passphrase: &str) -> Result<Vec<u8>, ExchangeError> {
    let file = body(file);
    if let Some(n) = work_factor(file) {
        if n > MAX_WORK_FACTOR {
            return Err(ExchangeError::TooDemanding);
        }
        beyond_reach(n)?;
        reserve(memory_needed(n))?;
    }
    match decrypt(file, passphrase) {
        Err(ExchangeError::WrongPassphrase) if passphrase.trim() != passphrase => decrypt(file, passphrase.trim()),
        result => result,
    }
}

/// Fails, rather than crashing the page, when the memory scrypt needs
/// cannot be had. The block is freed at once, for scrypt to take.
fn reserve(bytes: u64) -> Result<(), ExchangeError> {
    let needed_mb = bytes / (1024 * 1024);
    let too_much = ExchangeError::NotEnoughMemory { needed_mb };
    let size = usize::try_from(bytes).map_err(|_| too_much.clone())?;
    let mut block: Vec<u8> = Vec::new();
    block.try_reserve_exact(size).map_err(|_| too_much)
}

fn decrypt(file: &[u8], passphrase: &str) -> Result<Vec<u8>, ExchangeError> {
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    age::decrypt(&identity, file).map_err(|e| match e {
        age::DecryptError::ExcessiveWork { .. } => ExchangeError::TooDemanding,
        // The passphrase could not unwrap the file key. (Damage to the
        // body surfaces later, as a read error, and counts as damage.)
        age::DecryptError::DecryptionFailed
        | age::DecryptError::KeyDecryptionFailed
        | age::DecryptError::NoMatchingKeys => ExchangeError::WrongPassphrase,
        _ => ExchangeError::Damaged,
    })
}

#[cfg(test)]
mod tests;
