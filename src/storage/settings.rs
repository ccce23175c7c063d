//! Small per-device settings in localStorage: who you are, which workspaces
//! exist on this device, and which one was open last.
//!
//! The catalog lists workspaces so the home page can show them without
//! opening every document; each workspace's data itself is in IndexedDB.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::exchange::backup::BackupRecord;
use crate::exchange::ledger::Ledger;
use crate::model::Author;

const IDENTITY: &str = "safer-plan.identity";
const CATALOG: &str = "safer-plan.workspaces";
const LAST_OPENED: &str = "safer-plan.last-workspace";

/// One workspace kept on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub id: String,
    pub name: String,
    /// Unix seconds.
    pub created_at: i64,
    pub is_demo: bool,
}

pub fn identity() -> Option<Author> {
    LocalStorage::get(IDENTITY).ok()
}

pub fn set_identity(author: &Author) -> Result<(), String> {
    LocalStorage::set(IDENTITY, author).map_err(|e| e.to_string())
}

pub fn catalog() -> Vec<CatalogEntry> {
    LocalStorage::get(CATALOG).unwrap_or_default()
}

fn save_catalog(entries: &[CatalogEntry]) -> Result<(), String> {
    LocalStorage::set(CATALOG, entries).map_err(|e| e.to_string())
}

/// Adds or updates an entry (matched by id).
pub fn upsert(entry: CatalogEntry) -> Result<(), String> {
    let mut entries = catalog();
    match entries.iter_mut().find(|e| e.id == entry.id) {
        Some(existing) => *existing = entry,
        None => entries.push(entry),
    }
    save_catalog(&entries)
}

pub fn remove(id: &str) -> Result<(), String> {
    let mut entries = catalog();
    entries.retain(|e| e.id != id);
    forget_workspace(id);
    if last_opened().as_deref() == Some(id) {
        LocalStorage::delete(LAST_OPENED);
    }
    save_catalog(&entries)
}

pub fn last_opened() -> Option<String> {
    LocalStorage::get(LAST_OPENED).ok()
}

pub fn set_last_opened(id: &str) {
    // Losing this only means the home page opens instead of the last plan.
    let _ = LocalStorage::set(LAST_OPENED, id);
}

fn ledger_key(id: &str) -> String {
    format!("safer-plan.ledger.{id}")
}

fn backup_key(id: &str) -> String {
    format!("safer-plan.backup.{id}")
}

/// What this device has exchanged with each partner, for one workspace.
pub fn ledger(id: &str) -> Ledger {
    LocalStorage::get(ledger_key(id)).unwrap_or_default()
}

pub fn set_ledger(id: &str, ledger: &Ledger) -> Result<(), String> {
    LocalStorage::set(ledger_key(id), ledger).map_err(|e| e.to_string())
}

pub fn is_backup_key(key: &str, id: &str) -> bool {
    key == backup_key(id)
}

pub fn backup(id: &str) -> Option<BackupRecord> {
    LocalStorage::get(backup_key(id)).ok()
}

pub fn set_backup(id: &str, record: &BackupRecord) {
    // Losing this only means a reminder comes early or late.
    let _ = LocalStorage::set(backup_key(id), record);
}

fn forget_workspace(id: &str) {
    LocalStorage::delete(ledger_key(id));
    LocalStorage::delete(backup_key(id));
    super::server::forget(id);
}
