//! Live sync through a standard automerge-repo sync server (issue 17),
//! with no I/O.
//!
//! A county council or the Police and Crime Commissioner can run the
//! reference server (`scripts/sync-server.mjs` over
//! `@automerge/automerge-repo` 2.5, see `docs/SYNC-SERVER.md`); each
//! partner's copy still lives whole on its own device and works offline.
//! This module is the client's side of the automerge-repo protocol:
//!
//! - [`SyncId`]: the partnership's sync address, `automerge:<id>`, kept in
//!   the document (`Partnership::sync_id`) so every partner sees the same;
//! - [`RepoMessage`]: the protocol's CBOR messages (`join`, `peer`,
//!   `request`, `sync`, `doc-unavailable`, `error`);
//! - [`Session`]: one connection for the partnership open on this device,
//!   carrying [`crate::doc::sync::SyncCore`]'s messages, so what arrives is
//!   checked like a file and a refused result is rolled back;
//! - [`Download`]: joining by address, which fetches a document this device
//!   does not have, for the page to check and preview like a file.
//!
//! The WebSocket, reconnecting with back-off and the status bar are the
//! browser's side, in `src/ui/server_sync.rs`.

mod address;
mod download;
mod form;
mod id;
mod message;
mod session;

pub use download::{Download, Fetched};
pub use form::{JoinDraft, ServerAddress, status_text};
pub use id::{SyncId, SyncIdError, URL_PREFIX};
pub use message::{MessageError, PROTOCOL_V1, PeerMetadata, RepoMessage};
pub use session::{Effect, Event, Resume, Session, Status, reconnect_delay_ms};

#[cfg(test)]
mod tests;
