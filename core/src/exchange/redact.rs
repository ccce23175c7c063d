//! A copy to share outside the partnership, without chosen sensitive text.
//!
//! Automerge keeps deleted text in a document's history, so blanking fields
//! in the partnership itself would not do: the copy is a *fresh* document,
//! made from the filtered current state, with no history and its own id (it
//! can never be merged back into the partnership by mistake).

use std::collections::BTreeSet;

use crate::doc::{Stamp, Workspace, new_id};
use crate::model::consultation::Answer;
use crate::model::{Narrative, Partnership};

/// What stands where text was removed, so readers know something was there.
pub const REMOVED: &str = "[Removed before sharing]";

/// What to leave out of a redacted copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Redaction {
    /// Theme ids whose text is removed. Cross-cutting actions (no theme)
    /// are covered by `all_themes`.
    pub themes: BTreeSet<String>,
    pub all_themes: bool,
    /// Progress update narratives.
    pub progress: bool,
    /// Action descriptions.
    pub descriptions: bool,
    /// Theme leads' quarterly commentary.
    pub commentary: bool,
    /// The names of people who wrote progress updates (organisations stay).
    pub people: bool,
}

impl Redaction {
    pub fn is_empty(&self) -> bool {
        (self.themes.is_empty() && !self.all_themes)
            || !(self.progress || self.descriptions || self.commentary || self.people)
    }

    fn covers(&self, theme: Option<&str>) -> bool {
        self.all_themes || theme.is_some_and(|t| self.themes.contains(t))
    }
}

/// The partnership as it would be shared, with the chosen text removed.
pub fn redacted(plan: &Partnership, what: &Redaction) -> Partnership {
    let mut out = plan.clone();
    out.id = new_id();
    out.name = format!("{} (redacted copy)", plan.name);
    // The sync address lets anyone who can reach the server read the whole
    // plan: it is a secret, and a redacted copy is a different document.
    out.sync_id = String::new();
    for action in out.actions.values_mut() {
        if !what.covers(action.theme_id.as_deref()) {
            continue;
        }
        if what.descriptions && !action.description.as_str().trim().is_empty() {
            action.description = Narrative::new(REMOVED);
        }
        for update in action.progress.values_mut() {
            if what.progress {
                update.narrative = Narrative::new(REMOVED);
            }
            if what.people {
                update.author_name = String::new();
            }
        }
    }
    // Residents agreed to the partnership contacting them, not to whoever
    // a redacted copy is for: their details never go, whatever is chosen.
    for questionnaire in out.questionnaires.values_mut() {
        for response in questionnaire.responses.values_mut() {
            response.answers.retain(|_, a| !matches!(a, Answer::Contact(_)));
        }
    }
    if what.commentary {
        for (key, note) in out.report_notes.iter_mut() {
            let theme = key.strip_prefix("quarterly/").and_then(|rest| rest.split('/').next());
            if theme.is_some() && what.covers(theme) {
                *note = Narrative::new(REMOVED);
            }
        }
    }
    out
}

/// The redacted copy as an Automerge document file, uncompressed so what
/// it holds can be checked byte for byte.
pub fn redacted_file(plan: &Partnership, what: &Redaction, stamp: &Stamp) -> Vec<u8> {
    let copy = redacted(plan, what);
    let mut ws = Workspace::create_from(copy, &format!("Made a redacted copy of {}", plan.name), stamp);
    ws.save_uncompressed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Stamp;
    use crate::model::{Author, Narrative, Status, ValidProgress};

    const PLANTED: &str = "Planted Victimname";

    #[test]
    fn a_redacted_copy_holds_no_trace_of_removed_text_even_from_history() {
        let me = Author::new("Community Safety Partnership Manager", "Luton Council");
        let mut ws = crate::demo::workspace();
        let da = ws.partnership().action("action-07").and_then(|a| a.theme_id.clone()).expect("a themed action");
        // Written, then edited away: the name stays in the partnership's history.
        let update = ValidProgress {
            date: "2020-01-10".parse().expect("date"),
            status: Status::OnTrack,
            narrative: Narrative::new(format!("Review panel met {PLANTED}'s family.")),
        };
        ws.add_progress(&Stamp::new(&me, 1), "action-07", update).expect("add");
        let full = ws.save_uncompressed();
        assert!(contains(&full, PLANTED.as_bytes()));

        let what = Redaction { themes: [da.clone()].into(), progress: true, people: true, ..Default::default() };
        let file = redacted_file(ws.partnership(), &what, &Stamp::new(&me, 2));
        assert!(!contains(&file, PLANTED.as_bytes()), "the planted name survived redaction");
        let mut copy = crate::exchange::open_file(&file).expect("the copy opens");
        assert_ne!(copy.id(), ws.id());
        assert_eq!(copy.history().len(), 1, "a fresh document has no history");
        let action = copy.partnership().action("action-07").expect("action kept");
        assert!(action.progress.values().all(|u| u.narrative.as_str() == REMOVED && u.author_name.is_empty()));
        // Other themes keep their text.
        let other = copy
            .partnership()
            .actions
            .values()
            .find(|a| a.theme_id.as_deref() != Some(da.as_str()) && !a.progress.is_empty());
        assert!(other.is_some_and(|a| a.progress.values().all(|u| u.narrative.as_str() != REMOVED)));
    }

    #[test]
    fn residents_contact_details_never_leave_in_a_redacted_copy() {
        let me = Author { name: "Officer".into(), organisation: "Luton Council".into() };
        let mut ws = crate::demo::workspace();
        let q = ws.add_questionnaire(&Stamp::new(&me, 1), "Stay in touch?", "").expect("added");
        ws.ask_for_contact(&Stamp::new(&me, 2), &q).expect("asked");
        let typed =
            [("q5".to_string(), vec!["yes".to_string()]), ("q6".to_string(), vec![PLANTED_CONTACT.to_string()])];
        ws.record_response(&Stamp::new(&me, 3), &q, &typed.into()).expect("recorded");
        assert!(contains(&ws.save_uncompressed(), PLANTED_CONTACT.as_bytes()));
        let what = Redaction { all_themes: true, descriptions: true, ..Default::default() };
        let file = redacted_file(ws.partnership(), &what, &Stamp::new(&me, 4));
        assert!(!contains(&file, PLANTED_CONTACT.as_bytes()), "a resident's contact details survived redaction");
        let copy = crate::exchange::open_file(&file).expect("the copy opens");
        assert_eq!(copy.partnership().questionnaires[&q].responses.len(), 1, "the response itself is kept");
    }

    const PLANTED_CONTACT: &str = "resident.planted@example.org";

    #[test]
    fn nothing_chosen_is_an_empty_redaction() {
        assert!(Redaction::default().is_empty());
        assert!(Redaction { all_themes: true, ..Default::default() }.is_empty());
        assert!(!Redaction { all_themes: true, progress: true, ..Default::default() }.is_empty());
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }
}
