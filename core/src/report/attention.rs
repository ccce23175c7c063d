//! What needs someone to settle it after partners' copies meet: fields two
//! partners changed at once, and action numbers now used twice. Listed on
//! the dashboard and after a merge, each linking to where it is settled.

use crate::doc::{FieldConflict, ItemConflicts};
use crate::model::{Partnership, Theme};

/// Where an item needing attention is settled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttentionTarget {
    /// The plan itself: its title, period, vision and values.
    Plan,
    Action(String),
    Theme(String),
    Indicator(String),
    Event(String),
    Organisation(String),
    SubGroup(String),
}

/// One line of "Needs attention".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AttentionItem {
    /// The item as people name it: "Action 4: Review the ASB strategy".
    pub item: String,
    /// What to settle: "Due date changed by Luton Council and Bedfordshire Police".
    pub problem: String,
    pub target: AttentionTarget,
}

/// Everything to settle, conflicts first (in the order found), then
/// duplicate action numbers (each action with a shared number listed).
/// Items deleted since (a conflict can outlive its item) are left out.
pub fn needs_attention(plan: &Partnership, conflicts: &[ItemConflicts]) -> Vec<AttentionItem> {
    let mut items: Vec<AttentionItem> = conflicts
        .iter()
        .filter_map(|c| {
            let (item, target) = describe(plan, c.map_key, &c.item_id)?;
            let problem = c.fields.iter().map(|f| changed_by(c.map_key, f)).collect::<Vec<_>>().join("; ");
            Some(AttentionItem { item, problem, target })
        })
        .collect();
    for duplicate in plan.duplicate_numbers() {
        for id in &duplicate.action_ids {
            if let Some(action) = plan.action(id) {
                items.push(AttentionItem {
                    item: format!("{}: {}", action.label(), action.title),
                    problem: format!(
                        "{} actions are numbered {}: give one a new number",
                        duplicate.action_ids.len(),
                        duplicate.number
                    ),
                    target: AttentionTarget::Action(id.clone()),
                });
            }
        }
    }
    items
}

fn describe(plan: &Partnership, map_key: &str, id: &str) -> Option<(String, AttentionTarget)> {
    let id_owned = id.to_string();
    match map_key {
        "plan" => Some(("The plan".to_string(), AttentionTarget::Plan)),
        "actions" => {
            plan.action(id).map(|a| (format!("{}: {}", a.label(), a.title), AttentionTarget::Action(id_owned)))
        }
        "themes" => plan.theme(id).map(|t: &Theme| (format!("Theme: {}", t.name), AttentionTarget::Theme(id_owned))),
        "indicators" => {
            plan.indicators.get(id).map(|i| (format!("Indicator: {}", i.name), AttentionTarget::Indicator(id_owned)))
        }
        "events" => plan.events.get(id).map(|e| (format!("Calendar: {}", e.title), AttentionTarget::Event(id_owned))),
        "organisations" => {
            plan.organisations.get(id).map(|o| (format!("Member: {}", o.name), AttentionTarget::Organisation(id_owned)))
        }
        "sub_groups" => {
            plan.sub_groups.get(id).map(|g| (format!("Sub-group: {}", g.name), AttentionTarget::SubGroup(id_owned)))
        }
        _ => None,
    }
}

/// "Due date changed by Luton Council and Bedfordshire Police".
fn changed_by(map_key: &str, conflict: &FieldConflict) -> String {
    let mut orgs: Vec<&str> = Vec::new();
    for v in &conflict.values {
        let org = if v.organisation.is_empty() { "an unknown organisation" } else { v.organisation.as_str() };
        if !orgs.contains(&org) {
            orgs.push(org);
        }
    }
    let who = match orgs.as_slice() {
        [] => "two partners".to_string(),
        [one] => format!("two people at {one}"),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    format!("{} changed by {who}", field_label(map_key, &conflict.field))
}

/// Plain-English names of stored fields, as the forms label them.
pub fn field_label(map_key: &str, field: &str) -> String {
    let known = match (map_key, field) {
        ("actions", "number") => "Action number",
        ("actions", "title") => "Key action",
        ("themes", "name") => "Name of the theme",
        ("plan", "title") => "Title of the plan",
        ("plan", "period") => "Period of the plan",
        ("plan", "action_plan_year") => "Action plan year",
        (_, "theme_id") => "Theme",
        (_, "start") => "Start date",
        (_, "due") => "Due date",
        (_, "business_as_usual") => "Business as usual",
        (_, "lead_role") => "Theme lead's role",
        (_, "lead_organisation") => "Lead organisation",
        (_, "name") => "Name",
        (_, "order") => "Place in the plan",
        (_, "unit") => "Unit",
        (_, "polarity") => "Whether lower or higher is better",
        (_, "baseline") => "Baseline",
        (_, "baseline_period") => "Baseline period",
        (_, "source") => "Source",
        (_, "time") => "Start time",
        (_, "location") => "Location",
        (_, "sector") => "Kind of organisation",
        (_, "role") => "Role in the partnership",
        (_, "chair_role") => "Chair's role",
        (_, "chair_organisation") => "Chair's organisation",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Stamp, Workspace};
    use crate::model::{ActionDraft, Author};

    #[test]
    fn a_merge_with_a_clash_lists_the_field_and_the_shared_number() {
        let council = Author::new("CSP Manager", "Luton Council");
        let police = Author::new("Inspector", "Bedfordshire Police");
        let mut ours = crate::demo::workspace();
        let mut theirs = Workspace::load(&ours.save()).expect("copy");
        let edit_due = |ws: &mut Workspace, who: &Author, due: &str| {
            let a = ws.partnership().action("action-07").expect("action 7").clone();
            let draft =
                ActionDraft { number: a.number.clone(), title: a.title.clone(), due: due.into(), ..Default::default() };
            let valid = ws.validate_action(&draft, Some("action-07")).expect("valid");
            ws.edit_action(&Stamp::new(who, 10), "action-07", valid).expect("edit");
        };
        edit_due(&mut ours, &council, "2020-04-30");
        edit_due(&mut theirs, &police, "2020-05-31");
        let add14 = |ws: &mut Workspace, who: &Author, title: &str| {
            let draft = ActionDraft { number: "14".into(), title: title.into(), ..Default::default() };
            let valid = ws.validate_action(&draft, None).expect("valid");
            ws.add_action(&Stamp::new(who, 11), valid).expect("add")
        };
        add14(&mut ours, &council, "Council's 14");
        add14(&mut theirs, &police, "Police 14");
        let mut file = Workspace::load(&theirs.save()).expect("file");
        ours.merge(&mut file).expect("merge");

        let conflicts = ours.all_conflicts();
        let items = needs_attention(ours.partnership(), &conflicts);
        let action7 = ours.partnership().action("action-07").expect("action 7");
        assert!(
            items.iter().any(|i| i.item == format!("Action 7: {}", action7.title)
                && i.target == AttentionTarget::Action("action-07".into())
                && i.problem.starts_with("Due date changed by ")
                && i.problem.contains("Luton Council")
                && i.problem.contains("Bedfordshire Police")),
            "{items:?}"
        );
        let fourteens: Vec<&AttentionItem> = items.iter().filter(|i| i.item.starts_with("Action 14: ")).collect();
        assert_eq!(fourteens.len(), 2, "{items:?}");
        assert!(fourteens.iter().all(|i| i.problem == "2 actions are numbered 14: give one a new number"));
        let police_conflicts = theirs.all_conflicts();
        assert!(
            needs_attention(theirs.partnership(), &police_conflicts).is_empty(),
            "the police copy has no clash yet"
        );
    }

    #[test]
    fn fields_have_the_names_the_forms_use() {
        assert_eq!(field_label("actions", "due"), "Due date");
        assert_eq!(field_label("themes", "lead_role"), "Theme lead's role");
        assert_eq!(field_label("indicators", "data_owner"), "Data owner");
    }
}
