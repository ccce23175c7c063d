//! Protecting an exchange file with a passphrase the partners agreed, in
//! age's passphrase (scrypt) format, so `rage -d` can open it too.

use age::secrecy::SecretString;

use super::ExchangeError;

/// Every age file starts with this line.
pub const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// scrypt cost N = 2^15: about a third of a second on a tablet, 32 MB of
/// memory. age's own default aims at a second on the device it runs on.
const WORK_FACTOR: u8 = 15;

/// The most a file may ask for (2^18, 256 MB, what `rage` picks on a fast
/// desktop). A file asking for more could exhaust a tablet's memory.
const MAX_WORK_FACTOR: u8 = 18;

/// Shortest passphrase accepted when protecting a file.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

pub fn is_protected(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_HEADER)
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

pub fn protect(plain: &[u8], passphrase: &str) -> Result<Vec<u8>, ExchangeError> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.trim().to_string()));
    recipient.set_work_factor(WORK_FACTOR);
    age::encrypt(&recipient, plain).map_err(|_| ExchangeError::Internal("the file could not be protected".into()))
}

pub fn unprotect(file: &[u8], passphrase: &str) -> Result<Vec<u8>, ExchangeError> {
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.trim().to_string()));
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
