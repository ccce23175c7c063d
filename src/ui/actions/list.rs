//! The action plan as a filterable table: by theme, status and lead, with a
//! text search. Filters live in the address, so a filtered list can be
//! bookmarked and the back button restores it. The search also narrows the
//! list as the person types, and long lists show 50 rows at a time
//! (`list_rows`; why in `model::action_list`).

use leptos::prelude::*;

use crate::model::filter::{ActionSort, NO_THEME, lead_organisations};
use crate::model::{ActionFilter, FieldErrors, Status};
use crate::nav::Route;

use super::list_rows::{ActionRows, ActionTable};
use crate::ui::components::{SelectField, TextField};
use crate::ui::device::use_device;
use crate::ui::navigation::use_navigation;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

#[component]
pub fn ActionListPage(filter: ActionFilter) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let device = use_device();
    let year = session.plan.with_untracked(|p| p.as_ref().map(|p| p.plan.action_plan_year.clone()).unwrap_or_default());
    let heading = if year.is_empty() { "Action plan".to_string() } else { format!("Action plan {year}") };
    page_loaded(&heading);

    let theme = RwSignal::new(filter.theme_id.clone());
    let status = RwSignal::new(filter.status.map(|s| s.code().to_string()).unwrap_or_default());
    let lead = RwSignal::new(filter.lead.clone());
    let text = RwSignal::new(filter.text.clone());
    let mine = RwSignal::new(filter.mine);
    let sort = RwSignal::new(filter.sort.code().to_string());
    let no_errors = RwSignal::new(FieldErrors::default());
    let my_organisation = device.identity.with_untracked(|a| a.as_ref().map(|a| a.organisation.clone()));

    let (theme_options, lead_options) = session
        .plan
        .with_untracked(|p| {
            p.as_ref().map(|p| {
                let mut themes = vec![(String::new(), "All themes".to_string())];
                themes.extend(p.themes_in_order().into_iter().map(|t| (t.id.clone(), t.name.clone())));
                themes.push((NO_THEME.to_string(), "No theme (cross-cutting)".to_string()));
                let mut leads = vec![(String::new(), "All lead organisations".to_string())];
                leads.extend(lead_organisations(p).into_iter().map(|o| (o.clone(), o)));
                (themes, leads)
            })
        })
        .unwrap_or_default();
    let mut status_options = vec![(String::new(), "Any status".to_string())];
    status_options.extend(Status::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())));
    let sort_options: Vec<(String, String)> =
        ActionSort::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect();

    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        nav.go(&Route::Actions(ActionFilter {
            theme_id: theme.get_untracked(),
            status: Status::from_code(&status.get_untracked()),
            lead: lead.get_untracked(),
            text: text.get_untracked().trim().to_string(),
            mine: mine.get_untracked(),
            sort: ActionSort::from_code(&sort.get_untracked()).unwrap_or_default(),
        }));
    };

    let organisation = my_organisation.clone().unwrap_or_default();
    let rows = ActionRows::new(session, &filter, organisation, text);

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l" tabindex="-1">
                    {heading}
                </h1>
            </div>
            <div class="govuk-grid-column-one-third app-align-right">
                <a class="govuk-button" href=Route::NewAction.href()>
                    "Add an action"
                </a>
            </div>
        </div>
        <form class="app-filters" on:submit=apply role="search" aria-label="Filter actions">
            <div class="app-filters__row">
                <SelectField id="filter-theme" label="Theme" value=theme errors=no_errors options=theme_options />
                <SelectField id="filter-status" label="Status" value=status errors=no_errors options=status_options />
                <SelectField
                    id="filter-lead"
                    label="Lead organisation"
                    value=lead
                    errors=no_errors
                    options=lead_options
                />
                <SelectField id="filter-sort" label="Sort by" value=sort errors=no_errors options=sort_options />
            </div>
            {match my_organisation.clone().filter(|o| !o.trim().is_empty()) {
                Some(org) => {
                    view! {
                        <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                            <div class="govuk-checkboxes__item">
                                <input
                                    class="govuk-checkboxes__input"
                                    id="filter-mine"
                                    name="filter-mine"
                                    type="checkbox"
                                    bind:checked=mine
                                />
                                <label class="govuk-label govuk-checkboxes__label" for="filter-mine">
                                    {format!("Only actions {org} leads or works on")}
                                </label>
                            </div>
                        </div>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="govuk-body-s">
                            "To see only your organisation\u{2019}s actions, add your organisation in "
                            <a class="govuk-link" href=Route::Settings.href()>
                                "Settings"
                            </a>"."
                        </p>
                    }
                        .into_any()
                }
            }}
            <TextField
                id="filter-text"
                label="Search actions"
                hint="Words in the title, leads or progress"
                value=text
                errors=no_errors
                input_type="search"
                class="govuk-input govuk-!-width-two-thirds"
            />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button govuk-button--secondary">
                    "Apply filters"
                </button>
                <Show when={
                    let f = filter.clone();
                    move || !f.is_empty()
                }>
                    <a class="govuk-link" href=Route::Actions(ActionFilter::default()).href()>
                        "Clear filters"
                    </a>
                </Show>
            </div>
        </form>
        <ActionTable rows />
    }
}
