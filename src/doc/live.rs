//! Keeping two tabs of one workspace in step, with Automerge's sync
//! protocol: each side tells the other what it has, and only the missing
//! changes travel. The browser half (a `BroadcastChannel`) is `ui/live.rs`.

use automerge::sync::{self, SyncDoc};
use autosurgeon::hydrate;

use super::{DocError, Workspace};

/// What this tab knows another tab has.
pub type PeerState = sync::State;

impl Workspace {
    /// The next message for `peer`, or `None` when it has everything.
    pub fn sync_message(&mut self, peer: &mut PeerState) -> Option<Vec<u8>> {
        self.doc.sync().generate_sync_message(peer).map(sync::Message::encode)
    }

    /// Takes in a message from `peer`; returns whether the plan changed.
    /// Changes are applied to a copy and swapped in only if the result
    /// still reads as a partnership.
    pub fn receive_sync_message(&mut self, peer: &mut PeerState, bytes: &[u8]) -> Result<bool, DocError> {
        let message = sync::Message::decode(bytes).map_err(|e| DocError::Damaged(e.to_string()))?;
        if message.changes.is_empty() {
            self.doc.sync().receive_sync_message(peer, message)?;
            return Ok(false);
        }
        let before = self.doc.get_heads();
        let mut doc = self.doc.fork();
        // The copy replaces this one, so it keeps this tab's actor.
        doc.set_actor(self.doc.get_actor().clone());
        doc.sync().receive_sync_message(peer, message)?;
        if doc.get_heads() == before {
            return Ok(false);
        }
        self.partnership = hydrate(&doc)?;
        self.doc = doc;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Stamp;
    use crate::model::{ActionDraft, Author, Narrative, Status, ValidProgress};

    fn sync_until_quiet(a: &mut Workspace, b: &mut Workspace) -> usize {
        let (mut a_knows_b, mut b_knows_a) = (PeerState::new(), PeerState::new());
        let mut rounds = 0;
        loop {
            let to_b = a.sync_message(&mut a_knows_b);
            let to_a = b.sync_message(&mut b_knows_a);
            if to_b.is_none() && to_a.is_none() {
                return rounds;
            }
            if let Some(m) = to_b {
                b.receive_sync_message(&mut b_knows_a, &m).expect("b receives");
            }
            if let Some(m) = to_a {
                a.receive_sync_message(&mut a_knows_b, &m).expect("a receives");
            }
            rounds += 1;
            assert!(rounds < 20, "sync did not settle");
        }
    }

    #[test]
    fn two_tabs_editing_at_once_both_keep_their_work() {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut tab_a = crate::demo::workspace();
        let mut tab_b = Workspace::load(&tab_a.save()).expect("same workspace");
        let draft = ActionDraft { number: "4".into(), title: "Edited in tab A".into(), ..Default::default() };
        let valid = tab_a.validate_action(&draft, Some("action-04")).expect("valid");
        tab_a.edit_action(&Stamp::new(&me, 1), "action-04", valid).expect("edit");
        let update = ValidProgress {
            date: "2020-01-10".parse().expect("date"),
            status: Status::OnTrack,
            narrative: Narrative::new("Added in tab B"),
        };
        tab_b.add_progress(&Stamp::new(&me, 2), "action-02", update).expect("update");

        sync_until_quiet(&mut tab_a, &mut tab_b);
        assert_eq!(tab_a.partnership(), tab_b.partnership());
        assert_eq!(tab_b.partnership().action("action-04").map(|a| a.title.as_str()), Some("Edited in tab A"));
        let progress = &tab_a.partnership().action("action-02").expect("action").progress;
        assert!(progress.values().any(|u| u.narrative.as_str() == "Added in tab B"));
    }

    #[test]
    fn a_garbled_message_changes_nothing() {
        let mut tab = crate::demo::workspace();
        let heads = tab.heads();
        assert!(tab.receive_sync_message(&mut PeerState::new(), b"not a sync message").is_err());
        assert_eq!(tab.heads(), heads);
    }
}
