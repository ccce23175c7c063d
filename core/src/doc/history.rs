//! Who changed what, and when: the workspace history read back from the
//! Automerge change log.
//!
//! History and an action's change table are drawn again whenever the plan
//! changes, so the entries read so far are kept with the heads they were
//! read at ([`HistoryCache`]): a draw at the same heads reads nothing, and
//! one after new changes decodes only those.

use std::collections::{HashMap, HashSet};

use automerge::{ChangeHash, ChangeMetadata, ReadDoc};

use crate::model::{Author, Date};

use super::{ChangeKind, ChangeMessage, Workspace};

/// One change, as the history list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The change hash, hex.
    pub hash: String,
    /// Unix seconds, as recorded by the author's device.
    pub at: i64,
    pub summary: String,
    pub author: Author,
    pub targets: Vec<String>,
    /// What the change did, where the app needs to know (imports).
    pub kind: ChangeKind,
}

impl HistoryEntry {
    /// The entry for a change, from its metadata (its message decoded).
    fn from_meta(meta: &ChangeMetadata<'_>) -> HistoryEntry {
        let message = ChangeMessage::decode(meta.message.as_deref().unwrap_or_default());
        HistoryEntry {
            hash: meta.hash.to_string(),
            at: meta.timestamp,
            summary: message.summary,
            author: message.author,
            targets: message.targets,
            kind: message.kind,
        }
    }

    /// What the change did, from its recorded kind or, for an older change,
    /// its wording ([`super::ChangeMessage::meaning`]).
    pub fn meaning(&self) -> ChangeKind {
        self.kind.or_from_summary(&self.summary)
    }

    pub fn date(&self) -> Date {
        Date::from_unix_seconds(self.at)
    }

    /// "14:05" in UTC; the history list shows it beside the date.
    pub fn time_of_day(&self) -> String {
        let secs = self.at.rem_euclid(86_400);
        format!("{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
    }

    pub fn touches(&self, target: &str) -> bool {
        self.targets.iter().any(|t| t == target)
    }
}

/// The history read so far and the heads it was read at. Every change
/// before those heads is in it, so bringing it up to date reads only the
/// changes after them; heads the document no longer has (a sync rolled
/// back) mean reading it all again.
#[derive(Debug, Default)]
pub(super) struct HistoryCache {
    heads: Vec<ChangeHash>,
    /// Each change's causal depth (1 + its deepest dependency's).
    depth: HashMap<ChangeHash, usize>,
    /// Newest first, in [`Workspace::history`]'s order, with their depth.
    entries: Vec<(usize, HistoryEntry)>,
}

impl HistoryCache {
    /// Brings the entries up to `doc`'s heads and returns them.
    fn update(&mut self, doc: &mut automerge::AutoCommit) -> &[(usize, HistoryEntry)] {
        let heads = doc.get_heads();
        if heads == self.heads {
            return &self.entries;
        }
        if !doc.get_missing_deps(&self.heads).is_empty() {
            *self = HistoryCache::default();
        }
        let metas = doc.get_changes_meta(&self.heads);
        for meta in metas {
            // Causal order: every dependency was seen first.
            let d = 1 + meta.deps.iter().filter_map(|h| self.depth.get(h)).max().copied().unwrap_or(0);
            self.depth.insert(meta.hash, d);
            self.entries.push((d, HistoryEntry::from_meta(&meta)));
        }
        crate::sorting::sort_by(&mut self.entries, |(da, a), (db, b)| {
            b.at.cmp(&a.at).then(db.cmp(da)).then_with(|| a.hash.cmp(&b.hash))
        });
        self.heads = heads;
        &self.entries
    }
}

impl Workspace {
    /// Every change, newest first. Changes stamped in the same second are
    /// ordered by causal depth (a change after the one it builds on), then
    /// by hash, so every partner's copy lists them in the same order.
    /// Only changes made since the last call are read from the document.
    pub fn history(&mut self) -> Vec<HistoryEntry> {
        self.history.update(&mut self.doc).iter().map(|(_, e)| e.clone()).collect()
    }

    /// Changes `incoming` has that this workspace does not, oldest first:
    /// what merging it would bring in. Read from the changes' metadata, so
    /// no change is rebuilt (previewing a file of 1,000 changes rebuilt each
    /// one just to read its message).
    pub fn changes_from(&mut self, incoming: &mut Workspace) -> Vec<HistoryEntry> {
        let ours = self.heads();
        // Our heads the incoming copy also has: everything before them is
        // in both copies.
        let unknown = incoming.doc.get_missing_deps(&ours);
        let shared: Vec<ChangeHash> = ours.into_iter().filter(|h| !unknown.contains(h)).collect();
        let metas = incoming.doc_mut().get_changes_meta(&shared);
        // When the copies went separate ways, some of the rest are ours too:
        // asked as one yes/no question.
        let hashes: Vec<ChangeHash> = metas.iter().map(|m| m.hash).collect();
        let lacking: HashSet<ChangeHash> = self.doc.get_missing_deps(&hashes).into_iter().collect();
        metas
            .into_iter()
            .filter(|meta| lacking.contains(&meta.hash))
            .map(|meta| HistoryEntry::from_meta(&meta))
            .collect()
    }

    /// Changes to one item, e.g. `"action/<id>"`, newest first.
    pub fn history_of(&mut self, target: &str) -> Vec<HistoryEntry> {
        self.history.update(&mut self.doc).iter().filter(|(_, e)| e.touches(target)).map(|(_, e)| e.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::HistoryEntry;
    use crate::doc::{Stamp, Workspace};
    use crate::model::{Author, Narrative, Status, ValidProgress};

    /// The demo on the council's device, a copy of it on the police's, and
    /// the two authors.
    fn council_and_police() -> (Workspace, Workspace, Author, Author) {
        let mut ours = crate::demo::workspace();
        let theirs = Workspace::load(&ours.save()).expect("copy");
        (ours, theirs, Author::new("CSP Manager", "Luton Council"), Author::new("Inspector", "Bedfordshire Police"))
    }

    /// A progress update dated 20 February 2020.
    fn update(text: &str, status: Status) -> ValidProgress {
        ValidProgress { date: "2020-02-20".parse().expect("date"), status, narrative: Narrative::new(text) }
    }

    #[test]
    fn partners_list_changes_made_in_the_same_second_in_the_same_order() {
        let (mut ours, mut theirs, council, police) = council_and_police();
        let update = |text: &str| update(text, Status::OnTrack);
        ours.add_progress(&Stamp::new(&council, 1_800_000_000), "action-02", update("Council's")).expect("add");
        ours.add_progress(&Stamp::new(&council, 1_800_000_000), "action-04", update("Council's second")).expect("add");
        theirs.add_progress(&Stamp::new(&police, 1_800_000_000), "action-02", update("Police")).expect("add");
        let mut a = Workspace::load(&theirs.save()).expect("file");
        ours.merge(&mut a).expect("merge");
        let mut b = Workspace::load(&ours.save()).expect("file");
        theirs.merge(&mut b).expect("merge");
        let order = |ws: &mut Workspace| ws.history().into_iter().map(|e| e.hash).collect::<Vec<_>>();
        assert_eq!(order(&mut ours), order(&mut theirs));
        // Within one device's same-second changes, the later one is listed first.
        let council_changes: Vec<String> = ours
            .history()
            .into_iter()
            .filter(|e| e.at == 1_800_000_000 && e.author == council)
            .map(|e| e.summary)
            .collect();
        assert_eq!(council_changes.len(), 2);
        assert!(council_changes[0].contains("action 4"), "{council_changes:?}");
    }

    #[test]
    fn history_kept_between_draws_is_what_reading_the_whole_log_again_gives() {
        let (mut ours, mut theirs, council, police) = council_and_police();
        let fresh = |ws: &mut Workspace| Workspace::load(&ws.save()).expect("reloads").history();
        let first = ours.history();
        let at_first = ours.heads();
        ours.add_progress(&Stamp::new(&council, 1_800_000_000), "action-04", update("Council's", Status::OnTrack))
            .expect("add");
        let second = ours.history();
        assert_eq!(second.len(), first.len() + 1, "the new change is read");
        assert_eq!((second[0].author.clone(), second[0].at), (council.clone(), 1_800_000_000));
        assert_eq!(second, fresh(&mut ours));
        // A partner's changes merged in, one of them older than ours.
        theirs
            .add_progress(&Stamp::new(&police, 1_700_000_000), "action-04", update("Police", Status::AtRisk))
            .expect("add");
        theirs
            .add_progress(&Stamp::new(&police, 1_900_000_000), "action-07", update("Police", Status::AtRisk))
            .expect("add");
        let mut file = Workspace::load(&theirs.save()).expect("their file");
        assert_eq!(ours.merge(&mut file).expect("merge"), 2);
        let merged = ours.history();
        assert_eq!(merged.len(), first.len() + 3);
        assert_eq!(merged, fresh(&mut ours));
        let fresh_04: Vec<HistoryEntry> =
            fresh(&mut ours).into_iter().filter(|e| e.touches("action/action-04")).collect();
        assert_eq!(fresh_04.len(), ours.history_of("action/action-04").len());
        assert_eq!(ours.history_of("action/action-04"), fresh_04);
        // The document put back at earlier heads (as a refused sync message
        // is rolled back): what was read after them is forgotten.
        ours.doc = ours.doc.fork_at(&at_first).expect("earlier heads");
        assert_eq!(ours.history(), first);
    }

    #[test]
    fn a_copy_that_went_its_own_way_brings_only_its_own_changes_oldest_first() {
        let (mut ours, mut theirs, council, police) = council_and_police();
        let update = |text: &str| update(text, Status::AtRisk);
        ours.add_progress(&Stamp::new(&council, 1_800_000_000), "action-02", update("Council's")).expect("add");
        for (n, action) in ["action-04", "action-07"].into_iter().enumerate() {
            let at = 1_800_000_100 + n as i64;
            theirs.add_progress(&Stamp::new(&police, at), action, update("Police")).expect("add");
        }
        let mut file = Workspace::load(&theirs.save()).expect("their file");
        let brought: Vec<(String, i64)> =
            ours.changes_from(&mut file).into_iter().map(|e| (e.author.organisation, e.at)).collect();
        let police_org = "Bedfordshire Police".to_string();
        assert_eq!(brought, [(police_org.clone(), 1_800_000_100), (police_org, 1_800_000_101)]);
        // After the merge, our copy has them all, and our own change is not
        // something their copy would bring back.
        assert_eq!(ours.merge(&mut file).expect("merge"), 2);
        let mut again = Workspace::load(&theirs.save()).expect("their file again");
        assert!(ours.changes_from(&mut again).is_empty());
        let mut ours_file = Workspace::load(&ours.save()).expect("our file");
        let to_them: Vec<String> =
            theirs.changes_from(&mut ours_file).into_iter().map(|e| e.author.organisation).collect();
        assert_eq!(to_them, ["Luton Council"]);
    }
}
