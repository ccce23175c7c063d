//! Finding actions: the filters, search box and sort order of the action list.

use std::cmp::Ordering;

use super::{Action, Date, Partnership, Status};

/// What the person asked the action list to show. Empty fields mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub theme_id: String,
    pub status: Option<Status>,
    /// Matches a lead's role or organisation exactly (as listed in the filter).
    pub lead: String,
    /// Words to find in the number, title, description, leads, partners, tags or progress.
    pub text: String,
    /// Only actions the person's own organisation leads or works on (the
    /// organisation comes from Settings, see [`ActionFilter::apply_for`]).
    pub mine: bool,
    pub sort: ActionSort,
}

/// The orders the action list offers. Each breaks ties by business-plan
/// number, so the list never shuffles between visits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ActionSort {
    /// Business-plan order: 1, 2, 2a, 2b, 3 … 10.
    #[default]
    Number,
    /// Soonest due first; actions with no due date last.
    Due,
    /// Most in need of attention first: off track, at risk, not started,
    /// on track, complete.
    Status,
    /// Longest without a progress update first (none at all before any), so
    /// a CSP manager sees whom to chase.
    LastUpdate,
}

impl ActionSort {
    pub const ALL: [ActionSort; 4] = [ActionSort::Number, ActionSort::Due, ActionSort::Status, ActionSort::LastUpdate];

    pub fn label(self) -> &'static str {
        match self {
            ActionSort::Number => "Action number",
            ActionSort::Due => "Due date (soonest first)",
            ActionSort::Status => "Status (off track first)",
            ActionSort::LastUpdate => "Last update (oldest first)",
        }
    }

    /// The value used in page addresses and form options.
    pub fn code(self) -> &'static str {
        match self {
            ActionSort::Number => "number",
            ActionSort::Due => "due",
            ActionSort::Status => "status",
            ActionSort::LastUpdate => "updated",
        }
    }

    pub fn from_code(code: &str) -> Option<ActionSort> {
        ActionSort::ALL.into_iter().find(|s| s.code() == code)
    }

    fn compare(self, a: &Action, b: &Action) -> Ordering {
        let by_number = || super::action::number_order(&a.number, &b.number).then_with(|| a.title.cmp(&b.title));
        let primary = match self {
            ActionSort::Number => Ordering::Equal,
            ActionSort::Due => none_last(a.due, b.due),
            ActionSort::Status => urgency(a.status()).cmp(&urgency(b.status())),
            ActionSort::LastUpdate => {
                let last = |x: &Action| x.latest_update().map(|u| u.date);
                // `None` (never updated) sorts before any date.
                last(a).cmp(&last(b))
            }
        };
        primary.then_with(by_number)
    }
}

fn none_last(a: Option<Date>, b: Option<Date>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Lower is more urgent.
fn urgency(status: Status) -> u8 {
    match status {
        Status::OffTrack => 0,
        Status::AtRisk => 1,
        Status::NotStarted => 2,
        Status::OnTrack => 3,
        Status::Complete => 4,
    }
}

/// Stands for "actions with no theme" in the theme filter.
pub const NO_THEME: &str = "none";

impl ActionFilter {
    /// Whether any filter narrows the list (the sort order does not).
    pub fn is_empty(&self) -> bool {
        ActionFilter { sort: ActionSort::default(), ..self.clone() } == ActionFilter::default()
    }

    /// Whether `action` passes every filter but "mine", which needs the
    /// person's organisation ([`ActionFilter::matches_for`]).
    pub fn matches(&self, action: &Action) -> bool {
        let theme_ok = match self.theme_id.as_str() {
            "" => true,
            NO_THEME => action.theme_id.is_none(),
            id => action.theme_id.as_deref() == Some(id),
        };
        let status_ok = self.status.is_none_or(|s| action.status() == s);
        let lead_ok = self.lead.is_empty()
            || action.leads.iter().any(|l| l.organisation == self.lead || l.to_string() == self.lead);
        theme_ok && status_ok && lead_ok && self.matches_text(action)
    }

    /// [`ActionFilter::matches`], plus "mine" for someone from `organisation`.
    pub fn matches_for(&self, action: &Action, organisation: &str) -> bool {
        self.matches(action) && (!self.mine || involves(action, organisation))
    }

    /// Every word must appear somewhere in the action (case-insensitive).
    fn matches_text(&self, action: &Action) -> bool {
        let words = search_words(&self.text);
        words.is_empty() || has_every_word(&search_text(action), &words)
    }

    /// The matching actions in business-plan order, ignoring "mine" and the
    /// sort order (for reports and counts).
    pub fn apply<'a>(&self, partnership: &'a Partnership) -> Vec<&'a Action> {
        partnership.actions_in_order().into_iter().filter(|a| self.matches(a)).collect()
    }

    /// The action list as asked: filtered (with "mine" meaning actions that
    /// `organisation` leads or works on) and in the chosen order.
    pub fn apply_for<'a>(&self, partnership: &'a Partnership, organisation: &str) -> Vec<&'a Action> {
        let mut found: Vec<&Action> =
            partnership.actions.values().filter(|a| self.matches_for(a, organisation)).collect();
        crate::sorting::sort_by(&mut found, |a, b| self.sort.compare(a, b));
        found
    }
}

/// The words of a search, lower-cased, in the form [`has_every_word`] takes.
pub fn search_words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

/// Everything the search box looks in, lower-cased once: the number,
/// title, description, leads, partners, tags and every progress update's
/// words. The action list keeps these while the plan is unchanged, so a
/// keypress only compares text.
pub fn search_text(action: &Action) -> String {
    let mut text =
        format!("{} {} {} {}", action.number, action.title, action.description.as_str(), action.leads_text());
    for extra in action.partners.iter().chain(&action.tags) {
        text.push(' ');
        text.push_str(extra);
    }
    for u in action.progress.values() {
        text.push(' ');
        text.push_str(u.narrative.as_str());
    }
    text.to_lowercase()
}

/// Whether each of `words` ([`search_words`]) appears in `text`
/// ([`search_text`]); no words match everything.
pub fn has_every_word(text: &str, words: &[String]) -> bool {
    words.iter().all(|w| text.contains(w.as_str()))
}

/// Whether `organisation` leads an action or is named among its partners.
/// Names are compared loosely ("Luton Borough Council" and "luton borough
/// council" match) because a person types their organisation in Settings
/// and a tracker spells it its own way; an empty organisation matches nothing.
pub fn involves(action: &Action, organisation: &str) -> bool {
    let mine = loose(organisation);
    if mine.is_empty() {
        return false;
    }
    action.leads.iter().map(|l| l.organisation.as_str()).chain(action.partners.iter().map(String::as_str)).any(|o| {
        let theirs = loose(o);
        !theirs.is_empty() && (theirs == mine || theirs.contains(&mine) || mine.contains(&theirs))
    })
}

/// Lower case, letters and digits only, single spaces.
fn loose(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lead organisations named on any action, for the lead filter.
pub fn lead_organisations(partnership: &Partnership) -> Vec<String> {
    let mut orgs: Vec<String> = partnership
        .actions
        .values()
        .flat_map(|a| a.leads.iter())
        .map(|l| if l.organisation.is_empty() { l.role.clone() } else { l.organisation.clone() })
        .filter(|o| !o.is_empty())
        .collect();
    crate::sorting::sort(&mut orgs);
    orgs.dedup();
    orgs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(list: &[&Action]) -> Vec<String> {
        list.iter().map(|a| a.number.clone()).collect()
    }

    #[test]
    fn the_demo_sorts_by_due_date_status_and_last_update() {
        let plan = crate::demo::workspace().partnership().clone();
        let by = |sort| ActionFilter { sort, ..Default::default() }.apply_for(&plan, "");
        let number = by(ActionSort::Number);
        assert_eq!(numbers(&number), numbers(&plan.actions_in_order()));

        let due = by(ActionSort::Due);
        let dates: Vec<Option<Date>> = due.iter().map(|a| a.due).collect();
        let dated: Vec<Date> = dates.iter().flatten().copied().collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "soonest first: {dates:?}");
        let first_undated = dates.iter().position(Option::is_none).unwrap_or(dates.len());
        assert!(dates[first_undated..].iter().all(Option::is_none), "undated last: {dates:?}");

        let status = by(ActionSort::Status);
        let ranks: Vec<u8> = status.iter().map(|a| urgency(a.status())).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "off track first: {ranks:?}");
        assert_eq!(status.last().map(|a| a.status()), Some(Status::Complete));

        let updated = by(ActionSort::LastUpdate);
        let last: Vec<Option<Date>> = updated.iter().map(|a| a.latest_update().map(|u| u.date)).collect();
        assert!(last.windows(2).all(|w| w[0] <= w[1]), "oldest update first: {last:?}");
        assert_eq!(updated.len(), plan.actions.len());
    }

    #[test]
    fn mine_means_actions_my_organisation_leads_or_works_on() {
        let plan = crate::demo::workspace().partnership().clone();
        let mine = ActionFilter { mine: true, ..Default::default() };
        let police = mine.apply_for(&plan, "bedfordshire police");
        assert!(!police.is_empty());
        for a in &police {
            assert!(involves(a, "Bedfordshire Police"), "{}", a.number);
        }
        let every_police_action = plan.actions.values().filter(|a| involves(a, "Bedfordshire Police")).count();
        assert_eq!(police.len(), every_police_action);
        assert!(mine.apply_for(&plan, "").is_empty(), "no organisation in Settings: nothing is mine");
        assert_eq!(ActionFilter::default().apply_for(&plan, "").len(), plan.actions.len());
    }

    #[test]
    fn organisation_names_match_loosely_but_not_emptily() {
        let plan = crate::demo::workspace().partnership().clone();
        let a = plan.actions_in_order().into_iter().find(|a| !a.leads.is_empty()).expect("a led action");
        let org = a.leads[0].organisation.clone();
        assert!(involves(a, &org.to_uppercase()));
        assert!(involves(a, &format!("  {org}. ")));
        assert!(!involves(a, " - "));
    }

    #[test]
    fn sort_order_alone_is_not_a_filter() {
        let sorted = ActionFilter { sort: ActionSort::Due, ..Default::default() };
        assert!(sorted.is_empty());
        assert!(!ActionFilter { mine: true, ..Default::default() }.is_empty());
        for s in ActionSort::ALL {
            assert_eq!(ActionSort::from_code(s.code()), Some(s));
        }
    }
}
