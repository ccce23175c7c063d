//! Importing actions from a spreadsheet: everything the person confirmed in
//! the preview goes in as one change, or nothing does.

use super::interop::reconcile_prop;

use super::{DocError, Stamp, Workspace, new_id};
use crate::model::{Action, ProgressUpdate, ValidProgress};
use crate::spreadsheet::ImportedAction;

impl Workspace {
    /// Adds the previewed actions (and their first progress updates). Each
    /// is checked again against the plan as it is now; if any fails, none
    /// is added and the row number says which.
    pub fn import_actions(&mut self, stamp: &Stamp, source: &str, rows: &[ImportedAction]) -> Result<usize, DocError> {
        let mut added: Vec<Action> = Vec::with_capacity(rows.len());
        for row in rows {
            let taken = |n: &str| {
                self.partnership.actions.values().any(|a| a.number.eq_ignore_ascii_case(n))
                    || added.iter().any(|a| a.number.eq_ignore_ascii_case(n))
            };
            let valid = row.draft.validate(taken, |t| self.partnership.themes.contains_key(t)).map_err(|e| {
                let reason = e.iter().map(|(_, m)| m.to_string()).collect::<Vec<_>>().join("; ");
                DocError::Internal(format!("row {}: {reason}", row.row))
            })?;
            let mut action = Action {
                id: new_id(),
                number: valid.number,
                title: valid.title,
                description: valid.description,
                theme_id: valid.theme_id,
                leads: valid.leads,
                partners: valid.partners,
                linked_documents: valid.linked_documents,
                start: valid.start,
                due: valid.due,
                tags: valid.tags,
                business_as_usual: valid.business_as_usual,
                progress: Default::default(),
                created_at: stamp.at,
            };
            if let Some((date, status, text)) = &row.progress {
                let p = ValidProgress {
                    date: *date,
                    status: *status,
                    narrative: crate::model::Narrative::new(text.trim()),
                };
                let update = ProgressUpdate {
                    id: new_id(),
                    date: p.date,
                    status: p.status,
                    narrative: p.narrative,
                    author_name: stamp.author.name.clone(),
                    author_organisation: stamp.author.organisation.clone(),
                    recorded_at: stamp.at,
                };
                action.progress.insert(update.id.clone(), update);
            }
            added.push(action);
        }
        if added.is_empty() {
            return Ok(0);
        }
        let summary =
            format!("Imported {} action{} from {source}", added.len(), if added.len() == 1 { "" } else { "s" });
        let targets = added.iter().map(|a| format!("action/{}", a.id)).collect();
        let actions = self.map_obj("actions")?;
        self.change(stamp, &summary, targets, |doc| {
            for action in &added {
                reconcile_prop(doc, &actions, action.id.as_str(), action)?;
            }
            Ok(())
        })?;
        let count = added.len();
        for action in added {
            self.partnership.actions.insert(action.id.clone(), action);
        }
        Ok(count)
    }
}
