//! Keeping action numbers unique when copies meet.
//!
//! Each copy refuses a number it already has, but two partners can still
//! add "action 7" on their own copies before exchanging files, and a
//! restore can bring back a number that has been reused. Automerge merges
//! such actions side by side (they have different ids), so the app finds
//! them ([`crate::model::Partnership::duplicate_numbers`]), warns before a
//! merge ([`clashes_on_merge`]), and settles them by renumbering one action
//! ([`Workspace::renumber_action`]).

use std::collections::BTreeMap;

use super::{ChangeKind, FormError, Stamp, Workspace};
use crate::model::{FieldErrors, Partnership, draft::is_action_number};

/// An action number that merging a partner's copy would leave on two actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberClash {
    pub number: String,
    /// Title of the action with that number on this device.
    pub ours: String,
    /// Title of the partner's action with that number.
    pub theirs: String,
    /// The next number free on this device, to offer for one of them.
    pub next: String,
}

/// Numbers a merge would duplicate: an action only the partner's copy has,
/// numbered like a different action only this copy has (or vice versa) —
/// typically both partners adding "action 7" since they last exchanged
/// files. Worked out from the two plans as they are, without merging, so
/// the preview costs no extra copy of the document.
pub fn clashes_on_merge(ours: &Partnership, theirs: &Partnership) -> Vec<NumberClash> {
    let key = |n: &str| n.trim().to_lowercase();
    let mut our_numbers: BTreeMap<String, &str> = BTreeMap::new();
    for a in ours.actions.values().filter(|a| !a.number.trim().is_empty()) {
        our_numbers.entry(key(&a.number)).or_insert(&a.title);
    }
    let mut clashes: Vec<NumberClash> = theirs
        .actions
        .values()
        .filter(|a| !ours.actions.contains_key(&a.id) && !a.number.trim().is_empty())
        .filter_map(|a| {
            let mine = our_numbers.get(&key(&a.number))?;
            Some(NumberClash {
                number: a.number.trim().to_string(),
                ours: mine.to_string(),
                theirs: a.title.clone(),
                next: ours.next_action_number(),
            })
        })
        .collect();
    crate::sorting::sort_by(&mut clashes, |a, b| crate::model::action::number_order(&a.number, &b.number));
    clashes
}

impl Workspace {
    /// Gives action `id` the number `number`, as one change: how a person
    /// settles two actions with the same number. Refused with a field error
    /// on `number` if it is not an action number or another action has it.
    pub fn renumber_action(&mut self, stamp: &Stamp, id: &str, number: &str) -> Result<(), FormError> {
        let number = number.trim();
        let mut errors = FieldErrors::default();
        if !is_action_number(number) {
            errors.add("number", "Enter an action number, like 14 or 2a");
        } else if self.partnership.number_taken(number, Some(id)) {
            let next = self.partnership.next_action_number();
            errors.add("number", format!("Action {number} already exists – use a different number, such as {next}"));
        }
        if !errors.is_empty() {
            return Err(FormError::Invalid(errors));
        }
        let mut action = self.existing_action(id)?.clone();
        if action.number == number {
            return Ok(());
        }
        let summary = format!("Renumbered {} as action {number}", action.label().to_lowercase());
        action.number = number.to_string();
        self.put_action(stamp, ChangeKind::EditAction, &summary, action)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionDraft, Author};

    fn add(ws: &mut Workspace, who: &Author, number: &str, title: &str) -> String {
        let draft = ActionDraft { number: number.into(), title: title.into(), ..Default::default() };
        let valid = ws.validate_action(&draft, None).expect("valid on this copy");
        ws.add_action(&Stamp::new(who, 100), valid).expect("add")
    }

    #[test]
    fn two_partners_adding_action_14_are_warned_before_the_merge_and_settle_it_after() {
        let council = Author::new("CSP Manager", "Luton Council");
        let police = Author::new("Inspector", "Bedfordshire Police");
        let mut ours = crate::demo::workspace();
        let mut theirs = Workspace::load(&ours.save()).expect("copy");
        let our_14 = add(&mut ours, &council, "14", "Council's new action");
        let their_14 = add(&mut theirs, &police, "14", "Police new action");

        let clashes = clashes_on_merge(ours.partnership(), theirs.partnership());
        assert_eq!(
            clashes,
            [NumberClash {
                number: "14".into(),
                ours: "Council's new action".into(),
                theirs: "Police new action".into(),
                next: "15".into(),
            }]
        );
        // The other way round, the police see the same clash.
        assert_eq!(clashes_on_merge(theirs.partnership(), ours.partnership())[0].ours, "Police new action");

        let mut file = Workspace::load(&theirs.save()).expect("file");
        ours.merge(&mut file).expect("merge");
        let duplicates = ours.partnership().duplicate_numbers();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].number, "14");
        let mut ids = duplicates[0].action_ids.clone();
        crate::sorting::sort(&mut ids);
        let mut expected = vec![our_14.clone(), their_14.clone()];
        crate::sorting::sort(&mut expected);
        assert_eq!(ids, expected);

        let taken = ours.renumber_action(&Stamp::new(&council, 200), &their_14, "3");
        assert!(
            matches!(&taken, Err(FormError::Invalid(e)) if e.get("number") == Some("Action 3 already exists – use a different number, such as 15"))
        );
        let bad = ours.renumber_action(&Stamp::new(&council, 200), &their_14, "fifteen");
        assert!(matches!(&bad, Err(FormError::Invalid(e)) if e.get("number").is_some()));
        ours.renumber_action(&Stamp::new(&council, 200), &their_14, "15").expect("renumber");
        assert!(ours.partnership().duplicate_numbers().is_empty());
        assert!(ours.history().iter().any(|e| e.summary == "Renumbered action 14 as action 15"));

        // The police receive the settlement like any change.
        let mut back = Workspace::load(&ours.save()).expect("file back");
        theirs.merge(&mut back).expect("merge back");
        assert!(theirs.partnership().duplicate_numbers().is_empty());
        assert_eq!(theirs.partnership().action(&their_14).map(|a| a.number.as_str()), Some("15"));
    }

    #[test]
    fn an_action_both_copies_already_share_is_no_clash() {
        let mut ours = crate::demo::workspace();
        let theirs = Workspace::load(&ours.save()).expect("copy");
        assert!(clashes_on_merge(ours.partnership(), theirs.partnership()).is_empty());
        assert!(ours.partnership().duplicate_numbers().is_empty());
    }
}
