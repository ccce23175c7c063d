//! Sync through a server: the WebSocket transport for
//! `doc::repo::Session`. This file only moves frames, reconnects with
//! back-off, and shows the status; what to send and what to do with what
//! arrives is the session's (and, below it, the sync core's, which checks
//! every change from the server like a file before keeping it).
//!
//! A connection is made only for a partnership a person turned sync on for
//! on this device (`storage::server`). The browser's `offline` event closes
//! the socket at once (Chromium keeps a dead socket open for a long time),
//! and `online` reconnects without waiting for the back-off.
//!
//! The session (`session/transports.rs`) owns this and hands it a callback
//! when it starts; every event goes through that callback, which runs the
//! session on the open workspace ([`ServerSync::handle`]) and then has this
//! file carry out what it said ([`ServerSync::carry_out`]). So this file
//! knows the document and the status signal it was given, never the app
//! state.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::doc::Workspace;
use crate::doc::repo::{Effect, Event, ServerAddress, Session, Status, SyncId, reconnect_delay_ms};
use crate::storage::server as stored;

/// How often the session may repeat what the server may have missed.
const RETRY: Duration = Duration::from_secs(5);

/// What the status bar shows about the server.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerView {
    pub host: String,
    pub status: Status,
    /// Changes from the server this version could not keep, in words.
    pub not_kept: Option<String>,
}

/// The socket's event handlers, kept so they are dropped with it.
struct Handlers {
    _open: Closure<dyn FnMut()>,
    _message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _close: Closure<dyn FnMut()>,
}

/// What the app does with one event for the session: run
/// [`ServerSync::handle`] on the open workspace, then
/// [`ServerSync::carry_out`].
type Deliver = Box<dyn Fn(&ServerSync, Event<'_>)>;

pub struct ServerSync {
    deliver: Deliver,
    /// What the status bar shows.
    view: RwSignal<Option<ServerView>>,
    workspace: String,
    server: ServerAddress,
    session: RefCell<Session>,
    socket: RefCell<Option<(web_sys::WebSocket, Handlers)>>,
    /// Failed connections in a row, for the back-off.
    failures: Cell<u32>,
    /// Counts sockets, so that a late event from an old one is ignored.
    generation: Cell<u32>,
    stopped: Cell<bool>,
    retry: Cell<Option<IntervalHandle>>,
}

impl ServerSync {
    /// Starts syncing workspace `workspace` (whose sync id is `id`) through
    /// `server`, and keeps at it until [`ServerSync::stop`]. Every event
    /// goes to `deliver`; what to show goes to `view`.
    pub fn start(
        deliver: impl Fn(&ServerSync, Event<'_>) + 'static,
        view: RwSignal<Option<ServerView>>,
        workspace: &str,
        server: ServerAddress,
        id: SyncId,
    ) -> Rc<ServerSync> {
        let me = format!("safer-plan-{}", crate::doc::new_id());
        let session = Session::new(me, stored::storage_id(), id, stored::resume(workspace));
        let sync = Rc::new(ServerSync {
            deliver: Box::new(deliver),
            view,
            workspace: workspace.to_string(),
            server,
            session: RefCell::new(session),
            socket: RefCell::new(None),
            failures: Cell::new(0),
            generation: Cell::new(0),
            stopped: Cell::new(false),
            retry: Cell::new(None),
        });
        view.set(Some(ServerView { host: sync.server.host().to_string(), status: Status::Connecting, not_kept: None }));
        sync.connect();
        sync.watch();
        sync
    }

    /// Closes the connection for good (sync turned off, another
    /// partnership opened).
    pub fn stop(&self) {
        self.stopped.set(true);
        if let Some(timer) = self.retry.take() {
            timer.clear();
        }
        self.close();
    }

    /// This copy changed: offer it to the server.
    pub fn changed(&self) {
        self.run(Event::LocalChange);
    }

    fn connect(self: &Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        self.close();
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        let Ok(socket) = web_sys::WebSocket::new(self.server.url()) else {
            // A malformed address cannot get here (it was checked), but a
            // browser can still refuse: treat it as a dropped connection.
            self.closed(generation);
            return;
        };
        socket.set_binary_type(web_sys::BinaryType::Arraybuffer);
        let current = {
            let sync = Rc::clone(self);
            move || sync.generation.get() == generation && !sync.stopped.get()
        };
        let open = {
            let (sync, current) = (Rc::clone(self), current.clone());
            Closure::<dyn FnMut()>::new(move || {
                if current() {
                    sync.run(Event::Connected);
                }
            })
        };
        let message = {
            let (sync, current) = (Rc::clone(self), current.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let (true, Ok(buffer)) = (current(), ev.data().dyn_into::<js_sys::ArrayBuffer>()) {
                    sync.run(Event::Frame(&js_sys::Uint8Array::new(&buffer).to_vec()));
                }
            })
        };
        let close = {
            let sync = Rc::clone(self);
            Closure::<dyn FnMut()>::new(move || sync.closed(generation))
        };
        socket.set_onopen(Some(open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(close.as_ref().unchecked_ref()));
        *self.socket.borrow_mut() = Some((socket, Handlers { _open: open, _message: message, _close: close }));
    }

    /// The socket `generation` closed or could not open: say so, and try
    /// again after the back-off.
    fn closed(self: &Rc<Self>, generation: u32) {
        if self.generation.get() != generation || self.stopped.get() {
            return;
        }
        self.socket.borrow_mut().take();
        self.run(Event::Disconnected);
        let failures = self.failures.get();
        self.failures.set(failures.saturating_add(1));
        let delay = reconnect_delay_ms(failures, js_sys::Math::random());
        let sync = Rc::clone(self);
        set_timeout(
            move || {
                if sync.generation.get() == generation {
                    sync.connect();
                }
            },
            Duration::from_millis(u64::from(delay)),
        );
    }

    fn close(&self) {
        if let Some((socket, _handlers)) = self.socket.borrow_mut().take() {
            socket.set_onopen(None);
            socket.set_onmessage(None);
            socket.set_onclose(None);
            let _ = socket.close();
        }
    }

    /// The browser's own idea of the network, and the retry timer.
    fn watch(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else { return };
        let offline = {
            let sync = Rc::clone(self);
            Closure::<dyn FnMut()>::new(move || {
                if !sync.stopped.get() && sync.socket.borrow().is_some() {
                    let generation = sync.generation.get();
                    sync.close();
                    sync.closed(generation);
                }
            })
        };
        let online = {
            let sync = Rc::clone(self);
            Closure::<dyn FnMut()>::new(move || {
                if !sync.stopped.get() {
                    sync.failures.set(0);
                    sync.connect();
                }
            })
        };
        for (name, handler) in [("offline", offline), ("online", online)] {
            if window.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref()).is_ok() {
                // As long as the page: a stopped sync ignores the events.
                handler.forget();
            }
        }
        let sync = Rc::clone(self);
        let timer = set_interval_with_handle(
            move || {
                if !sync.stopped.get() && sync.socket.borrow().is_some() {
                    sync.run(Event::Retry);
                }
            },
            RETRY,
        );
        self.retry.set(timer.ok());
    }

    fn run(&self, event: Event<'_>) {
        (self.deliver)(self, event);
    }

    /// Hands one event to the session, on the open workspace.
    pub fn handle(&self, ws: &mut Workspace, event: Event<'_>) -> Vec<Effect> {
        self.session.borrow_mut().handle(ws, event)
    }

    /// Carries out what the session said.
    pub fn carry_out(&self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Send(frame) => {
                    if let Some((socket, _)) = &*self.socket.borrow() {
                        // A send on a closing socket is lost; the session
                        // repeats it after reconnecting.
                        let _ = socket.send_with_u8_array(&frame);
                    }
                }
                Effect::Status(status) => {
                    if matches!(status, Status::InStep | Status::Syncing) {
                        self.failures.set(0);
                    }
                    self.view.update(|view| {
                        if let Some(view) = view.as_mut() {
                            view.status = status;
                        }
                    });
                }
                Effect::KeepState { server_storage, state: bytes } => {
                    stored::keep(&self.workspace, &server_storage, &bytes);
                }
                Effect::NotKept(error) => {
                    let reason = format!("Changes from the server were not kept: {error}");
                    self.view.update(|view| {
                        if let Some(view) = view.as_mut() {
                            view.not_kept = Some(reason);
                        }
                    });
                }
                Effect::DocumentChanged => {}
            }
        }
    }
}
