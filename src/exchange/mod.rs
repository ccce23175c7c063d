//! Partners exchange workspace files. Before anything is stored, an incoming
//! file is checked (size first, then what the bytes really are, then a
//! strict Automerge load and the Safer Plan layout), and what merging it
//! would change is summarised in plain English by organisation.
//!
//! This is the validating half of issue 4; sending, merging and conflicts
//! build on it.

use thiserror::Error;

use crate::doc::{DocError, HistoryEntry, Workspace};

/// Largest exchange file accepted, checked before parsing: a four-year plan
/// with its full history is a few megabytes.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExchangeError {
    #[error("The file is empty. Ask the partner to send it again.")]
    Empty,
    #[error(
        "The file is {size_mb} MB, larger than the 50 MB a Safer Plan file can be. Ask the partner to check they sent the right file."
    )]
    TooLarge { size_mb: usize },
    #[error("This is {0}, not a Safer Plan file. Ask the partner to use \u{201c}Share changes\u{201d} in Safer Plan.")]
    WrongKind(&'static str),
    #[error("This file is damaged or incomplete, so nothing was changed. Ask the partner to send it again.")]
    Damaged,
    #[error("This file is not a Safer Plan workspace, so nothing was changed.")]
    NotAWorkspace,
    #[error(
        "This file was saved by a newer version of Safer Plan. Update Safer Plan on this device, then open it again."
    )]
    NewerVersion,
    #[error("This file has parts Safer Plan cannot read ({0}), so nothing was changed.")]
    WrongTypes(String),
}

/// Checks and opens an exchange file without storing anything.
pub fn open_file(bytes: &[u8]) -> Result<Workspace, ExchangeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ExchangeError::TooLarge { size_mb: bytes.len().div_ceil(1024 * 1024) });
    }
    // `Automerge::load(&[])` succeeds with an empty document: refuse it here.
    if bytes.is_empty() {
        return Err(ExchangeError::Empty);
    }
    if let Some(kind) = other_kind(bytes) {
        return Err(ExchangeError::WrongKind(kind));
    }
    match Workspace::load(bytes) {
        Ok(ws) => Ok(ws),
        Err(DocError::NotAWorkspace) => Err(ExchangeError::NotAWorkspace),
        Err(DocError::NewerVersion { .. }) => Err(ExchangeError::NewerVersion),
        Err(DocError::Damaged(reason)) if reason.contains("expected") || reason.contains("unexpected") => {
            Err(ExchangeError::WrongTypes(reason))
        }
        Err(_) => Err(ExchangeError::Damaged),
    }
}

/// Files people send by mistake, recognised by their first bytes.
fn other_kind(bytes: &[u8]) -> Option<&'static str> {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    match bytes {
        [b'%', b'P', b'D', b'F', ..] => Some("a PDF"),
        [b'P', b'K', 3, 4, ..] if has(b"word/") => Some("a Word document"),
        [b'P', b'K', 3, 4, ..] if has(b"xl/") => Some("an Excel workbook"),
        [b'P', b'K', ..] => Some("a zip file"),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => Some("a text file"),
        [0xEF, 0xBB, 0xBF, ..] => Some("a text file"),
        _ if bytes.iter().take(64).all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace()) => Some("a text file"),
        _ => None,
    }
}

/// What merging an incoming file would bring, grouped by organisation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IncomingSummary {
    /// (organisation, what it changed), in order of first appearance.
    pub by_organisation: Vec<(String, Counts)>,
    /// Every change, oldest first, for the item list under the summary.
    pub changes: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub actions_added: usize,
    pub actions_updated: usize,
    pub actions_deleted: usize,
    pub progress_added: usize,
    pub indicator_values: usize,
    pub other: usize,
}

impl Counts {
    /// "3 actions updated, 1 progress update added, 2 indicator values entered".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut say = |n: usize, one: &str, many: &str| {
            if n > 0 {
                parts.push(if n == 1 { one.replace('#', "1") } else { many.replace('#', &n.to_string()) });
            }
        };
        say(self.actions_added, "1 action added", "# actions added");
        say(self.actions_updated, "1 action updated", "# actions updated");
        say(self.actions_deleted, "1 action deleted", "# actions deleted");
        say(self.progress_added, "1 progress update added", "# progress updates added");
        say(self.indicator_values, "1 indicator value entered", "# indicator values entered");
        say(self.other, "1 other change", "# other changes");
        if parts.is_empty() { "nothing new".to_string() } else { parts.join(", ") }
    }
}

impl IncomingSummary {
    pub fn between(current: &mut Workspace, incoming: &mut Workspace) -> IncomingSummary {
        let changes = current.changes_from(incoming);
        let mut out = IncomingSummary { by_organisation: Vec::new(), changes: Vec::new() };
        for change in &changes {
            let org = if change.author.organisation.is_empty() {
                "Unknown organisation".to_string()
            } else {
                change.author.organisation.clone()
            };
            let index = match out.by_organisation.iter().position(|(o, _)| *o == org) {
                Some(i) => i,
                None => {
                    out.by_organisation.push((org, Counts::default()));
                    out.by_organisation.len() - 1
                }
            };
            let counts = &mut out.by_organisation[index].1;
            let s = change.summary.as_str();
            if s.starts_with("Added a progress update") {
                counts.progress_added += 1;
            } else if s.starts_with("Added action") || s.starts_with("Imported") && s.contains("action") {
                counts.actions_added += change.targets.len().max(1);
            } else if s.starts_with("Edited action") {
                counts.actions_updated += 1;
            } else if s.starts_with("Deleted action") {
                counts.actions_deleted += 1;
            } else if s.starts_with("Recorded") || s.starts_with("Imported") && s.contains("indicator value") {
                counts.indicator_values += change.targets.len().max(1);
            } else {
                counts.other += 1;
            }
        }
        out.changes = changes;
        out
    }

    /// "Probation: 3 actions updated, 1 progress update added".
    pub fn lines(&self) -> Vec<String> {
        self.by_organisation.iter().map(|(org, c)| format!("{org}: {}", c.describe())).collect()
    }
}

#[cfg(test)]
mod tests;
