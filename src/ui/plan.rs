//! The partnership plan: the overview of priority themes, and one theme's
//! page with what the plan says about it and its actions. Both lead to
//! editing the plan and its themes, and move themes up and down.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::Move;
use crate::model::action::count_by_status;
use crate::model::filter::NO_THEME;
use crate::model::{Action, ActionFilter, Narrative, Partnership, Status, Theme};
use crate::nav::Route;

use super::components::{Missing, StatusTag, SummaryRow, Table};
use super::conflicts::{PlanConflicts, ThemeConflicts};
use super::router::{focus_id, page_loaded};
use crate::ui::session::{Session, use_session};

/// "5 complete, 6 on track, 2 at risk" as tags.
#[component]
pub fn StatusCounts(counts: Vec<(Status, usize)>) -> impl IntoView {
    if counts.is_empty() {
        return view! { <span class="govuk-body-s">"No actions yet"</span> }.into_any();
    }
    view! {
        <ul class="govuk-list app-status-counts">
            {counts.into_iter().map(|(status, n)| view! { <li>{n}" " <StatusTag status /></li> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let session = use_session();
    page_loaded(&session.plan.with_untracked(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default()));
    let moved = RwSignal::new(String::new());
    view! {
        <PlanConflicts />
        {move || session.plan.with(|p| p.as_ref().map(|p| overview(p, moved)))}
        <p class="govuk-visually-hidden" role="status">
            {moved}
        </p>
    }
}

fn overview(p: &Partnership, moved: RwSignal<String>) -> impl IntoView + use<> {
    let total = p.actions.len();
    let counts = count_by_status(p.actions.values());
    let themes: Vec<_> = p
        .themes_in_order()
        .into_iter()
        .map(|t| {
            let theirs: Vec<&Action> = p.actions.values().filter(|a| a.theme_id.as_deref() == Some(&t.id)).collect();
            (t.clone(), count_by_status(theirs))
        })
        .collect();
    let cross_cutting = count_by_status(p.actions.values().filter(|a| a.theme_id.is_none()));
    let plan = p.plan.clone();
    let last = themes.len().saturating_sub(1);
    let add_theme = if themes.is_empty() { "govuk-button" } else { "govuk-button govuk-button--secondary" };
    view! {
        <span class="govuk-caption-l">{plan.title.clone()}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {p.name.clone()}
        </h1>
        {(!plan.period.is_empty())
            .then(|| view! { <p class="govuk-body">{format!("Plan period: {}", plan.period)}</p> })}
        {(!plan.vision.is_blank()).then(|| view! { <NarrativeText text=plan.vision.clone() /> })}
        {(!plan.duties.is_blank())
            .then(|| {
                view! {
                    <h2 class="govuk-heading-s">"Our statutory duties"</h2>
                    <NarrativeText text=plan.duties.clone() />
                }
            })}
        {(!plan.values.is_empty())
            .then(|| {
                view! {
                    <h2 class="govuk-heading-s">"Our values"</h2>
                    <ul class="govuk-list govuk-list--bullet">
                        {plan.values.iter().map(|v| view! { <li>{v.clone()}</li> }).collect_view()}
                    </ul>
                }
            })}
        <a class="govuk-button govuk-button--secondary" href=Route::EditPlan.href()>
            "Edit the plan"
        </a>
        <h2 class="govuk-heading-m">
            {if plan.action_plan_year.is_empty() {
                "Action plan".to_string()
            } else {
                format!("Action plan {}", plan.action_plan_year)
            }}
        </h2>
        <p class="govuk-body">
            {format!("{total} action{}. ", if total == 1 { "" } else { "s" })}
            <a class="govuk-link app-no-print" href=Route::Actions(ActionFilter::default()).href()>
                "See all actions"
            </a>
        </p>
        <StatusCounts counts />
        <p class="govuk-body app-no-print">
            <a class="govuk-link" href=Route::Structure.href()>
                "Members and sub-groups of the partnership"
            </a>
        </p>
        <p class="govuk-body app-no-print">
            <a class="govuk-link" href=Route::PlanDocument.href()>
                "The plan as a document to print or save as PDF"
            </a>
        </p>
        <h2 class="govuk-heading-m">"Priority themes"</h2>
        {themes.is_empty().then(|| view! { <p class="govuk-body">"This plan has no priority themes yet."</p> })}
        <Table
            caption="Priority themes and their actions"
            columns=["Theme", "Theme lead", "Actions by status"]
            controls="Change"
        >
            {themes
                .into_iter()
                .enumerate()
                .map(|(i, (theme, counts))| {
                    view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">
                                <a class="govuk-link" href=Route::Theme(theme.id.clone()).href()>
                                    {theme.name.clone()}
                                </a>
                            </th>
                            <td class="govuk-table__cell">{theme.lead()}</td>
                            <td class="govuk-table__cell">
                                <StatusCounts counts />
                            </td>
                            <td class="govuk-table__cell">
                                <ThemeControls theme=theme.clone() first=i == 0 last=i == last moved />
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
            {(!cross_cutting.is_empty())
                .then(|| {
                    view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">
                                <a
                                    class="govuk-link"
                                    href=Route::Actions(ActionFilter {
                                            theme_id: NO_THEME.into(),
                                            ..Default::default()
                                        })
                                        .href()
                                >
                                    "Cross-cutting actions (no theme)"
                                </a>
                            </th>
                            <td class="govuk-table__cell">"Community Safety Partnership Executive"</td>
                            <td class="govuk-table__cell">
                                <StatusCounts counts=cross_cutting />
                            </td>
                            <td class="govuk-table__cell"></td>
                        </tr>
                    }
                })}
        </Table>
        <a class=add_theme href=Route::ThemeForm(None).href()>
            "Add a priority theme"
        </a>
    }
}

/// Edit, move up, move down and delete, for one theme. The move buttons
/// are buttons (not links) so a keyboard or a tap moves the theme at once;
/// the end a theme cannot move past has no button.
#[component]
fn ThemeControls(theme: Theme, first: bool, last: bool, moved: RwSignal<String>) -> impl IntoView {
    let session = use_session();
    let hidden = format!(" {}", theme.name);
    let (up, down) = (theme.id.clone(), theme.id.clone());
    view! {
        <div class="app-theme-controls">
            <a class="govuk-link" href=Route::ThemeForm(Some(theme.id.clone())).href()>
                "Edit"
                <span class="govuk-visually-hidden">{hidden.clone()}</span>
            </a>
            {(!first)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary"
                            id=format!("move-up-{}", theme.id)
                            on:click=move |_| move_theme(session, up.clone(), Move::Up, moved)
                        >
                            "Move up"
                            <span class="govuk-visually-hidden">{hidden.clone()}</span>
                        </button>
                    }
                })}
            {(!last)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary"
                            id=format!("move-down-{}", theme.id)
                            on:click=move |_| move_theme(session, down.clone(), Move::Down, moved)
                        >
                            "Move down"
                            <span class="govuk-visually-hidden">{hidden.clone()}</span>
                        </button>
                    }
                })}
            <a class="govuk-link app-link--warning" href=Route::DeleteTheme(theme.id.clone()).href()>
                "Delete"
                <span class="govuk-visually-hidden">{hidden.clone()}</span>
            </a>
        </div>
    }
}

/// Moves a theme, says where it went (for screen readers), keeps focus on
/// the button just used — or the other one when the theme reaches an end —
/// and stores the change.
fn move_theme(session: Session, id: String, direction: Move, moved: RwSignal<String>) {
    match session.apply(|ws, stamp| ws.move_theme(stamp, &id, direction)) {
        Ok(()) => {
            let place = session.plan.with_untracked(|p| {
                let p = p.as_ref()?;
                let order = p.themes_in_order();
                let at = order.iter().position(|t| t.id == id)?;
                Some((order[at].name.clone(), at + 1, order.len()))
            });
            if let Some((name, at, of)) = place {
                let way = if direction == Move::Up { "up" } else { "down" };
                moved.set(format!("{name} moved {way}: now {at} of {of}"));
                let (same, other) = match direction {
                    Move::Up => ("up", "down"),
                    Move::Down => ("down", "up"),
                };
                let at_end = (direction == Move::Up && at == 1) || (direction == Move::Down && at == of);
                let button = format!("move-{}-{id}", if at_end { other } else { same });
                request_animation_frame(move || focus_id(&button));
            }
            spawn_local(async move {
                let _ = session.persist().await;
            });
        }
        Err(e) => moved.set(e.to_string()),
    }
}

/// Text as paragraphs; lines starting "•" or "-" become a bulleted list.
#[component]
pub fn NarrativeText(text: Narrative) -> impl IntoView {
    let mut blocks: Vec<(bool, Vec<String>)> = Vec::new();
    for line in text.paragraphs() {
        let bullet = line.strip_prefix("• ").or_else(|| line.strip_prefix("- "));
        match (bullet, blocks.last_mut()) {
            (Some(item), Some((true, items))) => items.push(item.to_string()),
            (Some(item), _) => blocks.push((true, vec![item.to_string()])),
            (None, _) => blocks.push((false, vec![line.to_string()])),
        }
    }
    blocks
        .into_iter()
        .map(|(is_list, lines)| {
            if is_list {
                view! {
                    <ul class="govuk-list govuk-list--bullet">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            } else {
                lines.into_iter().map(|l| view! { <p class="govuk-body">{l}</p> }).collect_view().into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn ThemePage(id: String) -> impl IntoView {
    let session = use_session();
    let title = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.theme(&id)).map(|t| t.name.clone()));
    let Some(title) = title else { return view! { <Missing what="theme" /> }.into_any() };
    page_loaded(&title);
    let moved = RwSignal::new(String::new());
    let conflicts = view! { <ThemeConflicts id=id.clone() name=title /> };
    let page = move || {
        session.plan.with(|p| {
            let p = p.as_ref()?;
            Some(match p.theme(&id) {
                Some(theme) => theme_page(p, theme, moved).into_any(),
                None => view! { <Missing what="theme" /> }.into_any(),
            })
        })
    };
    view! {
        {conflicts}
        {page}
        <p class="govuk-visually-hidden" role="status">
            {moved}
        </p>
    }
    .into_any()
}

fn theme_page(p: &Partnership, theme: &Theme, moved: RwSignal<String>) -> impl IntoView + use<> {
    let actions: Vec<Action> =
        p.actions_in_order().into_iter().filter(|a| a.theme_id.as_deref() == Some(&theme.id)).cloned().collect();
    let sections = [
        ("Why this is a priority", theme.summary.clone()),
        ("What we aim to achieve", theme.aims.clone()),
        ("What we will do", theme.commitments.clone()),
        ("Measured quarterly through", theme.measured_through.clone()),
    ];
    let filter = ActionFilter { theme_id: theme.id.clone(), ..Default::default() };
    let order = p.themes_in_order();
    let at = order.iter().position(|t| t.id == theme.id).unwrap_or(0);
    let (first, last, of) = (at == 0, at + 1 == order.len(), order.len());
    let sub_groups: Vec<String> = p.sub_groups_owning(&theme.id).into_iter().map(|g| g.name.clone()).collect();
    let lead = theme.lead();
    view! {
        <a href=Route::Plan.href() class="govuk-back-link">
            "Back to the plan"
        </a>
        <span class="govuk-caption-l">{format!("Priority theme {} of {of}", at + 1)}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {theme.name.clone()}
        </h1>
        <dl class="govuk-summary-list">
            <SummaryRow label="Theme lead">
                {if lead.is_empty() { "Not recorded yet".to_string() } else { lead }}
            </SummaryRow>
            {(!sub_groups.is_empty())
                .then(|| view! { <SummaryRow label="Delivered by">{sub_groups.join(", ")}</SummaryRow> })}
        </dl>
        <ThemeControls theme=theme.clone() first last moved />
        {sections
            .into_iter()
            .filter(|(_, text)| !text.is_blank())
            .map(|(heading, text)| {
                view! {
                    <h2 class="govuk-heading-m">{heading}</h2>
                    <NarrativeText text />
                }
            })
            .collect_view()}
        <h2 class="govuk-heading-m">"Actions"</h2>
        <ActionTable actions />
        <p class="govuk-body">
            <a class="govuk-link" href=Route::Actions(filter).href()>
                "Filter the action list by this theme"
            </a>
        </p>
    }
}

/// The compact action table used on theme pages.
#[component]
pub fn ActionTable(actions: Vec<Action>) -> impl IntoView {
    if actions.is_empty() {
        return view! { <p class="govuk-body">"No actions yet."</p> }.into_any();
    }
    view! {
        <Table caption="Actions" columns=["No.", "Key action", "Status", "Last update"]>
            {actions
                .into_iter()
                .map(|a| {
                    let last = a.latest_update().map(|u| u.date.short()).unwrap_or_else(|| "None".into());
                    view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{a.number.clone()}</td>
                            <td class="govuk-table__cell">
                                <a class="govuk-link" href=Route::Action(a.id.clone()).href()>
                                    {a.title.clone()}
                                </a>
                            </td>
                            <td class="govuk-table__cell">
                                <StatusTag status=a.status() />
                            </td>
                            <td class="govuk-table__cell">{last}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}
