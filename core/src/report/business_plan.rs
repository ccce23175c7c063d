//! The year's business plan table in the shape partnerships publish it
//! (seed 003): No. | Key actions and major projects | Partnership leads |
//! Linked document | Progress, with the progress reported during the year.

use crate::model::{Action, Date, FinancialYear, Partnership, Status};

#[derive(Debug, Clone, PartialEq)]
pub struct BusinessPlan {
    /// "Luton Community Safety Partnership".
    pub partnership: String,
    pub year: FinancialYear,
    pub rows: Vec<BusinessPlanRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BusinessPlanRow {
    pub action_id: String,
    pub number: String,
    pub title: String,
    pub detail: String,
    pub theme: String,
    pub leads: Vec<String>,
    pub documents: Vec<String>,
    pub due: Option<Date>,
    /// Status at the end of the year (or now, for the current year).
    pub status: Status,
    /// Updates dated within the year, oldest first, as the table reads.
    pub progress: Vec<ProgressEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressEntry {
    pub date: Date,
    pub status: Status,
    pub text: String,
}

impl BusinessPlan {
    /// The table for one financial year: every action except business as
    /// usual, in number order, with the progress dated in that year. An action's status is taken
    /// from its latest update up to the end of the year, so a report for a
    /// past year does not show later news.
    pub fn build(plan: &Partnership, year: FinancialYear) -> BusinessPlan {
        let rows =
            plan.actions_in_order().into_iter().filter(|a| !a.business_as_usual).map(|a| row(plan, a, year)).collect();
        BusinessPlan { partnership: plan.name.clone(), year, rows }
    }

    pub fn title(&self) -> String {
        format!("Business plan {}", self.year)
    }
}

fn row(plan: &Partnership, action: &Action, year: FinancialYear) -> BusinessPlanRow {
    let mut updates: Vec<_> = action.progress.values().filter(|u| u.date <= year.end()).collect();
    crate::sorting::sort_by_key(&mut updates, |u| (u.date, u.recorded_at));
    let status = updates.last().map_or(Status::NotStarted, |u| u.status);
    let progress = updates
        .into_iter()
        .filter(|u| u.date >= year.start())
        .map(|u| ProgressEntry { date: u.date, status: u.status, text: u.narrative.to_string() })
        .collect();
    BusinessPlanRow {
        action_id: action.id.clone(),
        number: action.number.clone(),
        title: action.title.clone(),
        detail: action.description.to_string(),
        theme: plan.theme_name(action.theme_id.as_deref()).to_string(),
        leads: action.leads.iter().map(ToString::to_string).collect(),
        documents: action.linked_documents.iter().map(|d| d.title.clone()).collect(),
        due: action.due,
        status,
        progress,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::doc::Stamp;
    use crate::model::{Author, Narrative, ValidProgress};

    #[test]
    fn the_demo_business_plan_has_all_thirteen_rows_in_number_order() {
        let ws = demo::workspace();
        let table = BusinessPlan::build(ws.partnership(), FinancialYear(2019));
        assert_eq!(table.title(), "Business plan 2019-20");
        let numbers: Vec<&str> = table.rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]);
        let two = &table.rows[1];
        assert_eq!(two.leads, ["Communications Officer (Place), Luton Council"]);
        assert_eq!(two.documents, ["Communications 19-20", "Hate Crime Awareness Week timetable"]);
        assert_eq!(two.progress.len(), 2);
        assert!(two.progress[0].date < two.progress[1].date, "oldest first");
    }

    #[test]
    fn a_past_year_shows_neither_later_updates_nor_their_status() {
        let mut ws = demo::workspace();
        let me = Author::new("Analyst", "Bedfordshire Police");
        let later = ValidProgress {
            date: "2020-05-01".parse().expect("date"),
            status: Status::Complete,
            narrative: Narrative::new("Closed in the new year."),
        };
        ws.add_progress(&Stamp::new(&me, 0), "action-08", later).expect("update");
        let old = BusinessPlan::build(ws.partnership(), FinancialYear(2019));
        let eight = old.rows.iter().find(|r| r.number == "8").expect("row 8");
        assert_eq!(eight.status, Status::AtRisk);
        assert!(eight.progress.iter().all(|p| p.text != "Closed in the new year."));

        let new = BusinessPlan::build(ws.partnership(), FinancialYear(2020));
        let eight = new.rows.iter().find(|r| r.number == "8").expect("row 8");
        assert_eq!(eight.status, Status::Complete);
        assert_eq!(eight.progress.len(), 1);
    }

    #[test]
    fn business_as_usual_stays_out_of_the_table() {
        let mut ws = demo::workspace();
        let me = Author::new("Analyst", "Bedfordshire Police");
        let draft = crate::model::ActionDraft {
            number: "14".into(),
            title: "Weekly tasking meeting".into(),
            business_as_usual: true,
            ..Default::default()
        };
        let valid = ws.validate_action(&draft, None).expect("valid");
        ws.add_action(&Stamp::new(&me, 0), valid).expect("add");
        let table = BusinessPlan::build(ws.partnership(), FinancialYear(2019));
        assert_eq!(table.rows.len(), 13);
    }

    #[test]
    fn an_action_without_updates_is_not_started() {
        let ws = crate::doc::Workspace::create("Empty CSP", "", &Stamp::new(&Author::new("A", "B"), 0));
        assert!(BusinessPlan::build(ws.partnership(), FinancialYear(2024)).rows.is_empty());
    }
}
