//! The partnership's sync address as one intent: the first partner to turn
//! on sync through a server records a new id in the document, so every
//! partner who receives the plan (by server or by file) sees the same.

use automerge::ROOT;
use automerge::transaction::Transactable;

use super::SyncId;
use crate::doc::{DocError, Stamp, Workspace};

impl Workspace {
    /// The partnership's sync id, when a partner has turned sync on. An id
    /// another client wrote that is not a valid one reads as none.
    pub fn sync_id(&self) -> Option<SyncId> {
        SyncId::from_document_id(&self.partnership.sync_id).ok()
    }

    /// The sync id, recording a new one (one change) if the partnership has
    /// none yet. Turning sync on again keeps the address partners have.
    pub fn turn_on_server_sync(&mut self, stamp: &Stamp) -> Result<SyncId, DocError> {
        if let Some(id) = self.sync_id() {
            return Ok(id);
        }
        let id = SyncId::random();
        let text = id.document_id();
        self.change(stamp, "Gave the partnership a sync address", vec!["partnership".into()], |doc| {
            doc.put(ROOT, "sync_id", text.as_str())?;
            Ok(())
        })?;
        self.partnership.sync_id = text;
        Ok(id)
    }

    /// Keeps `id` as the sync id when the partnership has none: joining
    /// by an address makes it this copy's, in one change. An id already
    /// recorded is never replaced.
    pub fn adopt_sync_id(&mut self, stamp: &Stamp, id: SyncId) -> Result<SyncId, DocError> {
        if let Some(existing) = self.sync_id() {
            return Ok(existing);
        }
        let text = id.document_id();
        self.change(stamp, "Joined the partnership through a sync server", vec!["partnership".into()], |doc| {
            doc.put(ROOT, "sync_id", text.as_str())?;
            Ok(())
        })?;
        self.partnership.sync_id = text;
        Ok(id)
    }
}
