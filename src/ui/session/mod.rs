//! The open workspace, and the one path from a user intent to stored data.
//!
//! Components read the open partnership through [`Session::plan`] (the
//! workspace's own hydrated copy, see `plan_reader`) and change it only
//! through [`Session::apply`], which runs one `Workspace` intent signed
//! with the person's identity, followed by [`Session::persist`], which
//! writes the new chunk to IndexedDB and resolves only once the browser has
//! stored it ([`Session::save_and_go`] does both endings at once).
//!
//! Why this is one context and not more: everything here changes when a
//! different partnership is opened (its plan, whether it is saved, its
//! backup reminder, the tabs and server it syncs with), and an intent
//! touches all of it at once. What outlives the open partnership is
//! elsewhere and is only borrowed: this device's person, list and storage
//! (`device`), and the page shown (`navigation`). The transports
//! (`live`, `server_sync`) are owned here and handed a callback into
//! [`Session`]; they never name it, so nothing reaches back up.
//!
//! - `intent`: apply, persist, and the endings of an intent,
//! - `records`: what this device keeps about the open partnership
//!   (backup record, what was exchanged with whom),
//! - `transports`: the tabs and the sync server.

mod intent;
mod records;
mod transports;

use std::rc::Rc;

use leptos::prelude::*;

use crate::demo;
use crate::doc::Workspace;
use crate::doc::chunks::{self, Durability};
use crate::exchange::backup::BackupRecord;
use crate::storage::settings::{self, CatalogEntry};

use super::clock;
use super::device::Device;
use super::live::Live;
use super::navigation::Navigation;
use super::plan_reader::PlanReader;
use super::server_sync::{ServerSync, ServerView};

pub use intent::ChangeError;

/// Where the open workspace's changes stand against storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    Saving,
    /// The last write failed: changes are only in memory.
    Failed(String),
}

/// A workspace in memory: its document and what of it is already stored.
pub struct OpenWorkspace {
    pub ws: Workspace,
    pub durability: Durability,
}

/// The open partnership and everything that goes with it. `Copy`, like a
/// signal.
#[derive(Clone, Copy)]
pub struct Session {
    /// The open partnership, for reading. `None` when none is open.
    pub plan: PlanReader,
    /// The open partnership's name, for the frame: it re-renders only when
    /// the name changes, not on every edit.
    pub partnership_name: Memo<Option<String>>,
    pub save_state: RwSignal<SaveState>,
    /// False until start-up has tried to reopen the last workspace.
    pub ready: RwSignal<bool>,
    /// A workspace this device lists but whose data the browser no longer has.
    pub missing: RwSignal<Option<CatalogEntry>>,
    /// Changes since the open workspace was last backed up to a file.
    pub backup: RwSignal<Option<BackupRecord>>,
    /// What the status bar says about the sync server, when the open
    /// partnership syncs through one on this device.
    pub server_status: RwSignal<Option<ServerView>>,
    open: StoredValue<Option<OpenWorkspace>, LocalStorage>,
    live: StoredValue<Option<Rc<Live>>, LocalStorage>,
    server: StoredValue<Option<Rc<ServerSync>>, LocalStorage>,
    device: Device,
    nav: Navigation,
}

/// Makes [`Session`] available to every component below, with nothing
/// open yet; [`Session::start`] reopens the last workspace.
pub fn provide_session(device: Device, nav: Navigation) -> Session {
    let open = StoredValue::new_local(None);
    let plan = PlanReader::new(open);
    let session = Session {
        plan,
        partnership_name: Memo::new(move |_| plan.with(|p| p.map(|p| p.name.clone()))),
        save_state: RwSignal::new(SaveState::Saved),
        ready: RwSignal::new(false),
        missing: RwSignal::new(None),
        backup: RwSignal::new(None),
        server_status: RwSignal::new(None),
        open,
        live: StoredValue::new_local(None),
        server: StoredValue::new_local(None),
        device,
        nav,
    };
    provide_context(session);
    session
}

/// The [`Session`] provided by the app's root.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// Opens this device's storage and the last workspace used on it.
    pub async fn start(self) {
        self.device.open_storage().await;
        self.start_transports();
        if let Some(id) = settings::last_opened()
            && let Some(entry) = self.device.catalog.with_untracked(|c| c.iter().find(|e| e.id == id).cloned())
        {
            match self.load_stored(&id).await {
                Ok(open) => self.install(open),
                Err(LoadError::Missing) => self.missing.set(Some(entry)),
                Err(LoadError::Failed(e)) => self.device.storage_problem.set(Some(e)),
            }
        }
        self.ready.set(true);
        self.device.check_persistence().await;
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id))
    }

    /// The open partnership's id, without subscribing to changes.
    fn open_id(&self) -> Option<String> {
        self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
    }

    /// This device's list entry for the open partnership.
    pub fn open_entry(&self) -> Option<CatalogEntry> {
        let id = self.plan.with(|p| p.as_ref().map(|p| p.id.clone()))?;
        self.device.entry(&id)
    }

    /// Loads a stored workspace and makes it the open one.
    pub async fn open(&self, id: &str) -> Result<(), String> {
        let open = self.load_stored(id).await.map_err(|e| e.to_string())?;
        self.install(open);
        settings::set_last_opened(id);
        Ok(())
    }

    async fn load_stored(&self, id: &str) -> Result<OpenWorkspace, LoadError> {
        let store =
            self.device.store().ok_or(LoadError::Failed("Safer Plan cannot read this browser's storage.".into()))?;
        let found = store.get_prefix(&chunks::prefix(id)).await.map_err(|e| LoadError::Failed(e.to_string()))?;
        if found.is_empty() {
            return Err(LoadError::Missing);
        }
        let (ws, durability, report) = chunks::load(id, found).map_err(|e| LoadError::Failed(e.to_string()))?;
        if !report.unreadable.is_empty() {
            web_sys::console::warn_1(&format!("Skipped unreadable chunks: {:?}", report.unreadable).into());
        }
        Ok(OpenWorkspace { ws, durability })
    }

    fn install(&self, open: OpenWorkspace) {
        let id = open.ws.id().to_string();
        self.backup.set(Some(settings::backup(&id).unwrap_or_else(|| BackupRecord::starting(clock::now()))));
        if self.missing.with_untracked(|m| m.as_ref().is_some_and(|m| m.id == id)) {
            self.missing.set(None);
        }
        if let Some(live) = self.live.get_value() {
            live.joined(&id);
        }
        let sync_id = open.ws.sync_id();
        self.open.set_value(Some(open));
        self.plan.changed();
        self.save_state.set(SaveState::Saved);
        self.connect_server(&id, sync_id);
    }

    pub fn close(&self) {
        self.disconnect_server();
        self.open.set_value(None);
        self.plan.changed();
    }

    /// Stores a brand-new workspace, lists it and opens it.
    pub async fn adopt(&self, ws: Workspace, is_demo: bool) -> Result<(), String> {
        let id = ws.id().to_string();
        let entry =
            CatalogEntry { id: id.clone(), name: ws.partnership().name.clone(), created_at: clock::now(), is_demo };
        self.device.list(entry)?;
        self.install(OpenWorkspace { durability: Durability::unsaved(&id), ws });
        settings::set_last_opened(&id);
        let stored = self.persist().await.map_err(|e| e.to_string());
        if self.device.persisted.get_untracked() != Some(true) {
            leptos::task::spawn_local(self.device.request_persistence());
        }
        stored
    }

    pub async fn create_demo(&self) -> Result<(), String> {
        self.adopt(demo::workspace(), true).await
    }

    /// Removes a workspace and all its data from this device.
    pub async fn delete_workspace(&self, id: &str) -> Result<(), String> {
        if let Some(store) = self.device.store() {
            store.delete_prefix(&chunks::prefix(id)).await.map_err(|e| e.to_string())?;
        }
        self.device.unlist(id)?;
        if self.is_open(id) {
            self.close();
        }
        Ok(())
    }
}

/// Why a stored workspace could not be opened.
#[derive(Debug, Clone)]
enum LoadError {
    /// Listed on this device, but the browser holds none of its data.
    Missing,
    Failed(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Missing => f.write_str(
                "The data for this partnership is no longer stored in this browser. \
                 The browser may have cleared it. Restore it from a file you or a partner saved.",
            ),
            LoadError::Failed(e) => f.write_str(e),
        }
    }
}
