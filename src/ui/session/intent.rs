//! The one path from a user intent to stored data: [`Session::apply`]
//! runs one `Workspace` intent signed by the person using this device (one
//! Automerge change), [`Session::persist`] stores what storage lacks, and
//! [`Session::save_and_go`] is the usual ending. Renaming a partnership
//! that is not open takes the same step ([`OpenWorkspace::run`]) on a copy
//! opened just for it.

use leptos::prelude::*;

use crate::doc::chunks::PendingWrite;
use crate::doc::{DocError, Stamp, Workspace};
use crate::model::FieldErrors;
use crate::nav::Route;
use crate::storage::{ChunkStore, StorageError};

use super::{OpenWorkspace, SaveState, Session};

/// Why a change could not be made or kept.
#[derive(Debug, Clone)]
pub enum ChangeError {
    /// Settings has no name yet, so the change could not be signed.
    NoIdentity,
    NoWorkspace,
    /// The document refused the change; matched by variant where a page
    /// can offer a way out (such as a free action number).
    Doc(DocError),
    /// A partnership that is not open could not be read or stored, in
    /// words for the person.
    NotStored(String),
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::NoIdentity => f.write_str(
                "Add your name and organisation in \u{201c}Who is making changes?\u{201d} above, or in Settings, before making changes.",
            ),
            ChangeError::NoWorkspace => f.write_str("Open a partnership first."),
            ChangeError::Doc(e) => write!(f, "{e}"),
            ChangeError::NotStored(e) => f.write_str(e),
        }
    }
}

impl From<DocError> for ChangeError {
    fn from(e: DocError) -> Self {
        ChangeError::Doc(e)
    }
}

impl OpenWorkspace {
    /// Runs one intent signed with `stamp`, and says whether it changed the
    /// document: an intent can succeed without changing anything (an
    /// unchanged form, or one returned with field errors).
    fn run<T, E>(
        &mut self,
        stamp: &Stamp,
        intent: impl FnOnce(&mut Workspace, &Stamp) -> Result<T, E>,
    ) -> (Result<T, E>, bool) {
        let before = self.ws.heads();
        let outcome = intent(&mut self.ws, stamp);
        let changed = self.ws.heads() != before;
        (outcome, changed)
    }

    /// What storage lacks of this workspace, if anything.
    fn pending(&mut self) -> Option<PendingWrite> {
        self.durability.pending(&mut self.ws)
    }
}

impl Session {
    /// Runs one intent on the open workspace, signed by the person using
    /// this device, and refreshes what components read. Call
    /// [`Session::persist`] next to store it.
    pub fn apply<T, E>(&self, intent: impl FnOnce(&mut Workspace, &Stamp) -> Result<T, E>) -> Result<T, ChangeError>
    where
        E: Into<ChangeError>,
    {
        let stamp = self.device.stamp().ok_or(ChangeError::NoIdentity)?;
        let result = self.open.try_update_value(|o| o.as_mut().map(|o| o.run(&stamp, intent))).flatten();
        match result {
            None => Err(ChangeError::NoWorkspace),
            Some((Err(e), _)) => Err(e.into()),
            Some((Ok(value), changed)) => {
                if changed {
                    self.plan.changed();
                    self.count_change();
                    self.tell_transports();
                }
                Ok(value)
            }
        }
    }

    /// Runs one intent on stored workspace `id`, which is not the open one,
    /// through the same step as [`Session::apply`], and stores it at once.
    async fn apply_stored<T, E>(
        &self,
        id: &str,
        intent: impl FnOnce(&mut Workspace, &Stamp) -> Result<T, E>,
    ) -> Result<T, ChangeError>
    where
        E: Into<ChangeError>,
    {
        let stamp = self.device.stamp().ok_or(ChangeError::NoIdentity)?;
        let mut open = self.load_stored(id).await.map_err(|e| ChangeError::NotStored(e.to_string()))?;
        let (outcome, changed) = open.run(&stamp, intent);
        let value = outcome.map_err(Into::into)?;
        if changed {
            let store = self.device.store().ok_or(ChangeError::NotStored("Storage is not available".into()))?;
            if let Some(write) = open.pending() {
                store.put(&write.key, &write.bytes).await.map_err(|e| ChangeError::NotStored(e.to_string()))?;
                open.durability.written(&write);
            }
            self.count_change_of(id);
        }
        Ok(value)
    }

    /// Writes every change not yet stored, then compacts if due. Resolves
    /// once the browser reports the data stored; on failure the changes stay
    /// in memory, the failure banner shows, and the next save retries them.
    pub async fn persist(&self) -> Result<(), StorageError> {
        let Some(store) = self.device.store() else {
            let e = StorageError::Unavailable("storage is not available".into());
            self.save_state.set(SaveState::Failed(e.to_string()));
            return Err(e);
        };
        let pending = self.open.try_update_value(|o| o.as_mut().and_then(OpenWorkspace::pending));
        let Some(Some(write)) = pending else {
            return Ok(());
        };
        self.save_state.set(SaveState::Saving);
        if let Err(e) = store.put(&write.key, &write.bytes).await {
            self.save_state.set(SaveState::Failed(e.to_string()));
            return Err(e);
        }
        self.open.update_value(|o| {
            if let Some(o) = o.as_mut() {
                o.durability.written(&write);
            }
        });
        self.save_state.set(SaveState::Saved);
        self.compact_if_due(&store).await;
        Ok(())
    }

    /// Compaction is housekeeping: if it fails, the chunks it would have
    /// replaced are still there, so nothing is reported to the person.
    async fn compact_if_due(&self, store: &ChunkStore) {
        let plan = self.open.try_update_value(|o| {
            let o = o.as_mut()?;
            let due = o.durability.should_compact() && o.durability.is_saved(&mut o.ws);
            due.then(|| o.durability.compaction(&mut o.ws))
        });
        let Some(Some(compaction)) = plan else { return };
        let snapshot = &compaction.snapshot;
        if store.put(&snapshot.key, &snapshot.bytes).await.is_err() {
            return;
        }
        if store.delete(&compaction.remove).await.is_ok() {
            self.open.update_value(|o| {
                if let Some(o) = o.as_mut() {
                    o.durability.compacted(&compaction);
                }
            });
        }
    }

    /// Ends an intent [`Session::apply`] made: stores the change on this
    /// device, then goes to `route` confirming `done`, or saying
    /// `not_saved` when it could not be stored (the storage banner says why
    /// and the change is kept in memory until it can be).
    pub fn save_and_go(self, route: Route, done: impl Into<String>, not_saved: impl Into<String>) {
        let (done, not_saved) = (done.into(), not_saved.into());
        leptos::task::spawn_local(async move {
            let saved = self.persist().await.is_ok();
            self.nav.go_with_flash(route, if saved { done } else { not_saved });
        });
    }

    /// Merges a partner's file into the open workspace (already checked and
    /// previewed); returns how many changes came in. Call `persist` next.
    pub fn merge_incoming(&self, incoming: &mut Workspace) -> Result<usize, String> {
        let result = self.open.try_update_value(|o| o.as_mut().map(|o| o.ws.merge(incoming))).flatten();
        match result {
            None => Err("No partnership is open.".to_string()),
            Some(Err(e)) => Err(e.to_string()),
            Some(Ok(n)) => {
                self.plan.changed();
                self.tell_transports();
                Ok(n)
            }
        }
    }

    /// The open workspace's name and bytes, for a backup or when saving failed.
    pub fn export_bytes(&self) -> Option<(String, Vec<u8>)> {
        self.open.try_update_value(|o| o.as_mut().map(|o| (o.ws.partnership().name.clone(), o.ws.save()))).flatten()
    }

    /// Reads the open workspace's history (which needs the document itself).
    pub fn with_workspace<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> Option<R> {
        self.open.try_update_value(|o| o.as_mut().map(|o| f(&mut o.ws))).flatten()
    }

    /// Renames any stored workspace (one signed change), opening a copy of
    /// it just for this if it is not the open one.
    pub async fn rename_workspace(&self, id: &str, name: &str) -> Result<(), FieldErrors> {
        let rename = |ws: &mut Workspace, stamp: &Stamp| Ok::<_, ChangeError>(ws.rename(stamp, name));
        if self.is_open(id) {
            self.apply(rename).map_err(name_error)??;
            self.persist().await.map_err(|e| name_error(e.to_string()))?;
        } else {
            self.apply_stored(id, rename).await.map_err(name_error)??;
        }
        self.device.rename_listed(id, name.trim());
        Ok(())
    }
}

/// A problem renaming, shown against the name field.
fn name_error(e: impl ToString) -> FieldErrors {
    let mut found = FieldErrors::default();
    found.add("name", e.to_string());
    found
}
