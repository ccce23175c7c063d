//! Importing actions from a spreadsheet, and undoing an import.
//!
//! Everything the person confirmed in the preview goes in as one change, or
//! nothing does; the change is marked [`ChangeKind::ImportActions`] and
//! names every action it added, so History can offer "Undo this import"
//! without reading its summary.
//!
//! Undoing removes, as one new change, the actions that import added and
//! that are still in the plan. An action someone has changed since the
//! import (a progress update, an edit, a partner's merged change) is kept
//! unless the person chooses to remove it too: the confirmation lists those
//! actions with their later changes, because removing them would also
//! remove that later work. Removed actions can be brought back by
//! importing the file again.

use super::interop::reconcile_prop;

use super::{ChangeKind, ChangeMessage, DocError, HistoryEntry, Stamp, Workspace, new_id};
use crate::model::import::ImportedAction;
use crate::model::{Action, Narrative, ProgressUpdate};

/// An action an import added that is still in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoneAction {
    pub id: String,
    pub number: String,
    pub title: String,
    /// Changes to it after the import, newest first.
    pub later_changes: Vec<HistoryEntry>,
}

/// What undoing one import would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoImport {
    /// The import, as History lists it.
    pub import: HistoryEntry,
    /// Actions untouched since the import: removed.
    pub untouched: Vec<UndoneAction>,
    /// Actions changed since the import: kept, unless the person chooses.
    pub changed: Vec<UndoneAction>,
    /// Actions the import added that are no longer in the plan.
    pub already_gone: usize,
}

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
            if let Some(progress) = &row.progress {
                let update = ProgressUpdate {
                    id: new_id(),
                    date: progress.date,
                    status: progress.status,
                    narrative: Narrative::new(progress.text.trim()),
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
        let message = ChangeMessage::new(summary, &stamp.author, targets).with_kind(ChangeKind::ImportActions);
        let actions = self.map_obj("actions")?;
        self.change_of_kind(stamp, message, |doc| {
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

    /// Whether History should offer to undo `entry`: it is an import and
    /// some of the actions it added are still in the plan.
    pub fn can_undo_import(&self, entry: &HistoryEntry) -> bool {
        entry.kind == ChangeKind::ImportActions
            && imported_ids(entry).any(|id| self.partnership.actions.contains_key(id))
    }

    /// What undoing the import made by change `hash` would remove and keep.
    pub fn undo_import_plan(&mut self, hash: &str) -> Result<UndoImport, DocError> {
        let history = self.history();
        let import = history
            .iter()
            .find(|e| e.hash == hash && e.kind == ChangeKind::ImportActions)
            .ok_or(DocError::NotFound { kind: "import" })?
            .clone();
        let mut plan =
            UndoImport { import: import.clone(), untouched: Vec::new(), changed: Vec::new(), already_gone: 0 };
        for id in imported_ids(&import) {
            let Some(action) = self.partnership.actions.get(id) else {
                plan.already_gone += 1;
                continue;
            };
            let target = format!("action/{id}");
            let later_changes: Vec<HistoryEntry> =
                history.iter().filter(|e| e.hash != import.hash && e.touches(&target)).cloned().collect();
            let undone = UndoneAction {
                id: id.to_string(),
                number: action.number.clone(),
                title: action.title.clone(),
                later_changes,
            };
            if undone.later_changes.is_empty() {
                plan.untouched.push(undone);
            } else {
                plan.changed.push(undone);
            }
        }
        Ok(plan)
    }

    /// Undoes the import made by change `hash` as one new change: removes
    /// its actions untouched since, and those changed since too if
    /// `also_changed`. Returns how many were removed (0 changes nothing).
    pub fn undo_import(&mut self, stamp: &Stamp, hash: &str, also_changed: bool) -> Result<usize, DocError> {
        let plan = self.undo_import_plan(hash)?;
        let mut removing: Vec<&UndoneAction> = plan.untouched.iter().collect();
        if also_changed {
            removing.extend(&plan.changed);
        }
        if removing.is_empty() {
            return Ok(0);
        }
        let n = removing.len();
        let summary = format!(
            "Undid \u{201c}{}\u{201d}: removed {n} action{}",
            plan.import.summary,
            if n == 1 { "" } else { "s" }
        );
        let targets = removing.iter().map(|a| format!("action/{}", a.id)).collect();
        let message = ChangeMessage::new(summary, &stamp.author, targets).with_kind(ChangeKind::UndoImport);
        let actions = self.map_obj("actions")?;
        self.change_of_kind(stamp, message, |doc| {
            for action in &removing {
                automerge::transaction::Transactable::delete(doc, &actions, action.id.as_str())?;
            }
            Ok(())
        })?;
        for action in removing {
            self.partnership.actions.remove(&action.id);
        }
        Ok(n)
    }
}

/// The ids of the actions an import change added.
fn imported_ids(entry: &HistoryEntry) -> impl Iterator<Item = &str> {
    entry.targets.iter().filter_map(|t| t.strip_prefix("action/"))
}

#[cfg(test)]
mod tests;
