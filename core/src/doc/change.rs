//! The message every change carries: what was done, by whom, to what.
//!
//! Automerge records each change's actor and time but not the person, so the
//! person and organisation travel in the change message, readable by any
//! Automerge tool:
//!
//! ```text
//! Added a progress update to action 6
//! author: Jane Smith
//! organisation: Luton Council
//! target: action/5e0c2a…
//! ```
//!
//! A change the app must recognise later (an action added or deleted, a
//! progress update, indicator values, an import History can offer to undo)
//! also carries a `kind:` line, so its meaning is read from a word the app
//! wrote, never from the English summary: rewording a summary changes
//! nothing else. Messages without one — changes made before kinds were
//! recorded, and changes made by other Automerge tools — are
//! [`ChangeKind::Other`]; [`ChangeMessage::meaning`] reads the old
//! wording for them where a guess is harmless (counting and restoring).

use crate::model::Author;

/// What a change did, where the app needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChangeKind {
    /// Any other change, and any change from before kinds were recorded.
    #[default]
    Other,
    /// One action added; its target is the action.
    AddAction,
    /// One action's details edited.
    EditAction,
    /// One action deleted; History can restore it.
    DeleteAction,
    /// A deleted action brought back.
    RestoreAction,
    /// A progress update added to an action.
    AddProgress,
    /// A progress update deleted; History can restore it.
    DeleteProgress,
    /// A deleted progress update brought back.
    RestoreProgress,
    /// Indicator values typed in for a quarter; its targets are the indicators.
    RecordValues,
    /// Indicator values imported from a performance return.
    ImportValues,
    /// Actions imported from a spreadsheet; its targets are the actions added.
    ImportActions,
    /// An import undone; its targets are the actions it removed.
    UndoImport,
}

impl ChangeKind {
    /// Every kind, for reading codes back (and for docs/FORMAT.md's test).
    pub const ALL: [ChangeKind; 12] = [
        ChangeKind::Other,
        ChangeKind::AddAction,
        ChangeKind::EditAction,
        ChangeKind::DeleteAction,
        ChangeKind::RestoreAction,
        ChangeKind::AddProgress,
        ChangeKind::DeleteProgress,
        ChangeKind::RestoreProgress,
        ChangeKind::RecordValues,
        ChangeKind::ImportValues,
        ChangeKind::ImportActions,
        ChangeKind::UndoImport,
    ];

    /// The word written on the `kind:` line.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Other => "other",
            ChangeKind::AddAction => "add-action",
            ChangeKind::EditAction => "edit-action",
            ChangeKind::DeleteAction => "delete-action",
            ChangeKind::RestoreAction => "restore-action",
            ChangeKind::AddProgress => "add-progress",
            ChangeKind::DeleteProgress => "delete-progress",
            ChangeKind::RestoreProgress => "restore-progress",
            ChangeKind::RecordValues => "record-values",
            ChangeKind::ImportValues => "import-values",
            ChangeKind::ImportActions => "import-actions",
            ChangeKind::UndoImport => "undo-import",
        }
    }

    /// Reads a `kind:` word; one this version does not know is `Other`.
    pub fn from_code(code: &str) -> ChangeKind {
        ChangeKind::ALL.into_iter().find(|k| k.code() == code).unwrap_or_default()
    }

    /// This kind, or for [`ChangeKind::Other`] what `summary` meant in the
    /// app's older wording (see [`ChangeMessage::meaning`]).
    pub fn or_from_summary(self, summary: &str) -> ChangeKind {
        match self {
            ChangeKind::Other => ChangeKind::from_old_summary(summary),
            kind => kind,
        }
    }

    /// What a summary written before kinds were recorded meant, in the
    /// words this app used then ("Added action 3: …", "Deleted a progress
    /// update from action 2"). Anything else is `Other`.
    fn from_old_summary(summary: &str) -> ChangeKind {
        let s = summary;
        if s.starts_with("Added a progress update") {
            ChangeKind::AddProgress
        } else if s.starts_with("Deleted a progress update") {
            ChangeKind::DeleteProgress
        } else if s.starts_with("Restored a progress update") {
            ChangeKind::RestoreProgress
        } else if s.starts_with("Added action") || s.starts_with("Added unnumbered action") {
            ChangeKind::AddAction
        } else if s.starts_with("Edited action") || s.starts_with("Edited unnumbered action") {
            ChangeKind::EditAction
        } else if s.starts_with("Deleted action") || s.starts_with("Deleted unnumbered action") {
            ChangeKind::DeleteAction
        } else if s.starts_with("Restored action") || s.starts_with("Restored unnumbered action") {
            ChangeKind::RestoreAction
        } else if s.starts_with("Imported") && s.contains("indicator value") {
            ChangeKind::ImportValues
        } else if s.starts_with("Imported") && s.contains("action") {
            ChangeKind::ImportActions
        } else if s.starts_with("Recorded Q") {
            ChangeKind::RecordValues
        } else {
            ChangeKind::Other
        }
    }
}

/// Who did what, and to which item, in one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeMessage {
    /// A sentence for the history list: "Edited action 3".
    pub summary: String,
    pub author: Author,
    /// The items changed, as `action/<id>`, `theme/<id>` or `partnership`.
    pub targets: Vec<String>,
    pub kind: ChangeKind,
}

/// One line: a value with its line breaks flattened.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

impl ChangeMessage {
    pub fn new(summary: impl Into<String>, author: &Author, targets: Vec<String>) -> ChangeMessage {
        ChangeMessage { summary: summary.into(), author: author.clone(), targets, kind: ChangeKind::Other }
    }

    pub fn with_kind(mut self, kind: ChangeKind) -> ChangeMessage {
        self.kind = kind;
        self
    }

    /// What the change did: its recorded kind, or for a message without
    /// one, what its summary meant in this app's older wording. For counting
    /// a partner's changes and offering to restore a deletion — never for
    /// undoing an import, which needs the recorded kind.
    pub fn meaning(&self) -> ChangeKind {
        self.kind.or_from_summary(&self.summary)
    }

    pub fn encode(&self) -> String {
        let mut out = one_line(&self.summary);
        out.push_str("\nauthor: ");
        out.push_str(&one_line(&self.author.name));
        out.push_str("\norganisation: ");
        out.push_str(&one_line(&self.author.organisation));
        if self.kind != ChangeKind::Other {
            out.push_str("\nkind: ");
            out.push_str(self.kind.code());
        }
        for t in &self.targets {
            out.push_str("\ntarget: ");
            out.push_str(&one_line(t));
        }
        out
    }

    /// Reads a message written by [`ChangeMessage::encode`]. A message from
    /// another Automerge tool becomes a summary with an unknown author.
    pub fn decode(message: &str) -> ChangeMessage {
        let mut lines = message.lines();
        let summary = lines.next().unwrap_or_default().trim().to_string();
        let mut author = Author::new("", "");
        let mut targets = Vec::new();
        let mut kind = ChangeKind::Other;
        for line in lines {
            match line.split_once(": ") {
                Some(("author", v)) => author.name = v.trim().to_string(),
                Some(("organisation", v)) => author.organisation = v.trim().to_string(),
                Some(("kind", v)) => kind = ChangeKind::from_code(v.trim()),
                Some(("target", v)) => targets.push(v.trim().to_string()),
                _ => {}
            }
        }
        ChangeMessage { summary, author, targets, kind }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_flattens_line_breaks() {
        let m = ChangeMessage::new(
            "Edited action 3",
            &Author::new("Jane\nSmith", "Luton Council"),
            vec!["action/abc".into(), "theme/t1".into()],
        );
        let back = ChangeMessage::decode(&m.encode());
        assert_eq!(back.summary, "Edited action 3");
        assert_eq!(back.author, Author::new("Jane Smith", "Luton Council"));
        assert_eq!(back.targets, ["action/abc", "theme/t1"]);
        assert_eq!(back.kind, ChangeKind::Other);
        assert!(!m.encode().contains("kind:"), "an ordinary change's message is as before");
    }

    #[test]
    fn an_import_records_its_kind_and_an_old_message_reads_as_other() {
        let m = ChangeMessage::new(
            "Imported 2 actions from tracker.xlsx",
            &Author::new("Jo", "Luton Council"),
            vec!["action/a".into(), "action/b".into()],
        )
        .with_kind(ChangeKind::ImportActions);
        assert_eq!(
            m.encode(),
            "Imported 2 actions from tracker.xlsx\nauthor: Jo\norganisation: Luton Council\nkind: import-actions\ntarget: action/a\ntarget: action/b"
        );
        assert_eq!(ChangeMessage::decode(&m.encode()), m);
        // Written before kinds were recorded: the same summary is not an import.
        let old =
            ChangeMessage::decode("Imported 2 actions from tracker.xlsx\nauthor: Jo\norganisation: Luton Council");
        assert_eq!(old.kind, ChangeKind::Other);
        // A kind from a newer version is not guessed at.
        assert_eq!(ChangeMessage::decode("x\nkind: merge-themes").kind, ChangeKind::Other);
    }

    #[test]
    fn every_kind_reads_back_and_old_wording_is_understood_only_as_a_meaning() {
        for kind in ChangeKind::ALL {
            assert_eq!(ChangeKind::from_code(kind.code()), kind);
        }
        let me = Author::new("Jo", "Luton Council");
        let typed = ChangeMessage::new("Added unnumbered action: Street lighting audit", &me, vec!["action/a".into()])
            .with_kind(ChangeKind::AddAction);
        assert_eq!(ChangeMessage::decode(&typed.encode()).kind, ChangeKind::AddAction);
        // Reworded summaries keep their meaning, because the kind says it.
        let reworded =
            ChangeMessage::new("New action: Street lighting audit", &me, vec![]).with_kind(ChangeKind::AddAction);
        assert_eq!(ChangeMessage::decode(&reworded.encode()).meaning(), ChangeKind::AddAction);
        for (old, meaning) in [
            ("Added action 3: Audit CCTV", ChangeKind::AddAction),
            ("Added unnumbered action: Audit CCTV", ChangeKind::AddAction),
            ("Added a progress update to action 3 (On track)", ChangeKind::AddProgress),
            ("Deleted a progress update from action 2", ChangeKind::DeleteProgress),
            ("Deleted action 7: Publish the DHR", ChangeKind::DeleteAction),
            ("Recorded Q3 2019-20 for Burglary", ChangeKind::RecordValues),
            ("Imported 4 indicator values from q4.csv", ChangeKind::ImportValues),
            ("Recorded a resident's response to Have your say", ChangeKind::Other),
            ("Recorded participant 3's votes in the workshop Priorities", ChangeKind::Other),
            ("Deleted the theme Hate Crime", ChangeKind::Other),
        ] {
            let decoded = ChangeMessage::decode(&format!("{old}\nauthor: Jo\norganisation: Luton Council"));
            assert_eq!(decoded.kind, ChangeKind::Other, "{old}: no kind was recorded");
            assert_eq!(decoded.meaning(), meaning, "{old}");
        }
    }

    #[test]
    fn a_foreign_message_keeps_its_first_line() {
        let m = ChangeMessage::decode("fix typo\n\nsome body text");
        assert_eq!(m.summary, "fix typo");
        assert_eq!(m.author, Author::new("", ""));
        assert!(m.targets.is_empty());
    }
}
