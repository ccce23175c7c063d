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

use crate::model::Author;

/// Who did what, and to which item, in one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeMessage {
    /// A sentence for the history list: "Edited action 3".
    pub summary: String,
    pub author: Author,
    /// The items changed, as "action/<id>", "theme/<id>" or "partnership".
    pub targets: Vec<String>,
}

/// One line: a value with its line breaks flattened.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

impl ChangeMessage {
    pub fn new(summary: impl Into<String>, author: &Author, targets: Vec<String>) -> ChangeMessage {
        ChangeMessage { summary: summary.into(), author: author.clone(), targets }
    }

    pub fn encode(&self) -> String {
        let mut out = one_line(&self.summary);
        out.push_str("\nauthor: ");
        out.push_str(&one_line(&self.author.name));
        out.push_str("\norganisation: ");
        out.push_str(&one_line(&self.author.organisation));
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
        for line in lines {
            match line.split_once(": ") {
                Some(("author", v)) => author.name = v.trim().to_string(),
                Some(("organisation", v)) => author.organisation = v.trim().to_string(),
                Some(("target", v)) => targets.push(v.trim().to_string()),
                _ => {}
            }
        }
        ChangeMessage { summary, author, targets }
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
    }

    #[test]
    fn a_foreign_message_keeps_its_first_line() {
        let m = ChangeMessage::decode("fix typo\n\nsome body text");
        assert_eq!(m.summary, "fix typo");
        assert_eq!(m.author, Author::new("", ""));
        assert!(m.targets.is_empty());
    }
}
