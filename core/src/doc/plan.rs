//! Editing the plan itself: its title, period, vision, statutory duties,
//! values and action plan year, as one signed change.

use super::interop::reconcile_prop;
use automerge::ROOT;

use super::{FormError, Stamp, Workspace};
use crate::model::{PlanDraft, PlanSummary};

impl Workspace {
    /// Saves the plan form. An untouched form records nothing; a form with
    /// mistakes changes nothing and says what to correct. Vision and duties
    /// are Automerge text, so two partners rewording different sentences at
    /// once both keep their words.
    pub fn edit_plan(&mut self, stamp: &Stamp, draft: &PlanDraft) -> Result<(), FormError> {
        let plan = draft.validate()?;
        let changed = changed_parts(&self.partnership.plan, &plan);
        if changed.is_empty() {
            return Ok(());
        }
        let summary = format!("Edited the plan ({})", changed.join(", "));
        self.change(stamp, &summary, vec!["plan".into()], |doc| {
            reconcile_prop(doc, ROOT, "plan", &plan)?;
            Ok(())
        })?;
        self.partnership.plan = plan;
        Ok(())
    }
}

/// The parts of the plan that differ, in the form's words, for the history.
fn changed_parts(before: &PlanSummary, after: &PlanSummary) -> Vec<&'static str> {
    let mut parts = Vec::new();
    let mut check = |differs: bool, label| {
        if differs {
            parts.push(label);
        }
    };
    check(before.title != after.title, "title");
    check(before.period != after.period, "period");
    check(before.action_plan_year != after.action_plan_year, "action plan year");
    check(before.vision != after.vision, "vision");
    check(before.duties != after.duties, "statutory duties");
    check(before.values != after.values, "values");
    parts
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ObjType, ReadDoc};

    use super::*;
    use crate::model::{Author, Narrative};

    fn manager() -> Author {
        Author::new("Community Safety Manager", "London Borough of Barking and Dagenham")
    }

    fn barking() -> PlanDraft {
        PlanDraft {
            title: "Barking and Dagenham Community Safety Plan".into(),
            period: "2017–2021".into(),
            action_plan_year: "2017/18".into(),
            vision: "A safer borough for everyone.".into(),
            duties: "- Reduce crime and anti-social behaviour\n- Reduce re-offending".into(),
            values: "Listening to residents\nWorking together".into(),
        }
    }

    #[test]
    fn a_new_partnership_writes_its_plan_in_one_signed_change() {
        let mut ws = Workspace::create("Barking and Dagenham CSP", "Barking and Dagenham", &Stamp::new(&manager(), 0));
        ws.edit_plan(&Stamp::new(&manager(), 60), &barking()).expect("saved");
        let plan = &ws.partnership().plan;
        assert_eq!(plan.period, "2017 to 2021");
        assert_eq!(plan.action_plan_year, "2017-18");
        assert_eq!(plan.values, ["Listening to residents", "Working together"]);
        let history = ws.history_of("plan");
        assert_eq!(history.len(), 1);
        assert_eq!(
            history[0].summary,
            "Edited the plan (title, period, action plan year, vision, statutory duties, values)"
        );
        assert_eq!(history[0].author, manager());
        let loaded = Workspace::load(&ws.save()).expect("reload");
        assert_eq!(loaded.partnership().plan, ws.partnership().plan);

        let heads = ws.heads();
        let untouched = PlanDraft::from_plan(&ws.partnership().plan);
        ws.edit_plan(&Stamp::new(&manager(), 120), &untouched).expect("saved");
        assert_eq!(ws.heads(), heads, "an untouched form records no change");
        let values = PlanDraft { values: "Working together".into(), ..untouched };
        ws.edit_plan(&Stamp::new(&manager(), 180), &values).expect("saved");
        assert_eq!(ws.history_of("plan")[0].summary, "Edited the plan (values)");
    }

    #[test]
    fn a_bad_year_is_refused_and_changes_nothing() {
        let mut ws = crate::demo::workspace();
        let before = ws.partnership().plan.clone();
        let heads = ws.heads();
        let draft = PlanDraft { action_plan_year: "2019-21".into(), ..PlanDraft::from_plan(&before) };
        let result = ws.edit_plan(&Stamp::new(&manager(), 1), &draft);
        let Err(FormError::Invalid(errors)) = result else { panic!("refused: {result:?}") };
        assert_eq!(
            errors.get("action-plan-year"),
            Some("Enter the action plan year as a financial year, like 2019-20")
        );
        assert_eq!((ws.heads(), &ws.partnership().plan), (heads, &before));
    }

    #[test]
    fn two_partners_rewording_the_vision_both_keep_their_words() {
        let mut council = crate::demo::workspace();
        let mut police = Workspace::load(&council.save()).expect("copy");
        let start = PlanDraft::from_plan(&council.partnership().plan);
        let first = start.vision.lines().next().unwrap_or_default().to_string();
        let council_draft =
            PlanDraft { vision: start.vision.replacen("Luton 2040", "Luton 2040 (adopted 2019)", 1), ..start.clone() };
        council.edit_plan(&Stamp::new(&manager(), 1), &council_draft).expect("council");
        let police_draft = PlanDraft { vision: format!("{}\nPolice add this.", start.vision), ..start };
        police
            .edit_plan(&Stamp::new(&Author::new("Inspector", "Bedfordshire Police"), 2), &police_draft)
            .expect("police");
        council.merge(&mut police).expect("merge");
        let vision = council.partnership().plan.vision.to_string();
        assert!(vision.starts_with("Luton 2040 (adopted 2019)"), "{vision} / {first}");
        assert!(vision.ends_with("Police add this."), "{vision}");
    }

    #[test]
    fn a_document_from_before_statutory_duties_opens_with_them_blank() {
        let mut doc = AutoCommit::new();
        let mut old = Workspace::create("Luton CSP", "Luton", &Stamp::new(&manager(), 0));
        doc.merge(old.doc_mut()).expect("copy");
        let plan = match doc.get(ROOT, "plan") {
            Ok(Some((automerge::Value::Object(ObjType::Map), id))) => id,
            other => panic!("no plan map: {other:?}"),
        };
        doc.delete(&plan, "duties").expect("remove the field, as an older version wrote it");
        let ws = Workspace::from_doc(doc).expect("opens");
        assert_eq!(ws.partnership().plan.duties, Narrative::default());
    }
}
