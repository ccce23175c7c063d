//! Browser storage, in headless Chromium (`wasm-bindgen-test`): the
//! IndexedDB chunk log survives closing and reopening the database,
//! compaction keeps every change, a failed write leaves the last good
//! state loadable, and a full disk is told apart from other failures.
#![cfg(target_arch = "wasm32")]

use safer_plan::doc::chunks::{self, Durability};
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::model::{ActionDraft, Author};
use safer_plan::storage::ChunkStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn me() -> Author {
    Author::new("Test Officer", "Luton Council")
}

fn add_action(ws: &mut Workspace, n: usize) {
    let draft = ActionDraft { number: n.to_string(), title: format!("Action {n}"), ..Default::default() };
    let valid = ws.validate_action(&draft, None).expect("valid draft");
    ws.add_action(&Stamp::new(&me(), n as i64), valid).expect("action added");
}

async fn save(store: &ChunkStore, ws: &mut Workspace, d: &mut Durability) {
    if let Some(w) = d.pending(ws) {
        store.put(&w.key, &w.bytes).await.expect("write succeeds");
        d.written(&w);
    }
}

async fn fresh_store(name: &str) -> ChunkStore {
    let store = ChunkStore::open_named(name).await.expect("database opens");
    store.delete_prefix("").await.expect("database cleared");
    store
}

#[wasm_bindgen_test]
async fn the_store_survives_closing_and_reopening() {
    let store = fresh_store("test-reopen").await;
    let mut ws = Workspace::create("Reopen CSP", "Luton", &Stamp::new(&me(), 0));
    let mut d = Durability::unsaved(ws.id());
    save(&store, &mut ws, &mut d).await;
    add_action(&mut ws, 1);
    save(&store, &mut ws, &mut d).await;
    store.close();

    let reopened = ChunkStore::open_named("test-reopen").await.expect("database reopens");
    let chunks = reopened.get_prefix(&chunks::prefix(ws.id())).await.expect("chunks read");
    assert_eq!(chunks.len(), 2, "a snapshot and one incremental chunk");
    let (back, _, report) = chunks::load(ws.id(), chunks).expect("workspace loads");
    assert!(report.unreadable.is_empty());
    assert_eq!(back.partnership(), ws.partnership());
}

#[wasm_bindgen_test]
async fn compaction_keeps_every_change() {
    let store = fresh_store("test-compact").await;
    let mut ws = Workspace::create("Compact CSP", "Luton", &Stamp::new(&me(), 0));
    let mut d = Durability::unsaved(ws.id());
    save(&store, &mut ws, &mut d).await;
    for n in 1..=chunks::COMPACT_AFTER {
        add_action(&mut ws, n);
        save(&store, &mut ws, &mut d).await;
    }
    assert!(d.should_compact());
    let changes_before = ws.history().len();

    let c = d.compaction(&mut ws);
    store.put(&c.snapshot.key, &c.snapshot.bytes).await.expect("snapshot written");
    store.delete(&c.remove).await.expect("old chunks removed");
    d.compacted(&c);

    let stored = store.get_prefix(&chunks::prefix(ws.id())).await.expect("chunks read");
    assert_eq!(stored.len(), 1, "only the new snapshot remains");
    let (mut back, _, _) = chunks::load(ws.id(), stored).expect("workspace loads");
    assert_eq!(back.partnership().actions.len(), chunks::COMPACT_AFTER);
    assert_eq!(back.history().len(), changes_before, "every change is still in the history");
}

#[wasm_bindgen_test]
async fn a_failed_write_leaves_the_last_good_state_loadable() {
    let store = fresh_store("test-failed-write").await;
    let mut ws = Workspace::create("Failing CSP", "Luton", &Stamp::new(&me(), 0));
    let mut d = Durability::unsaved(ws.id());
    save(&store, &mut ws, &mut d).await;
    add_action(&mut ws, 1);
    save(&store, &mut ws, &mut d).await;
    let good = ws.partnership().clone();

    // A closed connection refuses writes, as a blocked or evicted store does.
    add_action(&mut ws, 2);
    let pending = d.pending(&mut ws).expect("a change is waiting");
    store.close();
    assert!(store.put(&pending.key, &pending.bytes).await.is_err(), "the write must fail");
    assert!(!d.is_saved(&mut ws), "the failed change is not marked saved");

    let reopened = ChunkStore::open_named("test-failed-write").await.expect("database reopens");
    let (back, _, _) = chunks::load(ws.id(), reopened.get_prefix(&chunks::prefix(ws.id())).await.expect("read"))
        .expect("the last good state loads");
    assert_eq!(back.partnership(), &good);

    // The next successful write carries the change that failed.
    save(&reopened, &mut ws, &mut d).await;
    let (back, _, _) =
        chunks::load(ws.id(), reopened.get_prefix(&chunks::prefix(ws.id())).await.expect("read")).expect("loads");
    assert_eq!(back.partnership().actions.len(), 2);
}

/// A full disk is known by the kind of exception the browser raises, not by
/// its message: Chromium, Firefox and Safari word it differently.
#[wasm_bindgen_test]
fn a_full_disk_is_known_by_its_exception_not_its_wording() {
    use indexed_db_futures::error::Error;
    use safer_plan::storage::StorageError;
    let raised = |message: &str, name: &str| {
        let dom = web_sys::DomException::new_with_message_and_name(message, name).expect("exception");
        StorageError::from(Error::from(wasm_bindgen::JsValue::from(dom)))
    };
    let full = raised("Écriture impossible", "QuotaExceededError");
    assert!(matches!(full, StorageError::QuotaExceeded), "{full:?}");
    assert_eq!(full.to_string(), "This device has run out of space for Safer Plan's data.");
    // A message that mentions a quota is not a full disk.
    let other = raised("The quota check failed to run", "DataError");
    assert!(matches!(other, StorageError::WriteFailed(_)), "{other:?}");
}
