//! The action list as the page shows it: one light row per action (what the
//! table prints, nothing else), read from the plan once per change; a search
//! over every action as the person types; and the list shown 50 rows at a
//! time with "Show the next 50 actions" (`paging`). A plan is usually 10
//! to 60 actions, so almost every plan still shows whole. Filters and the
//! search always look at every action, and the count says how many
//! matched. The printed plan and reports (`report/`) never page.

use super::filter::{ActionFilter, has_every_word, search_text};
use super::{Action, Date, Partnership, Status};

pub use super::paging::STEP;

/// One action as a row of the action list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActionRow {
    pub id: String,
    pub number: String,
    pub title: String,
    /// The action this is a sub-item of ("2" for "2a"), for screen readers.
    pub parent_number: Option<String>,
    /// The theme's name, or "No theme".
    pub theme: String,
    pub leads: String,
    pub due: Option<Date>,
    pub status: Status,
    /// The date of the latest progress update.
    pub last_update: Option<Date>,
}

impl ActionRow {
    pub fn of(action: &Action, plan: &Partnership) -> ActionRow {
        ActionRow {
            id: action.id.clone(),
            number: action.number.clone(),
            title: action.title.clone(),
            parent_number: action.parent_number().map(str::to_string),
            theme: plan.theme_name(action.theme_id.as_deref()).to_string(),
            leads: action.leads_text(),
            due: action.due,
            status: action.status(),
            last_update: action.latest_update().map(|u| u.date),
        }
    }

    /// The rows `filter` lets through in its order, for someone from
    /// `organisation` ("mine"), leaving its search text to [`matching`]:
    /// the page searches as the person types.
    pub fn list(plan: &Partnership, filter: &ActionFilter, organisation: &str) -> Vec<ActionRow> {
        let without_text = ActionFilter { text: String::new(), ..filter.clone() };
        without_text.apply_for(plan, organisation).into_iter().map(|a| ActionRow::of(a, plan)).collect()
    }
}

/// What the search looks in for each of `rows`, in the same order
/// ([`search_text`]; empty for an action no longer in the plan).
pub fn search_texts(plan: &Partnership, rows: &[ActionRow]) -> Vec<String> {
    rows.iter().map(|r| plan.action(&r.id).map(search_text).unwrap_or_default()).collect()
}

/// The positions in `texts` ([`search_texts`]) holding every one of
/// `words` (`filter::search_words`); all of them when there are no words.
pub fn matching(texts: &[String], words: &[String]) -> Vec<usize> {
    (0..texts.len()).filter(|&i| has_every_word(&texts[i], words)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filter::search_words;
    use crate::model::paging::{ACTIONS, show_more, showing};

    #[test]
    fn the_demo_lists_as_its_business_plan_with_each_rows_words() {
        let plan = crate::demo::workspace().partnership().clone();
        let rows = ActionRow::list(&plan, &ActionFilter::default(), "");
        let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]);
        let pilot = rows.iter().find(|r| r.title.starts_with("Pilot area for targeted activity")).expect("action");
        assert_eq!(pilot.leads, plan.action(&pilot.id).expect("in the plan").leads_text());
        assert!(pilot.leads.contains("Inspector, Bedfordshire Police"), "{}", pilot.leads);
        let action = plan.action(&pilot.id).expect("in the plan");
        assert_eq!(pilot.status, action.status());
        assert_eq!(pilot.last_update, action.latest_update().map(|u| u.date));
        assert_eq!(pilot.theme, plan.theme_name(action.theme_id.as_deref()));
    }

    #[test]
    fn searching_the_rows_finds_what_the_filter_finds() {
        let plan = crate::demo::workspace().partnership().clone();
        let rows = ActionRow::list(&plan, &ActionFilter::default(), "");
        let texts = search_texts(&plan, &rows);
        for text in ["Operation Octans", "octans", "police", "POLICE domestic", "2a", "", "no such words here"] {
            let by_filter: Vec<String> = ActionFilter { text: text.into(), ..Default::default() }
                .apply_for(&plan, "")
                .into_iter()
                .map(|a| a.id.clone())
                .collect();
            let found: Vec<String> =
                matching(&texts, &search_words(text)).into_iter().map(|i| rows[i].id.clone()).collect();
            assert_eq!(found, by_filter, "{text}");
        }
        assert_eq!(matching(&texts, &search_words("Operation Octans")).len(), 1);
        assert_eq!(matching(&texts, &[]).len(), 13);
    }

    #[test]
    fn the_filters_other_choices_still_narrow_the_rows() {
        let plan = crate::demo::workspace().partnership().clone();
        let theme = plan.theme_named("Domestic Abuse").expect("theme").id.clone();
        let filter =
            ActionFilter { theme_id: theme, text: "words the page searches itself".into(), ..Default::default() };
        let rows = ActionRow::list(&plan, &filter, "");
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.theme == "Domestic Abuse"));
    }

    #[test]
    fn the_large_partnership_shows_fifty_at_a_time_and_searches_all_500() {
        let plan = crate::demo::large::large_partnership();
        let rows = ActionRow::list(&plan, &ActionFilter::default(), "");
        assert_eq!(rows.len(), 500);
        assert_eq!(showing(STEP, rows.len(), 500, ACTIONS), "Showing the first 50 of 500 actions");
        assert_eq!(show_more(STEP, rows.len(), ACTIONS), Some(("Show the next 50 actions".to_string(), 50)));
        let texts = search_texts(&plan, &rows);
        // Far past the first 50 rows. The generator counts actions from 0
        // in its update words, so action 418's updates say "on action 417".
        let found = matching(&texts, &search_words("action 417"));
        assert_eq!(found.iter().map(|&i| rows[i].number.as_str()).collect::<Vec<_>>(), ["417", "418"]);
        // Every action's updates hold each digit ("Update 7 on …"); "17" is in
        // some numbers, organisation names and update words only.
        let sevens = matching(&texts, &search_words("17"));
        let by_filter = ActionFilter { text: "17".into(), ..Default::default() }.apply_for(&plan, "");
        assert_eq!(
            sevens.iter().map(|&i| rows[i].id.as_str()).collect::<Vec<_>>(),
            by_filter.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
        );
        assert!(sevens.len() > STEP && sevens.len() < 500, "{}", sevens.len());
        assert_eq!(
            showing(STEP, sevens.len(), 500, ACTIONS),
            format!("Showing the first 50 of the {} actions that match, out of 500", sevens.len())
        );
    }
}
