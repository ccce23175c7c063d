//! Reading a protected file's scrypt work factor from its header, without
//! age. The page needs this number (to budget and retire the file worker)
//! but must not link age, scrypt and base64 for it: protecting and opening
//! files happen in the file worker, so the page reads the header itself.
//!
//! The header is age's (C2SP age specification, "age-encryption.org/v1"):
//! the version line, then a stanza `-> scrypt <salt> <log2 N>`. In an
//! ASCII-armoured file (`age -a`) the same bytes are base64 (RFC 4648,
//! standard alphabet, padded) between `-----BEGIN AGE ENCRYPTED FILE-----`
//! and the END line, 64 characters a line; only the first lines are decoded.

use super::{AGE_HEADER, ARMOR_BEGIN, body};

/// How much of the header is read: the scrypt stanza's line is well within
/// the first 256 bytes (a 22-character salt and two digits).
const HEADER_BYTES: usize = 256;

/// The scrypt work factor (log2 N) a protected file asks for, read from its
/// header without doing the work; `None` if it is not a passphrase-protected
/// age file, binary or armoured.
pub fn work_factor(file: &[u8]) -> Option<u8> {
    let file = body(file);
    let header = match file.strip_prefix(ARMOR_BEGIN) {
        Some(armoured) => decode_base64_start(armoured, HEADER_BYTES)?,
        None => file.iter().take(HEADER_BYTES).copied().collect(),
    };
    let text = header.strip_prefix(AGE_HEADER)?;
    let line = text.split(|b| *b == b'\n').find(|l| l.starts_with(b"-> scrypt "))?;
    let args = std::str::from_utf8(line).ok()?;
    args.split(' ').nth(3)?.parse().ok()
}

/// Up to `most` bytes decoded from the base64 at the start of `text`,
/// skipping line breaks and spaces, stopping at padding or at anything that
/// is not base64 (the END line's dashes); `None` if nothing decodes.
fn decode_base64_start(text: &[u8], most: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(most + 3);
    let mut bits: u32 = 0;
    let mut count = 0u8;
    for &c in text {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'\r' | b'\n' | b' ' | b'\t' => continue,
            _ => break,
        };
        bits = (bits << 6) | u32::from(value);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
            bits = 0;
            count = 0;
            if out.len() >= most {
                break;
            }
        }
    }
    // A final group cut short by padding still holds whole bytes.
    match count {
        2 => out.push((bits >> 4) as u8),
        3 => out.extend_from_slice(&[(bits >> 10) as u8, (bits >> 2) as u8]),
        _ => {}
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_as_rfc_4648_says() {
        // RFC 4648 section 10's test vectors.
        for (plain, encoded) in [
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(decode_base64_start(encoded.as_bytes(), 256).as_deref(), Some(plain.as_bytes()), "{encoded}");
        }
        assert_eq!(decode_base64_start(b"Zm9v\r\nYmFy\n-----END", 256).as_deref(), Some(&b"foobar"[..]));
        assert_eq!(decode_base64_start(b"-----END", 256), None);
    }

    #[test]
    fn the_work_factor_of_an_armoured_header_made_by_hand() {
        let header = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nabc\n--- xyz\n";
        let armoured = format!("{}\n{}\n-----END AGE ENCRYPTED FILE-----\n", "-----BEGIN AGE ENCRYPTED FILE-----", {
            const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut s = String::new();
            for chunk in header.chunks(3) {
                let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
                for i in 0..=chunk.len() {
                    s.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
                }
                s.push_str(&"=".repeat(3 - chunk.len()));
            }
            s
        });
        assert_eq!(work_factor(armoured.as_bytes()), Some(18));
        assert_eq!(work_factor(header), Some(18));
    }
}
