//! Merging a partner's copy of the same partnership into this one.

use automerge::{AutoCommit, Change, ChangeHash};

use super::refresh::{Touched, check_touched, refresh};
use super::{DocError, Workspace};

/// Applies `changes` to `doc` and says what they touched: refused if they
/// build on changes `doc` lacks, or leave a document this version does not
/// keep (the checks of [`Workspace::check_layout`]).
fn take_changes(doc: &mut AutoCommit, changes: Vec<Change>) -> Result<Touched, DocError> {
    doc.update_diff_cursor();
    doc.apply_changes(changes)?;
    if !doc.get_missing_deps(&[]).is_empty() {
        return Err(DocError::MissingEarlierChanges);
    }
    let touched = Touched::from_patches(&doc.diff_incremental());
    // Stop recording: the document may be kept, and merged into.
    doc.reset_diff_cursor();
    Workspace::check_layout(doc)?;
    Ok(touched)
}

impl Workspace {
    /// Every change made since `base` (what a partner is known to have),
    /// each in Automerge's compressed change format. Hashes this copy has
    /// never seen are ignored, so the worst case is sending more, not less.
    pub fn changes_since(&mut self, base: &[ChangeHash]) -> Vec<Vec<u8>> {
        // Asked as Automerge's own yes/no question: `get_change_by_hash`
        // would rebuild each change just to say it exists.
        let unknown = self.doc.get_missing_deps(base);
        let known: Vec<ChangeHash> = base.iter().filter(|h| !unknown.contains(h)).copied().collect();
        self.doc.get_changes(&known).into_iter().map(|mut c| c.bytes().into_owned()).collect()
    }

    /// A separate copy of this workspace with `changes` applied, for a
    /// preview. Refused if the changes build on ones this copy lacks:
    /// Automerge would hold them back silently, and the person would see a
    /// merge that brought nothing.
    ///
    /// The copy's partnership is this one's with only the items the changes
    /// touched read again (`doc::refresh`): Automerge lists what they
    /// did as they go in (its diff index), so a file of 10 changes costs 10
    /// items, not the whole plan.
    pub fn with_changes(&mut self, changes: Vec<Change>) -> Result<Workspace, DocError> {
        let mut doc = self.doc.fork();
        let touched = take_changes(&mut doc, changes)?;
        let partnership = refresh(&self.partnership, &doc, &touched)?;
        Ok(Workspace { doc, partnership, history: Default::default() })
    }

    /// [`Workspace::with_changes`]'s checks, made on `saved` itself
    /// (changed) without reading the whole partnership: the changes go in,
    /// nothing they build on is missing, the layout holds and every item
    /// they touched reads. `saved` must be a partnership this device has
    /// read whole already (the file worker is sent the page's own saved
    /// document), so the items the changes leave alone read as before.
    /// Refuses with the error `with_changes` gives.
    pub fn check_changes(saved: &mut AutoCommit, changes: Vec<Change>) -> Result<(), DocError> {
        let touched = take_changes(saved, changes)?;
        check_touched(saved, &touched)?;
        Ok(())
    }

    /// Brings in every change `incoming` has that this workspace lacks and
    /// returns how many there were. The merge is tried on a copy first, so a
    /// result this version cannot read leaves this workspace as it was.
    /// `incoming` is used up: it may be left holding this workspace's
    /// previous state.
    pub fn merge(&mut self, incoming: &mut Workspace) -> Result<usize, DocError> {
        if incoming.id() != self.id() {
            return Err(DocError::Internal("the file is for a different partnership".into()));
        }
        let new = self.changes_from(incoming).len();
        if new == 0 {
            return Ok(0);
        }
        // When the file already holds everything this copy has (a partner's
        // whole file, or a file of changes applied to a copy of this one),
        // merging would rebuild exactly that document: take it as it is.
        let ours = self.doc.get_heads();
        if incoming.doc.get_missing_deps(&ours).is_empty() {
            let actor = self.doc.get_actor().clone();
            std::mem::swap(&mut self.doc, &mut incoming.doc);
            std::mem::swap(&mut self.partnership, &mut incoming.partnership);
            self.doc.set_actor(actor);
            return Ok(new);
        }
        let mut merged = self.doc.fork();
        // The merged copy replaces this one, so it keeps this device's actor.
        merged.set_actor(self.doc.get_actor().clone());
        merged.update_diff_cursor();
        merged.merge(&mut incoming.doc)?;
        let touched = Touched::from_patches(&merged.diff_incremental());
        merged.reset_diff_cursor();
        let partnership = refresh(&self.partnership, &merged, &touched)?;
        self.doc = merged;
        self.partnership = partnership;
        Ok(new)
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::{Stamp, Workspace};
    use crate::model::{ActionDraft, Author};

    #[test]
    fn two_partners_edits_meet_and_merging_twice_changes_nothing() {
        let council = Author::new("CSP Manager", "Luton Council");
        let police = Author::new("Inspector", "Bedfordshire Police");
        let mut ours = crate::demo::workspace();
        let mut theirs = Workspace::load(&ours.save()).expect("copy");
        let edit = |ws: &mut Workspace, who: &Author, id: &str, title: &str| {
            let number = ws.partnership().action(id).map(|a| a.number.clone()).unwrap_or_default();
            let draft = ActionDraft { number, title: title.into(), ..Default::default() };
            let valid = ws.validate_action(&draft, Some(id)).expect("valid");
            ws.edit_action(&Stamp::new(who, 1_700_000_000), id, valid).expect("edit");
        };
        edit(&mut ours, &council, "action-07", "Publish both Domestic Homicide Reviews");
        edit(&mut theirs, &police, "action-04", "Review the serious youth violence strategy");
        let mut incoming = Workspace::load(&theirs.save()).expect("their file");
        assert_eq!(ours.merge(&mut incoming).expect("merge"), 1);
        let mut back = Workspace::load(&ours.save()).expect("our file");
        assert_eq!(theirs.merge(&mut back).expect("merge back"), 1);
        assert_eq!(ours.partnership(), theirs.partnership());
        assert_eq!(
            ours.partnership().action("action-04").map(|a| a.title.as_str()),
            Some("Review the serious youth violence strategy")
        );
        let mut again = Workspace::load(&theirs.save()).expect("same file");
        assert_eq!(ours.merge(&mut again).expect("again"), 0);
    }

    #[test]
    fn a_file_for_another_partnership_is_refused() {
        let mut ours = crate::demo::workspace();
        let mut other = crate::demo::workspace();
        let heads = ours.heads();
        assert!(ours.merge(&mut other).is_err());
        assert_eq!(ours.heads(), heads);
    }

    #[test]
    fn changes_since_a_partner_s_heads_are_those_they_lack_and_unknown_heads_send_more() {
        let council = Author::new("CSP Manager", "Luton Council");
        let mut ours = crate::demo::workspace();
        let all = ours.changes_since(&[]).len();
        let sent = ours.heads();
        for (n, title) in [(1, "Publish both Domestic Homicide Reviews"), (2, "Refresh the MARAC protocol")] {
            let draft = ActionDraft { number: format!("9{n}"), title: title.into(), ..Default::default() };
            let valid = ours.validate_action(&draft, None).expect("valid");
            ours.add_action(&Stamp::new(&council, 1_700_000_000 + n), valid).expect("added");
        }
        assert_eq!(ours.changes_since(&sent).len(), 2, "only the two made since");
        let now = ours.heads();
        assert_eq!(ours.changes_since(&now).len(), 0);
        // A partner's heads this copy never saw say nothing about what they
        // have, so everything goes.
        let stranger = [automerge::ChangeHash([7; 32])];
        assert_eq!(ours.changes_since(&stranger).len(), all + 2);
        let mut mixed = sent.clone();
        mixed.extend(stranger);
        assert_eq!(ours.changes_since(&mixed).len(), 2, "the known head still counts");
    }
}
