//! The automerge-repo client against frames captured from the reference
//! implementation (`scripts/capture-repo-messages.mjs` wrote `fixtures/`)
//! and against a scripted server speaking the same protocol.

use automerge::sync::{self, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, ReadDoc};

use super::*;
use crate::doc::{DocError, Stamp, Workspace};
use crate::model::Author;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/src/doc/repo/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One line of `expected.txt`: what cbor-x read from each captured frame.
struct Expected {
    name: String,
    kind: String,
    sender: String,
    target: String,
    document: String,
    data_len: String,
    storage: String,
    ephemeral: String,
}

fn expected() -> Vec<Expected> {
    String::from_utf8(fixture("expected.txt"))
        .unwrap()
        .lines()
        .map(|line| {
            let f: Vec<String> = line.split(' ').map(str::to_string).collect();
            Expected {
                name: f[0].clone(),
                kind: f[1].clone(),
                sender: f[2].clone(),
                target: f[3].clone(),
                document: f[4].clone(),
                data_len: f[5].clone(),
                storage: f[6].clone(),
                ephemeral: f[7].clone(),
            }
        })
        .collect()
}

fn or_dash(value: Option<&str>) -> String {
    value.unwrap_or("-").to_string()
}

#[test]
fn every_captured_frame_reads_as_the_reference_implementation_wrote_it() {
    let all = expected();
    assert_eq!(all.len(), 9, "one frame of each kind");
    for e in all {
        let message = RepoMessage::decode(&fixture(&format!("{}.cbor", e.name)))
            .unwrap_or_else(|err| panic!("{}: {err}", e.name));
        let (kind, sender, target, data_len, metadata) = match &message {
            RepoMessage::Join { sender_id, peer_metadata, supported_protocol_versions } => {
                assert_eq!(supported_protocol_versions, &["1"]);
                ("join", Some(sender_id), None, None, peer_metadata.clone())
            }
            RepoMessage::Peer { sender_id, target_id, selected_protocol_version, peer_metadata } => {
                assert_eq!(selected_protocol_version, "1");
                ("peer", Some(sender_id), Some(target_id), None, peer_metadata.clone())
            }
            RepoMessage::Request { sender_id, target_id, data, .. } => {
                ("request", Some(sender_id), Some(target_id), Some(data.len()), None)
            }
            RepoMessage::Sync { sender_id, target_id, data, .. } => {
                // The payload is a real Automerge sync message.
                assert!(sync::Message::decode(data).is_ok(), "{}", e.name);
                ("sync", Some(sender_id), Some(target_id), Some(data.len()), None)
            }
            RepoMessage::DocUnavailable { sender_id, target_id, .. } => {
                ("doc-unavailable", Some(sender_id), Some(target_id), None, None)
            }
            RepoMessage::Error { sender_id, target_id, message } => {
                assert_eq!(message, "unsupported protocol version");
                ("error", sender_id.as_ref(), target_id.as_ref(), None, None)
            }
            other => panic!("{}: {other:?}", e.name),
        };
        assert_eq!(kind, e.kind, "{}", e.name);
        assert_eq!(or_dash(sender.map(String::as_str)), e.sender, "{}", e.name);
        assert_eq!(or_dash(target.map(String::as_str)), e.target, "{}", e.name);
        assert_eq!(or_dash(message.document_id()), e.document, "{}", e.name);
        assert_eq!(data_len.map_or("-".to_string(), |n| n.to_string()), e.data_len, "{}", e.name);
        match metadata {
            Some(m) => {
                assert_eq!(or_dash(m.storage_id.as_deref()), e.storage, "{}", e.name);
                assert_eq!(m.is_ephemeral.to_string(), e.ephemeral, "{}", e.name);
            }
            None => assert_eq!((e.storage.as_str(), e.ephemeral.as_str()), ("-", "-"), "{}", e.name),
        }
    }
}

#[test]
fn frames_written_here_are_byte_for_byte_the_reference_implementations() {
    for e in expected() {
        let bytes = fixture(&format!("{}.cbor", e.name));
        let message = RepoMessage::decode(&bytes).unwrap();
        assert_eq!(message.encode(), bytes, "{} written again", e.name);
    }
}

#[test]
fn frames_that_are_not_protocol_messages_are_refused_without_a_panic() {
    assert!(matches!(RepoMessage::decode(&[]), Err(MessageError::NotCbor(_))));
    assert!(matches!(RepoMessage::decode(b"hello"), Err(MessageError::NotCbor(_))));
    // A map with no type.
    assert_eq!(RepoMessage::decode(&[0xa0]), Err(MessageError::NoType));
    // A sync message without its data.
    let mut cut =
        RepoMessage::Sync { sender_id: "s".into(), target_id: "t".into(), document_id: "d".into(), data: vec![1] }
            .encode();
    cut[0] = 0xa4; // one entry fewer: `senderId` is then never read.
    assert!(RepoMessage::decode(&cut).is_err());
    // A type this client does not use reads as Other and is skipped.
    let presence = [0xa1, 0x64, b't', b'y', b'p', b'e', 0x69, b'e', b'p', b'h', b'e', b'm', b'e', b'r', b'a', b'l'];
    assert_eq!(RepoMessage::decode(&presence), Ok(RepoMessage::Other { kind: "ephemeral".into() }));
}

#[test]
fn a_download_takes_the_document_the_reference_server_sent() {
    let id = SyncId::from_document_id(String::from_utf8(fixture("document-id.txt")).unwrap().trim()).unwrap();
    let mut download = Download::new("capture-b".into(), "device".into(), id);
    let join = match download.handle(Event::Connected).as_slice() {
        [Fetched::Send(frame)] => RepoMessage::decode(frame).unwrap(),
        other => panic!("{other:?}"),
    };
    assert!(matches!(join, RepoMessage::Join { ref sender_id, .. } if sender_id == "capture-b"));
    let request = match download.handle(Event::Frame(&fixture("peer.cbor"))).as_slice() {
        [Fetched::Send(frame)] => RepoMessage::decode(frame).unwrap(),
        other => panic!("{other:?}"),
    };
    let RepoMessage::Request { document_id, target_id, .. } = request else { panic!("{request:?}") };
    assert_eq!(document_id, id.document_id());
    assert_eq!(target_id, "safer-plan-sync-47301");
    let done = download.handle(Event::Frame(&fixture("sync-from-server.cbor")));
    let [Fetched::Done(bytes)] = done.as_slice() else { panic!("{done:?}") };
    let doc = AutoCommit::load(bytes).unwrap();
    // automerge-js 3 writes a JavaScript string as text.
    let (_, name) = doc.get(ROOT, "name").unwrap().expect("a name");
    assert_eq!(doc.text(&name).unwrap(), "Luton Community Safety Partnership");
    assert_eq!(bytes, &AutoCommit::load(&fixture("document.automerge")).unwrap().save());
}

#[test]
fn a_download_of_an_address_the_server_does_not_have_ends_unavailable() {
    let id = SyncId::from_bytes([7; 16]);
    let mut download = Download::new("capture-c".into(), "device".into(), id);
    download.handle(Event::Connected);
    download.handle(Event::Frame(&fixture("peer.cbor")));
    assert_eq!(download.handle(Event::Frame(&fixture("doc-unavailable.cbor"))), vec![Fetched::Unavailable]);
    assert!(download.handle(Event::Frame(&fixture("sync-from-server.cbor"))).is_empty(), "finished");
}

// ---- a scripted server ------------------------------------------------

/// A server holding one document with plain Automerge, as automerge-repo's
/// DocSynchronizer does.
struct Server {
    id: String,
    doc: AutoCommit,
    state: sync::State,
    refuse: bool,
}

impl Server {
    fn new(doc: AutoCommit) -> Server {
        Server { id: "server-peer".into(), doc, state: sync::State::new(), refuse: false }
    }

    fn peer_frame(&self) -> Vec<u8> {
        RepoMessage::Peer {
            sender_id: self.id.clone(),
            target_id: "me".into(),
            selected_protocol_version: "1".into(),
            peer_metadata: Some(PeerMetadata { storage_id: Some("server-storage".into()), is_ephemeral: false }),
        }
        .encode()
    }

    fn sync_frame(&self, document_id: &str, message: sync::Message) -> Vec<u8> {
        RepoMessage::Sync {
            sender_id: self.id.clone(),
            target_id: "me".into(),
            document_id: document_id.into(),
            data: message.encode(),
        }
        .encode()
    }

    /// Answers one frame from the client.
    fn take(&mut self, frame: &[u8]) -> Vec<Vec<u8>> {
        match RepoMessage::decode(frame).unwrap() {
            RepoMessage::Join { .. } => vec![self.peer_frame()],
            RepoMessage::Sync { document_id, data, .. } | RepoMessage::Request { document_id, data, .. } => {
                if self.refuse {
                    let no =
                        RepoMessage::DocUnavailable { sender_id: self.id.clone(), target_id: "me".into(), document_id };
                    return vec![no.encode()];
                }
                self.doc.sync().receive_sync_message(&mut self.state, sync::Message::decode(&data).unwrap()).unwrap();
                self.offer(&document_id)
            }
            _ => Vec::new(),
        }
    }

    fn offer(&mut self, document_id: &str) -> Vec<Vec<u8>> {
        let message = self.doc.sync().generate_sync_message(&mut self.state);
        message.into_iter().map(|m| self.sync_frame(document_id, m)).collect()
    }
}

fn me() -> Stamp {
    Stamp::new(&Author::new("CSP Manager", "Luton Council"), 1_700_000_000)
}

/// Delivers frames both ways until neither side has anything to say;
/// returns every effect the session produced.
fn run(session: &mut Session, ws: &mut Workspace, server: &mut Server, first: Vec<Effect>) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut to_server: Vec<Vec<u8>> = Vec::new();
    let mut pending = first;
    for _ in 0..50 {
        for effect in pending.drain(..) {
            match effect {
                Effect::Send(frame) => to_server.push(frame),
                other => effects.push(other),
            }
        }
        if to_server.is_empty() {
            return effects;
        }
        let to_client: Vec<Vec<u8>> = to_server.drain(..).flat_map(|f| server.take(&f)).collect();
        for frame in to_client {
            pending.extend(session.handle(ws, Event::Frame(&frame)));
        }
    }
    panic!("the session and the server never went quiet");
}

fn connected(ws: &mut Workspace, server: &mut Server, resume: Option<Resume>) -> (Session, Vec<Effect>) {
    let id = ws.turn_on_server_sync(&me()).unwrap();
    let mut session = Session::new("me".into(), "device-storage".into(), id, resume);
    let first = session.handle(ws, Event::Connected);
    let effects = run(&mut session, ws, server, first);
    (session, effects)
}

#[test]
fn a_partner_uploads_the_partnership_to_a_server_that_has_none() {
    let mut ws = crate::demo::workspace();
    let mut server = Server::new(AutoCommit::new());
    let (session, effects) = connected(&mut ws, &mut server, None);
    assert_eq!(session.status(), &Status::InStep);
    assert_eq!(server.doc.get_heads(), ws.heads());
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::KeepState { server_storage, .. } if server_storage == "server-storage"))
    );
    let statuses: Vec<&Status> =
        effects.iter().filter_map(|e| if let Effect::Status(s) = e { Some(s) } else { None }).collect();
    // A new session starts out connecting; the server's answer starts the sync.
    assert_eq!(statuses.first(), Some(&&Status::Syncing));
    assert_eq!(statuses.last(), Some(&&Status::InStep));
}

#[test]
fn edits_go_both_ways_and_what_arrives_is_shown() {
    let mut ws = crate::demo::workspace();
    let mut server = Server::new(AutoCommit::new());
    let (mut session, _) = connected(&mut ws, &mut server, None);

    ws.rename(&me(), "Luton and Dunstable CSP").unwrap();
    let out = session.handle(&mut ws, Event::LocalChange);
    run(&mut session, &mut ws, &mut server, out);
    let name = server.doc.get(ROOT, "name").unwrap().map(|(v, _)| v.to_string());
    assert_eq!(name.as_deref(), Some("\"Luton and Dunstable CSP\""));

    // Another partner's edit, through the server.
    server.doc.put(ROOT, "area", "Luton and Dunstable").unwrap();
    server.doc.commit();
    let frames = server.offer(&ws.sync_id().unwrap().document_id());
    let mut effects = Vec::new();
    for frame in frames {
        effects.extend(session.handle(&mut ws, Event::Frame(&frame)));
    }
    assert!(effects.iter().any(|e| matches!(e, Effect::DocumentChanged)));
    let effects = run(&mut session, &mut ws, &mut server, effects);
    assert_eq!(ws.partnership().area, "Luton and Dunstable");
    assert_eq!(session.status(), &Status::InStep, "{effects:?}");
}

#[test]
fn a_change_this_version_cannot_keep_is_reported_and_our_own_changes_still_go_up() {
    let mut ws = crate::demo::workspace();
    let mut server = Server::new(AutoCommit::new());
    let (mut session, _) = connected(&mut ws, &mut server, None);
    let before = ws.heads();

    // A newer app moves the layout on, through the server.
    server.doc.put(ROOT, "format_version", 99_u64).unwrap();
    server.doc.commit();
    let document_id = ws.sync_id().unwrap().document_id();
    let mut effects = Vec::new();
    for frame in server.offer(&document_id) {
        effects.extend(session.handle(&mut ws, Event::Frame(&frame)));
    }
    assert!(effects.iter().any(|e| matches!(e, Effect::NotKept(DocError::NewerVersion { found: 99 }))), "{effects:?}");
    assert!(!effects.iter().any(|e| matches!(e, Effect::DocumentChanged)));
    run(&mut session, &mut ws, &mut server, effects);
    assert_eq!(ws.heads(), before, "nothing of it was applied");

    // This partner's edit still reaches the server.
    ws.rename(&me(), "Luton and Dunstable CSP").unwrap();
    let out = session.handle(&mut ws, Event::LocalChange);
    run(&mut session, &mut ws, &mut server, out);
    let ours = ws.heads();
    assert!(ours.iter().all(|h| server.doc.get_change_by_hash(h).is_some()), "the server has our change");
    assert_eq!(ws.partnership().format_version, 1);
}

#[test]
fn a_server_that_refuses_the_partnership_says_so_and_nothing_more_is_sent() {
    let mut ws = crate::demo::workspace();
    let mut server = Server::new(AutoCommit::new());
    server.refuse = true;
    let (mut session, effects) = connected(&mut ws, &mut server, None);
    assert_eq!(session.status(), &Status::Refused);
    assert!(effects.iter().any(|e| matches!(e, Effect::Status(Status::Refused))));
    ws.rename(&me(), "Luton and Dunstable CSP").unwrap();
    assert!(session.handle(&mut ws, Event::LocalChange).is_empty());
    // Reconnecting tries again.
    server.refuse = false;
    let out = session.handle(&mut ws, Event::Connected);
    run(&mut session, &mut ws, &mut server, out);
    assert_eq!(session.status(), &Status::InStep);
}

#[test]
fn offline_edits_are_sent_when_the_connection_is_back_and_resume_from_the_kept_state() {
    let mut ws = crate::demo::workspace();
    let mut server = Server::new(AutoCommit::new());
    let (mut session, effects) = connected(&mut ws, &mut server, None);
    let kept = effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::KeepState { server_storage, state } => Some(Resume { server_storage, state }),
            _ => None,
        })
        .next_back()
        .expect("a state to keep");

    assert!(matches!(session.handle(&mut ws, Event::Disconnected).as_slice(), [Effect::Status(Status::Offline)]));
    ws.rename(&me(), "Luton and Dunstable CSP").unwrap();
    assert!(session.handle(&mut ws, Event::LocalChange).is_empty(), "nothing to send while offline");

    // A reload: a new session from the kept state. The server restarted and
    // kept its data but not its sync state.
    server.state = sync::State::new();
    let id = ws.sync_id().unwrap();
    let mut again = Session::new("me-2".into(), "device-storage".into(), id, Some(kept.clone()));
    let mut out = again.handle(&mut ws, Event::Connected);
    let frames: Vec<Vec<u8>> =
        out.drain(..).filter_map(|e| if let Effect::Send(f) = e { Some(f) } else { None }).collect();
    let peer = server.take(&frames[0]);
    let first = again.handle(&mut ws, Event::Frame(&peer[0]));
    // The first message says what both sides had at the last sync.
    let Some(Effect::Send(frame)) = first.iter().find(|e| matches!(e, Effect::Send(_))) else { panic!("{first:?}") };
    let RepoMessage::Sync { data, .. } = RepoMessage::decode(frame).unwrap() else { panic!() };
    let message = sync::Message::decode(&data).unwrap();
    let shared = sync::State::decode(&kept.state).unwrap().shared_heads;
    assert_eq!(message.have.first().map(|h| h.last_sync.clone()), Some(shared));
    run(&mut again, &mut ws, &mut server, first);
    assert_eq!(again.status(), &Status::InStep);
    assert_eq!(server.doc.get_heads(), ws.heads());
}

#[test]
fn a_server_that_lost_its_data_is_sent_everything_again() {
    let mut ws = crate::demo::workspace();
    let mut server = Server::new(AutoCommit::new());
    let (mut session, _) = connected(&mut ws, &mut server, None);
    // The server comes back empty (its data folder was lost) on the same
    // connection: it advertises empty heads.
    server.doc = AutoCommit::new();
    server.state = sync::State::new();
    let document_id = ws.sync_id().unwrap().document_id();
    let mut effects = Vec::new();
    for frame in server.offer(&document_id) {
        effects.extend(session.handle(&mut ws, Event::Frame(&frame)));
    }
    run(&mut session, &mut ws, &mut server, effects);
    assert_eq!(server.doc.get_heads(), ws.heads());
    assert_eq!(session.status(), &Status::InStep);
}

#[test]
fn messages_about_other_partnerships_are_not_taken() {
    let mut ws = crate::demo::workspace();
    let mut server = Server::new(AutoCommit::new());
    let (mut session, _) = connected(&mut ws, &mut server, None);
    let before = ws.heads();
    let other = SyncId::from_bytes([9; 16]).document_id();
    let mut stranger = AutoCommit::new();
    stranger.put(ROOT, "name", "Someone else's plan").unwrap();
    stranger.commit();
    let message = stranger.sync().generate_sync_message(&mut sync::State::new()).unwrap();
    let frame = server.sync_frame(&other, message);
    let out = session.handle(&mut ws, Event::Frame(&frame));
    let [Effect::Send(reply)] = out.as_slice() else { panic!("{out:?}") };
    assert!(
        matches!(RepoMessage::decode(reply).unwrap(), RepoMessage::DocUnavailable { document_id, .. } if document_id == other)
    );
    assert_eq!(ws.heads(), before);
}

// ---- the sync address in the document ---------------------------------

#[test]
fn the_sync_address_is_made_once_and_every_copy_sees_the_same() {
    let mut ws = crate::demo::workspace();
    assert_eq!(ws.sync_id(), None);
    let changes = ws.doc.get_changes(&[]).len();
    let id = ws.turn_on_server_sync(&me()).unwrap();
    assert_eq!(ws.doc.get_changes(&[]).len(), changes + 1, "one change");
    assert_eq!(ws.turn_on_server_sync(&me()).unwrap(), id, "turning it on again keeps it");
    assert_eq!(ws.doc.get_changes(&[]).len(), changes + 1);
    let mut other = Workspace::load(&ws.save()).unwrap();
    assert_eq!(other.sync_id(), Some(id));
    assert_eq!(other.adopt_sync_id(&me(), SyncId::from_bytes([1; 16])).unwrap(), id, "never replaced");
    assert_eq!(ws.partnership().sync_id, id.document_id());
}

#[test]
fn a_copy_joined_by_address_keeps_that_address_when_the_document_had_none() {
    let mut ws = crate::demo::workspace();
    let id = SyncId::from_bytes([3; 16]);
    assert_eq!(ws.adopt_sync_id(&me(), id).unwrap(), id);
    assert_eq!(Workspace::load(&ws.save()).unwrap().sync_id(), Some(id));
}

#[test]
fn a_document_without_a_sync_id_opens_and_a_bad_one_reads_as_none() {
    let mut ws = crate::demo::workspace();
    // Documents made before sync through a server have no such key.
    let _ = ws.doc.delete(ROOT, "sync_id");
    ws.doc.commit();
    assert!(ws.doc.get(ROOT, "sync_id").unwrap().is_none());
    let mut older = Workspace::load(&ws.save()).unwrap();
    assert_eq!(older.sync_id(), None);
    older.doc.put(ROOT, "sync_id", "not-an-id").unwrap();
    older.doc.commit();
    assert_eq!(Workspace::load(&older.save()).unwrap().sync_id(), None);
}
