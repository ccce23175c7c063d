//! Taking a sync message into the real document, checking the result, and
//! rolling back by heads when it is refused.
//!
//! The message goes straight into this copy's document through Automerge's
//! `receive_sync_message`: changes whose dependencies have not arrived yet
//! wait in Automerge's queue, and the peer's sync state records what was
//! received. (Applying to a throwaway copy and dropping it when the heads
//! did not move, as this app once did, threw those waiting changes away;
//! the sender had marked them sent, so two tabs could stall for good.)
//!
//! Only when the heads moved is the result checked, and a refused result is
//! undone by rebuilding the document at the heads it had before, putting
//! back every change that is still waiting: those already queued, and those
//! the message released from the queue (they now wait again, for the
//! refused changes).

use std::collections::HashSet;

use automerge::sync::{self, SyncDoc};
use automerge::{AutoCommit, Automerge, Change, ChangeHash, PatchLog, SaveOptions};

use crate::doc::refresh::{Touched, refresh};
use crate::doc::{DocError, Workspace};

/// What a message did to the document.
#[derive(Debug)]
pub(super) enum Received {
    /// Nothing visible changed (it may have queued changes, or only
    /// carried the peer's heads).
    Unchanged,
    /// The plan changed and was checked.
    Changed,
    /// The result was refused and rolled back.
    Refused(DocError),
}

impl Workspace {
    /// Takes `message` from a peer whose sync state is `peer`. An error
    /// means Automerge could not apply it; the document is then as before.
    pub(super) fn receive(&mut self, peer: &mut sync::State, message: sync::Message) -> Result<Received, DocError> {
        let before = self.doc.get_heads();
        // Kept for a roll-back, which must tell the message's own changes
        // from queued ones it released.
        let chunks: Vec<Vec<u8>> = message.changes.iter().map(<[u8]>::to_vec).collect();
        // What the message's changes did, recorded as they go in, so only
        // the items they touched are read again.
        let mut log = PatchLog::active();
        let applied = self.doc.sync().receive_sync_message_log_patches(peer, message, &mut log);
        if self.doc.get_heads() == before {
            return applied.map(|()| Received::Unchanged).map_err(DocError::from);
        }
        let checked = applied.map_err(DocError::from).and_then(|()| {
            Workspace::check_layout(&self.doc)?;
            let touched = Touched::from_patches(&self.doc.make_patches(&mut log));
            Ok(refresh(&self.partnership, &self.doc, &touched)?)
        });
        match checked {
            Ok(partnership) => {
                self.partnership = partnership;
                Ok(Received::Changed)
            }
            Err(e) => {
                self.roll_back(&before, &chunks)?;
                match e {
                    DocError::Internal(_) => Err(e),
                    refused => Ok(Received::Refused(refused)),
                }
            }
        }
    }

    /// Puts the document back at `before`, keeping every change that is
    /// waiting for its dependencies.
    fn roll_back(&mut self, before: &[ChangeHash], chunks: &[Vec<u8>]) -> Result<(), DocError> {
        let from_message = hashes_in(chunks);
        let waiting = held_back(&mut self.doc);
        let released: Vec<Change> =
            self.doc.get_changes(before).into_iter().filter(|c| !from_message.contains(&c.hash())).collect();
        let mut doc = self.doc.fork_at(before)?;
        doc.set_actor(self.doc.get_actor().clone());
        if !waiting.is_empty() {
            doc.load_incremental(&waiting)?;
        }
        doc.apply_changes(released)?;
        self.doc = doc;
        Ok(())
    }
}

/// The raw bytes of the changes `doc` holds back for missing dependencies.
/// Automerge appends exactly these after the document when asked to keep
/// orphans, so they are the difference between the two saves.
fn held_back(doc: &mut AutoCommit) -> Vec<u8> {
    let with = doc.save_with_options(SaveOptions { deflate: false, retain_orphans: true });
    let without = doc.save_with_options(SaveOptions { deflate: false, retain_orphans: false });
    with.strip_prefix(without.as_slice()).map(<[u8]>::to_vec).unwrap_or_default()
}

/// The hashes of the changes a message carried: each chunk is one change
/// (version 1 messages) or a whole document (version 2).
fn hashes_in(chunks: &[Vec<u8>]) -> HashSet<ChangeHash> {
    let mut hashes = HashSet::new();
    for chunk in chunks {
        if let Ok(change) = Change::try_from(chunk.as_slice()) {
            hashes.insert(change.hash());
        } else if let Ok(doc) = Automerge::load(chunk) {
            hashes.extend(doc.get_changes(&[]).iter().map(Change::hash));
        }
    }
    hashes
}
