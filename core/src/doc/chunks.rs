//! Keeping a workspace durable as a log of storage chunks, without doing any
//! I/O here (the browser adapter in `storage` only moves bytes).
//!
//! Each workspace is stored under keys `"<workspace id>/snapshot/<heads>"`
//! (a whole compressed document) and `"<workspace id>/incremental/<heads>"`
//! (the changes made since the last chunk). After every intent the UI asks
//! [`Durability::pending`] for the changes not yet stored, writes them, and
//! only then reports them saved with [`Durability::written`]. If a write fails
//! nothing is marked stored, so the next write carries those changes too.
//!
//! Every so often the log is compacted: a fresh snapshot is written first,
//! and only once it is safely stored are the chunks it replaces removed. A
//! crash between the two steps leaves duplicates, which loading tolerates,
//! never a gap. Chunks written by another tab that this one has not loaded are
//! never removed, because their changes are not in this tab's snapshot.
//!
//! Keys are named after the document heads they bring the log up to, so the
//! same content always lands under the same key and rewriting it is harmless.

use std::collections::BTreeSet;

use automerge::{AutoCommit, AutomergeError, ChangeHash};

use super::{DocError, Workspace};

/// Compact once this many incremental chunks have built up.
pub const COMPACT_AFTER: usize = 32;

pub const SNAPSHOT: &str = "snapshot";
pub const INCREMENTAL: &str = "incremental";

/// The key prefix shared by all of one workspace's chunks.
pub fn prefix(workspace_id: &str) -> String {
    format!("{workspace_id}/")
}

fn key(workspace_id: &str, kind: &str, heads: &[ChangeHash]) -> String {
    let mut names: Vec<String> = heads.iter().map(ChangeHash::to_string).collect();
    crate::sorting::sort(&mut names);
    format!("{workspace_id}/{kind}/{}", names.join("-"))
}

fn kind_of(key: &str) -> Option<&str> {
    key.split('/').nth(1)
}

/// Bytes to store under a key, and the heads they bring storage up to.
#[derive(Debug, Clone)]
pub struct PendingWrite {
    pub key: String,
    pub bytes: Vec<u8>,
    heads: Vec<ChangeHash>,
}

/// A new snapshot to write, then the keys it makes redundant.
#[derive(Debug, Clone)]
pub struct Compaction {
    pub snapshot: PendingWrite,
    pub remove: Vec<String>,
}

/// What this tab knows to be safely in storage for one workspace.
#[derive(Debug, Clone)]
pub struct Durability {
    workspace_id: String,
    stored_heads: Vec<ChangeHash>,
    /// Chunks whose changes are all in this tab's document.
    known_keys: BTreeSet<String>,
}

/// How a load went, for the record and for warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub chunks: usize,
    /// Keys whose bytes could not be read; their changes are missing.
    pub unreadable: Vec<String>,
}

impl Durability {
    /// For a workspace that has never been stored.
    pub fn unsaved(workspace_id: &str) -> Durability {
        Durability { workspace_id: workspace_id.to_string(), stored_heads: Vec::new(), known_keys: BTreeSet::new() }
    }

    pub fn workspace_id(&self) -> &str {
        &self.workspace_id
    }

    /// True when every change in `ws` is in storage.
    pub fn is_saved(&self, ws: &mut Workspace) -> bool {
        ws.heads() == self.stored_heads
    }

    /// The changes not yet stored, if any. A never-stored workspace is
    /// written whole, as a snapshot.
    pub fn pending(&self, ws: &mut Workspace) -> Option<PendingWrite> {
        let heads = ws.heads();
        if heads == self.stored_heads {
            return None;
        }
        let (kind, bytes) = if self.stored_heads.is_empty() {
            (SNAPSHOT, ws.save())
        } else {
            (INCREMENTAL, ws.save_after(&self.stored_heads))
        };
        Some(PendingWrite { key: key(&self.workspace_id, kind, &heads), bytes, heads })
    }

    /// Records that `write` is safely stored.
    pub fn written(&mut self, write: &PendingWrite) {
        self.stored_heads = write.heads.clone();
        self.known_keys.insert(write.key.clone());
    }

    pub fn should_compact(&self) -> bool {
        self.known_keys.iter().filter(|k| kind_of(k) == Some(INCREMENTAL)).count() >= COMPACT_AFTER
    }

    /// A snapshot of everything stored so far, replacing the chunks this tab
    /// knows about. Call only when [`Durability::is_saved`], so the snapshot
    /// holds nothing that is not already stored elsewhere.
    pub fn compaction(&self, ws: &mut Workspace) -> Compaction {
        let heads = ws.heads();
        let snapshot = PendingWrite { key: key(&self.workspace_id, SNAPSHOT, &heads), bytes: ws.save(), heads };
        let remove = self.known_keys.iter().filter(|k| **k != snapshot.key).cloned().collect();
        Compaction { snapshot, remove }
    }

    /// Records that the snapshot is stored and the old chunks removed.
    pub fn compacted(&mut self, compaction: &Compaction) {
        self.known_keys.clear();
        self.written(&compaction.snapshot);
    }

    pub fn known_keys(&self) -> impl Iterator<Item = &str> {
        self.known_keys.iter().map(String::as_str)
    }
}

/// Rebuilds a workspace from its stored chunks (in any order).
///
/// An unreadable chunk is skipped and reported rather than failing the whole
/// load: the rest of the partnership's work is still there to use and export.
pub fn load(
    workspace_id: &str,
    chunks: impl IntoIterator<Item = (String, Vec<u8>)>,
) -> Result<(Workspace, Durability, LoadReport), DocError> {
    let mut chunks: Vec<(String, Vec<u8>)> = chunks.into_iter().collect();
    // Snapshots first: incremental chunks apply on top of them.
    crate::sorting::sort_by_key(&mut chunks, |(k, _)| (kind_of(k) != Some(SNAPSHOT), k.clone()));
    let mut doc = AutoCommit::new();
    let mut report = LoadReport::default();
    let mut known_keys = BTreeSet::new();
    for (key, bytes) in chunks {
        report.chunks += 1;
        // `load_incremental` quietly skips bytes it cannot parse, so each
        // chunk is first read strictly on its own to find damaged ones. An
        // incremental chunk read alone lacks its dependencies; that is fine.
        let readable = !bytes.is_empty()
            && match AutoCommit::load(&bytes) {
                Ok(checked) if doc.is_empty() => {
                    doc = checked;
                    true
                }
                Ok(_) | Err(AutomergeError::MissingDeps) => doc.load_incremental(&bytes).is_ok(),
                Err(_) => false,
            };
        if readable {
            known_keys.insert(key);
        } else {
            report.unreadable.push(key);
        }
    }
    if doc.get_heads().is_empty() {
        return Err(DocError::Damaged("no readable data was found for this workspace".into()));
    }
    // Changes whose dependencies are missing are held back by Automerge;
    // the chunks that carried them must not be compacted away.
    if !doc.get_missing_deps(&[]).is_empty() {
        known_keys.clear();
    }
    let mut ws = Workspace::from_doc(doc)?;
    let stored_heads = ws.heads();
    let durability = Durability { workspace_id: workspace_id.to_string(), stored_heads, known_keys };
    Ok((ws, durability, report))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::doc::Stamp;
    use crate::model::{ActionDraft, Author};

    /// A key → bytes store standing in for IndexedDB.
    #[derive(Default)]
    struct MemoryStore(BTreeMap<String, Vec<u8>>);

    impl MemoryStore {
        fn save(&mut self, ws: &mut Workspace, d: &mut Durability) {
            if let Some(w) = d.pending(ws) {
                self.0.insert(w.key.clone(), w.bytes.clone());
                d.written(&w);
            }
        }

        fn compact(&mut self, ws: &mut Workspace, d: &mut Durability) {
            let c = d.compaction(ws);
            self.0.insert(c.snapshot.key.clone(), c.snapshot.bytes.clone());
            for k in &c.remove {
                self.0.remove(k);
            }
            d.compacted(&c);
        }

        fn chunks(&self, ws_id: &str) -> Vec<(String, Vec<u8>)> {
            let p = prefix(ws_id);
            self.0.iter().filter(|(k, _)| k.starts_with(&p)).map(|(k, v)| (k.clone(), v.clone())).collect()
        }
    }

    fn me() -> Author {
        Author::new("Test Officer", "Luton Council")
    }

    fn add(ws: &mut Workspace, n: usize) {
        let draft = ActionDraft { number: n.to_string(), title: format!("Action number {n}"), ..Default::default() };
        let valid = ws.validate_action(&draft, None).unwrap();
        ws.add_action(&Stamp::new(&me(), n as i64), valid).unwrap();
    }

    #[test]
    fn first_write_is_a_snapshot_then_increments() {
        let mut ws = Workspace::create("P", "A", &Stamp::new(&me(), 0));
        let mut d = Durability::unsaved(ws.id());
        let first = d.pending(&mut ws).unwrap();
        assert!(first.key.contains("/snapshot/"));
        d.written(&first);
        assert!(d.pending(&mut ws).is_none(), "nothing left to write");
        add(&mut ws, 1);
        assert!(d.pending(&mut ws).unwrap().key.contains("/incremental/"));
    }

    #[test]
    fn a_failed_write_is_carried_by_the_next_one() {
        let mut store = MemoryStore::default();
        let mut ws = Workspace::create("P", "A", &Stamp::new(&me(), 0));
        let mut d = Durability::unsaved(ws.id());
        store.save(&mut ws, &mut d);
        add(&mut ws, 1);
        let lost = d.pending(&mut ws).unwrap(); // the write "fails": never stored
        drop(lost);
        assert!(!d.is_saved(&mut ws));
        add(&mut ws, 2);
        store.save(&mut ws, &mut d);
        let (back, _, _) = load(ws.id(), store.chunks(ws.id())).unwrap();
        assert_eq!(back.partnership().actions.len(), 2);
    }

    #[test]
    fn compaction_keeps_every_change_and_removes_old_chunks() {
        let mut store = MemoryStore::default();
        let mut ws = Workspace::create("P", "A", &Stamp::new(&me(), 0));
        let mut d = Durability::unsaved(ws.id());
        store.save(&mut ws, &mut d);
        for n in 1..=COMPACT_AFTER {
            add(&mut ws, n);
            store.save(&mut ws, &mut d);
        }
        assert!(d.should_compact());
        let before = ws.history().len();
        store.compact(&mut ws, &mut d);
        assert_eq!(store.chunks(ws.id()).len(), 1, "one snapshot left");
        assert!(!d.should_compact());
        let (mut back, _, report) = load(ws.id(), store.chunks(ws.id())).unwrap();
        assert_eq!(report.chunks, 1);
        assert_eq!(back.history().len(), before, "history survives compaction");
        assert_eq!(back.partnership(), ws.partnership());
    }

    #[test]
    fn compaction_leaves_chunks_written_by_another_tab() {
        let mut store = MemoryStore::default();
        let mut tab1 = Workspace::create("P", "A", &Stamp::new(&me(), 0));
        let mut d1 = Durability::unsaved(tab1.id());
        store.save(&mut tab1, &mut d1);
        let (mut tab2, mut d2, _) = load(tab1.id(), store.chunks(tab1.id())).unwrap();
        add(&mut tab2, 99);
        store.save(&mut tab2, &mut d2);
        add(&mut tab1, 1);
        store.save(&mut tab1, &mut d1);
        store.compact(&mut tab1, &mut d1);
        let (back, _, _) = load(tab1.id(), store.chunks(tab1.id())).unwrap();
        let numbers: Vec<&str> = back.partnership().actions.values().map(|a| a.number.as_str()).collect();
        assert_eq!(numbers.len(), 2, "tab 2's action survived tab 1's compaction: {numbers:?}");
    }

    #[test]
    fn an_interrupted_compaction_loses_nothing() {
        let mut store = MemoryStore::default();
        let mut ws = Workspace::create("P", "A", &Stamp::new(&me(), 0));
        let mut d = Durability::unsaved(ws.id());
        store.save(&mut ws, &mut d);
        add(&mut ws, 1);
        store.save(&mut ws, &mut d);
        // Snapshot written, then the tab dies before removing old chunks.
        let c = d.compaction(&mut ws);
        store.0.insert(c.snapshot.key.clone(), c.snapshot.bytes.clone());
        let (back, _, report) = load(ws.id(), store.chunks(ws.id())).unwrap();
        assert_eq!(report.chunks, 3);
        assert_eq!(back.partnership(), ws.partnership());
    }

    #[test]
    fn an_unreadable_chunk_is_reported_not_fatal() {
        let mut store = MemoryStore::default();
        let mut ws = Workspace::create("P", "A", &Stamp::new(&me(), 0));
        let mut d = Durability::unsaved(ws.id());
        store.save(&mut ws, &mut d);
        store.0.insert(format!("{}/incremental/zz", ws.id()), b"not automerge".to_vec());
        let (back, _, report) = load(ws.id(), store.chunks(ws.id())).unwrap();
        assert_eq!(report.unreadable, [format!("{}/incremental/zz", ws.id())]);
        assert_eq!(back.partnership().name, "P");
    }

    #[test]
    fn nothing_readable_is_an_error() {
        assert!(load("x", vec![]).is_err());
        assert!(load("x", vec![("x/snapshot/a".into(), vec![1, 2, 3])]).is_err());
    }
}
