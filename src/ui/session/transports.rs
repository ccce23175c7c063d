//! The open workspace's two sync transports, the other tabs of this
//! browser (`ui/live.rs`) and a sync server (`ui/server_sync.rs`), and what
//! the session does when either brings a change: show it, store it, and
//! pass it on to the other transport. The transports are owned here and
//! handed a callback into the session, so they depend on it one way only.

use leptos::prelude::*;

use crate::doc::Workspace;
use crate::doc::repo::{Effect, Event, ServerAddress, SyncId};
use crate::doc::sync::{Input, Output};
use crate::storage::server as stored;
use crate::ui::live::{self, Live};
use crate::ui::server_sync::ServerSync;

use super::Session;

/// Which transport brought a change, so the other one passes it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Tabs,
    Server,
}

impl Session {
    /// Joins the other tabs of this browser, and follows settings they change.
    pub(super) fn start_transports(self) {
        self.live.set_value(Live::start(move |live, input| self.tabs_step(live, input)));
        live::watch_settings(move |key| self.setting_changed_elsewhere(key));
    }

    /// One event from (or for) the other tabs.
    fn tabs_step(self, live: &Live, input: Input<'_, String>) {
        let outputs =
            self.sync_step(|ws| live.handle(ws, input), |o| matches!(o, Output::DocumentChanged), Origin::Tabs);
        live.carry_out(outputs);
    }

    /// One event from (or for) the sync server.
    fn server_step(self, server: &ServerSync, event: Event<'_>) {
        let effects =
            self.sync_step(|ws| server.handle(ws, event), |e| matches!(e, Effect::DocumentChanged), Origin::Server);
        server.carry_out(effects);
    }

    /// Offers a change made here to the other tabs and the sync server.
    pub(super) fn tell_transports(&self) {
        if let Some(live) = self.live.get_value() {
            live.changed();
        }
        if let Some(server) = self.server.get_value() {
            server.changed();
        }
    }

    /// Runs one step of a sync transport on the open workspace; when
    /// `changed` says the plan changed, refreshes what components read,
    /// stores it, and offers it to the other transport.
    fn sync_step<O>(
        &self,
        step: impl FnOnce(&mut Workspace) -> Vec<O>,
        changed: impl Fn(&O) -> bool,
        origin: Origin,
    ) -> Vec<O> {
        let result = self
            .open
            .try_update_value(|o| {
                o.as_mut().map(|o| {
                    let outputs = step(&mut o.ws);
                    let plan_changed = outputs.iter().any(&changed);
                    (outputs, plan_changed)
                })
            })
            .flatten();
        let Some((outputs, plan_changed)) = result else { return Vec::new() };
        if plan_changed {
            self.plan.changed();
            let session = *self;
            leptos::task::spawn_local(async move {
                let _ = session.persist().await;
                // After this step has let go of its transport.
                match origin {
                    Origin::Tabs => {
                        if let Some(server) = session.server.get_value() {
                            server.changed();
                        }
                    }
                    Origin::Server => {
                        if let Some(live) = session.live.get_value() {
                            live.changed();
                        }
                    }
                }
            });
        }
        outputs
    }

    /// Connects the open workspace `id` to its server, when this device
    /// syncs it through one and the partnership has a sync address.
    pub(super) fn connect_server(&self, id: &str, sync_id: Option<SyncId>) {
        self.disconnect_server();
        let (Some(url), Some(sync_id)) = (stored::server(id), sync_id) else { return };
        let Ok(server) = ServerAddress::parse(&url) else { return };
        let session = *self;
        let sync = ServerSync::start(
            move |server, event| session.server_step(server, event),
            self.server_status,
            id,
            server,
            sync_id,
        );
        self.server.set_value(Some(sync));
    }

    pub(super) fn disconnect_server(&self) {
        if let Some(sync) = self.server.get_value() {
            sync.stop();
        }
        self.server.set_value(None);
        self.server_status.set(None);
    }

    /// Settings: the open partnership syncs through `server` on this
    /// device from now on. Gives it a sync address first if it has none
    /// (one signed change, stored before connecting).
    pub async fn turn_on_server_sync(&self, server: &ServerAddress) -> Result<SyncId, String> {
        let id = self.open_id().ok_or("Open a partnership first.")?;
        let sync_id = self.apply(|ws, stamp| ws.turn_on_server_sync(stamp)).map_err(|e| e.to_string())?;
        self.persist().await.map_err(|e| e.to_string())?;
        stored::set_server(&id, server.url())
            .map_err(|e| format!("The server address could not be saved on this device: {e}"))?;
        self.connect_server(&id, Some(sync_id));
        Ok(sync_id)
    }

    /// Settings: stop syncing the open partnership through a server on
    /// this device. Its sync address stays in the plan for partners.
    pub fn turn_off_server_sync(&self) {
        if let Some(id) = self.open_id() {
            stored::forget(&id);
        }
        self.disconnect_server();
    }
}
