//! Finding actions: the filters and search box of the action list.

use super::{Action, Partnership, Status};

/// What the person asked the action list to show. Empty fields mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub theme_id: String,
    pub status: Option<Status>,
    /// Matches a lead's role or organisation exactly (as listed in the filter).
    pub lead: String,
    /// Words to find in the number, title, description, leads, partners, tags or progress.
    pub text: String,
}

/// Stands for "actions with no theme" in the theme filter.
pub const NO_THEME: &str = "none";

impl ActionFilter {
    pub fn is_empty(&self) -> bool {
        *self == ActionFilter::default()
    }

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

    /// Every word must appear somewhere in the action (case-insensitive).
    fn matches_text(&self, action: &Action) -> bool {
        let words: Vec<String> = self.text.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return true;
        }
        let mut haystack =
            format!("{} {} {} {}", action.number, action.title, action.description.as_str(), action.leads_text());
        for extra in action.partners.iter().chain(&action.tags) {
            haystack.push(' ');
            haystack.push_str(extra);
        }
        for u in action.progress.values() {
            haystack.push(' ');
            haystack.push_str(u.narrative.as_str());
        }
        let haystack = haystack.to_lowercase();
        words.iter().all(|w| haystack.contains(w.as_str()))
    }

    /// The matching actions, in business-plan order.
    pub fn apply<'a>(&self, partnership: &'a Partnership) -> Vec<&'a Action> {
        partnership.actions_in_order().into_iter().filter(|a| self.matches(a)).collect()
    }
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
    orgs.sort();
    orgs.dedup();
    orgs
}
