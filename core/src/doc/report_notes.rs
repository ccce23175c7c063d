//! Writing the parts of reports people write: one change per saved
//! section, and one per saved cover block.

use super::{DocError, Stamp, Workspace};
use crate::model::cover::Paper;
use crate::model::{Cover, Narrative};

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

    /// Saves a paper's cover block as one change ("Wrote the cover details
    /// of the annual overview 2019-20"). Saving it unchanged records
    /// nothing; a cover with nothing in it is removed.
    pub fn write_cover(&mut self, stamp: &Stamp, paper: &Paper, cover: Cover) -> Result<(), DocError> {
        let key = paper.key();
        if self.partnership.covers.get(&key) == Some(&cover) {
            return Ok(());
        }
        let label = paper.label(&self.partnership);
        if cover == Cover::default() {
            if self.partnership.covers.contains_key(&key) {
                self.remove_item(stamp, &format!("Cleared the {label}"), "covers", &key)?;
                self.partnership.covers.remove(&key);
            }
            return Ok(());
        }
        self.put_item(stamp, &format!("Wrote the {label}"), "covers", &key, &cover)?;
        self.partnership.covers.insert(key, cover);
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

    #[test]
    fn a_cover_is_one_signed_change_per_save_and_survives_reloading() {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = crate::demo::workspace();
        let paper = Paper::Annual(crate::model::FinancialYear(2019));
        let cover = crate::model::CoverDraft {
            committee: "Scrutiny Committee".into(),
            meeting: "2024-01-11".into(),
            author_role: "Director of Housing, Health and Communities".into(),
            ..Default::default()
        }
        .validate()
        .expect("valid");
        let before = ws.history().len();
        ws.write_cover(&Stamp::new(&me, 1), &paper, cover.clone()).expect("write");
        ws.write_cover(&Stamp::new(&me, 2), &paper, cover.clone()).expect("unchanged");
        assert_eq!(ws.history().len(), before + 1, "an unchanged save records nothing");
        let history = ws.history_of("cover/annual/2019-20");
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].summary, "Wrote the cover details of the annual overview 2019-20");
        assert_eq!(history[0].author, me);
        let loaded = Workspace::load(&ws.save()).expect("load");
        assert_eq!(loaded.partnership().covers.get("annual/2019-20"), Some(&cover));
        ws.write_cover(&Stamp::new(&me, 3), &paper, Cover::default()).expect("clear");
        assert!(ws.partnership().covers.is_empty());
        assert_eq!(
            ws.history_of("cover/annual/2019-20")[0].summary,
            "Cleared the cover details of the annual overview 2019-20"
        );
    }

    #[test]
    fn a_document_from_before_covers_still_opens_and_gains_the_map_with_its_first_cover() {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0));
        assert!(ws.map_obj("covers").is_ok(), "new documents start with the map");
        // As a document saved before covers existed would be.
        automerge::transaction::Transactable::delete(ws.doc_mut(), automerge::ROOT, "covers").expect("delete");
        let mut old = Workspace::load(&ws.save()).expect("an older document opens");
        assert!(old.partnership().covers.is_empty());
        let paper = Paper::BusinessPlan(crate::model::FinancialYear(2019));
        let cover = Cover { committee: "CSP Executive".into(), ..Default::default() };
        old.write_cover(&Stamp::new(&me, 1), &paper, cover).expect("write");
        let reloaded = Workspace::load(&old.save()).expect("load");
        assert_eq!(reloaded.partnership().covers["business-plan/2019-20"].committee, "CSP Executive");
    }
}
