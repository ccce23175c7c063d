//! Who changed what, and when: the workspace history read back from the
//! Automerge change log.

use crate::model::{Author, Date};

use super::{ChangeMessage, Workspace};

/// One change, as the history list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The change hash, hex.
    pub hash: String,
    /// Unix seconds, as recorded by the author's device.
    pub at: i64,
    pub summary: String,
    pub author: Author,
    pub targets: Vec<String>,
}

impl HistoryEntry {
    pub fn date(&self) -> Date {
        Date::from_unix_seconds(self.at)
    }

    /// "14:05" in UTC; the history list shows it beside the date.
    pub fn time_of_day(&self) -> String {
        let secs = self.at.rem_euclid(86_400);
        format!("{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
    }

    pub fn touches(&self, target: &str) -> bool {
        self.targets.iter().any(|t| t == target)
    }
}

impl Workspace {
    /// Every change, newest first.
    pub fn history(&mut self) -> Vec<HistoryEntry> {
        let mut entries: Vec<HistoryEntry> = self
            .doc_mut()
            .get_changes_meta(&[])
            .into_iter()
            .map(|meta| {
                let message = ChangeMessage::decode(meta.message.as_deref().unwrap_or_default());
                HistoryEntry {
                    hash: meta.hash.to_string(),
                    at: meta.timestamp,
                    summary: message.summary,
                    author: message.author,
                    targets: message.targets,
                }
            })
            .collect();
        // Changes come in causal order; reversing first keeps that order
        // (newest first) among changes stamped in the same second.
        entries.reverse();
        entries.sort_by_key(|e| std::cmp::Reverse(e.at));
        entries
    }

    /// Changes `incoming` has that this workspace does not, oldest first:
    /// what merging it would bring in.
    pub fn changes_from(&mut self, incoming: &mut Workspace) -> Vec<HistoryEntry> {
        self.doc_mut()
            .get_changes_added(incoming.doc_mut())
            .iter()
            .map(|change| {
                let message =
                    ChangeMessage::decode(change.message().map(|m| m.to_string()).as_deref().unwrap_or_default());
                HistoryEntry {
                    hash: change.hash().to_string(),
                    at: change.timestamp(),
                    summary: message.summary,
                    author: message.author,
                    targets: message.targets,
                }
            })
            .collect()
    }

    /// Changes to one item, e.g. `"action/<id>"`, newest first.
    pub fn history_of(&mut self, target: &str) -> Vec<HistoryEntry> {
        self.history().into_iter().filter(|e| e.touches(target)).collect()
    }
}
