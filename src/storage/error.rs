//! Storage failures, worded for the person whose work is at stake.

use thiserror::Error;

#[derive(Debug, Clone, Error)]
pub enum StorageError {
    #[error(
        "This browser is not letting Safer Plan store data ({0}). Private browsing, a full disk or a browser setting can cause this."
    )]
    Unavailable(String),
    #[error("This device has run out of space for Safer Plan's data.")]
    QuotaExceeded,
    #[error("Your changes could not be saved on this device ({0}).")]
    WriteFailed(String),
}

impl From<indexed_db_futures::error::Error> for StorageError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        let text = e.to_string();
        if text.contains("QuotaExceeded") || text.to_lowercase().contains("quota") {
            StorageError::QuotaExceeded
        } else {
            StorageError::WriteFailed(text)
        }
    }
}
