//! Joining a partnership by its sync address: asking the server for a
//! document this device does not have, with no I/O.
//!
//! The client sends `request` with Automerge's first sync message from an
//! empty document, as automerge-repo does, and takes what the server sends
//! into a plain Automerge document (nothing is checked or stored yet). When
//! this copy has every head the server advertised, it is [`Fetched`]: the
//! saved bytes, which the page then checks and previews exactly like a file
//! (`exchange::open`) before anything is kept. `doc-unavailable` means the
//! server has no partnership at that address or will not share it.

use automerge::sync::{self, SyncDoc};
use automerge::{Automerge, ReadDoc};

use super::SyncId;
use super::message::{PROTOCOL_V1, PeerMetadata, RepoMessage};
use super::session::Event;

/// How a download ended, or what to send next.
#[derive(Debug, PartialEq, Eq)]
pub enum Fetched {
    /// Send this frame.
    Send(Vec<u8>),
    /// The whole document as the server has it, to check like a file.
    Done(Vec<u8>),
    /// The server has no partnership at this address, or will not share it.
    Unavailable,
    /// The server closed the conversation with a protocol error.
    ServerError(String),
    /// What arrived is not an Automerge sync message.
    Damaged(String),
}

/// Fetching one document from one server.
#[derive(Debug)]
pub struct Download {
    me: String,
    storage_id: String,
    document: SyncId,
    server: Option<String>,
    doc: Automerge,
    state: sync::State,
    finished: bool,
}

impl Download {
    pub fn new(me: String, storage_id: String, document: SyncId) -> Download {
        Download {
            me,
            storage_id,
            document,
            server: None,
            doc: Automerge::new(),
            state: sync::State::new(),
            finished: false,
        }
    }

    /// Takes one event and says what to do. Local changes and retries mean
    /// nothing before there is a document.
    pub fn handle(&mut self, event: Event<'_>) -> Vec<Fetched> {
        if self.finished {
            return Vec::new();
        }
        match event {
            Event::Connected => {
                self.server = None;
                self.state = sync::State::new();
                let join = RepoMessage::Join {
                    sender_id: self.me.clone(),
                    supported_protocol_versions: vec![PROTOCOL_V1.to_string()],
                    peer_metadata: Some(PeerMetadata {
                        storage_id: Some(self.storage_id.clone()),
                        is_ephemeral: false,
                    }),
                };
                vec![Fetched::Send(join.encode())]
            }
            Event::Frame(bytes) => match RepoMessage::decode(bytes) {
                Ok(message) => self.receive(message),
                Err(_) => Vec::new(),
            },
            Event::Disconnected | Event::LocalChange | Event::Retry => Vec::new(),
        }
    }

    fn receive(&mut self, message: RepoMessage) -> Vec<Fetched> {
        let ours = self.document.document_id();
        match message {
            RepoMessage::Peer { sender_id, selected_protocol_version, .. } => {
                if selected_protocol_version != PROTOCOL_V1 {
                    return self.finish(Fetched::ServerError(format!("protocol version {selected_protocol_version}")));
                }
                self.server = Some(sender_id.clone());
                let Some(first) = self.doc.generate_sync_message(&mut self.state) else { return Vec::new() };
                let request = RepoMessage::Request {
                    sender_id: self.me.clone(),
                    target_id: sender_id,
                    document_id: ours,
                    data: first.encode(),
                };
                vec![Fetched::Send(request.encode())]
            }
            RepoMessage::Sync { sender_id, document_id, data, .. }
            | RepoMessage::Request { sender_id, document_id, data, .. } => {
                if document_id != ours || self.server.as_deref() != Some(sender_id.as_str()) {
                    return Vec::new();
                }
                let applied = sync::Message::decode(&data)
                    .map_err(|e| e.to_string())
                    .and_then(|m| self.doc.receive_sync_message(&mut self.state, m).map_err(|e| e.to_string()));
                if let Err(reason) = applied {
                    return self.finish(Fetched::Damaged(reason));
                }
                let their_heads = self.state.their_heads.clone().unwrap_or_default();
                if !their_heads.is_empty() && their_heads.iter().all(|h| self.doc.get_change_by_hash(h).is_some()) {
                    return self.finish(Fetched::Done(self.doc.save()));
                }
                match self.doc.generate_sync_message(&mut self.state) {
                    Some(reply) => {
                        let sync = RepoMessage::Sync {
                            sender_id: self.me.clone(),
                            target_id: sender_id,
                            document_id: ours,
                            data: reply.encode(),
                        };
                        vec![Fetched::Send(sync.encode())]
                    }
                    None => Vec::new(),
                }
            }
            RepoMessage::DocUnavailable { document_id, .. } if document_id == ours => self.finish(Fetched::Unavailable),
            RepoMessage::Error { message, .. } => self.finish(Fetched::ServerError(message)),
            _ => Vec::new(),
        }
    }

    fn finish(&mut self, end: Fetched) -> Vec<Fetched> {
        self.finished = true;
        vec![end]
    }
}
