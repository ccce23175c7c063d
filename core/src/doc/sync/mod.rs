//! Keeping copies of one partnership in step with Automerge's sync protocol,
//! with no I/O: a [`SyncCore`] takes events in and says what to send.
//!
//! Each copy (a tab, later a sync server: issue 17) holds one
//! `automerge::sync::State` per other copy it talks to. The transport — the
//! `BroadcastChannel` between tabs in `ui/live.rs`, or a WebSocket — only
//! moves bytes and reports four things, as an [`Input`]:
//!
//! | input | when | what comes out |
//! |---|---|---|
//! | `PeerJoined` | a copy is reachable (a tab said hello; a connection opened) | the first message to it |
//! | `Message` | bytes arrived from a copy | `DocumentChanged` if the plan changed; replies to every copy that now lacks something |
//! | `LocalChange` | this copy made a change | a message to every copy |
//! | `PeerLeft` | a copy is gone (tab closed, connection dropped) | nothing; its state is forgotten |
//! | `Retry` | the transport's timer (a few seconds), or a reconnect | a fresh offer to every copy not known to be in step |
//!
//! and carries out each [`Output`]: `Send` the bytes, refresh and store on
//! `DocumentChanged`, tell the person on `Refused`.
//!
//! Incoming changes go into the real document through Automerge's own sync
//! API, so changes that arrive before the ones they build on wait in
//! Automerge's queue instead of being lost (`apply.rs`). The result must
//! still be a partnership this version can keep (`Workspace::check`: the
//! `format`, `format_version` and layout rules of `docs/FORMAT.md`); if not,
//! the document is rolled back to its heads before the message, the queue
//! kept, and that peer's messages are ignored until it joins again, so a tab
//! running a newer version cannot make this one loop.
//!
//! The sync protocol assumes every message arrives, in order. Transports
//! lose messages (a sleeping tab, a dropped connection), and a lost message
//! would otherwise stall a pair for good: the sender waits for a reply, and
//! never resends changes it recorded as sent. So the core adds three rules:
//! a change a peer asks for by hash is sent again even if it was sent
//! before; `Retry` restarts the exchange with every copy whose advertised
//! heads differ from ours; and a copy that sees a peer does not yet know
//! the two are in step says so once (Automerge would stay silent).
//! Copies already in step send nothing.
//!
//! ```
//! use safer_plan_core::doc::sync::{Input, Output, SyncCore};
//! use safer_plan_core::doc::{Stamp, Workspace};
//! use safer_plan_core::model::Author;
//!
//! let me = Author::new("CSP Manager", "Luton Council");
//! let mut tab_a = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0));
//! let mut tab_b = Workspace::load(&tab_a.save()).unwrap();
//! tab_a.rename(&Stamp::new(&me, 60), "Luton Community Safety Partnership").unwrap();
//!
//! let (mut a, mut b) = (SyncCore::new(), SyncCore::new());
//! let mut to_b = a.handle(&mut tab_a, Input::PeerJoined { peer: "b", resume: None });
//! let mut to_a = b.handle(&mut tab_b, Input::PeerJoined { peer: "a", resume: None });
//! while !(to_a.is_empty() && to_b.is_empty()) {
//!     let (next_a, next_b) = (std::mem::take(&mut to_a), std::mem::take(&mut to_b));
//!     for out in next_b {
//!         if let Output::Send { bytes, .. } = out {
//!             to_a.extend(b.handle(&mut tab_b, Input::Message { from: "a", bytes: &bytes }));
//!         }
//!     }
//!     for out in next_a {
//!         if let Output::Send { bytes, .. } = out {
//!             to_b.extend(a.handle(&mut tab_a, Input::Message { from: "b", bytes: &bytes }));
//!         }
//!     }
//!     to_a.retain(|o| matches!(o, Output::Send { .. }));
//!     to_b.retain(|o| matches!(o, Output::Send { .. }));
//! }
//! assert_eq!(tab_b.partnership().name, "Luton Community Safety Partnership");
//! ```

mod apply;

use std::collections::BTreeMap;

use automerge::sync::{self, SyncDoc};

use super::{DocError, Workspace};
use apply::Received;

/// Something the transport saw. `P` names a peer (a tab id, a server).
#[derive(Debug, Clone, PartialEq)]
pub enum Input<'a, P> {
    /// `peer` can be reached. `resume` is what [`SyncCore::saved_state`]
    /// returned for it in an earlier session, if the transport kept it, so
    /// that reconnecting sends only what is new.
    PeerJoined { peer: P, resume: Option<&'a [u8]> },
    /// A sync message from `from`. A peer not yet joined is joined first.
    Message { from: P, bytes: &'a [u8] },
    /// This copy changed (an intent, a merged file).
    LocalChange,
    /// `peer` can no longer be reached.
    PeerLeft(P),
    /// Time to repeat what peers not yet in step may have missed.
    Retry,
}

/// What the transport should do.
#[derive(Debug)]
pub enum Output<P> {
    /// Send these bytes to `to`.
    Send { to: P, bytes: Vec<u8> },
    /// The partnership changed: show it and store it.
    DocumentChanged,
    /// `peer` sent changes that would leave a document this version cannot
    /// keep (a newer layout, unreadable fields). Nothing was kept, and its
    /// messages are ignored until it joins again.
    Refused { peer: P, error: DocError },
    /// `peer` sent bytes that are not a sync message, or changes Automerge
    /// could not apply. They were dropped and the exchange with that peer
    /// starts again.
    Unreadable { peer: P, error: DocError },
}

/// One other copy: what we know it has.
#[derive(Debug, Default)]
struct Peer {
    state: sync::State,
    /// Its changes were refused: ignore it until it joins again.
    refused: bool,
}

/// The sync state of one copy towards every other copy it talks to.
#[derive(Debug)]
pub struct SyncCore<P> {
    peers: BTreeMap<P, Peer>,
    /// After refusing a peer's changes, go on sending it ours.
    send_after_refusal: bool,
}

impl<P> Default for SyncCore<P> {
    fn default() -> Self {
        SyncCore { peers: BTreeMap::new(), send_after_refusal: false }
    }
}

impl<P: Ord + Clone> SyncCore<P> {
    pub fn new() -> SyncCore<P> {
        SyncCore::default()
    }

    /// A core for a copy that reaches every partner through one peer (a
    /// sync server): ignoring that peer after refusing its changes would
    /// stop this copy's own changes reaching anyone. Instead the peer's
    /// state becomes read-only (Automerge's `State::new_read_only`): what
    /// it sends is not applied, what this copy changes is still sent, until
    /// the peer joins again and its changes are tried afresh.
    pub fn sending_after_refusal() -> SyncCore<P> {
        SyncCore { peers: BTreeMap::new(), send_after_refusal: true }
    }

    /// Takes in one event for the copy `ws` and returns what to do, in order.
    pub fn handle(&mut self, ws: &mut Workspace, input: Input<'_, P>) -> Vec<Output<P>> {
        let mut out = Vec::new();
        match input {
            Input::PeerJoined { peer, resume } => {
                let state = resume.and_then(|bytes| sync::State::decode(bytes).ok()).unwrap_or_default();
                self.peers.insert(peer.clone(), Peer { state, refused: false });
                self.offer(ws, &peer, &mut out);
            }
            Input::PeerLeft(peer) => {
                self.peers.remove(&peer);
            }
            Input::LocalChange => self.offer_all(ws, &mut out),
            Input::Retry => {
                let heads = ws.heads();
                let behind: Vec<P> = self
                    .peers
                    .iter_mut()
                    .filter(|(_, p)| !p.refused && p.state.their_heads.as_ref() != Some(&heads))
                    .map(|(id, p)| {
                        // The last message either way may have been lost.
                        p.state.in_flight = false;
                        p.state.sent_hashes.clear();
                        id.clone()
                    })
                    .collect();
                for peer in behind {
                    self.offer(ws, &peer, &mut out);
                }
            }
            Input::Message { from, bytes } => self.receive(ws, from, bytes, &mut out),
        }
        out
    }

    fn receive(&mut self, ws: &mut Workspace, from: P, bytes: &[u8], out: &mut Vec<Output<P>>) {
        let peer = self.peers.entry(from.clone()).or_default();
        if peer.refused {
            return;
        }
        let received = sync::Message::decode(bytes)
            .map_err(|e| DocError::Damaged(e.to_string()))
            .and_then(|message| ws.receive(&mut peer.state, message));
        // A change the peer asks for by name never reached it: forget that
        // it was sent, or Automerge would never send it again.
        let state = &mut peer.state;
        for hash in state.their_need.iter().flatten() {
            state.sent_hashes.remove(hash);
        }
        match received {
            Ok(Received::Unchanged) => self.reply(ws, &from, out),
            Ok(Received::Changed) => {
                out.push(Output::DocumentChanged);
                self.reply(ws, &from, out);
                self.offer_all(ws, out);
            }
            Ok(Received::Refused(error)) if self.send_after_refusal => {
                peer.state = sync::State::new_read_only();
                out.push(Output::Refused { peer: from.clone(), error });
                self.offer(ws, &from, out);
            }
            Ok(Received::Refused(error)) => {
                *peer = Peer { state: sync::State::new(), refused: true };
                out.push(Output::Refused { peer: from, error });
            }
            Err(error) => {
                peer.state = sync::State::new();
                out.push(Output::Unreadable { peer: from.clone(), error });
                self.offer(ws, &from, out);
            }
        }
    }

    /// Answers a message from `peer`. Automerge stays silent when both
    /// sides have the same heads, but if the peer's message shows it does
    /// not know that (it never heard from us: our last message was lost),
    /// silence would leave it asking on every retry. Then we say so once.
    fn reply(&mut self, ws: &mut Workspace, peer: &P, out: &mut Vec<Output<P>>) {
        if self.offer(ws, peer, out) {
            return;
        }
        let heads = ws.heads();
        let Some(p) = self.peers.get_mut(peer) else { return };
        let they_know = p.state.their_have.iter().flatten().any(|have| have.last_sync == heads);
        if p.state.their_heads.as_ref() == Some(&heads) && !they_know {
            p.state.last_sent_heads.clear();
            self.offer(ws, peer, out);
        }
    }

    fn offer_all(&mut self, ws: &mut Workspace, out: &mut Vec<Output<P>>) {
        let peers: Vec<P> = self.peers.keys().cloned().collect();
        for peer in peers {
            self.offer(ws, &peer, out);
        }
    }

    /// The next message for `peer`, if the protocol has one; whether
    /// there was one.
    ///
    /// Automerge 0.12's fallback reset (a state leaving read-only mode,
    /// towards a peer that has not said it understands the reset flag)
    /// advertises empty heads but records our real heads as sent; a peer
    /// with nothing may then never answer, and we would never say what we
    /// have. So when a message's heads are not ours, the bookkeeping is
    /// corrected to what was really sent and the real message follows at
    /// once (as samod-core does).
    fn offer(&mut self, ws: &mut Workspace, peer: &P, out: &mut Vec<Output<P>>) -> bool {
        let Some(p) = self.peers.get_mut(peer).filter(|p| !p.refused) else { return false };
        let heads = ws.doc.get_heads();
        let mut sent = false;
        while let Some(message) = ws.doc.sync().generate_sync_message(&mut p.state) {
            let follow_up = message.heads != heads;
            if follow_up {
                p.state.last_sent_heads.clone_from(&message.heads);
            }
            out.push(Output::Send { to: peer.clone(), bytes: message.encode() });
            sent = true;
            if !follow_up {
                break;
            }
        }
        sent
    }

    /// The peers this copy is talking to.
    pub fn peers(&self) -> impl Iterator<Item = &P> {
        self.peers.keys()
    }

    /// What to keep for `peer` between sessions (the heads both sides are
    /// known to share), to pass back as `resume` when it joins again.
    pub fn saved_state(&self, peer: &P) -> Option<Vec<u8>> {
        self.peers.get(peer).map(|p| p.state.encode())
    }

    /// Whether `peer` last said it has exactly what `ws` has.
    pub fn in_step(&self, ws: &mut Workspace, peer: &P) -> bool {
        let heads = ws.heads();
        self.peers.get(peer).is_some_and(|p| p.state.their_heads.as_ref() == Some(&heads))
    }
}

#[cfg(test)]
mod tests;
