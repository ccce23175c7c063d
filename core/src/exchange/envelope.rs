//! The `.saferplan` exchange file: who sent it, for which partnership, and
//! either the whole document or only the changes the recipient lacks.
//!
//! ```text
//! "SAFERPLAN" version:u8 kind:u8            kind 0 = whole, 1 = changes
//! partnership id, partnership name,        each u32 length + UTF-8
//! sender name, sender organisation, recipient organisation
//! sent at: i64 (Unix seconds)
//! sender's heads: u16 count + 32-byte hashes
//! payload: u32 count, then per part u32 length + bytes
//!          (whole: one Automerge document; changes: one Automerge change each)
//! SHA-256 of everything above
//! ```
//!
//! The checksum means a flipped byte anywhere, even in a name, is refused
//! rather than read as something else; each part is then parsed strictly
//! by Automerge.

use automerge::ChangeHash;
use sha2::{Digest, Sha256};

use crate::model::Author;

pub const MAGIC: &[u8] = b"SAFERPLAN";
const VERSION: u8 = 1;
const CHECKSUM_LEN: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// The whole partnership, with its history.
    Whole,
    /// Only changes made since what the sender believed the recipient had.
    Changes,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    pub contents: Contents,
    pub partnership_id: String,
    pub partnership_name: String,
    pub from: Author,
    /// The organisation the file was made for; empty for everyone.
    pub to: String,
    pub sent_at: i64,
    /// Everything the sender had when making the file: after merging it,
    /// the recipient knows the sender has at least this.
    pub sender_heads: Vec<ChangeHash>,
    pub parts: Vec<Vec<u8>>,
}

/// Why an envelope could not be read. Any of these means the file was
/// damaged in transit (or made by a newer version).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeError {
    Damaged,
    NewerVersion,
}

impl Envelope {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256 + self.parts.iter().map(|p| p.len() + 4).sum::<usize>());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(match self.contents {
            Contents::Whole => 0,
            Contents::Changes => 1,
        });
        for text in [&self.partnership_id, &self.partnership_name, &self.from.name, &self.from.organisation, &self.to] {
            put_bytes(&mut out, text.as_bytes());
        }
        out.extend_from_slice(&self.sent_at.to_le_bytes());
        // Heads are a handful at most; more than u16 would be a bug upstream.
        let heads = self.sender_heads.len().min(u16::MAX as usize);
        out.extend_from_slice(&(heads as u16).to_le_bytes());
        for head in self.sender_heads.iter().take(heads) {
            out.extend_from_slice(head.as_ref());
        }
        out.extend_from_slice(&(self.parts.len() as u32).to_le_bytes());
        for part in &self.parts {
            put_bytes(&mut out, part);
        }
        let checksum = Sha256::digest(&out);
        out.extend_from_slice(&checksum);
        out
    }

    pub fn is_envelope(bytes: &[u8]) -> bool {
        bytes.starts_with(MAGIC)
    }

    pub fn decode(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
        if bytes.len() < MAGIC.len() + 2 + CHECKSUM_LEN || !bytes.starts_with(MAGIC) {
            return Err(EnvelopeError::Damaged);
        }
        let (body, checksum) = bytes.split_at(bytes.len() - CHECKSUM_LEN);
        if Sha256::digest(body).as_slice() != checksum {
            // A file from a newer version may lay its body out differently,
            // but it still starts with a higher version number.
            return Err(if body[MAGIC.len()] > VERSION { EnvelopeError::NewerVersion } else { EnvelopeError::Damaged });
        }
        let mut r = Reader { rest: &body[MAGIC.len()..] };
        if r.u8()? != VERSION {
            return Err(EnvelopeError::NewerVersion);
        }
        let contents = match r.u8()? {
            0 => Contents::Whole,
            1 => Contents::Changes,
            _ => return Err(EnvelopeError::NewerVersion),
        };
        let partnership_id = r.text()?;
        let partnership_name = r.text()?;
        let from = Author { name: r.text()?, organisation: r.text()? };
        let to = r.text()?;
        let sent_at = i64::from_le_bytes(r.array::<8>()?);
        let heads = u16::from_le_bytes(r.array::<2>()?);
        let mut sender_heads = Vec::with_capacity(heads as usize);
        for _ in 0..heads {
            sender_heads.push(ChangeHash(r.array::<32>()?));
        }
        let count = u32::from_le_bytes(r.array::<4>()?) as usize;
        // Every part takes at least its 4-byte length: a count larger than
        // that allows is damage, not a reason to allocate.
        if count > r.rest.len() / 4 {
            return Err(EnvelopeError::Damaged);
        }
        let mut parts = Vec::with_capacity(count);
        for _ in 0..count {
            parts.push(r.bytes()?.to_vec());
        }
        if !r.rest.is_empty() {
            return Err(EnvelopeError::Damaged);
        }
        Ok(Envelope { contents, partnership_id, partnership_name, from, to, sent_at, sender_heads, parts })
    }
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EnvelopeError> {
        if n > self.rest.len() {
            return Err(EnvelopeError::Damaged);
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], EnvelopeError> {
        self.take(N)?.try_into().map_err(|_| EnvelopeError::Damaged)
    }

    fn u8(&mut self) -> Result<u8, EnvelopeError> {
        Ok(self.array::<1>()?[0])
    }

    fn bytes(&mut self) -> Result<&'a [u8], EnvelopeError> {
        let len = u32::from_le_bytes(self.array::<4>()?) as usize;
        self.take(len)
    }

    fn text(&mut self) -> Result<String, EnvelopeError> {
        String::from_utf8(self.bytes()?.to_vec()).map_err(|_| EnvelopeError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Envelope {
        Envelope {
            contents: Contents::Changes,
            partnership_id: "abc".into(),
            partnership_name: "Luton Community Safety Partnership".into(),
            from: Author::new("Inspector", "Bedfordshire Police"),
            to: "Luton Council".into(),
            sent_at: 1_700_000_000,
            sender_heads: vec![ChangeHash([7; 32])],
            parts: vec![b"one".to_vec(), b"two".to_vec()],
        }
    }

    #[test]
    fn an_envelope_reads_back_exactly() {
        let bytes = sample().encode();
        assert_eq!(Envelope::decode(&bytes), Ok(sample()));
    }

    #[test]
    fn every_cut_and_every_flipped_byte_is_refused() {
        let bytes = sample().encode();
        for cut in 0..bytes.len() {
            assert!(Envelope::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for i in MAGIC.len()..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x01;
            assert!(Envelope::decode(&bad).is_err(), "flipped byte {i}");
        }
    }

    #[test]
    fn a_newer_layout_is_told_apart_from_damage() {
        let mut bytes = sample().encode();
        bytes[MAGIC.len()] = VERSION + 1;
        assert_eq!(Envelope::decode(&bytes), Err(EnvelopeError::NewerVersion));
    }
}
