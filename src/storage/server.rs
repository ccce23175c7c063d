//! Per-device settings for sync through a server, in localStorage: which
//! server each partnership syncs through (none unless a person turned it
//! on here), this device's lasting storage id, and what each partnership
//! last agreed with its server, so reconnecting sends only what is new.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::doc::repo::Resume;

const STORAGE_ID: &str = "safer-plan.sync-storage-id";

fn server_key(id: &str) -> String {
    format!("safer-plan.server.{id}")
}

fn state_key(id: &str) -> String {
    format!("safer-plan.server-state.{id}")
}

/// This device's storage id, made once: automerge-repo servers keep sync
/// state per storage id, so a device that reconnects is recognised.
pub fn storage_id() -> String {
    if let Ok(id) = LocalStorage::get::<String>(STORAGE_ID) {
        return id;
    }
    let id = format!("safer-plan-{}{}", crate::doc::new_id(), crate::doc::new_id());
    // If it cannot be kept, the server treats each visit as a new device.
    let _ = LocalStorage::set(STORAGE_ID, &id);
    id
}

/// The server address workspace `id` syncs through on this device.
pub fn server(id: &str) -> Option<String> {
    LocalStorage::get(server_key(id)).ok()
}

pub fn set_server(id: &str, url: &str) -> Result<(), String> {
    LocalStorage::set(server_key(id), url).map_err(|e| e.to_string())
}

/// Sync through a server turned off for workspace `id` on this device.
pub fn forget(id: &str) {
    LocalStorage::delete(server_key(id));
    LocalStorage::delete(state_key(id));
}

#[derive(Serialize, Deserialize)]
struct Kept {
    server_storage: String,
    state: Vec<u8>,
}

pub fn resume(id: &str) -> Option<Resume> {
    let kept: Kept = LocalStorage::get(state_key(id)).ok()?;
    Some(Resume { server_storage: kept.server_storage, state: kept.state })
}

pub fn keep(id: &str, server_storage: &str, state: &[u8]) {
    // Losing it only means the next connection starts the exchange afresh.
    let _ =
        LocalStorage::set(state_key(id), Kept { server_storage: server_storage.to_string(), state: state.to_vec() });
}
