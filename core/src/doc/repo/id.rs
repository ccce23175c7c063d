//! The partnership's sync address, `automerge:<id>`, as automerge-repo
//! names a document: 16 random bytes written in base58check (Bitcoin's
//! alphabet, then the first 4 bytes of SHA-256(SHA-256(bytes)) as a
//! checksum, with no version byte). The source of the rule is
//! `@automerge/automerge-repo` 2.5's `AutomergeUrl.ts` (`bs58check` over a
//! UUID's bytes); the checksum means a mistyped address is caught here
//! rather than sent to the server as a different partnership.

use std::fmt;

use thiserror::Error;

/// What `automerge:` addresses start with.
pub const URL_PREFIX: &str = "automerge:";

/// A document id on a sync server: 16 bytes, the same for every partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SyncId([u8; 16]);

/// Why a pasted sync address was not accepted, in words for the form.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SyncIdError {
    #[error("Enter the sync address")]
    Empty,
    #[error("Enter the sync address as the partner gave it, starting automerge:")]
    NotAnAddress,
    #[error(
        "The sync address is not complete or has a mistake in it. Copy it again from the partner who gave it to you"
    )]
    Checksum,
}

impl SyncId {
    /// A new random id (a version 4 UUID's bytes, as automerge-repo makes).
    pub fn random() -> SyncId {
        let mut bytes = [0u8; 16];
        // Without an entropy source the browser cannot run the app at all.
        getrandom::fill(&mut bytes).expect("the platform provides random numbers");
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        SyncId(bytes)
    }

    pub fn from_bytes(bytes: [u8; 16]) -> SyncId {
        SyncId(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The id as the protocol's `documentId` field writes it (base58check).
    pub fn document_id(&self) -> String {
        bs58::encode(self.0).with_check().into_string()
    }

    /// The address partners pass on: `automerge:<document id>`.
    pub fn url(&self) -> String {
        format!("{URL_PREFIX}{}", self.document_id())
    }

    /// Reads a document id (`documentId`), without the `automerge:` prefix.
    pub fn from_document_id(text: &str) -> Result<SyncId, SyncIdError> {
        let decoded = bs58::decode(text).with_check(None).into_vec().map_err(|e| match e {
            bs58::decode::Error::InvalidChecksum { .. } => SyncIdError::Checksum,
            bs58::decode::Error::NoChecksum => SyncIdError::Checksum,
            _ => SyncIdError::NotAnAddress,
        })?;
        let bytes: [u8; 16] = decoded.try_into().map_err(|_| SyncIdError::NotAnAddress)?;
        Ok(SyncId(bytes))
    }

    /// Reads what a person pasted: `automerge:<id>`, with any spaces around
    /// it, a heads section (`#…`) ignored, or the bare id.
    pub fn parse(text: &str) -> Result<SyncId, SyncIdError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(SyncIdError::Empty);
        }
        let id = text.strip_prefix(URL_PREFIX).unwrap_or(text);
        let id = id.split('#').next().unwrap_or(id);
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(SyncIdError::NotAnAddress);
        }
        SyncId::from_document_id(id)
    }
}

impl fmt::Display for SyncId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document id made by `@automerge/automerge-repo` 2.5.6
    /// (`repo.create()`), and the UUID bytes it encodes, printed by
    /// `scripts/capture-repo-messages.mjs`.
    const JS_ID: &str = include_str!("fixtures/document-id.txt");
    const JS_BYTES_HEX: &str = include_str!("fixtures/document-id.hex");

    fn hex_bytes(hex: &str) -> [u8; 16] {
        let hex = hex.trim();
        let mut out = [0u8; 16];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).unwrap();
        }
        out
    }

    #[test]
    fn an_id_from_automerge_repo_reads_as_its_16_bytes_and_writes_back_the_same() {
        let id = SyncId::parse(&format!("automerge:{}", JS_ID.trim())).unwrap();
        assert_eq!(id.as_bytes(), &hex_bytes(JS_BYTES_HEX));
        assert_eq!(id.document_id(), JS_ID.trim());
    }

    #[test]
    fn a_known_id_encodes_as_bitcoin_base58check_without_a_version_byte() {
        // 16 zero bytes: base58 keeps leading zeros as '1's, then the checksum.
        let id = SyncId::from_bytes([0; 16]);
        let text = id.document_id();
        assert!(text.starts_with("1111111111111111"), "{text}");
        assert_eq!(SyncId::from_document_id(&text), Ok(id));
        let decoded = bs58::decode(&text).into_vec().unwrap();
        assert_eq!(decoded.len(), 20, "16 bytes and a 4-byte checksum");
    }

    #[test]
    fn random_ids_are_version_4_uuids_and_round_trip() {
        let id = SyncId::random();
        assert_eq!(id.as_bytes()[6] >> 4, 4);
        assert_eq!(id.as_bytes()[8] >> 6, 0b10);
        assert_ne!(id, SyncId::random());
        assert_eq!(SyncId::parse(&id.url()), Ok(id));
        assert_eq!(SyncId::parse(&format!("  {}#abc \n", id.url())), Ok(id));
        assert_eq!(SyncId::parse(&id.document_id()), Ok(id));
    }

    #[test]
    fn a_mistyped_address_is_refused_with_a_reason() {
        let url = SyncId::from_bytes(hex_bytes(JS_BYTES_HEX)).url();
        assert_eq!(SyncId::parse(""), Err(SyncIdError::Empty));
        assert_eq!(SyncId::parse("wss://sync.example.gov.uk"), Err(SyncIdError::NotAnAddress));
        assert_eq!(SyncId::parse("automerge:"), Err(SyncIdError::NotAnAddress));
        // A character changed: still base58, but the checksum fails.
        let mut changed: Vec<char> = url.chars().collect();
        let last = changed.len() - 3;
        changed[last] = if changed[last] == 'z' { 'y' } else { 'z' };
        let changed: String = changed.into_iter().collect();
        assert_eq!(SyncId::parse(&changed), Err(SyncIdError::Checksum));
        // Cut short.
        assert!(SyncId::parse(&url[..url.len() - 4]).is_err());
        // '0' and 'O' are not in the alphabet.
        assert_eq!(SyncId::parse("automerge:0OIl"), Err(SyncIdError::NotAnAddress));
    }
}
