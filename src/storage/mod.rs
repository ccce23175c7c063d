//! Browser storage (wasm only): workspace documents in IndexedDB as a log of
//! chunks, small settings in localStorage through `gloo-storage`, and the
//! tab's kiosk lock in session storage.

mod chunk_store;
mod error;
pub mod kiosk;
pub mod server;
pub mod settings;

pub use chunk_store::{ChunkStore, DATABASE};
pub use error::StorageError;
