//! What can go wrong in the document layer, in words for people.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DocError {
    #[error("This file is not a Safer Plan workspace.")]
    NotAWorkspace,
    #[error(
        "This workspace was saved by a newer version of Safer Plan (layout {found}). Update Safer Plan on this device, then try again."
    )]
    NewerVersion { found: u64 },
    #[error("This workspace is damaged and cannot be read: {0}")]
    Damaged(String),
    #[error("That {kind} no longer exists. It may have been deleted by another partner.")]
    NotFound { kind: &'static str },
    #[error("Action {number} is now used by another action. Give this one a different number, such as {next}.")]
    NumberTaken { number: String, next: String },
    #[error("These changes build on earlier ones this copy has not received.")]
    MissingEarlierChanges,
    #[error("The change could not be recorded: {0}")]
    Internal(String),
}

impl From<automerge::AutomergeError> for DocError {
    fn from(e: automerge::AutomergeError) -> Self {
        DocError::Internal(e.to_string())
    }
}

impl From<autosurgeon::ReconcileError> for DocError {
    fn from(e: autosurgeon::ReconcileError) -> Self {
        DocError::Internal(e.to_string())
    }
}

impl From<autosurgeon::HydrateError> for DocError {
    fn from(e: autosurgeon::HydrateError) -> Self {
        DocError::Damaged(e.to_string())
    }
}
