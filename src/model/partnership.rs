//! The partnership: the root of one workspace document.
//!
//! One Automerge document holds one partnership's plan. Its shape, as any
//! Automerge client sees it:
//!
//! ```text
//! { format: "safer-plan", format_version: 1, id, name, area,
//!   plan: { title, period, vision, values: [..] },
//!   themes:  { <theme id>:  Theme  },
//!   actions: { <action id>: Action },
//!   events:  { <event id>:  CalendarEvent },
//!   organisations: { <id>: Organisation }, sub_groups: { <id>: SubGroup },
//!   report_notes: { <key>: Text },
//!   indicators: { <id>: { ..Indicator, values: { "2019-20-Q3": QuarterValue } } } }
//! ```
//!
//! Themes and actions are maps keyed by a random id rather than lists, so that
//! two partners adding or deleting items concurrently never disturb each
//! other's items; their display order comes from `order` and `number`.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};

use super::assessment::Assessment;
use super::consultation::Questionnaire;
use super::workshop::Workshop;
use super::{Action, CalendarEvent, Indicator, Narrative, Organisation, SubGroup, Theme};

/// The value of the root `format` field in every Safer Plan document.
pub const FORMAT: &str = "safer-plan";
/// The document layout this build writes. A document with a higher number
/// was written by a newer version of the app.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Partnership {
    pub format: String,
    #[autosurgeon(hydrate = "crate::model::stored::uint")]
    pub format_version: u64,
    /// Random, fixed at creation: identifies the workspace across partners.
    pub id: String,
    /// "Luton Community Safety Partnership".
    pub name: String,
    /// The local authority area it covers, e.g. "Luton".
    pub area: String,
    pub plan: PlanSummary,
    pub themes: BTreeMap<String, Theme>,
    pub actions: BTreeMap<String, Action>,
    /// Meetings and awareness campaigns. Absent in documents made before the
    /// calendar existed, which still open.
    #[autosurgeon(missing = "Default::default")]
    pub events: BTreeMap<String, CalendarEvent>,
    /// Member organisations.
    #[autosurgeon(missing = "Default::default")]
    pub organisations: BTreeMap<String, Organisation>,
    #[autosurgeon(missing = "Default::default")]
    pub sub_groups: BTreeMap<String, SubGroup>,
    /// The written parts of reports (successes, recommendations, a theme
    /// lead's commentary), keyed by report, period and section, such as
    /// `annual/2019-20/recommendations`.
    #[autosurgeon(missing = "Default::default")]
    pub report_notes: BTreeMap<String, Narrative>,
    /// Performance indicators and their quarterly values.
    #[autosurgeon(missing = "Default::default")]
    pub indicators: BTreeMap<String, Indicator>,
    /// Strategic assessments, one per year, keyed by id.
    #[autosurgeon(missing = "Default::default")]
    pub assessments: BTreeMap<String, Assessment>,
    /// Resident questionnaires used at events.
    #[autosurgeon(missing = "Default::default")]
    pub questionnaires: BTreeMap<String, Questionnaire>,
    /// Partner workshops run on a tablet, with their results.
    #[autosurgeon(missing = "Default::default")]
    pub workshops: BTreeMap<String, Workshop>,
}

/// The published multi-year partnership plan.
#[derive(Debug, Clone, Default, PartialEq, Reconcile, Hydrate)]
pub struct PlanSummary {
    /// "Community Safety Partnership Plan 2020 – 2024".
    pub title: String,
    /// "2020 to 2024".
    pub period: String,
    /// The year of the business (action) plan in force, e.g. "2019-20".
    pub action_plan_year: String,
    pub vision: Narrative,
    /// "Trust", "Accountability", …
    #[autosurgeon(missing = "Default::default", reconcile = "crate::model::stored::reconcile_labels")]
    pub values: Vec<String>,
}

impl Partnership {
    /// An empty partnership with no themes or actions.
    pub fn new(id: String, name: String, area: String) -> Partnership {
        Partnership {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            id,
            name,
            area,
            plan: PlanSummary::default(),
            themes: BTreeMap::new(),
            actions: BTreeMap::new(),
            events: BTreeMap::new(),
            organisations: BTreeMap::new(),
            sub_groups: BTreeMap::new(),
            report_notes: BTreeMap::new(),
            indicators: BTreeMap::new(),
            assessments: BTreeMap::new(),
            questionnaires: BTreeMap::new(),
            workshops: BTreeMap::new(),
        }
    }

    /// Themes in the order the plan lists them.
    pub fn themes_in_order(&self) -> Vec<&Theme> {
        let mut themes: Vec<&Theme> = self.themes.values().collect();
        themes.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.name.cmp(&b.name)));
        themes
    }

    /// Actions in business-plan order: 1, 2, 2a, 2b, 3 … 10, 11.
    pub fn actions_in_order(&self) -> Vec<&Action> {
        let mut actions: Vec<&Action> = self.actions.values().collect();
        actions.sort_by(|a, b| super::action::number_order(&a.number, &b.number).then_with(|| a.title.cmp(&b.title)));
        actions
    }

    /// Assessments, latest year first.
    pub fn assessments_latest_first(&self) -> Vec<&Assessment> {
        let mut all: Vec<&Assessment> = self.assessments.values().collect();
        all.sort_by_key(|a| std::cmp::Reverse(a.year));
        all
    }

    /// The assessment for the year before `year`'s, to compare with.
    pub fn assessment_before(&self, year: i64) -> Option<&Assessment> {
        self.assessments.values().filter(|a| a.year < year).max_by_key(|a| a.year)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.get(id)
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.get(id)
    }

    /// The name of an action's theme, or "No theme" for cross-cutting work.
    pub fn theme_name(&self, theme_id: Option<&str>) -> &str {
        theme_id.and_then(|id| self.themes.get(id)).map_or("No theme", |t| t.name.as_str())
    }

    /// A safe file name stem for exports: "Luton CSP (draft)" → "Luton-CSP-draft".
    pub fn file_stem(&self) -> String {
        let cleaned: String = self.name.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        let stem = cleaned.split_whitespace().collect::<Vec<_>>().join("-");
        if stem.is_empty() { "partnership".to_string() } else { stem }
    }

    /// Member organisations, by sector then name.
    pub fn organisations_in_order(&self) -> Vec<&Organisation> {
        let mut orgs: Vec<&Organisation> = self.organisations.values().collect();
        orgs.sort_by_key(|o| (o.sector, o.name.to_lowercase()));
        orgs
    }

    /// Sub-groups by name.
    pub fn sub_groups_in_order(&self) -> Vec<&SubGroup> {
        let mut groups: Vec<&SubGroup> = self.sub_groups.values().collect();
        groups.sort_by_key(|g| g.name.to_lowercase());
        groups
    }

    /// Indicators grouped by theme in plan order, then by name.
    pub fn indicators_in_order(&self) -> Vec<&Indicator> {
        let theme_order =
            |i: &Indicator| i.theme_id.as_deref().and_then(|t| self.themes.get(t)).map_or(i64::MAX, |t| t.order);
        let mut list: Vec<&Indicator> = self.indicators.values().collect();
        list.sort_by_key(|i| (theme_order(i), i.name.to_lowercase()));
        list
    }

    pub fn indicators_for_theme(&self, theme_id: &str) -> Vec<&Indicator> {
        self.indicators_in_order().into_iter().filter(|i| i.theme_id.as_deref() == Some(theme_id)).collect()
    }

    /// The sub-groups answerable for an indicator: those owning its theme
    /// (seed 004: each sub-group is "responsible for a range of performance
    /// measures" in its priority areas). Derived rather than stored, so
    /// moving a theme between sub-groups moves its indicators too.
    pub fn sub_groups_for(&self, indicator: &Indicator) -> Vec<&SubGroup> {
        let Some(theme) = indicator.theme_id.as_deref() else { return Vec::new() };
        self.sub_groups_in_order().into_iter().filter(|g| g.theme_ids.iter().any(|t| t == theme)).collect()
    }

    /// A sub-group's indicators, in plan order, for its report to the partnership.
    pub fn indicators_for_sub_group(&self, sub_group_id: &str) -> Vec<&Indicator> {
        let Some(group) = self.sub_groups.get(sub_group_id) else { return Vec::new() };
        self.indicators_in_order()
            .into_iter()
            .filter(|i| i.theme_id.as_ref().is_some_and(|t| group.theme_ids.contains(t)))
            .collect()
    }

    /// The written part of a report section, or empty.
    pub fn report_note(&self, key: &str) -> &str {
        self.report_notes.get(key).map_or("", Narrative::as_str)
    }

    /// Calendar items in date order.
    pub fn events_in_order(&self) -> Vec<&CalendarEvent> {
        let mut events: Vec<&CalendarEvent> = self.events.values().collect();
        events.sort_by(|a, b| (a.start, &a.time, &a.title).cmp(&(b.start, &b.time, &b.title)));
        events
    }

    /// The next free top-level action number, for a new action's form.
    pub fn next_action_number(&self) -> String {
        let highest = self.actions.values().filter_map(|a| super::action::leading_number(&a.number)).max().unwrap_or(0);
        (highest + 1).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe_on_every_platform() {
        let mut p = Partnership::new("x".into(), "Luton CSP (draft) / 2020".into(), String::new());
        assert_eq!(p.file_stem(), "Luton-CSP-draft-2020");
        p.name = "../..".into();
        assert_eq!(p.file_stem(), "partnership");
    }
}
