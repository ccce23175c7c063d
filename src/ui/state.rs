//! The app's shared state and the one path from a user intent to stored data.
//!
//! Components read the open partnership through [`AppState::plan`] (the
//! workspace's own hydrated copy, see `plan_reader`) and change it only through
//! [`AppState::apply`], which runs one `Workspace` intent signed with the
//! person's identity, followed by [`AppState::persist`], which writes the
//! new chunk to IndexedDB and resolves only once the browser has stored it.

use std::rc::Rc;

use leptos::prelude::*;

use crate::demo;
use crate::doc::chunks::{self, Durability};
use crate::doc::{DocError, Stamp, Workspace};
use crate::exchange::backup::BackupRecord;
use crate::model::Author;
use crate::nav::Route;
use crate::storage::settings::{self, CatalogEntry};
use crate::storage::{ChunkStore, StorageError};

use super::clock;
use super::live::Live;
use super::plan_reader::PlanReader;
use super::server_sync::{ServerSync, ServerView};

/// Where the open workspace's changes stand against storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    Saving,
    /// The last write failed: changes are only in memory.
    Failed(String),
}

/// A one-off confirmation shown on the page it was set for.
#[derive(Debug, Clone, PartialEq)]
pub struct Flash {
    pub route: Route,
    pub message: String,
}

/// The open workspace: its document and what of it is already stored.
pub struct Session {
    pub ws: Workspace,
    pub durability: Durability,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// The open partnership, for reading. `None` when none is open.
    pub plan: PlanReader,
    /// The open partnership's name, for the frame: it re-renders only when
    /// the name changes, not on every edit.
    pub partnership_name: Memo<Option<String>>,
    pub identity: RwSignal<Option<Author>>,
    pub catalog: RwSignal<Vec<CatalogEntry>>,
    pub save_state: RwSignal<SaveState>,
    pub flash: RwSignal<Option<Flash>>,
    /// Set when IndexedDB cannot be opened at all.
    pub storage_problem: RwSignal<Option<String>>,
    /// False until start-up has tried to reopen the last workspace.
    pub ready: RwSignal<bool>,
    /// A workspace this device lists but whose data the browser no longer has.
    pub missing: RwSignal<Option<CatalogEntry>>,
    /// Whether the browser has agreed not to clear Safer Plan's data.
    pub persisted: RwSignal<Option<bool>>,
    /// Changes since the open workspace was last backed up to a file.
    pub backup: RwSignal<Option<BackupRecord>>,
    session: StoredValue<Option<Session>, LocalStorage>,
    store: StoredValue<Option<Rc<ChunkStore>>, LocalStorage>,
    live: StoredValue<Option<Rc<Live>>, LocalStorage>,
    /// The connection to a sync server, when the open partnership syncs
    /// through one on this device.
    pub(super) server: StoredValue<Option<Rc<ServerSync>>, LocalStorage>,
    /// What the status bar says about it.
    pub server_status: RwSignal<Option<ServerView>>,
}

/// Which transport brought a change, so the other one passes it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    Tabs,
    Server,
}

pub fn provide_app_state() -> AppState {
    let session = StoredValue::new_local(None);
    let plan = PlanReader::new(session);
    let state = AppState {
        route: RwSignal::new(super::router::current_route()),
        plan,
        partnership_name: Memo::new(move |_| plan.with(|p| p.map(|p| p.name.clone()))),
        identity: RwSignal::new(settings::identity()),
        catalog: RwSignal::new(settings::catalog()),
        save_state: RwSignal::new(SaveState::Saved),
        flash: RwSignal::new(None),
        storage_problem: RwSignal::new(None),
        ready: RwSignal::new(false),
        missing: RwSignal::new(None),
        persisted: RwSignal::new(None),
        backup: RwSignal::new(None),
        session,
        store: StoredValue::new_local(None),
        live: StoredValue::new_local(None),
        server: StoredValue::new_local(None),
        server_status: RwSignal::new(None),
    };
    provide_context(state);
    state
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Why a change could not be made or kept.
#[derive(Debug, Clone)]
pub enum ChangeError {
    /// Settings has no name yet, so the change could not be signed.
    NoIdentity,
    NoWorkspace,
    /// The document refused the change; matched by variant where a page
    /// can offer a way out (such as a free action number).
    Doc(DocError),
    /// A form's own check failed, in words for the person.
    Refused(String),
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::NoIdentity => f.write_str(
                "Add your name and organisation in \u{201c}Who is making changes?\u{201d} above, or in Settings, before making changes.",
            ),
            ChangeError::NoWorkspace => f.write_str("Open a partnership first."),
            ChangeError::Doc(e) => write!(f, "{e}"),
            ChangeError::Refused(e) => f.write_str(e),
        }
    }
}

impl From<DocError> for ChangeError {
    fn from(e: DocError) -> Self {
        ChangeError::Doc(e)
    }
}

impl AppState {
    /// Opens the chunk database and the last workspace used on this device.
    pub async fn start(self) {
        match ChunkStore::open().await {
            Ok(store) => self.store.set_value(Some(Rc::new(store))),
            Err(e) => self.storage_problem.set(Some(e.to_string())),
        }
        self.live.set_value(Live::start(self));
        super::live::watch_settings(self);
        if let Some(id) = settings::last_opened()
            && let Some(entry) = self.catalog.with_untracked(|c| c.iter().find(|e| e.id == id).cloned())
        {
            match self.load_stored(&id).await {
                Ok((ws, durability)) => self.install(Session { ws, durability }),
                Err(LoadError::Missing) => self.missing.set(Some(entry)),
                Err(LoadError::Failed(e)) => self.storage_problem.set(Some(e)),
            }
        }
        self.ready.set(true);
        if !self.catalog.with_untracked(Vec::is_empty) {
            self.persisted.set(super::persistence::persisted().await);
        }
    }

    /// Asks the browser to keep this site's data even when space runs low
    /// (and, in Safari, beyond seven days without a visit).
    pub async fn request_persistence(self) {
        self.persisted.set(super::persistence::request().await);
    }

    fn store(&self) -> Option<Rc<ChunkStore>> {
        self.store.get_value()
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id))
    }

    pub fn open_entry(&self) -> Option<CatalogEntry> {
        let id = self.plan.with(|p| p.as_ref().map(|p| p.id.clone()))?;
        self.catalog.with(|c| c.iter().find(|e| e.id == id).cloned())
    }

    /// Loads a stored workspace and makes it the open one.
    pub async fn open(&self, id: &str) -> Result<(), String> {
        let (ws, durability) = self.load_stored(id).await.map_err(|e| e.to_string())?;
        self.install(Session { ws, durability });
        settings::set_last_opened(id);
        Ok(())
    }

    async fn load_stored(&self, id: &str) -> Result<(Workspace, Durability), LoadError> {
        let store = self.store().ok_or(LoadError::Failed("Safer Plan cannot read this browser's storage.".into()))?;
        let found = store.get_prefix(&chunks::prefix(id)).await.map_err(|e| LoadError::Failed(e.to_string()))?;
        if found.is_empty() {
            return Err(LoadError::Missing);
        }
        let (ws, durability, report) = chunks::load(id, found).map_err(|e| LoadError::Failed(e.to_string()))?;
        if !report.unreadable.is_empty() {
            web_sys::console::warn_1(&format!("Skipped unreadable chunks: {:?}", report.unreadable).into());
        }
        Ok((ws, durability))
    }

    fn install(&self, session: Session) {
        let id = session.ws.id().to_string();
        self.backup.set(Some(settings::backup(&id).unwrap_or_else(|| BackupRecord::starting(clock::now()))));
        if self.missing.with_untracked(|m| m.as_ref().is_some_and(|m| m.id == id)) {
            self.missing.set(None);
        }
        if let Some(live) = self.live.get_value() {
            live.joined(&id);
        }
        let sync_id = session.ws.sync_id();
        self.session.set_value(Some(session));
        self.plan.changed();
        self.save_state.set(SaveState::Saved);
        self.connect_server(&id, sync_id);
    }

    pub fn close(&self) {
        self.disconnect_server();
        self.session.set_value(None);
        self.plan.changed();
    }

    /// Stores a brand-new workspace, lists it and opens it.
    pub async fn adopt(&self, ws: Workspace, is_demo: bool) -> Result<(), String> {
        let id = ws.id().to_string();
        let entry =
            CatalogEntry { id: id.clone(), name: ws.partnership().name.clone(), created_at: clock::now(), is_demo };
        settings::upsert(entry).map_err(|e| format!("The list of partnerships could not be saved: {e}"))?;
        self.catalog.set(settings::catalog());
        self.install(Session { durability: Durability::unsaved(&id), ws });
        settings::set_last_opened(&id);
        let stored = self.persist().await.map_err(|e| e.to_string());
        if self.persisted.get_untracked() != Some(true) {
            leptos::task::spawn_local(self.request_persistence());
        }
        stored
    }

    pub async fn create_demo(&self) -> Result<(), String> {
        self.adopt(demo::workspace(), true).await
    }

    pub fn stamp(&self) -> Option<Stamp> {
        self.identity.get_untracked().map(|a| Stamp::new(&a, clock::now()))
    }

    /// Runs one intent on the open workspace, signed by the person using
    /// this device, and refreshes what components read. Call
    /// [`AppState::persist`] next to store it.
    pub fn apply<T, E>(&self, intent: impl FnOnce(&mut Workspace, &Stamp) -> Result<T, E>) -> Result<T, ChangeError>
    where
        E: Into<ChangeError>,
    {
        let stamp = self.stamp().ok_or(ChangeError::NoIdentity)?;
        let result = self
            .session
            .try_update_value(|s| {
                s.as_mut().map(|s| {
                    let before = s.ws.heads();
                    let outcome = intent(&mut s.ws, &stamp);
                    // An intent can succeed without changing anything (an
                    // unchanged form, or one returned with field errors).
                    let changed = s.ws.heads() != before;
                    (outcome, changed)
                })
            })
            .flatten();
        match result {
            None => Err(ChangeError::NoWorkspace),
            Some((Err(e), _)) => Err(e.into()),
            Some((Ok(value), changed)) => {
                if changed {
                    self.plan.changed();
                    self.count_change();
                    self.tell_other_tabs();
                }
                Ok(value)
            }
        }
    }

    /// One more change the last backup lacks. The record is read afresh:
    /// another tab may have backed up or counted changes since.
    fn count_change(&self) {
        self.update_backup(|b| b.changed(1));
    }

    /// After a backup file is downloaded.
    pub fn mark_backed_up(&self) {
        self.update_backup(|b| b.backed_up_at(clock::now()));
    }

    fn update_backup(&self, change: impl FnOnce(&mut BackupRecord)) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        let mut record = settings::backup(&id)
            .or_else(|| self.backup.get_untracked())
            .unwrap_or_else(|| BackupRecord::starting(clock::now()));
        change(&mut record);
        settings::set_backup(&id, &record);
        self.backup.set(Some(record));
    }

    /// Another tab changed the backup record (its key is in `key`).
    pub fn backup_changed_elsewhere(&self, key: &str) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        if settings::is_backup_key(key, &id) {
            self.backup.set(settings::backup(&id));
        }
    }

    /// Offers a change made here to the other tabs and the sync server.
    fn tell_other_tabs(&self) {
        if let Some(live) = self.live.get_value() {
            live.changed(*self);
        }
        if let Some(server) = self.server.get_value() {
            server.changed(*self);
        }
    }

    /// Runs one step of a sync transport (tabs or server) on the open
    /// workspace; when `changed` says the plan changed, refreshes what
    /// components read, stores it, and offers it to the other transport.
    pub(super) fn sync_step<O>(
        &self,
        step: impl FnOnce(&mut Workspace) -> Vec<O>,
        changed: impl Fn(&O) -> bool,
        origin: Origin,
    ) -> Vec<O> {
        let result = self
            .session
            .try_update_value(|s| {
                s.as_mut().map(|s| {
                    let outputs = step(&mut s.ws);
                    let plan_changed = outputs.iter().any(&changed);
                    (outputs, plan_changed)
                })
            })
            .flatten();
        let Some((outputs, plan_changed)) = result else { return Vec::new() };
        if plan_changed {
            self.plan.changed();
            let state = *self;
            leptos::task::spawn_local(async move {
                let _ = state.persist().await;
                // After this step has let go of its transport.
                match origin {
                    Origin::Tabs => {
                        if let Some(server) = state.server.get_value() {
                            server.changed(state);
                        }
                    }
                    Origin::Server => {
                        if let Some(live) = state.live.get_value() {
                            live.changed(state);
                        }
                    }
                }
            });
        }
        outputs
    }

    /// Writes every change not yet stored, then compacts if due. Resolves
    /// once the browser reports the data stored; on failure the changes stay
    /// in memory, the failure banner shows, and the next save retries them.
    pub async fn persist(&self) -> Result<(), StorageError> {
        let Some(store) = self.store() else {
            let e = StorageError::Unavailable("storage is not available".into());
            self.save_state.set(SaveState::Failed(e.to_string()));
            return Err(e);
        };
        let pending = self.session.try_update_value(|s| s.as_mut().and_then(|s| s.durability.pending(&mut s.ws)));
        let Some(Some(write)) = pending else {
            return Ok(());
        };
        self.save_state.set(SaveState::Saving);
        if let Err(e) = store.put(&write.key, &write.bytes).await {
            self.save_state.set(SaveState::Failed(e.to_string()));
            return Err(e);
        }
        self.session.update_value(|s| {
            if let Some(s) = s.as_mut() {
                s.durability.written(&write);
            }
        });
        self.save_state.set(SaveState::Saved);
        self.compact_if_due(&store).await;
        Ok(())
    }

    /// Compaction is housekeeping: if it fails, the chunks it would have
    /// replaced are still there, so nothing is reported to the person.
    async fn compact_if_due(&self, store: &ChunkStore) {
        let plan = self.session.try_update_value(|s| {
            let s = s.as_mut()?;
            let due = s.durability.should_compact() && s.durability.is_saved(&mut s.ws);
            due.then(|| s.durability.compaction(&mut s.ws))
        });
        let Some(Some(compaction)) = plan else { return };
        let snapshot = &compaction.snapshot;
        if store.put(&snapshot.key, &snapshot.bytes).await.is_err() {
            return;
        }
        if store.delete(&compaction.remove).await.is_ok() {
            self.session.update_value(|s| {
                if let Some(s) = s.as_mut() {
                    s.durability.compacted(&compaction);
                }
            });
        }
    }

    /// The open workspace as a file, for a backup or when saving failed.
    /// Merges a partner's file into the open workspace (already checked and
    /// previewed); returns how many changes came in. Call `persist` next.
    pub fn merge_incoming(&self, incoming: &mut Workspace) -> Result<usize, String> {
        let result = self.session.try_update_value(|s| s.as_mut().map(|s| s.ws.merge(incoming))).flatten();
        match result {
            None => Err("No partnership is open.".to_string()),
            Some(Err(e)) => Err(e.to_string()),
            Some(Ok(n)) => {
                self.plan.changed();
                self.tell_other_tabs();
                Ok(n)
            }
        }
    }

    pub fn export_bytes(&self) -> Option<(String, Vec<u8>)> {
        self.session.try_update_value(|s| s.as_mut().map(|s| (s.ws.partnership().name.clone(), s.ws.save()))).flatten()
    }

    /// Reads the open workspace's history (which needs the document itself).
    pub fn with_workspace<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> Option<R> {
        self.session.try_update_value(|s| s.as_mut().map(|s| f(&mut s.ws))).flatten()
    }

    /// Renames any stored workspace, opening it briefly if it is not open.
    pub async fn rename_workspace(&self, id: &str, name: &str) -> Result<(), crate::model::FieldErrors> {
        let stamp = self.stamp().ok_or_else(|| field_error("name", ChangeError::NoIdentity.to_string()))?;
        if self.is_open(id) {
            self.apply(|ws, stamp| ws.rename(stamp, name).map_err(|e| ChangeError::Refused(first_error(&e))))
                .map_err(|e| field_error("name", e.to_string()))?;
            self.persist().await.map_err(|e| field_error("name", e.to_string()))?;
        } else {
            let (mut ws, mut durability) =
                self.load_stored(id).await.map_err(|e| field_error("name", e.to_string()))?;
            ws.rename(&stamp, name)?;
            let store = self.store().ok_or_else(|| field_error("name", "Storage is not available".into()))?;
            if let Some(write) = durability.pending(&mut ws) {
                store.put(&write.key, &write.bytes).await.map_err(|e| field_error("name", e.to_string()))?;
                durability.written(&write);
            }
        }
        self.update_catalog_name(id, name.trim());
        Ok(())
    }

    fn update_catalog_name(&self, id: &str, name: &str) {
        let mut entries = settings::catalog();
        if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
            e.name = name.to_string();
            let _ = settings::upsert(e.clone());
        }
        self.catalog.set(settings::catalog());
    }

    /// Removes a workspace and all its data from this device.
    pub async fn delete_workspace(&self, id: &str) -> Result<(), String> {
        if let Some(store) = self.store() {
            store.delete_prefix(&chunks::prefix(id)).await.map_err(|e| e.to_string())?;
        }
        settings::remove(id).map_err(|e| format!("The list of partnerships could not be updated: {e}"))?;
        if self.is_open(id) {
            self.close();
        }
        self.catalog.set(settings::catalog());
        Ok(())
    }

    /// Ends an intent [`AppState::apply`] made: stores the change on this
    /// device, then goes to `route` confirming `done`, or saying
    /// `not_saved` when it could not be stored (the storage banner says why
    /// and the change is kept in memory until it can be).
    pub fn save_and_go(self, route: Route, done: impl Into<String>, not_saved: impl Into<String>) {
        let (done, not_saved) = (done.into(), not_saved.into());
        leptos::task::spawn_local(async move {
            let saved = self.persist().await.is_ok();
            self.go_with_flash(route, if saved { done } else { not_saved });
        });
    }

    /// Shows `message` as a confirmation on `route`, then goes there.
    pub fn go_with_flash(&self, route: Route, message: impl Into<String>) {
        self.flash.set(Some(Flash { route: route.clone(), message: message.into() }));
        super::router::navigate(&route);
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

fn field_error(field: &'static str, message: String) -> crate::model::FieldErrors {
    let mut e = crate::model::FieldErrors::default();
    e.add(field, message);
    e
}

fn first_error(e: &crate::model::FieldErrors) -> String {
    e.iter().next().map(|(_, m)| m.to_string()).unwrap_or_default()
}

/// What this device has exchanged with partners for the open partnership
/// (`crate::exchange::ledger`). It belongs to the device, not the shared
/// document, so it is kept in settings; losing it only means the next file
/// for a partner holds more than they need.
impl AppState {
    /// The open partnership's ledger (empty when none is open).
    pub fn ledger(&self) -> crate::exchange::ledger::Ledger {
        self.plan.with_untracked(|p| p.as_ref().map(|p| settings::ledger(&p.id))).unwrap_or_default()
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

    fn update_ledger(&self, change: impl FnOnce(&mut crate::exchange::ledger::Ledger)) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        let mut ledger = settings::ledger(&id);
        change(&mut ledger);
        if let Err(e) = settings::set_ledger(&id, &ledger) {
            leptos::logging::warn!("what was exchanged with partners could not be remembered: {e}");
        }
    }
}
