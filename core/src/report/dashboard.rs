//! The plan at a glance, for the CSP manager chasing delivery: per theme,
//! actions by status; and the actions that need chasing because they are
//! overdue or have had no update this quarter.

use crate::model::action::count_by_status;
use crate::model::{Action, Date, FinancialQuarter, Indicator, Partnership, Rag, Status};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Dashboard {
    pub quarter: FinancialQuarter,
    pub themes: Vec<ThemeSummary>,
    /// Past their due date and not complete, most overdue first.
    pub overdue: Vec<ChaseItem>,
    /// Not complete and with no progress dated in the current quarter.
    pub no_update_this_quarter: Vec<ChaseItem>,
    /// The quarter whose indicator values are due: the one just finished.
    pub reporting_quarter: FinancialQuarter,
    /// Quarterly indicators still without a value for the reporting quarter.
    pub missing_values: Vec<MissingValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MissingValue {
    pub indicator_id: String,
    pub name: String,
    pub theme_id: Option<String>,
    pub theme: String,
    pub lead: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ThemeSummary {
    /// `None` for cross-cutting actions.
    pub theme_id: Option<String>,
    pub name: String,
    pub lead: String,
    pub by_status: Vec<(Status, usize)>,
    /// Indicators by RAG for the reporting quarter (missing values not counted).
    pub by_rag: Vec<(Rag, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChaseItem {
    pub action_id: String,
    pub number: String,
    pub title: String,
    pub leads: String,
    pub status: Status,
    pub due: Option<Date>,
    pub last_update: Option<Date>,
    /// Days past the due date (0 when not overdue).
    pub days_overdue: i64,
}

impl Dashboard {
    /// Business-as-usual work is counted with everything else: it still has
    /// to be delivered, even if it stays out of the business plan report.
    pub fn build(plan: &Partnership, today: Date) -> Dashboard {
        let quarter = FinancialQuarter::of(today);
        let reporting_quarter = quarter.previous();
        let rag_counts = |indicators: Vec<&Indicator>| {
            Rag::ALL
                .into_iter()
                .map(|r| (r, indicators.iter().filter(|i| i.rag_in(reporting_quarter) == Some(r)).count()))
                .filter(|(_, n)| *n > 0)
                .collect::<Vec<_>>()
        };
        let mut themes: Vec<ThemeSummary> = plan
            .themes_in_order()
            .into_iter()
            .map(|t| ThemeSummary {
                theme_id: Some(t.id.clone()),
                name: t.name.clone(),
                lead: t.lead(),
                by_status: count_by_status(plan.actions.values().filter(|a| a.theme_id.as_deref() == Some(&t.id))),
                by_rag: rag_counts(plan.indicators_for_theme(&t.id)),
            })
            .collect();
        let cross_cutting: Vec<&Action> = plan.actions.values().filter(|a| a.theme_id.is_none()).collect();
        if !cross_cutting.is_empty() {
            themes.push(ThemeSummary {
                theme_id: None,
                name: "Cross-cutting actions (no theme)".into(),
                lead: String::new(),
                by_status: count_by_status(cross_cutting),
                by_rag: Vec::new(),
            });
        }
        let open: Vec<&Action> =
            plan.actions_in_order().into_iter().filter(|a| a.status() != Status::Complete).collect();
        let mut overdue: Vec<ChaseItem> =
            open.iter().filter(|a| a.due.is_some_and(|d| d < today)).map(|a| chase_item(a, today)).collect();
        crate::sorting::sort_by_key(&mut overdue, |c| std::cmp::Reverse(c.days_overdue));
        let no_update_this_quarter = open
            .iter()
            .filter(|a| a.latest_update().is_none_or(|u| FinancialQuarter::of(u.date) != quarter))
            .map(|a| chase_item(a, today))
            .collect();
        let missing_values = plan
            .indicators_in_order()
            .into_iter()
            .filter(|i| i.is_missing(reporting_quarter))
            .map(|i| MissingValue {
                indicator_id: i.id.clone(),
                name: i.name.clone(),
                theme_id: i.theme_id.clone(),
                theme: plan.theme_name(i.theme_id.as_deref()).to_string(),
                lead: i.theme_id.as_deref().and_then(|t| plan.theme(t)).map(|t| t.lead()).unwrap_or_default(),
            })
            .collect();
        Dashboard { quarter, themes, overdue, no_update_this_quarter, reporting_quarter, missing_values }
    }
}

/// The day the dashboard looks from for `quarter`: its last day, or today
/// while it is still running.
pub fn day_for(quarter: FinancialQuarter, today: Date) -> Date {
    quarter.last_day().min(today)
}

fn chase_item(action: &Action, today: Date) -> ChaseItem {
    let days_overdue = action.due.map_or(0, |d| (today.days_since_epoch() - d.days_since_epoch()).max(0));
    ChaseItem {
        action_id: action.id.clone(),
        number: action.number.clone(),
        title: action.title.clone(),
        leads: action.leads_text(),
        status: action.status(),
        due: action.due,
        last_update: action.latest_update().map(|u| u.date),
        days_overdue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::doc::Stamp;
    use crate::model::{Author, Narrative, ValidProgress};

    fn day(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn in_february_2020_only_past_due_open_actions_need_chasing() {
        let ws = demo::workspace();
        let board = Dashboard::build(ws.partnership(), day("2020-03-01"));
        assert_eq!(board.quarter.to_string(), "Q4 2019-20");
        // Action 7 (due 29 February 2020, at risk) is the only open action past due.
        let overdue: Vec<&str> = board.overdue.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(overdue, ["7"]);
        assert_eq!(board.overdue[0].days_overdue, 1);
        // Open actions whose last update is from before January 2020.
        let quiet: Vec<&str> = board.no_update_this_quarter.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(quiet, ["1", "5"]);
        let town = board.themes.iter().find(|t| t.name == "Town Centre & Neighbourhood Crime").expect("theme");
        assert_eq!(town.by_status, [(Status::OnTrack, 3)]);
        assert_eq!(board.themes.last().map(|t| t.theme_id.clone()), Some(None), "cross-cutting last");
        // In March 2020 the Q3 values are due, and the demo has them all.
        assert_eq!(board.reporting_quarter.to_string(), "Q3 2019-20");
        assert!(board.missing_values.is_empty());
        let rated: usize = town.by_rag.iter().map(|(_, n)| n).sum();
        assert_eq!(rated, 3);
        // In May 2020 the Q4 values are due and none are in.
        let may = Dashboard::build(ws.partnership(), day("2020-05-01"));
        assert_eq!(may.missing_values.len(), 10);
    }

    #[test]
    fn the_demo_is_offered_its_own_year_and_opens_on_its_last_quarter() {
        let ws = demo::workspace();
        let today = day("2026-11-29");
        let quarters = ws.partnership().quarters_in_view(today);
        assert_eq!(quarters.first().map(ToString::to_string).as_deref(), Some("Q3 2026-27"));
        assert!(quarters.iter().any(|q| q.to_string() == "Q1 2019-20"));
        assert!(quarters.windows(2).all(|w| w[0] > w[1]), "latest first, no gaps or repeats");
        let opening = FinancialQuarter::of(ws.partnership().as_of(today));
        assert_eq!(opening.to_string(), "Q4 2019-20");
        assert_eq!(day_for(opening, today), day("2020-03-31"));
        let board = Dashboard::build(ws.partnership(), day_for(opening, today));
        assert_eq!(board.reporting_quarter.to_string(), "Q3 2019-20");
        assert!(board.missing_values.is_empty(), "the demo's values are shown, not an empty quarter");
        let running = FinancialQuarter::of(today);
        assert_eq!(day_for(running, today), today);
    }

    #[test]
    fn an_update_this_quarter_and_completion_stop_the_chase() {
        let mut ws = demo::workspace();
        let me = Author::new("Strategic Lead for Exploitation", "Luton Council");
        let update = |status| ValidProgress { date: day("2020-03-02"), status, narrative: Narrative::new("Done.") };
        ws.add_progress(&Stamp::new(&me, 0), "action-01", update(Status::OnTrack)).expect("update");
        ws.add_progress(&Stamp::new(&me, 0), "action-07", update(Status::Complete)).expect("update");
        let board = Dashboard::build(ws.partnership(), day("2020-03-03"));
        assert!(board.overdue.is_empty());
        assert!(board.no_update_this_quarter.iter().all(|c| c.number != "1" && c.number != "7"));
    }
}
