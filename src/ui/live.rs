//! Two tabs of the same workspace on one device stay in step: a
//! `BroadcastChannel` carries Automerge sync messages between them (see
//! `doc/live.rs`). A tab that opens a workspace says hello; the others reply
//! with what it lacks, and every later change is offered the same way.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::doc::live::PeerState;

use super::state::AppState;

const CHANNEL: &str = "safer-plan.live";

pub struct Live {
    channel: web_sys::BroadcastChannel,
    /// This tab, so it can tell its own messages and replies apart.
    me: String,
    workspace: RefCell<Option<String>>,
    peers: RefCell<HashMap<String, PeerState>>,
}

impl Live {
    /// `None` where the browser has no BroadcastChannel: tabs then only
    /// meet through storage when reopened.
    pub fn start(state: AppState) -> Option<Rc<Live>> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let live = Rc::new(Live {
            channel,
            me: crate::doc::new_id(),
            workspace: RefCell::new(None),
            peers: RefCell::new(HashMap::new()),
        });
        let handler = {
            let live = Rc::clone(&live);
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                live.on_message(state, &ev.data());
            })
        };
        live.channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        // The handler lives as long as the page.
        handler.forget();
        Some(live)
    }

    /// This tab now has `workspace` open: forget other tabs' state and
    /// announce ourselves so tabs with the same workspace sync with us.
    pub fn joined(&self, workspace: &str) {
        *self.workspace.borrow_mut() = Some(workspace.to_string());
        self.peers.borrow_mut().clear();
        self.post("hello", "", None);
    }

    /// This tab made or merged a change: offer it to every known tab.
    pub fn changed(&self, state: AppState) {
        let peers: Vec<String> = self.peers.borrow().keys().cloned().collect();
        for peer in peers {
            self.send_sync(state, &peer);
        }
    }

    fn send_sync(&self, state: AppState, peer: &str) {
        let message = {
            let mut peers = self.peers.borrow_mut();
            let known = peers.entry(peer.to_string()).or_default();
            state.with_workspace(|ws| ws.sync_message(known)).flatten()
        };
        if let Some(bytes) = message {
            self.post("sync", peer, Some(&bytes));
        }
    }

    fn post(&self, kind: &str, to: &str, bytes: Option<&[u8]>) {
        let Some(workspace) = self.workspace.borrow().clone() else { return };
        let message = Array::of4(&kind.into(), &self.me.as_str().into(), &to.into(), &workspace.as_str().into());
        if let Some(bytes) = bytes {
            message.push(&Uint8Array::from(bytes));
        }
        // A closed channel only means the other tabs catch up on reopen.
        let _ = self.channel.post_message(&message);
    }

    fn on_message(&self, state: AppState, data: &wasm_bindgen::JsValue) {
        let Ok(message) = data.clone().dyn_into::<Array>() else { return };
        let text = |i: u32| message.get(i).as_string().unwrap_or_default();
        let (kind, from, to, workspace) = (text(0), text(1), text(2), text(3));
        let ours = self.workspace.borrow().as_deref() == Some(workspace.as_str());
        if !ours || from == self.me || !(to.is_empty() || to == self.me) {
            return;
        }
        match kind.as_str() {
            "hello" => {
                // A fresh start with that tab: it may have reloaded.
                self.peers.borrow_mut().insert(from.clone(), PeerState::new());
                self.send_sync(state, &from);
            }
            "sync" => {
                let Ok(bytes) = message.get(4).dyn_into::<Uint8Array>() else { return };
                let received = {
                    let mut peers = self.peers.borrow_mut();
                    let known = peers.entry(from.clone()).or_default();
                    state.receive_from_tab(known, &bytes.to_vec())
                };
                match received {
                    Ok(changed) => {
                        self.send_sync(state, &from);
                        if changed {
                            // Pass it on to any third tab.
                            self.changed(state);
                        }
                    }
                    Err(e) => {
                        leptos::logging::warn!("a message from another tab was not used: {e}");
                        self.peers.borrow_mut().insert(from, PeerState::new());
                    }
                }
            }
            _ => {}
        }
    }
}

/// Another tab changed a setting this tab shows (the backup reminder): the
/// browser's `storage` event fires in every other tab of the site.
pub fn watch_settings(state: AppState) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            state.backup_changed_elsewhere(&key);
        }
    });
    if window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref()).is_ok() {
        handler.forget();
    }
}
