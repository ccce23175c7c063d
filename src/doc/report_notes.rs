//! Writing the narrative parts of reports: one change per saved section.

use super::{DocError, Stamp, Workspace};
use crate::model::Narrative;

impl Workspace {
    /// Saves the text of one report section (empty text removes it).
    /// `label` names the section in the history, e.g. "recommendations of
    /// the annual report 2019-20".
    pub fn write_report_note(&mut self, stamp: &Stamp, key: &str, label: &str, text: &str) -> Result<(), DocError> {
        let text = text.trim();
        if self.partnership.report_note(key) == text {
            return Ok(());
        }
        if text.is_empty() {
            self.remove_item(stamp, &format!("Cleared the {label}"), "report_notes", key)?;
            self.partnership.report_notes.remove(key);
            return Ok(());
        }
        let note = Narrative::new(text);
        self.put_item(stamp, &format!("Wrote the {label}"), "report_notes", key, &note)?;
        self.partnership.report_notes.insert(key.to_string(), note);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

    #[test]
    fn a_section_is_written_rewritten_and_cleared_as_signed_changes() {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0));
        let key = "annual/2019-20/recommendations";
        ws.write_report_note(&Stamp::new(&me, 1), key, "recommendations", "Endorse the plan.").expect("write");
        ws.write_report_note(&Stamp::new(&me, 2), key, "recommendations", " Endorse the plan. ").expect("same");
        ws.write_report_note(&Stamp::new(&me, 3), key, "recommendations", "Endorse the 2020-24 plan.").expect("edit");
        let loaded = Workspace::load(&ws.save()).expect("load");
        assert_eq!(loaded.partnership().report_note(key), "Endorse the 2020-24 plan.");
        ws.write_report_note(&Stamp::new(&me, 4), key, "recommendations", "").expect("clear");
        assert_eq!(ws.partnership().report_note(key), "");
        let history = ws.history_of(&format!("report_note/{key}"));
        assert_eq!(history.len(), 3, "an unchanged save records nothing");
        assert_eq!(history[0].summary, "Cleared the recommendations");
    }
}
