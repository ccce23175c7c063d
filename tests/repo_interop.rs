//! The app's automerge-repo client against the reference implementation,
//! natively, through a real `scripts/sync-server.mjs` on loopback.
//!
//! Every test here is ignored: `scripts/repo-interop.sh` starts the server
//! and drives them in order around `tests/interop/repo-node.mjs`, whose
//! `@automerge/automerge-repo` client joins what the app uploaded, edits it,
//! and reads the app's answer back. `REPO_SERVER` is the server's `ws://`
//! address; files are passed through `INTEROP_DIR`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::ErrorKind;
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use safer_plan::doc::repo::{Download, Effect, Event, Fetched, Session, Status, SyncId};
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::model::Author;
use tungstenite::{Message, WebSocket};

/// Keep in step with `tests/interop/repo-node.mjs`.
const NODE_NAME: &str = "Luton and Dunstable CSP (renamed through the server in Node)";
const APP_NAME: &str = "Luton and Dunstable CSP (answered by Safer Plan)";

fn dir() -> PathBuf {
    PathBuf::from(std::env::var("INTEROP_DIR").expect("INTEROP_DIR names a directory"))
}

fn server() -> String {
    std::env::var("REPO_SERVER").expect("REPO_SERVER is the sync server's address")
}

fn me() -> Stamp {
    Stamp::new(&Author::new("CSP Manager", "Luton Council"), 1_700_000_000)
}

/// A blocking WebSocket whose reads give up after a short wait, so the
/// loop can send retries and notice when it is done.
fn connect() -> WebSocket<TcpStream> {
    let url = server();
    let address = url.trim_start_matches("ws://").split('/').next().unwrap_or_default().to_string();
    let stream = TcpStream::connect(&address).expect("the sync server is running");
    stream.set_read_timeout(Some(Duration::from_millis(100))).expect("timeout");
    let (socket, _) = tungstenite::client(url.as_str(), stream).expect("WebSocket handshake");
    socket
}

/// Reads one frame, or `None` when none came in a while.
fn read(socket: &mut WebSocket<TcpStream>) -> Option<Vec<u8>> {
    match socket.read() {
        Ok(Message::Binary(bytes)) => Some(bytes.to_vec()),
        Ok(_) => None,
        Err(tungstenite::Error::Io(e)) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => None,
        Err(e) => panic!("the connection failed: {e}"),
    }
}

/// Carries out `effects`, then runs the session until the server has
/// exactly what `ws` has and a quiet moment passed; returns the bytes
/// received.
fn sync_until_in_step(
    socket: &mut WebSocket<TcpStream>,
    session: &mut Session,
    ws: &mut Workspace,
    mut effects: Vec<Effect>,
) -> usize {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut received = 0;
    loop {
        for effect in effects.drain(..) {
            if let Effect::Send(frame) = effect {
                socket.send(Message::binary(frame)).expect("send");
            }
        }
        assert!(Instant::now() < deadline, "not in step in 20 seconds: {:?}", session.status());
        match read(socket) {
            Some(frame) => {
                received += frame.len();
                effects = session.handle(ws, Event::Frame(&frame));
            }
            None if session.status() == &Status::InStep => return received,
            None => effects = session.handle(ws, Event::Retry),
        }
    }
}

#[test]
#[ignore = "needs a sync server: scripts/repo-interop.sh"]
fn app_uploads_the_partnership_for_node() {
    let mut ws = safer_plan::demo::workspace();
    let id = ws.turn_on_server_sync(&me()).expect("a sync address");
    let mut session = Session::new("safer-plan-interop-1".into(), "interop-device".into(), id, None);
    let mut socket = connect();
    let hello = session.handle(&mut ws, Event::Connected);
    sync_until_in_step(&mut socket, &mut session, &mut ws, hello);
    std::fs::write(dir().join("address"), id.url()).expect("write the address");
    std::fs::write(dir().join("app.automerge"), ws.save()).expect("write this device's copy");
}

#[test]
#[ignore = "needs a sync server: scripts/repo-interop.sh"]
fn app_receives_what_node_changed_and_answers() {
    let mut ws = Workspace::load(&std::fs::read(dir().join("app.automerge")).expect("the app's copy")).expect("load");
    let id = ws.sync_id().expect("the copy has its sync address");
    // A new page load: a new peer id, nothing resumed.
    let mut session = Session::new("safer-plan-interop-2".into(), "interop-device".into(), id, None);
    let mut socket = connect();
    let hello = session.handle(&mut ws, Event::Connected);
    sync_until_in_step(&mut socket, &mut session, &mut ws, hello);
    assert_eq!(ws.partnership().name, NODE_NAME, "Node's edit arrived");

    ws.rename(&me(), APP_NAME).expect("rename");
    let out = session.handle(&mut ws, Event::LocalChange);
    sync_until_in_step(&mut socket, &mut session, &mut ws, out);
}

#[test]
#[ignore = "needs a sync server: scripts/repo-interop.sh"]
fn a_partner_joins_by_address_and_gets_the_whole_partnership() {
    let address = std::fs::read_to_string(dir().join("address")).expect("the address");
    let id = SyncId::parse(&address).expect("a sync address");
    let mut download = Download::new("safer-plan-interop-3".into(), "another-device".into(), id);
    let mut socket = connect();
    let mut out = download.handle(Event::Connected);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        for step in out.drain(..) {
            match step {
                Fetched::Send(frame) => socket.send(Message::binary(frame)).expect("send"),
                Fetched::Done(bytes) => {
                    let opened = safer_plan::exchange::open(&bytes, None, None).expect("checked like a file");
                    assert_eq!(opened.workspace.partnership().name, APP_NAME);
                    assert_eq!(opened.workspace.sync_id(), Some(id));
                    return;
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(Instant::now() < deadline, "no document in 20 seconds");
        if let Some(frame) = read(&mut socket) {
            out = download.handle(Event::Frame(&frame));
        }
    }
}
