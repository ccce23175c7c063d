//! The annual overview to the council's scrutiny committee, in the shape
//! partnerships present it (seed 002): setting the scene, the priorities,
//! successes, progress on every action, the year ahead and recommendations.
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
    /// Actions completed during the year.
    pub completed: Vec<ActionLine>,
    /// Every action in the business plan, by theme.
    pub progress: Vec<ThemeProgress>,
    /// Actions still open at the end of the year.
    pub carried_forward: Vec<ActionLine>,
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
        let lines: Vec<ActionLine> = in_plan.iter().map(|a| line(a, year)).collect();
        let completed = in_plan
            .iter()
            .zip(&lines)
            .filter(|(a, l)| l.status == Status::Complete && completed_in(a, year))
            .map(|(_, l)| l.clone())
            .collect();
        let carried_forward = lines.iter().filter(|l| l.status != Status::Complete).cloned().collect();
        let mut progress: Vec<ThemeProgress> = plan
            .themes_in_order()
            .into_iter()
            .map(|t| ThemeProgress {
                theme: t.name.clone(),
                actions: in_plan
                    .iter()
                    .zip(&lines)
                    .filter(|(a, _)| a.theme_id.as_deref() == Some(&t.id))
                    .map(|(_, l)| l.clone())
                    .collect(),
            })
            .collect();
        let cross_cutting: Vec<ActionLine> =
            in_plan.iter().zip(&lines).filter(|(a, _)| a.theme_id.is_none()).map(|(_, l)| l.clone()).collect();
        if !cross_cutting.is_empty() {
            progress.push(ThemeProgress { theme: "Cross-cutting actions".into(), actions: cross_cutting });
        }
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
            progress,
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
}

/// The action's line as it stood at the end of `year`.
fn line(action: &Action, year: FinancialYear) -> ActionLine {
    let mut updates: Vec<_> = action.progress.values().filter(|u| u.date <= year.end()).collect();
    updates.sort_by_key(|u| (u.date, u.recorded_at));
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

/// Whether the action was first marked complete during the year.
fn completed_in(action: &Action, year: FinancialYear) -> bool {
    action
        .progress
        .values()
        .filter(|u| u.status == Status::Complete)
        .map(|u| u.date)
        .min()
        .is_some_and(|d| d >= year.start() && d <= year.end())
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
        assert_eq!(report.carried_forward.len(), 8);
        assert_eq!(report.progress.iter().map(|t| t.actions.len()).sum::<usize>(), 13);
        assert_eq!(report.progress.last().map(|t| t.theme.as_str()), Some("Cross-cutting actions"));
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
        assert_eq!(report.carried_forward.len(), 8);
        assert!(report.progress.iter().flat_map(|t| &t.actions).all(|l| l.latest.is_none()));
        assert_eq!(AnnualSection::from_code("year-ahead"), Some(AnnualSection::YearAhead));
        assert_eq!(AnnualSection::YearAhead.label(FinancialYear(2020)), "the year ahead of the annual report 2020-21");
    }
}
