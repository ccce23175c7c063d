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
//! A change the app must recognise later (an import, so History can offer
//! to undo it) also carries a `kind:` line, so its meaning is read from a
//! word the app wrote, never from the English summary. Messages without
//! one — every change before kinds were recorded, and changes made by other
//! Automerge tools — are [`ChangeKind::Other`].

use crate::model::Author;

/// What a change did, where the app needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChangeKind {
    /// Any other change, and any change from before kinds were recorded.
    #[default]
    Other,
    /// Actions imported from a spreadsheet; its targets are the actions added.
    ImportActions,
    /// An import undone; its targets are the actions it removed.
    UndoImport,
}

impl ChangeKind {
    /// The word written on the `kind:` line.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Other => "other",
            ChangeKind::ImportActions => "import-actions",
            ChangeKind::UndoImport => "undo-import",
        }
    }

    /// Reads a `kind:` word; one this version does not know is `Other`.
    pub fn from_code(code: &str) -> ChangeKind {
        match code {
            "import-actions" => ChangeKind::ImportActions,
            "undo-import" => ChangeKind::UndoImport,
            _ => ChangeKind::Other,
        }
    }
}

/// Who did what, and to which item, in one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeMessage {
    /// A sentence for the history list: "Edited action 3".
    pub summary: String,
    pub author: Author,
    /// The items changed, as "action/<id>", "theme/<id>" or "partnership".
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
    fn a_foreign_message_keeps_its_first_line() {
        let m = ChangeMessage::decode("fix typo\n\nsome body text");
        assert_eq!(m.summary, "fix typo");
        assert_eq!(m.author, Author::new("", ""));
        assert!(m.targets.is_empty());
    }
}
