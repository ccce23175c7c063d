//! Actions of the yearly business plan and the dated progress recorded on them.
//!
//! An action's status is not a field of its own: it is the status given with
//! its latest progress update ("Not started" until there is one). Two partners
//! adding updates concurrently therefore never produce a status conflict; the
//! later-dated update simply wins, as it would in the spreadsheet.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use autosurgeon::{Hydrate, Reconcile};

use super::{Date, Narrative};

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Action {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    /// The business-plan number: "1", "2", "2a", "13".
    pub number: String,
    /// The key action or major project, in one sentence.
    pub title: String,
    /// Detail such as the sub-items of a communications action.
    pub description: Narrative,
    /// The priority theme it delivers, if any (cross-cutting work has none).
    #[autosurgeon(missing = "Default::default")]
    pub theme_id: Option<String>,
    #[autosurgeon(missing = "Default::default")]
    pub leads: Vec<Lead>,
    /// Other organisations working on it, beyond the leads.
    #[autosurgeon(missing = "Default::default", reconcile = "crate::model::stored::reconcile_labels")]
    pub partners: Vec<String>,
    #[autosurgeon(missing = "Default::default")]
    pub linked_documents: Vec<LinkedDocument>,
    #[autosurgeon(missing = "Default::default")]
    pub start: Option<Date>,
    #[autosurgeon(missing = "Default::default")]
    pub due: Option<Date>,
    /// Free labels partners search by, such as "High Town" or "VAWG".
    #[autosurgeon(missing = "Default::default", reconcile = "crate::model::stored::reconcile_labels")]
    pub tags: Vec<String>,
    /// Ongoing work tracked here but left out of the business plan report.
    #[autosurgeon(missing = "Default::default")]
    pub business_as_usual: bool,
    #[autosurgeon(missing = "Default::default")]
    pub progress: BTreeMap<String, ProgressUpdate>,
    /// Unix seconds when the action was first recorded.
    #[autosurgeon(hydrate = "crate::model::stored::int")]
    pub created_at: i64,
}

/// A partnership lead for an action: a role at an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate)]
pub struct Lead {
    pub role: String,
    pub organisation: String,
}

impl fmt::Display for Lead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::theme::join_role(&self.role, &self.organisation))
    }
}

/// A strategy, delivery plan or report the action refers to. Files stay where
/// the partnership keeps them; the workspace records only where to find them.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate)]
pub struct LinkedDocument {
    pub title: String,
    /// A web address or a file location such as `S:\CSP\Strategies\ASB.pdf`.
    pub location: String,
}

impl LinkedDocument {
    /// Only web addresses become links; a shared-drive path is shown as text.
    pub fn is_web_link(&self) -> bool {
        let l = self.location.trim_start().to_ascii_lowercase();
        l.starts_with("https://") || l.starts_with("http://")
    }
}

/// A dated note of what has happened on an action, with the status it leaves
/// the action in.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct ProgressUpdate {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    /// The day the progress refers to (not when it was typed in).
    pub date: Date,
    pub status: Status,
    pub narrative: Narrative,
    pub author_name: String,
    pub author_organisation: String,
    /// Unix seconds when it was recorded; orders updates on the same day.
    #[autosurgeon(hydrate = "crate::model::stored::int")]
    pub recorded_at: i64,
}

/// RAG-style delivery status, plus Complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Reconcile, Hydrate)]
pub enum Status {
    #[autosurgeon(rename = "not-started")]
    NotStarted,
    #[autosurgeon(rename = "on-track")]
    OnTrack,
    #[autosurgeon(rename = "at-risk")]
    AtRisk,
    #[autosurgeon(rename = "off-track")]
    OffTrack,
    #[autosurgeon(rename = "complete")]
    Complete,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::NotStarted, Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Complete];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::OnTrack => "On track",
            Status::AtRisk => "At risk",
            Status::OffTrack => "Off track",
            Status::Complete => "Complete",
        }
    }

    /// The stable identifier used in the document, URLs and form values.
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::OffTrack => "off-track",
            Status::Complete => "complete",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Red / amber / green wording for RAG columns.
    pub fn rag(self) -> &'static str {
        match self {
            Status::NotStarted => "Grey",
            Status::OnTrack => "Green",
            Status::AtRisk => "Amber",
            Status::OffTrack => "Red",
            Status::Complete => "Blue",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Action {
    /// For a sub-item such as "2a", the action it belongs to ("2").
    pub fn parent_number(&self) -> Option<&str> {
        let digits = self.number.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (digits.len() < self.number.len() && !digits.is_empty()).then_some(digits)
    }

    /// Progress updates, latest first.
    pub fn updates_latest_first(&self) -> Vec<&ProgressUpdate> {
        let mut updates: Vec<&ProgressUpdate> = self.progress.values().collect();
        crate::sorting::sort_by(&mut updates, |a, b| {
            b.date.cmp(&a.date).then(b.recorded_at.cmp(&a.recorded_at)).then_with(|| b.id.cmp(&a.id))
        });
        updates
    }

    /// The first of [`Action::updates_latest_first`], found in one pass
    /// without sorting: lists and the dashboard ask for every action's status.
    pub fn latest_update(&self) -> Option<&ProgressUpdate> {
        self.progress
            .values()
            .max_by(|a, b| a.date.cmp(&b.date).then(a.recorded_at.cmp(&b.recorded_at)).then_with(|| a.id.cmp(&b.id)))
    }

    pub fn status(&self) -> Status {
        self.latest_update().map_or(Status::NotStarted, |u| u.status)
    }

    /// "Action 3", as people refer to it in meetings.
    pub fn label(&self) -> String {
        if self.number.trim().is_empty() {
            "Unnumbered action".to_string()
        } else {
            format!("Action {}", self.number.trim())
        }
    }

    pub fn leads_text(&self) -> String {
        self.leads.iter().map(Lead::to_string).collect::<Vec<_>>().join("; ")
    }
}

/// How many actions are at each status, in [`Status::ALL`] order, leaving
/// out statuses no action has.
pub fn count_by_status<'a>(actions: impl IntoIterator<Item = &'a Action>) -> Vec<(Status, usize)> {
    let mut counts = [0usize; 5];
    for a in actions {
        counts[Status::ALL.iter().position(|s| *s == a.status()).unwrap_or(0)] += 1;
    }
    Status::ALL.into_iter().zip(counts).filter(|(_, n)| *n > 0).collect()
}

/// The whole-number part of an action number: "12b" → 12.
pub(crate) fn leading_number(number: &str) -> Option<u64> {
    let digits: String = number.trim().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Orders "2" < "2a" < "2b" < "10"; numbers before unnumbered.
pub(crate) fn number_order(a: &str, b: &str) -> Ordering {
    match (leading_number(a), leading_number(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.trim().cmp(b.trim())),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A progress update on `date` (ISO), for other modules' tests too.
    pub(crate) fn update(id: &str, date: &str, status: Status, at: i64) -> ProgressUpdate {
        ProgressUpdate {
            id: id.into(),
            date: date.parse().unwrap(),
            status,
            narrative: Narrative::default(),
            author_name: String::new(),
            author_organisation: String::new(),
            recorded_at: at,
        }
    }

    /// Action 3 holding `updates`, for other modules' tests too.
    pub(crate) fn action(updates: Vec<ProgressUpdate>) -> Action {
        Action {
            id: "a".into(),
            number: "3".into(),
            title: "Review the ASB strategy".into(),
            description: Narrative::default(),
            theme_id: None,
            leads: vec![],
            partners: vec![],
            linked_documents: vec![],
            start: None,
            due: None,
            tags: vec![],
            business_as_usual: false,
            progress: updates.into_iter().map(|u| (u.id.clone(), u)).collect(),
            created_at: 0,
        }
    }

    #[test]
    fn sub_items_know_their_parent() {
        let mut a = action(vec![]);
        assert_eq!(a.parent_number(), None);
        a.number = "2a".into();
        assert_eq!(a.parent_number(), Some("2"));
        a.number = "a".into();
        assert_eq!(a.parent_number(), None);
    }

    #[test]
    fn status_is_not_started_until_an_update() {
        assert_eq!(action(vec![]).status(), Status::NotStarted);
    }

    #[test]
    fn status_follows_the_latest_dated_update_not_the_latest_typed() {
        let a = action(vec![
            update("x", "2020-01-10", Status::Complete, 100),
            update("y", "2019-12-01", Status::AtRisk, 200),
        ]);
        assert_eq!(a.status(), Status::Complete);
    }

    #[test]
    fn same_day_updates_are_ordered_by_when_recorded() {
        let a = action(vec![
            update("x", "2020-01-10", Status::AtRisk, 300),
            update("y", "2020-01-10", Status::OnTrack, 200),
        ]);
        assert_eq!(a.status(), Status::AtRisk);
    }

    #[test]
    fn the_latest_update_is_the_first_of_the_sorted_list_even_on_ties() {
        // Same day and same moment recorded: the larger id is first, as in the sorted list.
        let a = action(vec![
            update("b", "2020-01-10", Status::OnTrack, 300),
            update("c", "2020-01-10", Status::OffTrack, 300),
            update("a", "2020-01-10", Status::Complete, 300),
            update("d", "2020-01-09", Status::AtRisk, 900),
        ]);
        assert_eq!(a.latest_update().map(|u| u.id.as_str()), Some("c"));
        assert_eq!(a.status(), Status::OffTrack);
        let large = crate::demo::large::large_partnership();
        for action in large.actions.values() {
            let first = action.updates_latest_first().first().map(|u| u.id.clone());
            assert_eq!(action.latest_update().map(|u| u.id.clone()), first, "{}", action.number);
        }
    }

    #[test]
    fn action_numbers_sort_like_the_business_plan() {
        let mut numbers = vec!["10", "2b", "1", "2", "", "2a", "13", "3"];
        crate::sorting::sort_by(&mut numbers, |a, b| number_order(a, b));
        assert_eq!(numbers, ["1", "2", "2a", "2b", "3", "10", "13", ""]);
    }

    #[test]
    fn counts_leave_out_empty_statuses() {
        let done = action(vec![update("x", "2020-01-10", Status::Complete, 1)]);
        let fresh = action(vec![]);
        assert_eq!(count_by_status([&done, &fresh, &done]), [(Status::NotStarted, 1), (Status::Complete, 2)]);
        assert!(count_by_status([]).is_empty());
    }

    #[test]
    fn status_codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::from_code("green"), None);
    }

    #[test]
    fn only_web_addresses_are_links() {
        let doc = |l: &str| LinkedDocument { title: "x".into(), location: l.into() };
        assert!(doc("https://luton.gov.uk/asb").is_web_link());
        assert!(!doc(r"S:\CSP\ASB strategy.pdf").is_web_link());
        assert!(!doc("javascript:alert(1)").is_web_link());
    }
}
