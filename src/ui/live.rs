//! Two tabs of the same workspace on one device stay in step: a
//! `BroadcastChannel` carries the sync messages of `doc::sync::SyncCore`
//! between them. This file is only the transport: a tab that opens a
//! workspace says hello, one that closes says goodbye, bytes are posted to
//! the tab they are for, and a timer lets the core repeat what a tab may
//! have missed. What to send, and what to do with what arrives, is the
//! core's.
//!
//! The session (`session/transports.rs`) owns this and hands it a callback
//! when it starts; every event goes through that callback, which runs the
//! core on the open workspace ([`Live::handle`]) and then has this file
//! carry out what the core said ([`Live::carry_out`]). So this file knows
//! the document, never the app state.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::doc::Workspace;
use crate::doc::sync::{Input, Output, SyncCore};

const CHANNEL: &str = "safer-plan.live";

/// How often the core may repeat what another tab may have missed. Tabs in
/// step send nothing.
const RETRY_MS: i32 = 5_000;

/// What the session does with one event for the core: run
/// [`Live::handle`] on the open workspace, then [`Live::carry_out`].
type Deliver = Box<dyn Fn(&Live, Input<'_, String>)>;

pub struct Live {
    deliver: Deliver,
    channel: web_sys::BroadcastChannel,
    /// This tab, so it can tell its own messages and replies apart.
    me: String,
    workspace: RefCell<Option<String>>,
    core: RefCell<SyncCore<String>>,
}

impl Live {
    /// `None` where the browser has no BroadcastChannel: tabs then only
    /// meet through storage when reopened.
    pub fn start(deliver: impl Fn(&Live, Input<'_, String>) + 'static) -> Option<Rc<Live>> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let live = Rc::new(Live {
            deliver: Box::new(deliver),
            channel,
            me: crate::doc::new_id(),
            workspace: RefCell::new(None),
            core: RefCell::new(SyncCore::new()),
        });
        let on_message = {
            let live = Rc::clone(&live);
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                live.on_message(&ev.data());
            })
        };
        live.channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handlers live as long as the page.
        on_message.forget();
        if let Some(window) = web_sys::window() {
            let on_hide = {
                let live = Rc::clone(&live);
                Closure::<dyn FnMut()>::new(move || live.post("bye", "", None))
            };
            if window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref()).is_ok() {
                on_hide.forget();
            }
            let retry = {
                let live = Rc::clone(&live);
                Closure::<dyn FnMut()>::new(move || live.run(Input::Retry))
            };
            let every =
                window.set_interval_with_callback_and_timeout_and_arguments_0(retry.as_ref().unchecked_ref(), RETRY_MS);
            if every.is_ok() {
                retry.forget();
            }
        }
        Some(live)
    }

    /// This tab now has `workspace` open: forget other tabs and announce
    /// ourselves so tabs with the same workspace sync with us.
    pub fn joined(&self, workspace: &str) {
        *self.workspace.borrow_mut() = Some(workspace.to_string());
        *self.core.borrow_mut() = SyncCore::new();
        self.post("hello", "", None);
    }

    /// This tab made or merged a change: offer it to every known tab.
    pub fn changed(&self) {
        self.run(Input::LocalChange);
    }

    /// Hands one event to the session, which calls back [`Live::handle`].
    fn run(&self, input: Input<'_, String>) {
        (self.deliver)(self, input);
    }

    /// Hands one event to the core, on the open workspace.
    pub fn handle(&self, ws: &mut Workspace, input: Input<'_, String>) -> Vec<Output<String>> {
        self.core.borrow_mut().handle(ws, input)
    }

    /// Carries out what the core said.
    pub fn carry_out(&self, outputs: Vec<Output<String>>) {
        for output in outputs {
            match output {
                Output::Send { to, bytes } => self.post("sync", &to, Some(&bytes)),
                Output::DocumentChanged => {}
                Output::Refused { error, .. } => {
                    leptos::logging::warn!("changes from another tab were not kept: {error}");
                }
                Output::Unreadable { error, .. } => {
                    leptos::logging::warn!("a message from another tab was not used: {error}");
                }
            }
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

    fn on_message(&self, data: &wasm_bindgen::JsValue) {
        let Ok(message) = data.clone().dyn_into::<Array>() else { return };
        let text = |i: u32| message.get(i).as_string().unwrap_or_default();
        let (kind, from, to, workspace) = (text(0), text(1), text(2), text(3));
        let ours = self.workspace.borrow().as_deref() == Some(workspace.as_str());
        if !ours || from == self.me || !(to.is_empty() || to == self.me) {
            return;
        }
        match kind.as_str() {
            // A fresh start with that tab: it may have reloaded.
            "hello" => self.run(Input::PeerJoined { peer: from, resume: None }),
            "bye" => self.run(Input::PeerLeft(from)),
            "sync" => {
                let Ok(bytes) = message.get(4).dyn_into::<Uint8Array>() else { return };
                self.run(Input::Message { from, bytes: &bytes.to_vec() });
            }
            _ => {}
        }
    }
}

/// Another tab changed a setting this tab may show (the backup reminder):
/// the browser's `storage` event fires in every other tab of the site, and
/// `changed` is given the setting's key.
pub fn watch_settings(changed: impl Fn(&str) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
        if let Some(key) = ev.key() {
            changed(&key);
        }
    });
    if window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref()).is_ok() {
        handler.forget();
    }
}
