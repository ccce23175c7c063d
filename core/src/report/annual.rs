//! The annual overview to the council's scrutiny committee, in the shape
//! partnerships present it (seed 002): setting the scene, the priorities,
//! successes, the year ahead and recommendations.
//!
//! Each action of the business plan appears exactly once, in the section
//! that fits it: completed this year under the successes, completed in an
//! earlier year in a short list after them, and still open at the end of
//! the year under the year ahead (carried forward, by theme).
//!
//! Facts come from the plan; the sections a person writes (the scene,
//! successes, the year ahead, recommendations) are report notes kept in the
//! document, so every partner sees the same draft.

use super::quarterly::{IndicatorLine, indicator_line};
use crate::model::action::count_by_status;
use crate::model::{Action, Date, FinancialQuarter, FinancialYear, Partnership, Status};

/// The written sections of the annual report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnualSection {
    Scene,
    Successes,
    YearAhead,
    Recommendations,
}

impl AnnualSection {
    pub const ALL: [AnnualSection; 4] =
        [AnnualSection::Scene, AnnualSection::Successes, AnnualSection::YearAhead, AnnualSection::Recommendations];

    pub fn heading(self) -> &'static str {
        match self {
            AnnualSection::Scene => "Setting the scene",
            AnnualSection::Successes => "Successes",
            AnnualSection::YearAhead => "The year ahead",
            AnnualSection::Recommendations => "Recommendations",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AnnualSection::Scene => "scene",
            AnnualSection::Successes => "successes",
            AnnualSection::YearAhead => "year-ahead",
            AnnualSection::Recommendations => "recommendations",
        }
    }

    pub fn from_code(code: &str) -> Option<AnnualSection> {
        AnnualSection::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Where its text is kept in the document.
    pub fn key(self, year: FinancialYear) -> String {
        format!("annual/{year}/{}", self.code())
    }

    /// How the history names it: "recommendations of the annual report 2019-20".
    pub fn label(self, year: FinancialYear) -> String {
        format!("{} of the annual report {year}", self.heading().to_lowercase())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnnualReport {
    pub partnership: String,
    pub year: FinancialYear,
    pub plan_title: String,
    pub priorities: Vec<Priority>,
    /// Actions first marked complete during the year, with their latest update.
    pub completed: Vec<ActionLine>,
    /// Actions already complete before the year began.
    pub completed_before: Vec<ActionLine>,
    /// Actions still open at the end of the year, by theme in plan order
    /// (cross-cutting actions last); themes with none are left out.
    pub carried_forward: Vec<ThemeProgress>,
    /// Meetings and campaigns held during the year.
    pub events_held: usize,
    /// Each indicator at its latest quarter in the year, by theme order.
    pub indicators: Vec<(String, IndicatorLine)>,
    /// The written sections, in [`AnnualSection::ALL`] order (empty when not yet written).
    pub notes: Vec<(AnnualSection, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Priority {
    pub name: String,
    pub lead: String,
    pub by_status: Vec<(Status, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeProgress {
    pub theme: String,
    pub actions: Vec<ActionLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionLine {
    pub action_id: String,
    pub number: String,
    pub title: String,
    pub leads: String,
    /// Status at the end of the year.
    pub status: Status,
    /// The latest update dated in the year.
    pub latest: Option<(Date, String)>,
}

impl AnnualReport {
    pub fn build(plan: &Partnership, year: FinancialYear) -> AnnualReport {
        let in_plan: Vec<&Action> = plan.actions_in_order().into_iter().filter(|a| !a.business_as_usual).collect();
        let mut completed = Vec::new();
        let mut completed_before = Vec::new();
        let mut open: Vec<(&Action, ActionLine)> = Vec::new();
        for action in &in_plan {
            let l = line(action, year);
            match (l.status, first_completed(action)) {
                (Status::Complete, Some(done)) if done < year.start() => completed_before.push(l),
                (Status::Complete, _) => completed.push(l),
                _ => open.push((action, l)),
            }
        }
        let mut carried_forward: Vec<ThemeProgress> = plan
            .themes_in_order()
            .into_iter()
            .map(|t| ThemeProgress {
                theme: t.name.clone(),
                actions: open
                    .iter()
                    .filter(|(a, _)| a.theme_id.as_deref() == Some(&t.id))
                    .map(|(_, l)| l.clone())
                    .collect(),
            })
            .collect();
        // Actions whose theme is missing (deleted, or not yet merged in) count as cross-cutting.
        let cross_cutting: Vec<ActionLine> = open
            .iter()
            .filter(|(a, _)| a.theme_id.as_deref().and_then(|t| plan.theme(t)).is_none())
            .map(|(_, l)| l.clone())
            .collect();
        carried_forward.push(ThemeProgress { theme: "Cross-cutting actions".into(), actions: cross_cutting });
        carried_forward.retain(|t| !t.actions.is_empty());
        let priorities = plan
            .themes_in_order()
            .into_iter()
            .map(|t| Priority {
                name: t.name.clone(),
                lead: t.lead(),
                by_status: count_by_status(in_plan.iter().copied().filter(|a| a.theme_id.as_deref() == Some(&t.id))),
            })
            .collect();
        let events_held = plan.events.values().filter(|e| e.start >= year.start() && e.start <= year.end()).count();
        let indicators = plan
            .indicators_in_order()
            .into_iter()
            .map(|i| {
                let latest = i
                    .series()
                    .into_iter()
                    .map(|(q, _)| q)
                    .filter(|q| q.year == year)
                    .max()
                    .unwrap_or(FinancialQuarter { year, quarter: 4 });
                (plan.theme_name(i.theme_id.as_deref()).to_string(), indicator_line(i, latest))
            })
            .collect();
        AnnualReport {
            indicators,
            partnership: plan.name.clone(),
            year,
            plan_title: plan.plan.title.clone(),
            priorities,
            completed,
            completed_before,
            carried_forward,
            events_held,
            notes: AnnualSection::ALL.iter().map(|s| (*s, plan.report_note(&s.key(year)).to_string())).collect(),
        }
    }

    pub fn title(&self) -> String {
        format!("Annual overview {}", self.year)
    }

    pub fn note(&self, section: AnnualSection) -> &str {
        self.notes.iter().find(|(s, _)| *s == section).map_or("", |(_, t)| t.as_str())
    }

    /// How many actions are still open at the end of the year.
    pub fn carried_forward_count(&self) -> usize {
        self.carried_forward.iter().map(|t| t.actions.len()).sum()
    }

    /// Every action line in the order the report prints them: completed,
    /// completed before, carried forward.
    pub fn action_lines(&self) -> impl Iterator<Item = &ActionLine> {
        self.completed.iter().chain(&self.completed_before).chain(self.carried_forward.iter().flat_map(|t| &t.actions))
    }
}

/// The action's line as it stood at the end of `year`.
fn line(action: &Action, year: FinancialYear) -> ActionLine {
    let mut updates: Vec<_> = action.progress.values().filter(|u| u.date <= year.end()).collect();
    crate::sorting::sort_by_key(&mut updates, |u| (u.date, u.recorded_at));
    let status = updates.last().map_or(Status::NotStarted, |u| u.status);
    let latest = updates.iter().rev().find(|u| u.date >= year.start()).map(|u| (u.date, u.narrative.to_string()));
    ActionLine {
        action_id: action.id.clone(),
        number: action.number.clone(),
        title: action.title.clone(),
        leads: action.leads_text(),
        status,
        latest,
    }
}

/// When the action was first marked complete, if ever.
fn first_completed(action: &Action) -> Option<Date> {
    action.progress.values().filter(|u| u.status == Status::Complete).map(|u| u.date).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::doc::Stamp;
    use crate::model::Author;

    #[test]
    fn the_demo_year_2019_20_in_the_shape_of_a_scrutiny_overview() {
        let mut ws = demo::workspace();
        let year = FinancialYear(2019);
        let me = Author::new("CSP Manager", "Luton Council");
        let key = AnnualSection::Recommendations.key(year);
        let label = AnnualSection::Recommendations.label(year);
        ws.write_report_note(&Stamp::new(&me, 0), &key, &label, "Endorse the plan for 2020-2024.").expect("note");
        let report = AnnualReport::build(ws.partnership(), year);
        assert_eq!(report.title(), "Annual overview 2019-20");
        assert_eq!(report.priorities.len(), 7);
        let done: Vec<&str> = report.completed.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(done, ["6", "9", "10", "11", "12"]);
        assert!(report.completed_before.is_empty());
        assert_eq!(report.carried_forward_count(), 8);
        assert_eq!(report.carried_forward.last().map(|t| t.theme.as_str()), Some("Cross-cutting actions"));
        let mut numbers: Vec<&str> = report.action_lines().map(|l| l.number.as_str()).collect();
        assert_eq!(numbers.len(), 13, "each action once");
        crate::sorting::sort_by(&mut numbers, |a, b| crate::model::action::number_order(a, b));
        numbers.dedup();
        assert_eq!(numbers.len(), 13, "and no action twice");
        assert_eq!(report.events_held, 8);
        assert_eq!(report.indicators.len(), 10);
        assert!(report.indicators.iter().all(|(_, l)| l.value.is_some()), "Q3 is the latest quarter with values");
        assert_eq!(report.note(AnnualSection::Recommendations), "Endorse the plan for 2020-2024.");
        assert_eq!(report.note(AnnualSection::Successes), "");
    }

    #[test]
    fn the_next_year_carries_open_actions_forward_with_no_new_progress() {
        let ws = demo::workspace();
        let report = AnnualReport::build(ws.partnership(), FinancialYear(2020));
        assert!(report.completed.is_empty(), "completed in 2019-20, not again");
        let before: Vec<&str> = report.completed_before.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(before, ["6", "9", "10", "11", "12"], "listed once as done before the year");
        assert_eq!(report.carried_forward_count(), 8);
        assert_eq!(report.action_lines().count(), 13);
        assert!(report.action_lines().all(|l| l.latest.is_none()));
        assert_eq!(AnnualSection::from_code("year-ahead"), Some(AnnualSection::YearAhead));
        assert_eq!(AnnualSection::YearAhead.label(FinancialYear(2020)), "the year ahead of the annual report 2020-21");
    }
}
