//! Copies that keep in step through the sync core (`doc::sync`) end up the
//! same, whatever the network does, as soon as it quiets down.
//!
//! Two to five peers (tabs) start from one partnership and edit it while
//! their sync messages travel a network that delivers them in any order,
//! delivers some twice, holds some back and loses others; peers leave (a
//! tab closes, keeping its copy, perhaps editing on) and join again. Then
//! the network quiets: every peer is back, every message arrives in order,
//! and each peer's timer fires `Retry` whenever nothing is on the way. Within
//! a bounded number of rounds nothing more is sent, every copy is the same,
//! and every change anyone made is in every copy.

use std::collections::VecDeque;
use std::sync::OnceLock;

use automerge::{AutoCommit, ChangeHash};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use safer_plan::doc::sync::{Input, Output, SyncCore};
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::model::{ActionDraft, Author, Narrative, Status, ValidAction, ValidProgress};

/// Rounds of delivery (or of timers firing, when nothing is on the way)
/// within which a quiet network must settle. Most cases settle in 4 or 5;
/// the most seen is 10, in the saved regression where two peers lost
/// messages while one added nine actions alone and the other left and came
/// back (each lost message costs a timer round before it is sent again).
/// This leaves room without hiding a stall, which would never settle.
const QUIET_ROUNDS: usize = 16;

const T: i64 = 1_700_000_000;

/// A partnership with three actions, saved once: every peer starts from
/// these bytes.
fn start() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = Workspace::create("Luton Community Safety Partnership", "Luton", &Stamp::new(&me, T));
        for n in 1..=3 {
            let draft = ActionDraft { number: n.to_string(), title: format!("Action {n}"), ..Default::default() };
            let valid = ws.validate_action(&draft, None).expect("valid");
            ws.add_action(&Stamp::new(&me, T + n), valid).expect("added");
        }
        ws.save()
    })
}

#[derive(Debug, Clone)]
enum Step {
    /// A peer changes its copy (online or not).
    Edit { peer: usize, kind: Edit, pick: usize },
    /// A message on the way (picked at random) arrives, perhaps twice.
    Deliver { pick: usize, twice: bool },
    /// A message on the way is lost.
    Lose { pick: usize },
    /// A peer closes, keeping its copy.
    Leave { peer: usize },
    /// A closed peer opens again.
    Join { peer: usize },
    /// A peer's timer fires.
    Retry { peer: usize },
}

#[derive(Debug, Clone, Copy)]
enum Edit {
    AddAction,
    AddProgress,
    Retitle,
    Rename,
}

fn step() -> impl Strategy<Value = Step> {
    let edit = prop_oneof![Just(Edit::AddAction), Just(Edit::AddProgress), Just(Edit::Retitle), Just(Edit::Rename)];
    prop_oneof![
        3 => (0..5usize, edit, any::<usize>()).prop_map(|(peer, kind, pick)| Step::Edit { peer, kind, pick }),
        6 => (any::<usize>(), prop::bool::weighted(0.2)).prop_map(|(pick, twice)| Step::Deliver { pick, twice }),
        1 => any::<usize>().prop_map(|pick| Step::Lose { pick }),
        1 => (0..5usize).prop_map(|peer| Step::Leave { peer }),
        1 => (0..5usize).prop_map(|peer| Step::Join { peer }),
        1 => (0..5usize).prop_map(|peer| Step::Retry { peer }),
    ]
}

struct Peer {
    ws: Workspace,
    core: SyncCore<usize>,
    online: bool,
    /// Every change this peer made.
    made: Vec<ChangeHash>,
    /// Actions and progress updates it added (nothing deletes them).
    added: Vec<Added>,
}

#[derive(Debug, Clone)]
enum Added {
    Action(String),
    Progress { action: String, update: String, narrative: String },
}

struct Packet {
    from: usize,
    to: usize,
    bytes: Vec<u8>,
}

struct Net {
    peers: Vec<Peer>,
    on_the_way: VecDeque<Packet>,
    edits: usize,
}

impl Net {
    fn new(n: usize) -> Net {
        let peers = (0..n)
            .map(|_| Peer {
                ws: Workspace::load(start()).expect("opens"),
                core: SyncCore::new(),
                online: false,
                made: Vec::new(),
                added: Vec::new(),
            })
            .collect();
        let mut net = Net { peers, on_the_way: VecDeque::new(), edits: 0 };
        for p in 0..n {
            net.join(p);
        }
        net
    }

    fn handle(&mut self, peer: usize, input: Input<'_, usize>) -> Result<(), TestCaseError> {
        let p = &mut self.peers[peer];
        for out in p.core.handle(&mut p.ws, input) {
            match out {
                Output::Send { to, bytes } => self.on_the_way.push_back(Packet { from: peer, to, bytes }),
                Output::DocumentChanged => {}
                Output::Refused { error, .. } | Output::Unreadable { error, .. } => {
                    return Err(TestCaseError::fail(format!("peer {peer} refused a message: {error}")));
                }
            }
        }
        Ok(())
    }

    fn join(&mut self, peer: usize) {
        if self.peers[peer].online {
            return;
        }
        self.peers[peer].online = true;
        for other in 0..self.peers.len() {
            if other != peer && self.peers[other].online {
                // A hello never refuses anything.
                let _ = self.handle(peer, Input::PeerJoined { peer: other, resume: None });
                let _ = self.handle(other, Input::PeerJoined { peer, resume: None });
            }
        }
    }

    fn leave(&mut self, peer: usize) {
        if !self.peers[peer].online {
            return;
        }
        self.peers[peer].online = false;
        for other in 0..self.peers.len() {
            if other != peer {
                let _ = self.handle(other, Input::PeerLeft(peer));
                let _ = self.handle(peer, Input::PeerLeft(other));
            }
        }
    }

    fn deliver(&mut self, packet: Packet) -> Result<(), TestCaseError> {
        // A closed tab receives nothing; what it sent may still arrive.
        if self.peers[packet.to].online {
            self.handle(packet.to, Input::Message { from: packet.from, bytes: &packet.bytes })?;
        }
        Ok(())
    }

    fn edit(&mut self, peer: usize, kind: Edit, pick: usize) -> Result<(), TestCaseError> {
        self.edits += 1;
        let mark = format!("peer {peer} edit {}", self.edits);
        let at = T + 100 + self.edits as i64;
        let p = &mut self.peers[peer];
        let stamp = Stamp::new(&Author::new(format!("Officer {peer}"), "Luton Council"), at);
        let actions: Vec<String> = p.ws.partnership().actions.keys().cloned().collect();
        let action = actions[pick % actions.len()].clone();
        match kind {
            Edit::AddAction => {
                let number = p.ws.partnership().next_action_number();
                let draft = ActionDraft { number, title: mark.clone(), ..Default::default() };
                let valid = p.ws.validate_action(&draft, None).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                let id = p.ws.add_action(&stamp, valid).map_err(|e| TestCaseError::fail(e.to_string()))?;
                p.added.push(Added::Action(id));
            }
            Edit::AddProgress => {
                let update = ValidProgress {
                    date: "2020-03-02".parse().expect("date"),
                    status: Status::OnTrack,
                    narrative: Narrative::new(mark.clone()),
                };
                let update =
                    p.ws.add_progress(&stamp, &action, update).map_err(|e| TestCaseError::fail(e.to_string()))?;
                p.added.push(Added::Progress { action, update, narrative: mark });
            }
            Edit::Retitle => {
                // As it stands, with a new title (numbers added at once on
                // two copies may clash, which the form would refuse).
                let a = p.ws.partnership().actions[&action].clone();
                let valid = ValidAction {
                    number: a.number,
                    title: mark,
                    description: a.description,
                    theme_id: a.theme_id,
                    leads: a.leads,
                    linked_documents: a.linked_documents,
                    due: a.due,
                    partners: a.partners,
                    start: a.start,
                    tags: a.tags,
                    business_as_usual: a.business_as_usual,
                };
                p.ws.edit_action(&stamp, &action, valid).map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
            Edit::Rename => {
                p.ws.rename(&stamp, &mark).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            }
        }
        let made = p.ws.heads();
        p.made.extend(made);
        if p.online {
            self.handle(peer, Input::LocalChange)?;
        }
        Ok(())
    }

    fn take(&mut self, pick: usize) -> Option<Packet> {
        let len = self.on_the_way.len();
        if len == 0 { None } else { self.on_the_way.remove(pick % len) }
    }

    fn run(&mut self, step: &Step) -> Result<(), TestCaseError> {
        let n = self.peers.len();
        match *step {
            Step::Edit { peer, kind, pick } => self.edit(peer % n, kind, pick)?,
            Step::Deliver { pick, twice } => {
                if let Some(packet) = self.take(pick) {
                    if twice {
                        self.on_the_way.push_back(Packet { bytes: packet.bytes.clone(), ..packet });
                    }
                    self.deliver(packet)?;
                }
            }
            Step::Lose { pick } => drop(self.take(pick)),
            Step::Leave { peer } => self.leave(peer % n),
            Step::Join { peer } => self.join(peer % n),
            Step::Retry { peer } => {
                if self.peers[peer % n].online {
                    self.handle(peer % n, Input::Retry)?;
                }
            }
        }
        Ok(())
    }

    /// Everyone back, every message delivered in order, timers firing when
    /// nothing is on the way; the rounds until nothing more is sent.
    fn quiet_down(&mut self) -> Result<usize, TestCaseError> {
        for p in 0..self.peers.len() {
            self.join(p);
        }
        for round in 0..QUIET_ROUNDS {
            if self.on_the_way.is_empty() {
                for p in 0..self.peers.len() {
                    self.handle(p, Input::Retry)?;
                }
                if self.on_the_way.is_empty() {
                    return Ok(round);
                }
            }
            for packet in std::mem::take(&mut self.on_the_way) {
                self.deliver(packet)?;
            }
        }
        Err(TestCaseError::fail(format!("still sending after {QUIET_ROUNDS} quiet rounds")))
    }
}

fn check(peers: usize, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut net = Net::new(peers);
    for step in steps {
        net.run(step)?;
    }
    net.quiet_down()?;
    let heads = net.peers[0].ws.heads();
    let plan = net.peers[0].ws.partnership().clone();
    let all_made: Vec<ChangeHash> = net.peers.iter().flat_map(|p| p.made.clone()).collect();
    let all_added: Vec<Added> = net.peers.iter().flat_map(|p| p.added.clone()).collect();
    for (i, p) in net.peers.iter_mut().enumerate() {
        prop_assert_eq!(p.ws.heads(), heads.clone(), "peer {} has other heads", i);
        prop_assert_eq!(p.ws.partnership(), &plan, "peer {} reads another plan", i);
        // Each copy's partnership, kept up to date by reading again only
        // what incoming changes touched, is what its document holds.
        let saved = p.ws.save();
        let reopened = Workspace::load(&saved).expect("reopens");
        prop_assert_eq!(p.ws.partnership(), reopened.partnership(), "peer {} is not what its document holds", i);
        let mut doc = AutoCommit::load(&saved).expect("reloads");
        for hash in &all_made {
            prop_assert!(doc.get_change_by_hash(hash).is_some(), "peer {} lacks change {}", i, hash);
        }
    }
    for added in &all_added {
        let seen = match added {
            Added::Action(id) => plan.actions.contains_key(id),
            Added::Progress { action, update, narrative } => {
                plan.actions[action].progress.get(update).is_some_and(|u| u.narrative.as_str() == narrative.as_str())
            }
        };
        prop_assert!(seen, "{:?} is missing", added);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn peers_are_equal_soon_after_the_network_quiets_and_no_change_is_lost(
        peers in 2..=5usize,
        steps in prop::collection::vec(step(), 1..60),
    ) {
        check(peers, &steps)?;
    }
}
