//! Browser storage (wasm only): workspace documents in IndexedDB as a log of
//! chunks, and small settings in localStorage through `gloo-storage`.

mod chunk_store;
mod error;
pub mod settings;

pub use chunk_store::{ChunkStore, DATABASE};
pub use error::StorageError;
