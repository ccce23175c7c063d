//! The dashboard: every theme's actions by status, and the actions a CSP
//! manager should chase — overdue, or silent this quarter.

use leptos::prelude::*;

use crate::model::filter::NO_THEME;
use crate::model::performance::{parse_quarter_code, quarter_code};
use crate::model::{ActionFilter, Date, FinancialQuarter};
use crate::nav::Route;
use crate::report::attention::{AttentionItem, AttentionTarget, needs_attention};
use crate::report::dashboard::{ChaseItem, Dashboard, day_for};
use crate::ui::clock;
use crate::ui::components::{StatusTag, Table, WarningText};
use crate::ui::indicators::RagTag;
use crate::ui::plan::StatusCounts;
use crate::ui::router::{navigate, page_loaded};
use crate::ui::state::use_app;

/// `quarter` is a quarter code from the address ("2019-20-Q3"); empty or
/// unreadable means the quarter the plan is seen at (its own year, for a
/// plan whose year has ended).
#[component]
pub fn DashboardPage(quarter: String) -> impl IntoView {
    let state = use_app();
    page_loaded("Dashboard");
    let today = clock::today();
    move || {
        // Reading the whole document for conflicts is done once per change
        // of the plan, not per part of the page.
        let conflicts = {
            state.plan.track();
            state.with_workspace(|ws| ws.all_conflicts()).unwrap_or_default()
        };
        state.plan.with(|p| {
            p.as_ref().map(|p| {
                let chosen = parse_quarter_code(&quarter).unwrap_or_else(|| FinancialQuarter::of(p.as_of(today)));
                let offered = p.quarters_in_view(today);
                let attention = needs_attention(p, &conflicts);
                dashboard(Dashboard::build(p, day_for(chosen, today)), offered, attention)
            })
        })
    }
}

fn dashboard(board: Dashboard, offered: Vec<FinancialQuarter>, attention: Vec<AttentionItem>) -> impl IntoView + use<> {
    let quarter = board.quarter;
    let reporting = board.reporting_quarter;
    let missing = board.missing_values;
    let change_quarter = move |ev: leptos::ev::Event| navigate(&Route::Dashboard(event_target_value(&ev)));
    view! {
        <span class="govuk-caption-l">{format!("{quarter}: {}", quarter.months())}</span>
        <h1 class="govuk-heading-l" tabindex="-1">"Dashboard"</h1>
        <div class="govuk-form-group app-no-print">
            <label class="govuk-label" for="dashboard-quarter">"Quarter"</label>
            <select class="govuk-select" id="dashboard-quarter" on:change=change_quarter>
                {offered
                    .into_iter()
                    .map(|q| view! { <option value=quarter_code(q) selected=q == quarter>{format!("{q} ({})", q.months())}</option> })
                    .collect_view()}
            </select>
        </div>
        <NeedsAttention items=attention />
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
                <Table caption="Indicators missing a value" columns=["Indicator", "Theme", "Theme lead"]>
                    {missing.into_iter().map(|m| view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">
                                <a class="govuk-link" href=Route::RecordValues(m.theme_id.clone().unwrap_or_default(), quarter_code(reporting)).href()>{m.name.clone()}</a>
                            </th>
                            <td class="govuk-table__cell">{m.theme.clone()}</td>
                            <td class="govuk-table__cell">{m.lead.clone()}</td>
                        </tr>
                    }).collect_view()}
                </Table>
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
        <Table caption=caption columns=vec!["No.", "Action", "Leads", "Status", if overdue { "Due" } else { "Last update" }]>
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
        </Table>
    }
    .into_any()
}

/// Where each kind of item is settled.
pub fn attention_route(target: &AttentionTarget) -> Route {
    match target {
        AttentionTarget::Plan => Route::Plan,
        AttentionTarget::Action(id) => Route::Action(id.clone()),
        AttentionTarget::Theme(id) => Route::Theme(id.clone()),
        AttentionTarget::Indicator(id) => Route::Indicator(id.clone()),
        AttentionTarget::Event(id) => Route::EditEvent(id.clone()),
        AttentionTarget::Organisation(id) => Route::MemberForm(Some(id.clone())),
        AttentionTarget::SubGroup(id) => Route::SubGroupForm(Some(id.clone())),
    }
}

/// Fields changed by two partners and shared action numbers, each linking
/// to where it is settled. Also shown after a merge.
#[component]
pub fn NeedsAttention(items: Vec<AttentionItem>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let count = items.len();
        view! {
            <WarningText>{format!("{count} thing{} need{} attention after partners\u{2019} changes met", if count == 1 { "" } else { "s" }, if count == 1 { "s" } else { "" })}</WarningText>
            <h2 class="govuk-heading-m" id="needs-attention">"Needs attention"</h2>
            <ul class="govuk-list govuk-list--bullet" aria-labelledby="needs-attention">
                {items.into_iter().map(|i| view! {
                    <li>
                        <a class="govuk-link" href=attention_route(&i.target).href()>{i.item}</a>
                        {format!(" \u{2013} {}", i.problem)}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}
