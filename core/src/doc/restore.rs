//! Bringing back a deleted action or progress update from history. The
//! item is read as it was just before the deleting change and written back
//! as a new change, so the restore reaches partners like any edit.

use std::str::FromStr;

use automerge::ChangeHash;

use super::{ChangeKind, DocError, HistoryEntry, Stamp, Workspace};
use crate::model::Partnership;

/// What a deleting change removed, if it can still be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Restorable {
    Action { action_id: String },
    Progress { action_id: String, update_id: String },
}

impl Workspace {
    pub fn delete_progress(&mut self, stamp: &Stamp, action_id: &str, update_id: &str) -> Result<(), DocError> {
        let mut action = self.partnership.action(action_id).ok_or(DocError::NotFound { kind: "action" })?.clone();
        if action.progress.remove(update_id).is_none() {
            return Err(DocError::NotFound { kind: "progress update" });
        }
        let summary = format!("Deleted a progress update from {}", action.label().to_lowercase());
        let actions = self.map_obj("actions")?;
        let targets = vec![format!("action/{action_id}"), format!("progress/{update_id}")];
        self.change_as(stamp, ChangeKind::DeleteProgress, &summary, targets, |doc| {
            super::interop::reconcile_prop(doc, &actions, action_id, &action)?;
            Ok(())
        })?;
        self.partnership.actions.insert(action_id.to_string(), action);
        Ok(())
    }

    /// What `entry` deleted, if it is a deletion whose item is still gone
    /// (and, for an update, whose action is still there).
    pub fn restorable(&self, entry: &HistoryEntry) -> Option<Restorable> {
        if !matches!(entry.meaning(), ChangeKind::DeleteAction | ChangeKind::DeleteProgress) {
            return None;
        }
        let action_id = entry.targets.iter().find_map(|t| t.strip_prefix("action/"))?.to_string();
        let update = entry.targets.iter().find_map(|t| t.strip_prefix("progress/"));
        let plan = &self.partnership;
        match update {
            Some(update_id) => plan
                .action(&action_id)
                .filter(|a| !a.progress.contains_key(update_id))
                .map(|_| Restorable::Progress { action_id: action_id.clone(), update_id: update_id.to_string() }),
            None => (!plan.actions.contains_key(&action_id)).then_some(Restorable::Action { action_id }),
        }
    }

    /// The plan as it stood just before change `hash`.
    fn plan_before(&mut self, hash: &str) -> Result<Partnership, DocError> {
        let hash = ChangeHash::from_str(hash).map_err(|_| DocError::NotFound { kind: "change" })?;
        let change = self.doc.get_change_by_hash(&hash).ok_or(DocError::NotFound { kind: "change" })?;
        let before = self.doc.fork_at(change.deps())?;
        Ok(super::interop::partnership(&before)?)
    }

    /// Restores what the deleting change `entry` removed; returns the
    /// restored action's id.
    ///
    /// A deleted action comes back with its own number unless another action
    /// has taken that number since: then the restore is refused with
    /// [`DocError::NumberTaken`] (naming the next free number), and the
    /// person restores it again with `number` set to the one they choose.
    pub fn restore(&mut self, stamp: &Stamp, entry: &HistoryEntry, number: Option<&str>) -> Result<String, DocError> {
        let what = self.restorable(entry).ok_or(DocError::NotFound { kind: "deleted item" })?;
        let before = self.plan_before(&entry.hash)?;
        match what {
            Restorable::Action { action_id } => {
                let mut action = before.action(&action_id).ok_or(DocError::NotFound { kind: "action" })?.clone();
                if let Some(chosen) = number.map(str::trim).filter(|n| !n.is_empty()) {
                    if !crate::model::draft::is_action_number(chosen) {
                        return Err(DocError::Internal(format!(
                            "{chosen} is not an action number: use a number, optionally followed by a letter, like 14 or 2a"
                        )));
                    }
                    action.number = chosen.to_string();
                }
                if self.partnership.number_taken(&action.number, Some(&action_id)) {
                    return Err(DocError::NumberTaken {
                        number: action.number.trim().to_string(),
                        next: self.partnership.next_action_number(),
                    });
                }
                let summary = format!("Restored {}: {}", action.label().to_lowercase(), action.title);
                self.put_item_as(stamp, ChangeKind::RestoreAction, &summary, "actions", &action_id, &action)?;
                self.partnership.actions.insert(action_id.clone(), action);
                Ok(action_id)
            }
            Restorable::Progress { action_id, update_id } => {
                let update = before
                    .action(&action_id)
                    .and_then(|a| a.progress.get(&update_id))
                    .ok_or(DocError::NotFound { kind: "progress update" })?
                    .clone();
                let mut action =
                    self.partnership.action(&action_id).ok_or(DocError::NotFound { kind: "action" })?.clone();
                action.progress.insert(update_id.clone(), update);
                let summary = format!("Restored a progress update to {}", action.label().to_lowercase());
                let actions = self.map_obj("actions")?;
                let targets = vec![format!("action/{action_id}"), format!("progress/{update_id}")];
                self.change_as(stamp, ChangeKind::RestoreProgress, &summary, targets, |doc| {
                    super::interop::reconcile_prop(doc, &actions, action_id.as_str(), &action)?;
                    Ok(())
                })?;
                self.partnership.actions.insert(action_id.clone(), action);
                Ok(action_id)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;

    fn me() -> Author {
        Author::new("CSP Manager", "Luton Council")
    }

    #[test]
    fn a_deleted_action_comes_back_with_its_updates_and_the_restore_syncs() {
        let mut ws = crate::demo::workspace();
        let original = ws.partnership().action("action-02").expect("action").clone();
        assert!(!original.progress.is_empty());
        ws.delete_action(&Stamp::new(&me(), 10), "action-02").expect("delete");
        let deletion = ws.history().into_iter().find(|e| e.summary.starts_with("Deleted")).expect("entry");
        assert_eq!(ws.restorable(&deletion), Some(Restorable::Action { action_id: "action-02".into() }));
        let mut partner = Workspace::load(&ws.save()).expect("copy");

        ws.restore(&Stamp::new(&me(), 20), &deletion, None).expect("restore");
        assert_eq!(ws.partnership().action("action-02"), Some(&original));
        assert_eq!(ws.restorable(&deletion), None, "already restored");
        assert!(ws.history().iter().any(|e| e.summary.starts_with("Restored action 2")));
        let mut file = Workspace::load(&ws.save()).expect("file");
        partner.merge(&mut file).expect("merge");
        assert_eq!(partner.partnership().action("action-02"), Some(&original));
    }

    #[test]
    fn a_deleted_progress_update_comes_back() {
        let mut ws = crate::demo::workspace();
        let action = ws.partnership().action("action-02").expect("action").clone();
        let (update_id, update) = action.progress.iter().next().map(|(k, v)| (k.clone(), v.clone())).expect("update");
        ws.delete_progress(&Stamp::new(&me(), 10), "action-02", &update_id).expect("delete");
        assert!(!ws.partnership().action("action-02").expect("action").progress.contains_key(&update_id));
        let deletion = ws.history().into_iter().find(|e| e.summary.starts_with("Deleted")).expect("entry");
        ws.restore(&Stamp::new(&me(), 20), &deletion, None).expect("restore");
        assert_eq!(ws.partnership().action("action-02").and_then(|a| a.progress.get(&update_id)), Some(&update));
    }

    #[test]
    fn only_deletions_can_be_restored() {
        let mut ws = crate::demo::workspace();
        let created = ws.history().into_iter().last().expect("first change");
        assert_eq!(ws.restorable(&created), None);
        assert!(ws.restore(&Stamp::new(&me(), 1), &created, None).is_err());
    }

    #[test]
    fn restoring_an_action_whose_number_was_reused_offers_the_next_free_number() {
        let mut ws = crate::demo::workspace();
        let seven = ws.partnership().actions.values().find(|a| a.number == "7").expect("action 7").clone();
        ws.delete_action(&Stamp::new(&me(), 10), &seven.id).expect("delete");
        let deletion = ws.history().into_iter().find(|e| e.summary.starts_with("Deleted")).expect("entry");
        let draft =
            crate::model::ActionDraft { number: "7".into(), title: "A new action 7".into(), ..Default::default() };
        let valid = ws.validate_action(&draft, None).expect("7 is free again");
        ws.add_action(&Stamp::new(&me(), 11), valid).expect("add");
        let heads = ws.heads();

        let refused = ws.restore(&Stamp::new(&me(), 12), &deletion, None);
        assert!(
            matches!(&refused, Err(DocError::NumberTaken { number, next }) if number == "7" && next == "14"),
            "{refused:?}"
        );
        assert_eq!(ws.heads(), heads, "nothing changed");
        assert!(matches!(ws.restore(&Stamp::new(&me(), 12), &deletion, Some("1")), Err(DocError::NumberTaken { .. })));
        assert!(ws.restore(&Stamp::new(&me(), 12), &deletion, Some("seven")).is_err());

        let id = ws.restore(&Stamp::new(&me(), 13), &deletion, Some("14")).expect("restore as 14");
        let restored = ws.partnership().action(&id).expect("restored");
        assert_eq!(restored.number, "14");
        assert_eq!(restored.title, seven.title);
        assert_eq!(restored.progress, seven.progress);
        assert!(ws.partnership().duplicate_numbers().is_empty());
    }
}
