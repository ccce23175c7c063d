//! The automerge-repo sync protocol's messages (protocol "1"), as CBOR maps
//! carried one per WebSocket binary frame.
//!
//! The reference implementation, `@automerge/automerge-repo` 2.5 with
//! `-network-websocket`, writes each message as a JavaScript object through
//! cbor-x (definite-length maps with a 16-bit length and text keys, byte
//! strings untagged,
//! `undefined` for an absent optional value). The messages this client
//! sends are written in the same key order the reference implementation
//! uses, so the bytes are the same as the ones it sends (checked against
//! captured frames in `tests`). Reading accepts any key order, skips keys
//! and message types it does not know (`ephemeral`, `remote-heads-changed`,
//! `remote-subscription-change`), and treats `null` and `undefined` alike.

use minicbor::data::Type;
use minicbor::{Decoder, Encoder};
use thiserror::Error;

/// The one protocol version automerge-repo 2.x speaks.
pub const PROTOCOL_V1: &str = "1";

/// Who a peer says it is, in `join` and `peer`: `storage_id` names its
/// storage, so that a peer that is not `is_ephemeral` can be recognised
/// across connections and its sync state kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeerMetadata {
    pub storage_id: Option<String>,
    pub is_ephemeral: bool,
}

/// One message of the protocol. Peer ids are free text
/// (automerge-repo's are `peer-<random>`); `document_id` is a
/// base58check id ([`super::SyncId::document_id`]); `data` is an Automerge
/// sync message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepoMessage {
    /// The client's first message after connecting.
    Join { sender_id: String, supported_protocol_versions: Vec<String>, peer_metadata: Option<PeerMetadata> },
    /// The server's answer to `join`.
    Peer {
        sender_id: String,
        target_id: String,
        selected_protocol_version: String,
        peer_metadata: Option<PeerMetadata>,
    },
    /// The sender is closing the connection on purpose.
    Leave { sender_id: String },
    /// The sender does not have the document and asks for it.
    Request { sender_id: String, target_id: String, document_id: String, data: Vec<u8> },
    /// A sync message about a document both may have.
    Sync { sender_id: String, target_id: String, document_id: String, data: Vec<u8> },
    /// The sender does not have the document, or will not share it.
    DocUnavailable { sender_id: String, target_id: String, document_id: String },
    /// The sender found a protocol error and is closing the connection.
    Error { sender_id: Option<String>, target_id: Option<String>, message: String },
    /// A message this client has no use for (presence, remote heads).
    Other { kind: String },
}

/// Why received bytes are not a protocol message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MessageError {
    #[error("the server sent something that is not a sync protocol message ({0})")]
    NotCbor(String),
    #[error("the server sent a message with no type")]
    NoType,
    #[error("the server sent a {kind} message without its {field}")]
    Missing { kind: String, field: &'static str },
}

impl From<minicbor::decode::Error> for MessageError {
    fn from(e: minicbor::decode::Error) -> Self {
        MessageError::NotCbor(e.to_string())
    }
}

impl RepoMessage {
    /// The message as one WebSocket frame.
    pub fn encode(&self) -> Vec<u8> {
        let mut e = Encoder::new(Vec::new());
        // Writing into a Vec cannot fail.
        let _ = self.write(&mut e);
        e.into_writer()
    }

    fn write(&self, e: &mut Encoder<Vec<u8>>) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
        match self {
            RepoMessage::Join { sender_id, supported_protocol_versions, peer_metadata } => {
                map(e, if peer_metadata.is_some() { 4 } else { 3 })?;
                e.str("type")?.str("join")?.str("senderId")?.str(sender_id)?;
                if let Some(metadata) = peer_metadata {
                    e.str("peerMetadata")?;
                    write_metadata(e, metadata)?;
                }
                e.str("supportedProtocolVersions")?.array(supported_protocol_versions.len() as u64)?;
                for version in supported_protocol_versions {
                    e.str(version)?;
                }
            }
            RepoMessage::Peer { sender_id, target_id, selected_protocol_version, peer_metadata } => {
                map(e, if peer_metadata.is_some() { 5 } else { 4 })?;
                e.str("type")?.str("peer")?.str("senderId")?.str(sender_id)?;
                if let Some(metadata) = peer_metadata {
                    e.str("peerMetadata")?;
                    write_metadata(e, metadata)?;
                }
                e.str("selectedProtocolVersion")?.str(selected_protocol_version)?;
                e.str("targetId")?.str(target_id)?;
            }
            RepoMessage::Leave { sender_id } => {
                map(e, 2)?.str("type")?.str("leave")?.str("senderId")?.str(sender_id)?;
            }
            // The order the reference repo's DocSynchronizer builds them in,
            // with the sender added last by its NetworkSubsystem.
            RepoMessage::Request { sender_id, target_id, document_id, data } => {
                map(e, 5)?.str("type")?.str("request")?.str("targetId")?.str(target_id)?;
                e.str("documentId")?.str(document_id)?.str("data")?.bytes(data)?;
                e.str("senderId")?.str(sender_id)?;
            }
            RepoMessage::Sync { sender_id, target_id, document_id, data } => {
                map(e, 5)?.str("type")?.str("sync")?.str("targetId")?.str(target_id)?;
                e.str("data")?.bytes(data)?.str("documentId")?.str(document_id)?;
                e.str("senderId")?.str(sender_id)?;
            }
            RepoMessage::DocUnavailable { sender_id, target_id, document_id } => {
                map(e, 4)?.str("type")?.str("doc-unavailable")?.str("documentId")?.str(document_id)?;
                e.str("targetId")?.str(target_id)?.str("senderId")?.str(sender_id)?;
            }
            RepoMessage::Error { sender_id, target_id, message } => {
                let len = 2 + u64::from(sender_id.is_some()) + u64::from(target_id.is_some());
                map(e, len)?.str("type")?.str("error")?;
                if let Some(sender_id) = sender_id {
                    e.str("senderId")?.str(sender_id)?;
                }
                e.str("message")?.str(message)?;
                if let Some(target_id) = target_id {
                    e.str("targetId")?.str(target_id)?;
                }
            }
            RepoMessage::Other { kind } => {
                map(e, 1)?.str("type")?.str(kind)?;
            }
        }
        Ok(())
    }

    /// Reads one frame. Unknown keys are skipped; an unknown type reads as
    /// [`RepoMessage::Other`].
    pub fn decode(bytes: &[u8]) -> Result<RepoMessage, MessageError> {
        let mut d = Decoder::new(bytes);
        let mut fields = Fields::default();
        let len = d.map()?.ok_or_else(|| MessageError::NotCbor("a map of unknown length".into()))?;
        for _ in 0..len {
            let key = d.str()?;
            if absent(&mut d)? {
                continue;
            }
            match key {
                "type" => fields.kind = Some(d.str()?.to_string()),
                "senderId" => fields.sender_id = Some(d.str()?.to_string()),
                "targetId" => fields.target_id = Some(d.str()?.to_string()),
                "documentId" => fields.document_id = Some(d.str()?.to_string()),
                "message" => fields.message = Some(d.str()?.to_string()),
                "selectedProtocolVersion" => fields.selected = Some(d.str()?.to_string()),
                "data" => fields.data = Some(d.bytes()?.to_vec()),
                "supportedProtocolVersions" => {
                    let n = d.array()?.ok_or_else(|| MessageError::NotCbor("a list of unknown length".into()))?;
                    let mut versions = Vec::new();
                    for _ in 0..n {
                        versions.push(d.str()?.to_string());
                    }
                    fields.supported = Some(versions);
                }
                "peerMetadata" => fields.metadata = Some(read_metadata(&mut d)?),
                _ => d.skip()?,
            }
        }
        fields.into_message()
    }

    /// The document a message is about, if any.
    pub fn document_id(&self) -> Option<&str> {
        match self {
            RepoMessage::Request { document_id, .. }
            | RepoMessage::Sync { document_id, .. }
            | RepoMessage::DocUnavailable { document_id, .. } => Some(document_id),
            _ => None,
        }
    }
}

/// A map header as cbor-x writes one for a JavaScript object: always with a
/// 16-bit length (major type 5, additional information 25), which it
/// reserves before counting the keys. Valid CBOR, if not the shortest.
fn map(
    e: &mut Encoder<Vec<u8>>,
    len: u64,
) -> Result<&mut Encoder<Vec<u8>>, minicbor::encode::Error<std::convert::Infallible>> {
    let len = u16::try_from(len).unwrap_or(u16::MAX).to_be_bytes();
    e.writer_mut().extend_from_slice(&[0xb9, len[0], len[1]]);
    Ok(e)
}

/// Skips a `null` or `undefined` value and says whether it was one.
fn absent(d: &mut Decoder<'_>) -> Result<bool, MessageError> {
    if matches!(d.datatype()?, Type::Null | Type::Undefined) {
        d.skip()?;
        return Ok(true);
    }
    Ok(false)
}

fn write_metadata(
    e: &mut Encoder<Vec<u8>>,
    metadata: &PeerMetadata,
) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
    map(e, 2)?.str("storageId")?;
    match &metadata.storage_id {
        Some(id) => e.str(id)?,
        None => e.undefined()?,
    };
    e.str("isEphemeral")?.bool(metadata.is_ephemeral)?;
    Ok(())
}

fn read_metadata(d: &mut Decoder<'_>) -> Result<PeerMetadata, MessageError> {
    let mut metadata = PeerMetadata::default();
    let len = d.map()?.ok_or_else(|| MessageError::NotCbor("a map of unknown length".into()))?;
    for _ in 0..len {
        let key = d.str()?;
        if absent(d)? {
            continue;
        }
        match key {
            "storageId" => metadata.storage_id = Some(d.str()?.to_string()),
            "isEphemeral" => metadata.is_ephemeral = d.bool()?,
            _ => d.skip()?,
        }
    }
    Ok(metadata)
}

/// The fields of one message as read, before its type says which it needs.
#[derive(Default)]
struct Fields {
    kind: Option<String>,
    sender_id: Option<String>,
    target_id: Option<String>,
    document_id: Option<String>,
    message: Option<String>,
    selected: Option<String>,
    data: Option<Vec<u8>>,
    supported: Option<Vec<String>>,
    metadata: Option<PeerMetadata>,
}

impl Fields {
    fn into_message(self) -> Result<RepoMessage, MessageError> {
        let kind = self.kind.ok_or(MessageError::NoType)?;
        let need = |value: Option<String>, field: &'static str| {
            value.ok_or_else(|| MessageError::Missing { kind: kind.clone(), field })
        };
        Ok(match kind.as_str() {
            "join" => RepoMessage::Join {
                sender_id: need(self.sender_id, "senderId")?,
                // automerge-repo takes a join without versions as version 1.
                supported_protocol_versions: self.supported.unwrap_or_else(|| vec![PROTOCOL_V1.to_string()]),
                peer_metadata: self.metadata,
            },
            "peer" => RepoMessage::Peer {
                sender_id: need(self.sender_id, "senderId")?,
                target_id: need(self.target_id, "targetId")?,
                selected_protocol_version: need(self.selected, "selectedProtocolVersion")?,
                peer_metadata: self.metadata,
            },
            "leave" => RepoMessage::Leave { sender_id: need(self.sender_id, "senderId")? },
            "request" | "sync" => {
                let sender_id = need(self.sender_id, "senderId")?;
                let target_id = need(self.target_id, "targetId")?;
                let document_id = need(self.document_id, "documentId")?;
                let data = self.data.ok_or_else(|| MessageError::Missing { kind: kind.clone(), field: "data" })?;
                if kind == "request" {
                    RepoMessage::Request { sender_id, target_id, document_id, data }
                } else {
                    RepoMessage::Sync { sender_id, target_id, document_id, data }
                }
            }
            "doc-unavailable" => RepoMessage::DocUnavailable {
                sender_id: need(self.sender_id, "senderId")?,
                target_id: need(self.target_id, "targetId")?,
                document_id: need(self.document_id, "documentId")?,
            },
            "error" => RepoMessage::Error {
                sender_id: self.sender_id,
                target_id: self.target_id,
                message: self.message.unwrap_or_default(),
            },
            _ => RepoMessage::Other { kind },
        })
    }
}
