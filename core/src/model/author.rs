//! Who is making a change: recorded on every change and progress update.

use serde::{Deserialize, Serialize};

/// The person using this device, as they described themselves in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    pub organisation: String,
}

impl Author {
    pub fn new(name: impl Into<String>, organisation: impl Into<String>) -> Author {
        Author { name: name.into(), organisation: organisation.into() }
    }

    /// "Jane Smith (Bedfordshire Police)".
    pub fn describe(&self) -> String {
        match self.organisation.trim() {
            "" => self.name.trim().to_string(),
            org => format!("{} ({org})", self.name.trim()),
        }
    }

    /// Checks what Settings asks for; errors name the field they belong to.
    pub fn validate(name: &str, organisation: &str) -> Result<Author, super::FieldErrors> {
        let mut errors = super::FieldErrors::default();
        if name.trim().is_empty() {
            errors.add("name", "Enter your name");
        }
        if organisation.trim().is_empty() {
            errors.add("organisation", "Enter the organisation you work for");
        }
        errors.into_result(Author::new(name.trim(), organisation.trim()))
    }
}
