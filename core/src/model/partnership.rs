//! The partnership: the root of one workspace document.
//!
//! One Automerge document holds one partnership's plan. Its shape, as any
//! Automerge client sees it:
//!
//! ```text
//! { format: "safer-plan", format_version: 1, id, name, area,
//!   plan: { title, period, action_plan_year, vision, duties, values: [..] },
//!   themes:  { <theme id>:  Theme  },
//!   actions: { <action id>: Action },
//!   events:  { <event id>:  CalendarEvent },
//!   organisations: { <id>: Organisation }, sub_groups: { <id>: SubGroup },
//!   report_notes: { <key>: Text }, covers: { <report key>: Cover },
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
use super::{
    Action, CalendarEvent, Cover, Date, FinancialQuarter, Indicator, Narrative, Organisation, SubGroup, Theme,
};

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
    /// Committee papers' cover blocks, keyed by report and period such as
    /// `annual/2019-20` (see [`super::cover::Paper::key`]).
    #[autosurgeon(missing = "Default::default")]
    pub covers: BTreeMap<String, Cover>,
    /// The partnership's id on a sync server: 16 bytes in base58check, the
    /// `<id>` of its sync address `automerge:<id>`, set by the first
    /// partner who turns on sync through a server. Empty until then, and
    /// absent in older documents.
    #[autosurgeon(missing = "Default::default")]
    pub sync_id: String,
}

/// Letters and digits of `text` joined by hyphens, safe as part of a file
/// name on Windows, macOS and Linux: "Drugs / alcohol" → "Drugs-alcohol".
/// Empty when `text` has no letters or digits.
pub fn file_stem(text: &str) -> String {
    let cleaned: String = text.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join("-")
}

/// One action number held by several actions, to be settled by giving all
/// but one a new number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateNumber {
    pub number: String,
    /// The actions that have it, first recorded first.
    pub action_ids: Vec<String>,
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
    /// What the law asks the plan to do (seed 000, section 4: the Crime and
    /// Disorder Act 1998 requires a plan to reduce crime and anti-social
    /// behaviour, reduce re-offending and tackle drug, alcohol and substance
    /// misuse). Absent in documents made before it existed, which open with
    /// it blank.
    #[autosurgeon(missing = "Default::default")]
    pub duties: Narrative,
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
            covers: BTreeMap::new(),
            sync_id: String::new(),
        }
    }

    /// Themes in the order the plan lists them. Two themes can share an
    /// `order` (two partners adding one each at the same time); name, then
    /// id, settles which comes first, so every copy lists them alike.
    pub fn themes_in_order(&self) -> Vec<&Theme> {
        let mut themes: Vec<&Theme> = self.themes.values().collect();
        crate::sorting::sort_by(&mut themes, |a, b| {
            a.order.cmp(&b.order).then_with(|| a.name.cmp(&b.name)).then_with(|| a.id.cmp(&b.id))
        });
        themes
    }

    /// The theme whose name is another spelling of `name` (see
    /// [`super::theme::name_key`]), such as "Domestic Abuse" for an assessed
    /// issue called "Domestic abuse".
    pub fn theme_named(&self, name: &str) -> Option<&Theme> {
        let key = super::theme::name_key(name);
        if key.is_empty() {
            return None;
        }
        self.themes_in_order().into_iter().find(|t| super::theme::name_key(&t.name) == key)
    }

    /// The sub-groups that own a theme, by name.
    pub fn sub_groups_owning(&self, theme_id: &str) -> Vec<&SubGroup> {
        self.sub_groups_in_order().into_iter().filter(|g| g.theme_ids.iter().any(|t| t == theme_id)).collect()
    }

    /// Actions in business-plan order: 1, 2, 2a, 2b, 3 … 10, 11.
    pub fn actions_in_order(&self) -> Vec<&Action> {
        let mut actions: Vec<&Action> = self.actions.values().collect();
        crate::sorting::sort_by(&mut actions, |a, b| {
            super::action::number_order(&a.number, &b.number).then_with(|| a.title.cmp(&b.title))
        });
        actions
    }

    /// Assessments, latest year first.
    pub fn assessments_latest_first(&self) -> Vec<&Assessment> {
        let mut all: Vec<&Assessment> = self.assessments.values().collect();
        crate::sorting::sort_by_key(&mut all, |a| std::cmp::Reverse(a.year));
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
        let stem = file_stem(&self.name);
        if stem.is_empty() { "partnership".to_string() } else { stem }
    }

    /// Member organisations, by sector then name.
    pub fn organisations_in_order(&self) -> Vec<&Organisation> {
        let mut orgs: Vec<&Organisation> = self.organisations.values().collect();
        crate::sorting::sort_by_key(&mut orgs, |o| (o.sector, o.name.to_lowercase()));
        orgs
    }

    /// Sub-groups by name.
    pub fn sub_groups_in_order(&self) -> Vec<&SubGroup> {
        let mut groups: Vec<&SubGroup> = self.sub_groups.values().collect();
        crate::sorting::sort_by_key(&mut groups, |g| g.name.to_lowercase());
        groups
    }

    /// Indicators grouped by theme in plan order, then by name.
    pub fn indicators_in_order(&self) -> Vec<&Indicator> {
        let theme_order =
            |i: &Indicator| i.theme_id.as_deref().and_then(|t| self.themes.get(t)).map_or(i64::MAX, |t| t.order);
        let mut list: Vec<&Indicator> = self.indicators.values().collect();
        crate::sorting::sort_by_key(&mut list, |i| (theme_order(i), i.name.to_lowercase()));
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
        self.sub_groups_owning(theme)
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
        crate::sorting::sort_by(&mut events, |a, b| (a.start, &a.time, &a.title).cmp(&(b.start, &b.time, &b.title)));
        events
    }

    /// The day pages and reports look at when nobody has chosen a period:
    /// `today` while the action plan year is running or still to come, and
    /// the last day of that year once it is over. A plan whose year has
    /// ended (the demo's 2019-20, or a partnership that has not yet set next
    /// year's plan) then opens on its own last quarter, not on an empty one.
    pub fn as_of(&self, today: Date) -> Date {
        match super::performance::parse_financial_year(&self.plan.action_plan_year) {
            Some(year) if year.end() < today => year.end(),
            _ => today,
        }
    }

    /// Action numbers used by more than one action, which happens when two
    /// partners add an action with the same number before exchanging files
    /// (each copy checked its own list), in business-plan order. Numbers
    /// compare as people read them: "7a" and "7A" are the same number.
    pub fn duplicate_numbers(&self) -> Vec<DuplicateNumber> {
        let mut by_number: BTreeMap<String, Vec<&Action>> = BTreeMap::new();
        for a in self.actions.values().filter(|a| !a.number.trim().is_empty()) {
            by_number.entry(a.number.trim().to_lowercase()).or_default().push(a);
        }
        let mut found: Vec<DuplicateNumber> = by_number
            .into_values()
            .filter(|list| list.len() > 1)
            .map(|mut list| {
                crate::sorting::sort_by(&mut list, |a, b| {
                    a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id))
                });
                DuplicateNumber {
                    number: list[0].number.trim().to_string(),
                    action_ids: list.iter().map(|a| a.id.clone()).collect(),
                }
            })
            .collect();
        crate::sorting::sort_by(&mut found, |a, b| super::action::number_order(&a.number, &b.number));
        found
    }

    /// Whether another action than `except` already has `number`.
    pub fn number_taken(&self, number: &str, except: Option<&str>) -> bool {
        let number = number.trim();
        self.actions.values().any(|a| a.number.trim().eq_ignore_ascii_case(number) && Some(a.id.as_str()) != except)
    }

    /// The last quarter that has ended by the day the plan is seen at
    /// ([`Partnership::as_of`]): what theme leads report on. For a plan
    /// whose year has ended that is the year's Q4.
    pub fn reporting_quarter(&self, today: Date) -> FinancialQuarter {
        let day = self.as_of(today);
        let quarter = FinancialQuarter::of(day);
        if quarter.last_day() == day { quarter } else { quarter.previous() }
    }

    /// Quarters pages offer to choose from, latest first: from the earliest
    /// of the action plan year's Q1 and the first quarter with a progress
    /// update, to the later of today's quarter and the quarter the plan is
    /// seen at.
    pub fn quarters_in_view(&self, today: Date) -> Vec<FinancialQuarter> {
        let latest = FinancialQuarter::of(today).max(FinancialQuarter::of(self.as_of(today)));
        let plan_start = super::performance::parse_financial_year(&self.plan.action_plan_year)
            .map(|y| FinancialQuarter { year: y, quarter: 1 });
        let first_update =
            self.actions.values().flat_map(|a| a.progress.values()).map(|u| FinancialQuarter::of(u.date)).min();
        let earliest = [plan_start, first_update].into_iter().flatten().min().unwrap_or(latest).min(latest);
        FinancialQuarter::latest_first(earliest, latest)
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
    fn a_plan_whose_year_has_ended_is_seen_at_the_end_of_that_year() {
        let mut p = Partnership::new("x".into(), "Luton CSP".into(), String::new());
        let today = Date::new(2026, 11, 29).expect("date");
        assert_eq!(p.as_of(today), today, "no action plan year");
        p.plan.action_plan_year = "2019-20".into();
        assert_eq!(p.as_of(today), Date::new(2020, 3, 31).expect("date"));
        p.plan.action_plan_year = "2026-27".into();
        assert_eq!(p.as_of(today), today, "the year is running");
        p.plan.action_plan_year = "2027-28".into();
        assert_eq!(p.as_of(today), today, "next year's plan, written early");
        p.plan.action_plan_year = "not a year".into();
        assert_eq!(p.as_of(today), today);
    }

    #[test]
    fn leads_report_on_the_last_quarter_that_has_ended() {
        let mut p = Partnership::new("x".into(), "Luton CSP".into(), String::new());
        let day = |s: &str| s.parse::<Date>().expect("date");
        assert_eq!(p.reporting_quarter(day("2026-11-29")).to_string(), "Q2 2026-27");
        assert_eq!(p.reporting_quarter(day("2026-09-30")).to_string(), "Q2 2026-27");
        assert_eq!(p.reporting_quarter(day("2026-04-01")).to_string(), "Q4 2025-26");
        p.plan.action_plan_year = "2019-20".into();
        assert_eq!(p.reporting_quarter(day("2026-11-29")).to_string(), "Q4 2019-20");
        let offered: Vec<String> = p.quarters_in_view(day("2020-02-01")).iter().map(ToString::to_string).collect();
        assert_eq!(offered, ["Q4 2019-20", "Q3 2019-20", "Q2 2019-20", "Q1 2019-20"]);
    }

    #[test]
    fn file_stems_are_safe_on_every_platform() {
        let mut p = Partnership::new("x".into(), "Luton CSP (draft) / 2020".into(), String::new());
        assert_eq!(p.file_stem(), "Luton-CSP-draft-2020");
        p.name = "../..".into();
        assert_eq!(p.file_stem(), "partnership");
    }
}
