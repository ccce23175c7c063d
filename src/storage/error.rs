//! Storage failures, worded for the person whose work is at stake.

use indexed_db_futures::error::{DomException, Error as IdbError};
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

/// A full disk is told apart by the kind of exception the browser raised
/// (`QuotaExceededError`, legacy code 22, WebIDL §2.8.1), not by its
/// message, which each browser words differently.
impl From<IdbError> for StorageError {
    fn from(e: IdbError) -> Self {
        match &e {
            IdbError::DomException(DomException::Other(raised))
                if raised.code() == web_sys::DomException::QUOTA_EXCEEDED_ERR =>
            {
                StorageError::QuotaExceeded
            }
            _ => StorageError::WriteFailed(e.to_string()),
        }
    }
}
