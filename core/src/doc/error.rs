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
    /// The bytes are a sound Automerge document, but a value in it has a
    /// type the Safer Plan layout does not allow (text where a list of
    /// actions belongs): a file from another tool, not a damaged one.
    #[error("This workspace is damaged and cannot be read: {0}")]
    WrongTypes(String),
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
        match e {
            autosurgeon::HydrateError::Unexpected(_) => DocError::WrongTypes(e.to_string()),
            _ => DocError::Damaged(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_the_wrong_type_is_told_apart_from_damage_by_its_kind_not_its_words() {
        let wrong = autosurgeon::HydrateError::unexpected("a list of actions", "a string".to_string());
        let e = DocError::from(wrong);
        assert!(matches!(&e, DocError::WrongTypes(_)));
        // Worded as before the kinds were told apart.
        assert_eq!(
            e.to_string(),
            "This workspace is damaged and cannot be read: unexpected a string, expected a list of actions"
        );
        let key = autosurgeon::HydrateError::ParseMapKey("not a number".into());
        assert!(matches!(DocError::from(key), DocError::Damaged(_)));
    }
}
