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
    // The handshake may wait while the server stores a large partnership.
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    let (mut socket, _) = tungstenite::client(url.as_str(), stream).expect("WebSocket handshake");
    socket.get_mut().set_read_timeout(Some(Duration::from_millis(100))).expect("timeout");
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

// ---- figures for BENCHMARKS.md (scripts/repo-bench.sh) -------------------

/// A partner connected to the server with its own copy, ready to sync.
struct Partner {
    ws: Workspace,
    session: Session,
    socket: WebSocket<TcpStream>,
}

impl Partner {
    fn connect(ws: Workspace, name: &str) -> Partner {
        let id = ws.sync_id().expect("a sync address");
        let mut partner =
            Partner { ws, session: Session::new(name.into(), format!("{name}-device"), id, None), socket: connect() };
        let hello = partner.session.handle(&mut partner.ws, Event::Connected);
        sync_until_in_step(&mut partner.socket, &mut partner.session, &mut partner.ws, hello);
        partner
    }

    fn send(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            if let Effect::Send(frame) = effect {
                self.socket.send(Message::binary(frame)).expect("send");
            }
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}

#[test]
#[ignore = "needs a sync server: scripts/repo-bench.sh"]
fn bench_an_edit_reaches_the_other_partner() {
    let mut first = safer_plan::demo::workspace();
    first.turn_on_server_sync(&me()).expect("a sync address");
    let second = Workspace::load(&first.save()).expect("a second copy");
    let mut a = Partner::connect(first, "bench-a");
    let mut b = Partner::connect(second, "bench-b");
    b.socket.get_mut().set_read_timeout(Some(Duration::from_millis(1))).expect("timeout");
    a.socket.get_mut().set_read_timeout(Some(Duration::from_millis(1))).expect("timeout");
    let mut times = Vec::new();
    for round in 0..100 {
        let name = format!("Luton CSP, edit {round}");
        let started = Instant::now();
        a.ws.rename(&me(), &name).expect("rename");
        let out = a.session.handle(&mut a.ws, Event::LocalChange);
        a.send(out);
        while b.ws.partnership().name != name {
            assert!(started.elapsed() < Duration::from_secs(10), "edit {round} never arrived");
            // Both sides answer what they receive, as the browser does.
            if let Some(frame) = read(&mut b.socket) {
                let out = b.session.handle(&mut b.ws, Event::Frame(&frame));
                b.send(out);
            }
            if let Some(frame) = read(&mut a.socket) {
                let out = a.session.handle(&mut a.ws, Event::Frame(&frame));
                a.send(out);
            }
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    safer_plan::sorting::sort_by(&mut times, f64::total_cmp);
    println!(
        "edit to other partner over {} edits: median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );
}

#[test]
#[ignore = "needs a sync server: scripts/repo-bench.sh"]
fn bench_joining_the_large_partnership() {
    let mut large = safer_plan::demo::large::large_workspace(1_700_000_000);
    let id = large.turn_on_server_sync(&me()).expect("a sync address");
    let saved = large.save().len();
    let started = Instant::now();
    let _uploader = Partner::connect(large, "bench-upload");
    let upload = started.elapsed();
    std::fs::write(dir().join("large-address"), id.url()).expect("write the address");

    let started = Instant::now();
    let mut download = Download::new("bench-join".into(), "bench-join-device".into(), id);
    let mut socket = connect();
    let mut received = 0;
    let mut out = download.handle(Event::Connected);
    let bytes = loop {
        let mut done = None;
        for step in out.drain(..) {
            match step {
                Fetched::Send(frame) => socket.send(Message::binary(frame)).expect("send"),
                Fetched::Done(bytes) => done = Some(bytes),
                other => panic!("{other:?}"),
            }
        }
        if let Some(bytes) = done {
            break bytes;
        }
        if let Some(frame) = read(&mut socket) {
            received += frame.len();
            out = download.handle(Event::Frame(&frame));
        }
    };
    let fetched = started.elapsed();
    let checked = safer_plan::exchange::open(&bytes, None, None).expect("checked like a file");
    let total = started.elapsed();
    println!(
        "large partnership ({saved} bytes saved, {} actions): upload {:.0} ms; join by address: {received} bytes received, {:.0} ms to download, {:.0} ms with the file checks",
        checked.workspace.partnership().actions.len(),
        upload.as_secs_f64() * 1000.0,
        fetched.as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0
    );
}

#[test]
#[ignore = "needs a sync server: scripts/repo-bench.sh"]
fn bench_fifty_partnerships_on_one_server() {
    for n in 0..50 {
        let mut ws = safer_plan::demo::workspace();
        ws.turn_on_server_sync(&me()).expect("a sync address");
        let _partner = Partner::connect(ws, &format!("bench-many-{n}"));
    }
    println!("50 demo partnerships uploaded");
}
