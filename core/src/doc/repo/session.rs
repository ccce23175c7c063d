//! One connection to a sync server for the partnership open on this
//! device, with no I/O: the WebSocket transport (`src/ui/server_sync.rs`)
//! reports what happened as an [`Event`] and carries out each [`Effect`].
//!
//! | event | what comes out |
//! |---|---|
//! | `Connected` | `join` |
//! | `Frame` `peer` | the first `sync` message, resuming from the state kept for that server |
//! | `Frame` `sync` | `DocumentChanged` if the plan changed; replies |
//! | `Frame` `doc-unavailable` | status `Refused`: the server will not keep this partnership |
//! | `LocalChange` | a `sync` message with the change |
//! | `Disconnected` | status `Offline`; the server's state is forgotten until it joins again |
//! | `Retry` | a fresh offer if the server is not known to be in step |
//!
//! The document side is [`SyncCore`], the same core that keeps tabs in
//! step, built with [`SyncCore::sending_after_refusal`]: changes from the
//! server go through the same checks as a file (`Workspace::check`), a
//! result this version cannot keep is rolled back and reported
//! (`NotKept`), and this copy's own changes still go up.

use super::SyncId;
use super::message::{PROTOCOL_V1, PeerMetadata, RepoMessage};
use crate::doc::sync::{Input, Output, SyncCore};
use crate::doc::{DocError, Workspace};

/// What the transport saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// The WebSocket opened.
    Connected,
    /// One binary frame arrived.
    Frame(&'a [u8]),
    /// This copy changed (an intent, a merged file, another tab).
    LocalChange,
    /// The WebSocket closed or failed.
    Disconnected,
    /// The transport's timer: repeat what the server may have missed.
    Retry,
}

/// Where the connection stands, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Connecting,
    /// Connected; changes are on their way one way or the other.
    Syncing,
    /// Connected, and the server has exactly what this copy has.
    InStep,
    /// Not connected: changes are kept on this device.
    Offline,
    /// The server answered that it does not have this partnership or will
    /// not share it (`doc-unavailable`).
    Refused,
    /// The server closed the conversation with a protocol error.
    ServerError(String),
}

/// What the transport should do, in order.
#[derive(Debug)]
pub enum Effect {
    /// Send this frame.
    Send(Vec<u8>),
    /// The plan changed: show it and store it.
    DocumentChanged,
    /// Changes from the server were not kept (a newer layout, fields this
    /// version cannot read); nothing of them was applied.
    NotKept(DocError),
    /// The status changed.
    Status(Status),
    /// Keep `state` for the server whose storage is `server_storage`, and
    /// pass it back to [`Session::new`] next time, so that reconnecting
    /// sends only what is new.
    KeepState { server_storage: String, state: Vec<u8> },
}

/// The state kept between connections for one server, as
/// [`Effect::KeepState`] gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub server_storage: String,
    pub state: Vec<u8>,
}

/// The server once it has answered `join`.
#[derive(Debug)]
struct Server {
    peer_id: String,
    /// Its storage, when it keeps one and is not ephemeral.
    storage: Option<String>,
}

/// A client of one sync server for one partnership.
#[derive(Debug)]
pub struct Session {
    me: String,
    storage_id: String,
    document: SyncId,
    resume: Option<Resume>,
    server: Option<Server>,
    core: SyncCore<String>,
    status: Status,
    /// The last state handed out to keep, so an unchanged one is not
    /// written again.
    kept: Option<Vec<u8>>,
}

impl Session {
    /// `me` is this client's peer id (new each page load), `storage_id` this
    /// device's lasting id, `document` the partnership's sync id.
    pub fn new(me: String, storage_id: String, document: SyncId, resume: Option<Resume>) -> Session {
        Session {
            me,
            storage_id,
            document,
            resume,
            server: None,
            core: SyncCore::sending_after_refusal(),
            status: Status::Connecting,
            kept: None,
        }
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Takes one event for the partnership `ws` and says what to do.
    pub fn handle(&mut self, ws: &mut Workspace, event: Event<'_>) -> Vec<Effect> {
        let mut out = Vec::new();
        match event {
            Event::Connected => {
                self.server = None;
                self.set_status(Status::Connecting, &mut out);
                out.push(Effect::Send(self.join().encode()));
            }
            Event::Disconnected => {
                if let Some(server) = self.server.take() {
                    self.core.handle(ws, Input::PeerLeft(server.peer_id));
                }
                self.set_status(Status::Offline, &mut out);
            }
            Event::LocalChange => self.drive(ws, Input::LocalChange, &mut out),
            Event::Retry => self.drive(ws, Input::Retry, &mut out),
            // A frame this client cannot read is dropped; the sync
            // protocol recovers on the next exchange.
            Event::Frame(bytes) => {
                if let Ok(message) = RepoMessage::decode(bytes) {
                    self.receive(ws, message, &mut out);
                }
            }
        }
        out
    }

    fn join(&self) -> RepoMessage {
        RepoMessage::Join {
            sender_id: self.me.clone(),
            supported_protocol_versions: vec![PROTOCOL_V1.to_string()],
            peer_metadata: Some(PeerMetadata { storage_id: Some(self.storage_id.clone()), is_ephemeral: false }),
        }
    }

    fn receive(&mut self, ws: &mut Workspace, message: RepoMessage, out: &mut Vec<Effect>) {
        let ours = self.document.document_id();
        match message {
            RepoMessage::Peer { sender_id, selected_protocol_version, peer_metadata, .. } => {
                if selected_protocol_version != PROTOCOL_V1 {
                    let reason = format!("protocol version {selected_protocol_version}");
                    self.set_status(Status::ServerError(reason), out);
                    return;
                }
                let storage = peer_metadata.filter(|m| !m.is_ephemeral).and_then(|m| m.storage_id);
                let resume = self
                    .resume
                    .as_ref()
                    .filter(|r| Some(&r.server_storage) == storage.as_ref())
                    .map(|r| r.state.clone());
                self.server = Some(Server { peer_id: sender_id.clone(), storage });
                self.set_status(Status::Syncing, out);
                self.drive(ws, Input::PeerJoined { peer: sender_id, resume: resume.as_deref() }, out);
            }
            RepoMessage::Sync { sender_id, document_id, data, .. }
            | RepoMessage::Request { sender_id, document_id, data, .. } => {
                if document_id != ours {
                    // The server offers another partnership: not ours to take.
                    let reply =
                        RepoMessage::DocUnavailable { sender_id: self.me.clone(), target_id: sender_id, document_id };
                    out.push(Effect::Send(reply.encode()));
                    return;
                }
                if !self.is_server(&sender_id) {
                    return;
                }
                self.drive(ws, Input::Message { from: sender_id, bytes: &data }, out);
            }
            RepoMessage::DocUnavailable { sender_id, document_id, .. } => {
                if document_id == ours && self.is_server(&sender_id) {
                    self.set_status(Status::Refused, out);
                }
            }
            RepoMessage::Error { message, .. } => self.set_status(Status::ServerError(message), out),
            RepoMessage::Leave { .. } | RepoMessage::Join { .. } | RepoMessage::Other { .. } => {}
        }
    }

    fn is_server(&self, peer: &str) -> bool {
        self.server.as_ref().is_some_and(|s| s.peer_id == peer)
    }

    /// Hands one input to the core and turns what it says into effects.
    fn drive(&mut self, ws: &mut Workspace, input: Input<'_, String>, out: &mut Vec<Effect>) {
        let Some(server) = &self.server else { return };
        if self.status == Status::Refused {
            return;
        }
        let document_id = self.document.document_id();
        for output in self.core.handle(ws, input) {
            match output {
                Output::Send { to, bytes } => {
                    let message = RepoMessage::Sync {
                        sender_id: self.me.clone(),
                        target_id: to,
                        document_id: document_id.clone(),
                        data: bytes,
                    };
                    out.push(Effect::Send(message.encode()));
                }
                Output::DocumentChanged => out.push(Effect::DocumentChanged),
                Output::Refused { error, .. } => out.push(Effect::NotKept(error)),
                // Unreadable bytes restart the exchange inside the core.
                Output::Unreadable { .. } => {}
            }
        }
        let in_step = self.core.in_step(ws, &server.peer_id);
        if in_step && let Some(storage) = &server.storage {
            let state = self.core.saved_state(&server.peer_id).unwrap_or_default();
            if self.kept.as_ref() != Some(&state) {
                self.kept = Some(state.clone());
                self.resume = Some(Resume { server_storage: storage.clone(), state: state.clone() });
                out.push(Effect::KeepState { server_storage: storage.clone(), state });
            }
        }
        self.set_status(if in_step { Status::InStep } else { Status::Syncing }, out);
    }

    fn set_status(&mut self, status: Status, out: &mut Vec<Effect>) {
        if self.status != status {
            self.status = status.clone();
            out.push(Effect::Status(status));
        }
    }
}

/// How long to wait before reconnecting after `failures` failed attempts
/// in a row, in milliseconds: 1 s, 2 s, 4 s … up to 30 s, spread by
/// `jitter` (0 to 1, from the transport's random source) over ±25% so that
/// forty tablets do not all knock at once when a server comes back.
pub fn reconnect_delay_ms(failures: u32, jitter: f64) -> u32 {
    let base = 1_000_u32.saturating_mul(1 << failures.min(5)).min(30_000);
    let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.0 };
    let spread = 0.75 + 0.5 * jitter;
    (f64::from(base) * spread) as u32
}

#[cfg(test)]
mod backoff_tests {
    use super::reconnect_delay_ms;

    #[test]
    fn reconnecting_backs_off_from_one_second_to_thirty() {
        let middle: Vec<u32> = (0..8).map(|n| reconnect_delay_ms(n, 0.5)).collect();
        assert_eq!(middle, [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
        assert_eq!(reconnect_delay_ms(0, 0.0), 750);
        assert_eq!(reconnect_delay_ms(10, 1.0), 37_500);
        assert_eq!(reconnect_delay_ms(u32::MAX, f64::NAN), 22_500, "a bad random number is the low end");
    }
}
