//! The dashboard: every theme's actions by status, and the actions a CSP
//! manager should chase — overdue, or silent this quarter.

use leptos::prelude::*;

use crate::model::filter::NO_THEME;
use crate::model::performance::quarter_code;
use crate::model::{ActionFilter, Date};
use crate::nav::Route;
use crate::report::dashboard::{ChaseItem, Dashboard};
use crate::ui::clock;
use crate::ui::components::StatusTag;
use crate::ui::indicators::RagTag;
use crate::ui::plan::StatusCounts;
use crate::ui::router::page_loaded;
use crate::ui::state::use_app;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = use_app();
    page_loaded("Dashboard");
    let today = clock::today();
    move || state.plan.with(|p| p.as_ref().map(|p| dashboard(Dashboard::build(p, today))))
}

fn dashboard(board: Dashboard) -> impl IntoView + use<> {
    let quarter = board.quarter;
    let reporting = board.reporting_quarter;
    let missing = board.missing_values;
    view! {
        <span class="govuk-caption-l">{format!("{quarter}: {}", quarter.months())}</span>
        <h1 class="govuk-heading-l" tabindex="-1">"Dashboard"</h1>
        <h2 class="govuk-heading-m">"Actions by theme"</h2>
        <div class="app-card-grid">
            {board
                .themes
                .into_iter()
                .map(|t| {
                    let filter = ActionFilter {
                        theme_id: t.theme_id.clone().unwrap_or_else(|| NO_THEME.to_string()),
                        ..Default::default()
                    };
                    view! {
                        <section class="app-card" aria-label=t.name.clone()>
                            <h3 class="govuk-heading-s">
                                <a class="govuk-link" href=Route::Actions(filter).href()>{t.name.clone()}</a>
                            </h3>
                            {(!t.lead.is_empty()).then(|| view! { <p class="govuk-body-s">{t.lead.clone()}</p> })}
                            <StatusCounts counts=t.by_status />
                            {(!t.by_rag.is_empty()).then(|| view! {
                                <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-1">{format!("Indicators, {reporting}:")}</p>
                                <ul class="govuk-list app-status-counts">
                                    {t.by_rag.iter().map(|(rag, n)| view! { <li>{*n}" " <RagTag rag=*rag /></li> }).collect_view()}
                                </ul>
                            })}
                        </section>
                    }
                })
                .collect_view()}
        </div>
        <h2 class="govuk-heading-m">{format!("Indicator values missing for {reporting}")}</h2>
        {if missing.is_empty() {
            view! { <p class="govuk-body">{format!("Every quarterly indicator has its {reporting} value.")}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Indicators missing a value"</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Indicator"</th>
                            <th scope="col" class="govuk-table__header">"Theme"</th>
                            <th scope="col" class="govuk-table__header">"Theme lead"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {missing.into_iter().map(|m| view! {
                            <tr class="govuk-table__row">
                                <th scope="row" class="govuk-table__header">
                                    <a class="govuk-link" href=Route::RecordValues(m.theme_id.clone().unwrap_or_default(), quarter_code(reporting)).href()>{m.name.clone()}</a>
                                </th>
                                <td class="govuk-table__cell">{m.theme.clone()}</td>
                                <td class="govuk-table__cell">{m.lead.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }}
        <h2 class="govuk-heading-m">"Overdue"</h2>
        <ChaseTable items=board.overdue caption="Overdue actions" empty="No open action is past its due date." overdue=true />
        <h2 class="govuk-heading-m">{format!("No update in {quarter}")}</h2>
        <ChaseTable
            items=board.no_update_this_quarter
            caption="Open actions with no update this quarter"
            empty="Every open action has an update this quarter."
            overdue=false
        />
    }
}

#[component]
fn ChaseTable(items: Vec<ChaseItem>, caption: &'static str, empty: &'static str, overdue: bool) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="govuk-body">{empty}</p> }.into_any();
    }
    let when = |d: Option<Date>| d.map_or_else(|| "None".to_string(), |d| d.short());
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"No."</th>
                    <th scope="col" class="govuk-table__header">"Action"</th>
                    <th scope="col" class="govuk-table__header">"Leads"</th>
                    <th scope="col" class="govuk-table__header">"Status"</th>
                    <th scope="col" class="govuk-table__header">{if overdue { "Due" } else { "Last update" }}</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {items
                    .into_iter()
                    .map(|c| {
                        let date = if overdue {
                            format!("{} ({} days ago)", when(c.due), c.days_overdue)
                        } else {
                            when(c.last_update)
                        };
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{c.number.clone()}</td>
                                <td class="govuk-table__cell">
                                    <a class="govuk-link" href=Route::Action(c.action_id.clone()).href()>{c.title.clone()}</a>
                                </td>
                                <td class="govuk-table__cell">{c.leads.clone()}</td>
                                <td class="govuk-table__cell"><StatusTag status=c.status /></td>
                                <td class="govuk-table__cell">{date}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
