//! What this device keeps about a partnership beside its document: when it
//! was last backed up to a file (`crate::exchange::backup`) and what was
//! exchanged with which partner (`crate::exchange::ledger`). Both belong to
//! the device, not the shared document, so they are kept in settings;
//! losing the ledger only means the next file for a partner holds more
//! than they need.

use leptos::prelude::*;

use crate::exchange::backup::BackupRecord;
use crate::exchange::ledger::Ledger;
use crate::model::Author;
use crate::storage::settings;
use crate::ui::clock;

use super::Session;

impl Session {
    /// One more change the open workspace's last backup lacks.
    pub(super) fn count_change(&self) {
        self.update_backup(|b| b.changed(1));
    }

    /// One more change the last backup of stored workspace `id` lacks.
    pub(super) fn count_change_of(&self, id: &str) {
        let mut record = settings::backup(id).unwrap_or_else(|| BackupRecord::starting(clock::now()));
        record.changed(1);
        settings::set_backup(id, &record);
    }

    /// After a backup file is downloaded.
    pub fn mark_backed_up(&self) {
        self.update_backup(|b| b.backed_up_at(clock::now()));
    }

    /// The record is read afresh: another tab may have backed up or counted
    /// changes since.
    fn update_backup(&self, change: impl FnOnce(&mut BackupRecord)) {
        let Some(id) = self.open_id() else { return };
        let mut record = settings::backup(&id)
            .or_else(|| self.backup.get_untracked())
            .unwrap_or_else(|| BackupRecord::starting(clock::now()));
        change(&mut record);
        settings::set_backup(&id, &record);
        self.backup.set(Some(record));
    }

    /// Another tab changed the setting under `key`: if it is the open
    /// workspace's backup record, show the new one.
    pub(super) fn setting_changed_elsewhere(&self, key: &str) {
        let Some(id) = self.open_id() else { return };
        if settings::is_backup_key(key, &id) {
            self.backup.set(settings::backup(&id));
        }
    }

    /// The open partnership's ledger (empty when none is open).
    pub fn ledger(&self) -> Ledger {
        self.open_id().map(|id| settings::ledger(&id)).unwrap_or_default()
    }

    /// After a file for `organisation` was made at our `heads` (at `now`,
    /// Unix seconds): the next file for them need only hold what is newer.
    pub fn remember_sent(&self, organisation: &str, heads: &[automerge::ChangeHash], now: i64) {
        self.update_ledger(|l| l.sent(organisation, heads, now));
    }

    /// After a partner's file was merged or opened: they have at least
    /// `their_heads`. A file that names no sender is not recorded.
    pub fn remember_received(&self, from: Option<&Author>, their_heads: &[automerge::ChangeHash], now: i64) {
        let Some(from) = from else { return };
        self.update_ledger(|l| l.received(&from.organisation, their_heads, now));
    }

    fn update_ledger(&self, change: impl FnOnce(&mut Ledger)) {
        let Some(id) = self.open_id() else { return };
        let mut ledger = settings::ledger(&id);
        change(&mut ledger);
        if let Err(e) = settings::set_ledger(&id, &ledger) {
            leptos::logging::warn!("what was exchanged with partners could not be remembered: {e}");
        }
    }
}
