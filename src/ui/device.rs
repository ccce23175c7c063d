//! What belongs to this device rather than to any partnership: who is
//! making changes here, the partnerships it keeps, and its storage.
//!
//! This is its own context because it outlives any open workspace and
//! does not depend on one: Settings and the start page read and change it
//! with nothing open, and the session (`session`) only borrows from it (the
//! identity that signs a change, the database a change is written to, the
//! list a new partnership joins). It never reaches into the session.

use std::rc::Rc;

use leptos::prelude::*;

use crate::doc::Stamp;
use crate::model::Author;
use crate::storage::ChunkStore;
use crate::storage::settings::{self, CatalogEntry};

use super::clock;

/// This device's person, partnerships and storage. `Copy`, like a signal.
#[derive(Clone, Copy)]
pub struct Device {
    /// Who signs the changes made here; `None` until Settings has a name.
    pub identity: RwSignal<Option<Author>>,
    /// The partnerships this device keeps, as listed in settings.
    pub catalog: RwSignal<Vec<CatalogEntry>>,
    /// Whether the browser has agreed not to clear Safer Plan's data.
    pub persisted: RwSignal<Option<bool>>,
    /// Set when IndexedDB cannot be opened at all (or the demo could not
    /// be made), in words for the storage banner.
    pub storage_problem: RwSignal<Option<String>>,
    store: StoredValue<Option<Rc<ChunkStore>>, LocalStorage>,
}

/// Makes [`Device`] available to every component below, read from this
/// browser's settings. Storage is opened later, by [`Device::open_storage`].
pub fn provide_device() -> Device {
    let device = Device {
        identity: RwSignal::new(settings::identity()),
        catalog: RwSignal::new(settings::catalog()),
        persisted: RwSignal::new(None),
        storage_problem: RwSignal::new(None),
        store: StoredValue::new_local(None),
    };
    provide_context(device);
    device
}

/// The [`Device`] provided by the app's root.
pub fn use_device() -> Device {
    expect_context::<Device>()
}

impl Device {
    /// Opens the chunk database; when it cannot be opened the storage
    /// banner says why and nothing can be stored.
    pub async fn open_storage(&self) {
        match ChunkStore::open().await {
            Ok(store) => self.store.set_value(Some(Rc::new(store))),
            Err(e) => self.storage_problem.set(Some(e.to_string())),
        }
    }

    /// The chunk database, once opened.
    pub fn store(&self) -> Option<Rc<ChunkStore>> {
        self.store.get_value()
    }

    /// Who is making a change now, and when; `None` until Settings has a name.
    pub fn stamp(&self) -> Option<Stamp> {
        self.identity.get_untracked().map(|a| Stamp::new(&a, clock::now()))
    }

    /// Asks the browser to keep this site's data even when space runs low
    /// (and, in Safari, beyond seven days without a visit).
    pub async fn request_persistence(self) {
        self.persisted.set(super::persistence::request().await);
    }

    /// Reads whether the browser already keeps this site's data, once
    /// there is some to keep.
    pub async fn check_persistence(self) {
        if !self.catalog.with_untracked(Vec::is_empty) {
            self.persisted.set(super::persistence::persisted().await);
        }
    }

    /// The listed partnership `id`, if this device keeps it.
    pub fn entry(&self, id: &str) -> Option<CatalogEntry> {
        self.catalog.with(|c| c.iter().find(|e| e.id == id).cloned())
    }

    /// Adds (or replaces) a partnership in this device's list.
    pub fn list(&self, entry: CatalogEntry) -> Result<(), String> {
        settings::upsert(entry).map_err(|e| format!("The list of partnerships could not be saved: {e}"))?;
        self.catalog.set(settings::catalog());
        Ok(())
    }

    /// Shows a partnership's new name in this device's list.
    pub fn rename_listed(&self, id: &str, name: &str) {
        let mut entries = settings::catalog();
        if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
            e.name = name.to_string();
            let _ = settings::upsert(e.clone());
        }
        self.catalog.set(settings::catalog());
    }

    /// Takes a partnership off this device's list.
    pub fn unlist(&self, id: &str) -> Result<(), String> {
        settings::remove(id).map_err(|e| format!("The list of partnerships could not be updated: {e}"))?;
        self.catalog.set(settings::catalog());
        Ok(())
    }
}
