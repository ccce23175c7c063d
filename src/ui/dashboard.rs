//! The dashboard: every theme's actions by status, and the actions a CSP
//! manager should chase — overdue, or silent this quarter.

use leptos::prelude::*;

use crate::model::filter::NO_THEME;
use crate::model::performance::{parse_quarter_code, quarter_code};
use crate::model::{ActionFilter, Date, FinancialQuarter};
use crate::nav::Route;
use crate::report::attention::{AttentionItem, AttentionTarget, needs_attention};
use crate::report::dashboard::{ChaseItem, Dashboard, MissingValue, ThemeSummary, day_for};
use crate::ui::clock;
use crate::ui::components::{StatusTag, Table, WarningText};
use crate::ui::indicators::RagTag;
use crate::ui::navigation::use_navigation;
use crate::ui::plan::StatusCounts;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

/// What the dashboard shows, worked out again whenever the plan changes.
#[derive(Clone, PartialEq)]
struct Figures {
    board: Dashboard,
    offered: Vec<FinancialQuarter>,
    attention: Vec<AttentionItem>,
}

/// A memo of one part of the figures (empty while no plan is open), so a
/// list re-runs its `<For>` only when its own rows changed.
fn part<T>(figures: Memo<Option<Figures>>, read: fn(&Figures) -> T) -> Memo<T>
where
    T: Clone + PartialEq + Default + Send + Sync + 'static,
{
    Memo::new(move |_| figures.with(|f| f.as_ref().map(read).unwrap_or_default()))
}

/// `quarter` is a quarter code from the address ("2019-20-Q3"); empty or
/// unreadable means the quarter the plan is seen at (its own year, for a
/// plan whose year has ended).
///
/// The figures are one memo over the plan, and each list on the page is a
/// keyed `<For>` over its part of them: an edit redraws only the cards and
/// rows whose figures it changed, not the page.
#[component]
pub fn DashboardPage(quarter: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    page_loaded("Dashboard");
    let today = clock::today();
    let figures = Memo::new(move |_| {
        // Reading the whole document for conflicts is done once per change
        // of the plan, not per part of the page.
        session.plan.track();
        let conflicts = session.with_workspace(|ws| ws.all_conflicts()).unwrap_or_default();
        session.plan.with(|p| {
            p.as_ref().map(|p| {
                let chosen = parse_quarter_code(&quarter).unwrap_or_else(|| FinancialQuarter::of(p.as_of(today)));
                Figures {
                    board: Dashboard::build(p, day_for(chosen, today)),
                    offered: p.quarters_in_view(today),
                    attention: needs_attention(p, &conflicts),
                }
            })
        })
    });
    let quarters = part(figures, |f| Some((f.board.quarter, f.board.reporting_quarter)));
    let offered = part(figures, |f| f.offered.clone());
    let attention = part(figures, |f| f.attention.clone());
    let themes = part(figures, |f| f.board.themes.clone());
    let missing = part(figures, |f| f.board.missing_values.clone());
    let overdue = part(figures, |f| f.board.overdue.clone());
    let silent = part(figures, |f| f.board.no_update_this_quarter.clone());
    let change_quarter = move |ev: leptos::ev::Event| nav.go(&Route::Dashboard(event_target_value(&ev)));
    move || {
        quarters.get().map(|(quarter, reporting)| {
            view! {
                <span class="govuk-caption-l">{format!("{quarter}: {}", quarter.months())}</span>
                <h1 class="govuk-heading-l" tabindex="-1">
                    "Dashboard"
                </h1>
                <div class="govuk-form-group app-no-print">
                    <label class="govuk-label" for="dashboard-quarter">
                        "Quarter"
                    </label>
                    <select class="govuk-select" id="dashboard-quarter" on:change=change_quarter>
                        <For each=move || offered.get() key=|q| *q let:q>
                            <option value=quarter_code(q) selected=q == quarter>
                                {format!("{q} ({})", q.months())}
                            </option>
                        </For>
                    </select>
                </div>
                <NeedsAttention items=attention />
                <h2 class="govuk-heading-m">"Actions by theme"</h2>
                <div class="app-card-grid">
                    <For each=move || themes.get() key=|t| t.clone() let:theme>
                        <ThemeCard theme reporting />
                    </For>
                </div>
                <h2 class="govuk-heading-m">{format!("Indicator values missing for {reporting}")}</h2>
                <MissingValues missing reporting />
                <h2 class="govuk-heading-m">"Overdue"</h2>
                <ChaseTable
                    items=overdue
                    caption="Overdue actions"
                    empty="No open action is past its due date."
                    overdue=true
                />
                <h2 class="govuk-heading-m">{format!("No update in {quarter}")}</h2>
                <ChaseTable
                    items=silent
                    caption="Open actions with no update this quarter"
                    empty="Every open action has an update this quarter."
                    overdue=false
                />
            }
        })
    }
}

/// One theme's card: its actions by status and its indicators by RAG.
#[component]
fn ThemeCard(theme: ThemeSummary, reporting: FinancialQuarter) -> impl IntoView {
    let filter =
        ActionFilter { theme_id: theme.theme_id.unwrap_or_else(|| NO_THEME.to_string()), ..Default::default() };
    let (name, by_rag) = (theme.name, theme.by_rag);
    let label = name.clone();
    view! {
        <section class="app-card" aria-label=label>
            <h3 class="govuk-heading-s">
                <a class="govuk-link" href=Route::Actions(filter).href()>
                    {name}
                </a>
            </h3>
            {(!theme.lead.is_empty()).then(|| view! { <p class="govuk-body-s">{theme.lead}</p> })}
            <StatusCounts counts=theme.by_status />
            {(!by_rag.is_empty())
                .then(|| {
                    view! {
                        <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-1">
                            {format!("Indicators, {reporting}:")}
                        </p>
                        <ul class="govuk-list app-status-counts">
                            {by_rag.into_iter().map(|(rag, n)| view! { <li>{n}" " <RagTag rag /></li> }).collect_view()}
                        </ul>
                    }
                })}
        </section>
    }
}

/// Quarterly indicators without a value for the reporting quarter.
#[component]
fn MissingValues(missing: Memo<Vec<MissingValue>>, reporting: FinancialQuarter) -> impl IntoView {
    let none =
        move || view! { <p class="govuk-body">{format!("Every quarterly indicator has its {reporting} value.")}</p> };
    view! {
        <Show when=move || !missing.with(Vec::is_empty) fallback=none>
            <Table caption="Indicators missing a value" columns=["Indicator", "Theme", "Theme lead"]>
                <For each=move || missing.get() key=|m| m.clone() let:m>
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header">
                            <a
                                class="govuk-link"
                                href=Route::RecordValues(m.theme_id.unwrap_or_default(), quarter_code(reporting)).href()
                            >
                                {m.name}
                            </a>
                        </th>
                        <td class="govuk-table__cell">{m.theme}</td>
                        <td class="govuk-table__cell">{m.lead}</td>
                    </tr>
                </For>
            </Table>
        </Show>
    }
}

#[component]
fn ChaseTable(items: Memo<Vec<ChaseItem>>, caption: &'static str, empty: &'static str, overdue: bool) -> impl IntoView {
    let when = |d: Option<Date>| d.map_or_else(|| "None".to_string(), |d| d.short());
    let last = if overdue { "Due" } else { "Last update" };
    view! {
        <Show when=move || !items.with(Vec::is_empty) fallback=move || view! { <p class="govuk-body">{empty}</p> }>
            <Table caption=caption columns=vec!["No.", "Action", "Leads", "Status", last]>
                <For each=move || items.get() key=|c| c.clone() let:c>
                    <tr class="govuk-table__row">
                        <td class="govuk-table__cell">{c.number}</td>
                        <td class="govuk-table__cell">
                            <a class="govuk-link" href=Route::Action(c.action_id).href()>
                                {c.title}
                            </a>
                        </td>
                        <td class="govuk-table__cell">{c.leads}</td>
                        <td class="govuk-table__cell">
                            <StatusTag status=c.status />
                        </td>
                        <td class="govuk-table__cell">
                            {if overdue {
                                format!("{} ({} days ago)", when(c.due), c.days_overdue)
                            } else {
                                when(c.last_update)
                            }}
                        </td>
                    </tr>
                </For>
            </Table>
        </Show>
    }
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
/// to where it is settled.
#[component]
pub fn NeedsAttention(items: Memo<Vec<AttentionItem>>) -> impl IntoView {
    let count = move || {
        let count = items.with(Vec::len);
        let (s, verb) = if count == 1 { ("", "s") } else { ("s", "") };
        format!("{count} thing{s} need{verb} attention after partners\u{2019} changes met")
    };
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <WarningText>{count}</WarningText>
            <h2 class="govuk-heading-m" id="needs-attention">
                "Needs attention"
            </h2>
            <ul class="govuk-list govuk-list--bullet" aria-labelledby="needs-attention">
                // Numbered: two lines could read the same.
                <For each=move || items.get().into_iter().enumerate() key=|line| line.clone() let((_, i))>
                    <li>
                        <a class="govuk-link" href=attention_route(&i.target).href()>
                            {i.item}
                        </a>
                        {format!(" \u{2013} {}", i.problem)}
                    </li>
                </For>
            </ul>
        </Show>
    }
}
