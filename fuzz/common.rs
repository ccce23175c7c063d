//! What the fuzz targets do with each input, shared with
//! `tests/fuzz_corpus.rs` so `cargo test` replays every seed and every
//! crash the fuzzer found through exactly this code.
//!
//! The device has the demo partnership open (`open_file_base.automerge`,
//! committed so the seeds' files of changes apply to it). An input is
//! opened as a partner's file with the agreed passphrase; if it opens, the
//! import preview is worked out and it is merged into a copy of the open
//! partnership, and the result must open again, as it would after being
//! stored. Errors are fine; a panic is a bug.

use std::cell::RefCell;

use safer_plan::doc::Workspace;
use safer_plan::exchange::{self, IncomingSummary};
use sha2::{Digest, Sha256};

/// The passphrase the fuzzed device tries on protected files.
pub const PASSPHRASE: &str = "correct horse battery staple";

/// The demo partnership, saved once. Regenerate it (and the seeds) with
/// `REGENERATE_FUZZ_BASE=1 cargo test --test fuzz_corpus -- --ignored`;
/// files of changes made for the old one (seeds, regressions) then no
/// longer apply and are refused as being for another partnership.
pub const BASE: &[u8] = include_bytes!("open_file_base.automerge");

thread_local! {
    /// The partnership open on the device. Opening a file never changes it
    /// (checked on every input), so one copy serves every input.
    static CURRENT: RefCell<Workspace> =
        RefCell::new(Workspace::load(BASE).expect("fuzz/open_file_base.automerge is a Safer Plan workspace"));
}

/// How far an input got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Refused with a message for the person opening it.
    Refused,
    /// Opened, but the merge was refused.
    NotMerged,
    /// Opened and merged, bringing this many changes.
    Merged(usize),
}

pub fn open_file(data: &[u8]) -> Outcome {
    CURRENT.with_borrow_mut(|current| {
        let before = current.heads();
        let result = exchange::open(data, Some(PASSPHRASE), Some(current));
        assert_eq!(current.heads(), before, "opening a file changed the partnership open on the device");
        let opened = match result {
            Ok(opened) => opened,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                return Outcome::Refused;
            }
        };
        let mut incoming = opened.workspace;
        let mut copy = Workspace::load(BASE).expect("the base opens");
        let _ = IncomingSummary::between(&mut copy, &mut incoming).lines();
        match copy.merge(&mut incoming) {
            Ok(new) => {
                let stored = copy.save();
                if let Err(e) = Workspace::load(&stored) {
                    panic!("a merged partnership does not open again: {e}");
                }
                Outcome::Merged(new)
            }
            Err(_) => Outcome::NotMerged,
        }
    })
}

/// Every Automerge chunk starts with these bytes.
const CHUNK_MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
/// A compressed change: its checksum is the uncompressed change's, which
/// this does not work out.
const COMPRESSED_CHANGE: u8 = 2;
const ENVELOPE_MAGIC: &[u8] = b"SAFERPLAN";
const ENVELOPE_CHECKSUM: usize = 32;

/// `data` with the `.saferplan` envelope's SHA-256 and each Automerge
/// chunk's checksum (in the envelope's parts, or of a plain `.automerge`
/// file) recomputed. Anything that does not parse is left as it is.
pub fn reseal(data: &[u8]) -> Vec<u8> {
    let mut out = data.to_vec();
    if out.starts_with(ENVELOPE_MAGIC) && out.len() >= ENVELOPE_MAGIC.len() + 2 + ENVELOPE_CHECKSUM {
        let body_len = out.len() - ENVELOPE_CHECKSUM;
        reseal_parts(&mut out[..body_len]);
        let checksum = Sha256::digest(&out[..body_len]);
        out[body_len..].copy_from_slice(&checksum);
    } else {
        reseal_chunks(&mut out);
    }
    out
}

/// Walks the envelope layout (see `core/src/exchange/envelope.rs`) to its parts.
fn reseal_parts(body: &mut [u8]) {
    let mut at = ENVELOPE_MAGIC.len() + 2;
    let skip_bytes = |at: &mut usize, body: &[u8]| -> Option<(usize, usize)> {
        let len = u32::from_le_bytes(body.get(*at..at.checked_add(4)?)?.try_into().ok()?) as usize;
        let start = at.checked_add(4)?;
        let end = start.checked_add(len)?;
        (end <= body.len()).then(|| {
            *at = end;
            (start, end)
        })
    };
    for _ in 0..5 {
        if skip_bytes(&mut at, body).is_none() {
            return;
        }
    }
    at += 8;
    let Some(heads) = body.get(at..at + 2) else { return };
    at += 2 + 32 * u16::from_le_bytes([heads[0], heads[1]]) as usize;
    let Some(count) = body.get(at..at + 4) else { return };
    let count = u32::from_le_bytes([count[0], count[1], count[2], count[3]]);
    at += 4;
    for _ in 0..count {
        let Some((start, end)) = skip_bytes(&mut at, body) else { return };
        reseal_chunks(&mut body[start..end]);
    }
}

/// Recomputes the checksum of each chunk in a run of Automerge chunks.
fn reseal_chunks(bytes: &mut [u8]) {
    let mut at = 0;
    while bytes.len() > at + 9 && bytes[at..at + 4] == CHUNK_MAGIC {
        let kind = at + 8;
        let Some((len, leb_len)) = leb128(&bytes[kind + 1..]) else { return };
        let Some(end) = (kind + 1 + leb_len).checked_add(len).filter(|&end| end <= bytes.len()) else { return };
        if bytes[kind] != COMPRESSED_CHANGE {
            // Automerge hashes the type, the data's length (written the
            // shortest way) and the data.
            let data = kind + 1 + leb_len;
            let mut hasher = Sha256::new();
            hasher.update([bytes[kind]]);
            hasher.update(leb128_bytes(len));
            hasher.update(&bytes[data..end]);
            let hash = hasher.finalize();
            bytes[at + 4..at + 8].copy_from_slice(&hash[..4]);
        }
        at = end;
    }
}

/// An unsigned LEB128 number and how many bytes it took.
fn leb128(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut value: u64 = 0;
    for (i, byte) in bytes.iter().take(10).enumerate() {
        value |= u64::from(byte & 0x7f).checked_shl(7 * i as u32)?;
        if byte & 0x80 == 0 {
            return Some((usize::try_from(value).ok()?, i + 1));
        }
    }
    None
}

fn leb128_bytes(mut value: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}
