//! How a questionnaire speaks to residents: the organiser's words for the
//! worries they choose from, saved as one change.

use super::{DocError, FormError, Stamp, Workspace};
use crate::model::consultation::{Questionnaire, WordingDraft};

impl Workspace {
    /// The questionnaire, or [`DocError::NotFound`] (deleted, or not yet
    /// merged from the partner who set it up).
    pub(super) fn existing_questionnaire(&self, id: &str) -> Result<&Questionnaire, DocError> {
        self.partnership.questionnaires.get(id).ok_or(DocError::NotFound { kind: "questionnaire" })
    }

    /// Saves the words residents see for each worry of a questionnaire.
    /// Saving the same words again records nothing.
    ///
    /// # Errors
    /// [`FormError::Invalid`] with the form's messages, or
    /// [`DocError::NotFound`] when the questionnaire (or its worries
    /// question) is gone, for example deleted by a partner.
    pub fn word_worries(
        &mut self,
        stamp: &Stamp,
        questionnaire_id: &str,
        draft: &WordingDraft,
    ) -> Result<(), FormError> {
        let mut q = self.existing_questionnaire(questionnaire_id)?.clone();
        let question_id = q.worries_question().map(|w| w.id.clone()).ok_or(DocError::NotFound { kind: "question" })?;
        let Some(question) = q.questions.get_mut(&question_id) else {
            return Err(DocError::NotFound { kind: "question" }.into());
        };
        let wording = draft.validate(question)?;
        if question.wording == wording {
            return Ok(());
        }
        question.wording = wording;
        let summary = format!("Worded the worries residents see in {}", q.title);
        self.put_item(stamp, &summary, "questionnaires", questionnaire_id, &q)?;
        self.partnership.questionnaires.insert(questionnaire_id.to_string(), q);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::Author;

    fn me() -> Stamp {
        Stamp::new(&Author::new("Community Safety Officer", "Luton Council"), 0)
    }

    #[test]
    fn reworded_worries_are_one_change_and_answers_still_count_for_the_theme() {
        let mut ws = crate::demo::workspace();
        let q = ws.add_questionnaire(&me(), "How safe do you feel in Marsh Farm?", "").expect("added");
        let before = ws.history().len();
        let question = ws.partnership().questionnaires[&q].worries_question().cloned().expect("worries");
        let mut draft = WordingDraft::from_question(&question);
        let domestic = draft.0.iter().position(|(o, _)| o == "Domestic Abuse").expect("a theme");
        draft.0[domestic].1 = "Abuse at home".into();
        ws.word_worries(&me(), &q, &draft).expect("saved");
        ws.word_worries(&me(), &q, &draft).expect("saved again");
        assert_eq!(ws.history().len(), before + 1, "one change, and none for the same words");
        let summaries: Vec<String> =
            ws.history_of(&format!("questionnaire/{q}")).into_iter().map(|h| h.summary).collect();
        assert!(
            summaries.contains(&"Worded the worries residents see in How safe do you feel in Marsh Farm?".to_string())
        );
        let loaded = Workspace::load(&ws.save()).expect("load");
        let worries = loaded.partnership().questionnaires[&q].worries_question().cloned().expect("worries");
        assert_eq!(worries.shown("Domestic Abuse"), "Abuse at home");

        // A resident ticks the reworded box: the kiosk sends the option, the theme's name.
        let typed: BTreeMap<String, Vec<String>> = [(worries.id.clone(), vec!["Domestic Abuse".to_string()])].into();
        ws.record_response(&me(), &q, &typed).expect("recorded");
        assert_eq!(ws.partnership().questionnaires[&q].summary().worries, [("Domestic Abuse".to_string(), 1)]);
    }

    #[test]
    fn bad_wording_changes_nothing_and_a_missing_questionnaire_is_named() {
        let mut ws = crate::demo::workspace();
        let q = ws.add_questionnaire(&me(), "Stall", "").expect("added");
        let question = ws.partnership().questionnaires[&q].worries_question().cloned().expect("worries");
        let mut draft = WordingDraft::from_question(&question);
        draft.0[1].1 = draft.0[0].1.clone();
        let before = ws.history().len();
        match ws.word_worries(&me(), &q, &draft) {
            Err(FormError::Invalid(errors)) => assert!(errors.get("worry-2").is_some()),
            other => panic!("expected form errors, got {other:?}"),
        }
        assert_eq!(ws.history().len(), before);
        assert!(matches!(
            ws.word_worries(&me(), "gone", &draft),
            Err(FormError::Doc(DocError::NotFound { kind: "questionnaire" }))
        ));
    }
}
