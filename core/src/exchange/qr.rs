//! Moving an exchange file between two tablets in the same room with no
//! shared drive and no signal: one tablet shows the file as a numbered
//! sequence of QR codes, the other scans them with its camera.
//!
//! Each code carries `SP1:<set>:<n>/<total>:<data>`, where `<set>` is the
//! start of the file's SHA-256 (so a code from another file is recognised
//! and left out) and `<data>` is base45 (RFC 9285). Every character is in
//! the QR alphanumeric alphabet, which packs 5.5 bits per character instead
//! of 8 and keeps the reader away from character-set guessing.
//!
//! Nothing here stores anything: the scanned file is handed to
//! [`super::open`] like any other, and checked there before a preview.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};
use thiserror::Error;

/// Bytes of the file in each code. 500 bytes make a version 17–18 code at
/// error correction level M (about 85 modules square), which a tablet
/// camera reads from an arm's length off a 10-inch screen.
pub const BYTES_PER_CODE: usize = 500;

/// A transfer longer than this is better sent as a file: 400 codes at two
/// a second is over three minutes of holding a tablet still.
pub const MAX_CODES: usize = 400;

const PREFIX: &str = "SP1";
const BASE45: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QrError {
    #[error("This is not a Safer Plan code. Scan the codes shown on the Share page of the other tablet.")]
    NotSaferPlan,
    #[error(
        "That code is from a different file from the codes scanned so far, so it was not used. Scan the codes on the tablet you started with, or start again."
    )]
    OtherTransfer,
    #[error("That code could not be read properly. Scan it again.")]
    Damaged,
    #[error(
        "The file is too large to send as QR codes ({codes} codes; at most {MAX_CODES}). Send it as a file by email, USB stick or shared drive instead."
    )]
    TooLarge { codes: usize },
    #[error("{}", missing_message(.missing, *.total))]
    Missing { missing: Vec<usize>, total: usize },
}

fn missing_message(missing: &[usize], total: usize) -> String {
    let numbers: Vec<String> = missing.iter().map(ToString::to_string).collect();
    match numbers.as_slice() {
        [one] => format!("Code {one} of {total} is still missing, so nothing has been opened yet. Scan it to finish."),
        [rest @ .., last] if numbers.len() <= 10 => format!(
            "Codes {} and {last} of {total} are still missing, so nothing has been opened yet. Scan them to finish.",
            rest.join(", ")
        ),
        _ => format!(
            "{} of {total} codes are still missing, so nothing has been opened yet. Keep scanning.",
            missing.len()
        ),
    }
}

/// The line under the scanning progress: which codes are still to come,
/// the first dozen by number.
pub fn still_needed(missing: &[usize]) -> String {
    const LISTED: usize = 12;
    let listed: Vec<String> = missing.iter().take(LISTED).map(ToString::to_string).collect();
    let more = missing.len().saturating_sub(LISTED);
    if more > 0 {
        format!("Still needed: codes {} and {more} more.", listed.join(", "))
    } else {
        format!("Still needed: code{} {}.", if missing.len() == 1 { "" } else { "s" }, listed.join(", "))
    }
}

/// Identifies one file's codes: the start of its SHA-256, in capitals.
fn set_id(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().take(4).map(|b| format!("{b:02X}")).collect()
}

/// The texts of the codes for a file, in order.
pub fn split(bytes: &[u8]) -> Result<Vec<String>, QrError> {
    let total = bytes.len().div_ceil(BYTES_PER_CODE).max(1);
    if total > MAX_CODES {
        return Err(QrError::TooLarge { codes: total });
    }
    let set = set_id(bytes);
    let chunks: Vec<&[u8]> = if bytes.is_empty() { vec![&[]] } else { bytes.chunks(BYTES_PER_CODE).collect() };
    Ok(chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| format!("{PREFIX}:{set}:{}/{total}:{}", i + 1, base45_encode(chunk)))
        .collect())
}

/// One scanned code, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    set: String,
    number: usize,
    total: usize,
    data: Vec<u8>,
}

fn parse(text: &str) -> Result<Part, QrError> {
    let mut fields = text.splitn(4, ':');
    if fields.next() != Some(PREFIX) {
        return Err(QrError::NotSaferPlan);
    }
    let (Some(set), Some(position), Some(data)) = (fields.next(), fields.next(), fields.next()) else {
        return Err(QrError::Damaged);
    };
    let (number, total) = position.split_once('/').ok_or(QrError::Damaged)?;
    let number: usize = number.parse().map_err(|_| QrError::Damaged)?;
    let total: usize = total.parse().map_err(|_| QrError::Damaged)?;
    let well_formed = set.len() == 8 && set.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_lowercase());
    if !well_formed || number == 0 || number > total || total > MAX_CODES {
        return Err(QrError::Damaged);
    }
    let data = base45_decode(data).ok_or(QrError::Damaged)?;
    if data.len() > BYTES_PER_CODE {
        return Err(QrError::Damaged);
    }
    Ok(Part { set: set.to_string(), number, total, data })
}

/// What scanning one more code did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scanned {
    /// A code not seen before.
    New,
    /// A code already scanned (the sequence loops round).
    Again,
}

/// The codes scanned so far of one file. Codes arrive in any order and any
/// number of times; the file is only put together once every one is in.
#[derive(Debug, Clone, Default)]
pub struct Assembly {
    set: Option<(String, usize)>,
    parts: BTreeMap<usize, Vec<u8>>,
}

impl Assembly {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes in one scanned code. A code that is not Safer Plan's, is
    /// damaged, or belongs to another file changes nothing.
    pub fn add(&mut self, text: &str) -> Result<Scanned, QrError> {
        let part = parse(text)?;
        if let Some((set, total)) = &self.set
            && (*set != part.set || *total != part.total)
        {
            return Err(QrError::OtherTransfer);
        }
        if let Some(existing) = self.parts.get(&part.number) {
            return if *existing == part.data { Ok(Scanned::Again) } else { Err(QrError::Damaged) };
        }
        self.set.get_or_insert((part.set, part.total));
        self.parts.insert(part.number, part.data);
        Ok(Scanned::New)
    }

    /// How many codes make up the file, once one has been scanned.
    pub fn total(&self) -> Option<usize> {
        self.set.as_ref().map(|(_, total)| *total)
    }

    pub fn scanned(&self) -> usize {
        self.parts.len()
    }

    /// Code numbers (from 1) not yet scanned.
    pub fn missing(&self) -> Vec<usize> {
        let total = self.total().unwrap_or(0);
        (1..=total).filter(|n| !self.parts.contains_key(n)).collect()
    }

    pub fn is_complete(&self) -> bool {
        self.total().is_some() && self.missing().is_empty()
    }

    /// The file, once every code is in and they fit together.
    pub fn finish(&self) -> Result<Vec<u8>, QrError> {
        let Some((set, total)) = &self.set else {
            return Err(QrError::Missing { missing: Vec::new(), total: 0 });
        };
        let missing = self.missing();
        if !missing.is_empty() {
            return Err(QrError::Missing { missing, total: *total });
        }
        let bytes: Vec<u8> = self.parts.values().flatten().copied().collect();
        if set_id(&bytes) != *set {
            return Err(QrError::Damaged);
        }
        Ok(bytes)
    }
}

/// A drawn code: `width` × `width` modules, dark where `true`, without the
/// quiet zone (the page draws that margin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl Drawn {
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }

    /// An SVG path of the dark modules, one unit per module, offset by a
    /// four-module quiet zone; one `h` run per row keeps it short.
    pub fn svg_path(&self) -> String {
        let mut path = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.width && self.is_dark(x, y) {
                        x += 1;
                    }
                    path.push_str(&format!("M{} {}h{}v1h-{}z", start + 4, y + 4, x - start, x - start));
                } else {
                    x += 1;
                }
            }
        }
        path
    }

    /// A grey image of the code as a camera would see it: `scale` pixels a
    /// module with the quiet zone. Used to test the reader against the writer.
    #[cfg(test)]
    pub fn to_luma(&self, scale: usize) -> (Vec<u8>, u32, u32) {
        let side = (self.width + 8) * scale;
        let mut luma = vec![255u8; side * side];
        for y in 0..self.width {
            for x in 0..self.width {
                if self.is_dark(x, y) {
                    for dy in 0..scale {
                        let row = (y + 4) * scale + dy;
                        let from = row * side + (x + 4) * scale;
                        luma[from..from + scale].fill(0);
                    }
                }
            }
        }
        (luma, side as u32, side as u32)
    }
}

/// Draws one code's text at error correction level M (15% of the code can
/// be smudged or glared and still read).
pub fn draw(text: &str) -> Result<Drawn, QrError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| QrError::TooLarge { codes: 1 })?;
    let dark = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
    Ok(Drawn { width: code.width(), dark })
}

fn base45_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    let mut push = |n: usize| out.push(char::from(BASE45[n]));
    for pair in bytes.chunks(2) {
        match pair {
            [a, b] => {
                let n = usize::from(*a) * 256 + usize::from(*b);
                push(n % 45);
                push(n / 45 % 45);
                push(n / 2025);
            }
            [a] => {
                push(usize::from(*a) % 45);
                push(usize::from(*a) / 45);
            }
            _ => {}
        }
    }
    out
}

fn base45_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<usize> =
        text.bytes().map(|c| BASE45.iter().position(|&b| b == c)).collect::<Option<Vec<usize>>>()?;
    let mut out = Vec::with_capacity(digits.len() / 3 * 2 + 1);
    for group in digits.chunks(3) {
        match group {
            [c, d, e] => {
                let n = c + d * 45 + e * 2025;
                let n = u16::try_from(n).ok()?;
                out.extend_from_slice(&n.to_be_bytes());
            }
            [c, d] => out.push(u8::try_from(c + d * 45).ok()?),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base45_matches_the_rfc_examples() {
        assert_eq!(base45_encode(b"AB"), "BB8");
        assert_eq!(base45_encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(base45_encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(base45_decode("QED8WEX0").as_deref(), Some(&b"ietf!"[..]));
        // RFC 9285 section 6: "GGW" is 65535 + 1 and must be refused.
        assert_eq!(base45_decode("GGW"), None);
        assert_eq!(base45_decode("a"), None);
        assert_eq!(base45_decode("A"), None);
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base45_decode(&base45_encode(&all)), Some(all));
    }

    fn file(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 % 251) as u8).collect()
    }

    #[test]
    fn codes_put_back_together_in_any_order_and_repeated() {
        let bytes = file(1_234);
        let codes = split(&bytes).unwrap();
        assert_eq!(codes.len(), 3);
        let mut assembly = Assembly::new();
        assert_eq!(assembly.add(&codes[2]), Ok(Scanned::New));
        assert_eq!(assembly.add(&codes[2]), Ok(Scanned::Again));
        assert_eq!(assembly.add(&codes[0]), Ok(Scanned::New));
        assert_eq!(assembly.total(), Some(3));
        assert_eq!(assembly.missing(), vec![2]);
        assert_eq!(assembly.add(&codes[1]), Ok(Scanned::New));
        assert!(assembly.is_complete());
        assert_eq!(assembly.finish(), Ok(bytes));
    }

    #[test]
    fn a_missing_code_is_named_and_nothing_is_put_together() {
        let codes = split(&file(2_600)).unwrap();
        assert_eq!(codes.len(), 6);
        let mut assembly = Assembly::new();
        for (i, code) in codes.iter().enumerate() {
            if i != 3 {
                assembly.add(code).unwrap();
            }
        }
        let err = assembly.finish().unwrap_err();
        assert_eq!(err, QrError::Missing { missing: vec![4], total: 6 });
        assert_eq!(err.to_string(), "Code 4 of 6 is still missing, so nothing has been opened yet. Scan it to finish.");
        let mut two_missing = Assembly::new();
        two_missing.add(&codes[0]).unwrap();
        two_missing.add(&codes[1]).unwrap();
        two_missing.add(&codes[3]).unwrap();
        two_missing.add(&codes[4]).unwrap();
        assert!(two_missing.finish().unwrap_err().to_string().starts_with("Codes 3 and 6 of 6 are still missing"));
        assert!(Assembly::new().finish().is_err());
    }

    #[test]
    fn what_is_still_needed_is_said_by_number() {
        assert_eq!(still_needed(&[3]), "Still needed: code 3.");
        assert_eq!(still_needed(&[2, 7]), "Still needed: codes 2, 7.");
        let many: Vec<usize> = (1..=15).collect();
        assert_eq!(still_needed(&many), "Still needed: codes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 3 more.");
    }

    #[test]
    fn a_code_from_another_file_is_left_out() {
        let ours = split(&file(1_200)).unwrap();
        let theirs = split(&file(1_100)).unwrap();
        let mut assembly = Assembly::new();
        assembly.add(&ours[0]).unwrap();
        assert_eq!(assembly.add(&theirs[1]), Err(QrError::OtherTransfer));
        assert_eq!(assembly.scanned(), 1);
        assembly.add(&ours[1]).unwrap();
        assembly.add(&ours[2]).unwrap();
        assert_eq!(assembly.finish(), Ok(file(1_200)));
    }

    #[test]
    fn strangers_and_damaged_codes_change_nothing() {
        let codes = split(&file(900)).unwrap();
        let mut assembly = Assembly::new();
        assert_eq!(assembly.add("https://example.org"), Err(QrError::NotSaferPlan));
        assert_eq!(assembly.add(""), Err(QrError::NotSaferPlan));
        for bad in [
            "SP1:",
            "SP1:ABCDEF12:0/2:00",
            "SP1:ABCDEF12:3/2:00",
            "SP1:ABCDEF12:1/2:a",
            "SP1:abcdef12:1/2:00",
            "SP1:ABCDEF12:1/999:00",
            "SP1:ABCDEF12:x/2:00",
        ] {
            assert_eq!(assembly.add(bad), Err(QrError::Damaged), "{bad}");
        }
        assert_eq!(assembly.total(), None);
        // Same number, different content: one of them is misread.
        assembly.add(&codes[0]).unwrap();
        let forged = codes[0].replacen(":1/2:", ":1/2:00", 1);
        assert_eq!(assembly.add(&forged), Err(QrError::Damaged));
        assert_eq!(assembly.scanned(), 1);
    }

    #[test]
    fn codes_of_the_right_set_that_do_not_fit_are_refused() {
        let codes = split(&file(600)).unwrap();
        // The data is the fourth field; base45 itself may hold colons.
        let header: Vec<&str> = codes[1].splitn(4, ':').take(3).collect();
        let swapped = format!("{}:{}", header.join(":"), base45_encode(b"not the second part"));
        let mut assembly = Assembly::new();
        assembly.add(&codes[0]).unwrap();
        assembly.add(&swapped).unwrap();
        assert_eq!(assembly.finish(), Err(QrError::Damaged));
    }

    #[test]
    fn too_large_a_file_is_refused_before_drawing() {
        let err = split(&vec![0u8; BYTES_PER_CODE * MAX_CODES + 1]).unwrap_err();
        assert!(matches!(err, QrError::TooLarge { codes } if codes == MAX_CODES + 1));
        assert_eq!(split(&[]).unwrap().len(), 1);
    }

    #[test]
    fn the_reader_reads_what_the_writer_draws() {
        let bytes = file(1_300);
        let mut assembly = Assembly::new();
        for code in split(&bytes).unwrap() {
            let drawn = draw(&code).unwrap();
            assert!(drawn.width <= 89, "version 18 at most, got {} modules", drawn.width);
            let (luma, w, h) = drawn.to_luma(4);
            let text = safer_plan_qr_reader::read(luma, w, h).expect("a code is read from its own drawing");
            assembly.add(&text).unwrap();
        }
        assert_eq!(assembly.finish(), Ok(bytes));
    }

    #[test]
    fn the_svg_path_covers_every_dark_module() {
        let drawn = Drawn { width: 3, dark: vec![true, true, false, false, false, false, true, false, true] };
        assert_eq!(drawn.svg_path(), "M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z");
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            // Codes arrive in any order, some several times (the sequence
            // loops while the camera catches up): the file is the same.
            #[test]
            fn any_order_with_repeats_gives_back_the_file(
                bytes in proptest::collection::vec(any::<u8>(), 0..3_000),
                order in proptest::collection::vec(any::<prop::sample::Index>(), 1..40),
            ) {
                let codes = split(&bytes).unwrap();
                let mut assembly = Assembly::new();
                for i in &order {
                    assembly.add(&codes[i.index(codes.len())]).unwrap();
                }
                for code in &codes {
                    assembly.add(code).unwrap();
                }
                prop_assert_eq!(assembly.finish(), Ok(bytes));
            }

            // Whatever a camera misreads or another app's code says, taking
            // it in never panics.
            #[test]
            fn any_text_is_taken_or_refused_calmly(texts in proptest::collection::vec(".{0,60}", 0..20)) {
                let mut assembly = Assembly::new();
                for text in &texts {
                    let _ = assembly.add(text);
                }
                let prefixed = texts.iter().map(|t| format!("SP1:{t}"));
                for text in prefixed {
                    let _ = assembly.add(&text);
                }
                let _ = assembly.finish();
            }

            #[test]
            fn base45_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
                prop_assert_eq!(base45_decode(&base45_encode(&bytes)), Some(bytes));
            }
        }
    }
}
