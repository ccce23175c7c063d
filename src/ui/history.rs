//! The workspace history: every change, who made it, from which
//! organisation, and when.

use leptos::prelude::*;

use crate::nav::Route;

use super::router::page_loaded;
use super::state::use_app;

/// Enough for a meeting's worth of scrolling; older changes stay in the file.
const SHOWN: usize = 200;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let state = use_app();
    page_loaded("History");
    let rows = move || {
        state.plan.track();
        let entries = state.with_workspace(|ws| ws.history()).unwrap_or_default();
        let total = entries.len();
        let actions: Vec<String> =
            state.plan.with(|p| p.as_ref().map(|p| p.actions.keys().cloned().collect()).unwrap_or_default());
        (entries.into_iter().take(SHOWN).collect::<Vec<_>>(), total, actions)
    };
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">"History"</h1>
        <p class="govuk-body">"Every change to this partnership's plan, newest first, with the person and organisation who made it."</p>
        {move || {
            let (entries, total, live_actions) = rows();
            view! {
                {(total > SHOWN).then(|| view! {
                    <p class="govuk-body">{format!("Showing the latest {SHOWN} of {total} changes.")}</p>
                })}
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Changes"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"When"</th>
                            <th scope="col" class="govuk-table__header">"Who"</th>
                            <th scope="col" class="govuk-table__header">"Organisation"</th>
                            <th scope="col" class="govuk-table__header">"What changed"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {entries
                            .into_iter()
                            .map(|e| {
                                let link = e
                                    .targets
                                    .iter()
                                    .find_map(|t| t.strip_prefix("action/"))
                                    .filter(|id| live_actions.iter().any(|a| a == id))
                                    .map(|id| Route::Action(id.to_string()).href());
                                let summary = e.summary.clone();
                                view! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell">{format!("{} {}", e.date().short(), e.time_of_day())}</td>
                                        <td class="govuk-table__cell">{e.author.name.clone()}</td>
                                        <td class="govuk-table__cell">{e.author.organisation.clone()}</td>
                                        <td class="govuk-table__cell">
                                            {match link {
                                                Some(href) => view! { <a class="govuk-link" href=href>{summary}</a> }.into_any(),
                                                None => view! { {summary} }.into_any(),
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
        }}
    }
}
