//! The IndexedDB adapter: a key → bytes store with prefix ranges.
//!
//! Deliberately thin. What to write, when to compact and how to rebuild a
//! document from chunks is decided in `crate::doc::chunks` and tested natively;
//! this file only moves bytes, each call in one transaction. Writes ask for
//! "strict" durability so the browser flushes them to disk before reporting
//! success: the UI says "saved" only after that.

use indexed_db_futures::KeyRange;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use indexed_db_futures::typed_array::Uint8Array;

use super::StorageError;

/// The database every workspace's chunks live in.
pub const DATABASE: &str = "safer-plan";
const STORE: &str = "chunks";
const VERSION: u32 = 1;

/// An open connection to the chunk database.
pub struct ChunkStore {
    db: Database,
}

impl ChunkStore {
    pub async fn open() -> Result<ChunkStore, StorageError> {
        ChunkStore::open_named(DATABASE).await
    }

    /// Opens (creating if needed) a chunk database; tests use their own names.
    pub async fn open_named(name: &str) -> Result<ChunkStore, StorageError> {
        let db = Database::open(name)
            .with_version(VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(STORE).build()?;
                }
                Ok(())
            })
            .await
            .map_err(|e| StorageError::Unavailable(e.to_string()))?;
        Ok(ChunkStore { db })
    }

    /// Writes several chunks in one transaction: all are stored or none.
    pub async fn put_all(&self, chunks: &[(&str, &[u8])]) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(STORE)
            .with_mode(TransactionMode::Readwrite)
            .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
            .build()?;
        let store = tx.object_store(STORE)?;
        for (key, bytes) in chunks {
            store.put(Uint8Array::from(bytes.to_vec())).with_key(*key).primitive()?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StorageError> {
        self.put_all(&[(key, bytes)]).await
    }

    /// Every chunk whose key starts with `prefix`, in key order.
    pub async fn get_prefix(&self, prefix: &str) -> Result<Vec<(String, Vec<u8>)>, StorageError> {
        let tx = self.db.transaction(STORE).with_mode(TransactionMode::Readonly).build()?;
        let store = tx.object_store(STORE)?;
        let keys: Vec<String> = store
            .get_all_keys::<String>()
            .with_query::<String, _>(prefix_range(prefix))
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        let values: Vec<Uint8Array> = store
            .get_all::<Uint8Array>()
            .with_query::<String, _>(prefix_range(prefix))
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        if keys.len() != values.len() {
            return Err(StorageError::Unavailable("the chunk list changed while it was read".into()));
        }
        Ok(keys.into_iter().zip(values.into_iter().map(Vec::from)).collect())
    }

    /// Removes the given keys in one transaction.
    pub async fn delete(&self, keys: &[String]) -> Result<(), StorageError> {
        if keys.is_empty() {
            return Ok(());
        }
        let tx = self.db.transaction(STORE).with_mode(TransactionMode::Readwrite).build()?;
        let store = tx.object_store(STORE)?;
        for key in keys {
            store.delete(key.as_str()).primitive()?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Removes every chunk of one workspace.
    pub async fn delete_prefix(&self, prefix: &str) -> Result<(), StorageError> {
        let tx = self.db.transaction(STORE).with_mode(TransactionMode::Readwrite).build()?;
        let store = tx.object_store(STORE)?;
        store.delete::<String, _>(prefix_range(prefix)).primitive()?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the connection; later calls on it fail (tests use this to
    /// make writes fail the way a blocked or evicted store does).
    pub fn close(&self) {
        self.db.clone().close();
    }
}

/// All string keys beginning with `prefix`: `[prefix, prefix + U+FFFF)`.
fn prefix_range(prefix: &str) -> KeyRange<String> {
    KeyRange::Bound(prefix.to_string(), false, format!("{prefix}\u{ffff}"), true)
}
