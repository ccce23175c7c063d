//! One action: its details, progress updates (latest first) and the history
//! of changes made to it, with who made them.

use leptos::prelude::*;

use crate::model::{Action, ActionFilter, Partnership};
use crate::nav::Route;

use crate::ui::components::{Missing, StatusTag, SummaryRow};
use crate::ui::history::ChangesTable;
use crate::ui::plan::NarrativeText;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

#[component]
pub fn ActionPage(id: String) -> impl IntoView {
    let session = use_session();
    let title = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.action(&id)).map(Action::label));
    page_loaded(title.as_deref().unwrap_or("Action not found"));
    move || {
        session.plan.with(|p| {
            let p = p.as_ref()?;
            Some(match p.action(&id) {
                Some(action) => action_page(p, action).into_any(),
                None => view! { <Missing what="action" /> }.into_any(),
            })
        })
    }
}

fn action_page(p: &Partnership, action: &Action) -> impl IntoView + use<> {
    let theme = action.theme_id.as_deref().and_then(|t| p.theme(t)).map(|t| (t.id.clone(), t.name.clone()));
    let id = action.id.clone();
    let updates: Vec<_> = action.updates_latest_first().into_iter().cloned().collect();
    let documents = action.linked_documents.clone();
    // Owned, for the summary rows the page draws later.
    let leads: Vec<String> = action.leads.iter().map(ToString::to_string).collect();
    let (partners, tags, bau) = (action.partners.clone(), action.tags.clone(), action.business_as_usual);
    let dates = match (action.start, action.due) {
        (Some(s), Some(d)) => format!("{s} to {d}"),
        (None, Some(d)) => format!("Due {d}"),
        (Some(s), None) => format!("From {s}, no due date"),
        (None, None) => "No dates set".to_string(),
    };
    view! {
        <a href=Route::Actions(ActionFilter::default()).href() class="govuk-back-link">
            "All actions"
        </a>
        <span class="govuk-caption-l">{action.label()}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {action.title.clone()}
        </h1>
        <p class="govuk-body">
            <StatusTag status=action.status() />
        </p>
        <super::conflicts::ActionConflicts id=id.clone() />
        <super::numbers::DuplicateNumber id=id.clone() />
        <div class="govuk-button-group">
            <a class="govuk-button" href=Route::AddProgress(id.clone()).href()>
                "Add a progress update"
            </a>
            <a class="govuk-button govuk-button--secondary" href=Route::EditAction(id.clone()).href()>
                "Edit action"
            </a>
            <a class="govuk-link app-link--warning" href=Route::DeleteAction(id.clone()).href()>
                "Delete action"
            </a>
        </div>
        <dl class="govuk-summary-list">
            <SummaryRow label="Theme">
                {match theme {
                    Some((tid, name)) => {
                        view! {
                            <a class="govuk-link" href=Route::Theme(tid).href()>
                                {name}
                            </a>
                        }
                            .into_any()
                    }
                    None => view! { "No theme (cross-cutting)" }.into_any(),
                }}
            </SummaryRow>
            <SummaryRow label="Partnership leads">
                <ul class="govuk-list">{leads.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </SummaryRow>
            {(!partners.is_empty())
                .then(|| {
                    view! {
                        <SummaryRow label="Other partners">
                            <ul class="govuk-list">
                                {partners.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                            </ul>
                        </SummaryRow>
                    }
                })}
            <SummaryRow label="Dates">{dates}</SummaryRow>
            {(!tags.is_empty() || bau)
                .then(|| {
                    view! {
                        <SummaryRow label="Tags">
                            <ul class="govuk-list app-tag-list">
                                {bau
                                    .then(|| {
                                        view! {
                                            <li>
                                                <strong class="govuk-tag govuk-tag--grey">"Business as usual"</strong>
                                            </li>
                                        }
                                    })}
                                {tags
                                    .into_iter()
                                    .map(|t| {
                                        view! {
                                            <li>
                                                <strong class="govuk-tag govuk-tag--light-blue">{t}</strong>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </SummaryRow>
                    }
                })}
            <SummaryRow label="Linked documents">
                {if documents.is_empty() {
                    view! { "None" }.into_any()
                } else {
                    view! {
                        <ul class="govuk-list">
                            {documents
                                .into_iter()
                                .map(|d| {
                                    if d.is_web_link() {
                                        view! {
                                            <li>
                                                <a
                                                    class="govuk-link"
                                                    href=d.location.clone()
                                                    rel="noreferrer noopener"
                                                    target="_blank"
                                                >
                                                    {d.title.clone()}
                                                    " (opens in new tab)"
                                                </a>
                                            </li>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <li>
                                                {d.title.clone()}
                                                {(!d.location.is_empty() && d.location != d.title)
                                                    .then(|| {
                                                        view! {
                                                            <br />
                                                            <span class="govuk-body-s app-location">
                                                                {d.location.clone()}
                                                            </span>
                                                        }
                                                    })}
                                            </li>
                                        }
                                            .into_any()
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </SummaryRow>
        </dl>
        {(!action.description.is_blank())
            .then(|| {
                view! {
                    <h2 class="govuk-heading-m">"Detail"</h2>
                    <NarrativeText text=action.description.clone() />
                }
            })}
        <h2 class="govuk-heading-m">"Progress"</h2>
        {if updates.is_empty() {
            view! { <p class="govuk-body">"No progress has been recorded yet."</p> }.into_any()
        } else {
            view! {
                <ol class="app-timeline" reversed>
                    {updates
                        .into_iter()
                        .map(|u| {
                            let who = crate::model::theme::join_role(&u.author_name, &u.author_organisation);
                            let delete = Route::DeleteProgress(id.clone(), u.id.clone()).href();
                            view! {
                                <li class="app-timeline__item">
                                    <h3 class="govuk-heading-s app-timeline__title">
                                        {u.date.to_string()} " " <StatusTag status=u.status />
                                    </h3>
                                    <p class="govuk-body-s app-timeline__by">{format!("Recorded by {who}")}</p>
                                    <NarrativeText text=u.narrative.clone() />
                                    <p class="govuk-body-s">
                                        <a class="govuk-link app-link--warning" href=delete>
                                            "Delete update"
                                            <span class="govuk-visually-hidden">{format!(" of {}", u.date)}</span>
                                        </a>
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
        <ActionHistory id />
    }
}

/// Changes made to this action, from the document's change log.
#[component]
fn ActionHistory(id: String) -> impl IntoView {
    let session = use_session();
    let target = format!("action/{id}");
    let entries = move || {
        session.plan.track();
        session.with_workspace(|ws| ws.history_of(&target)).unwrap_or_default()
    };
    view! {
        <h2 class="govuk-heading-m">"Change history"</h2>
        <ChangesTable caption="Changes to this action" entries=Signal::derive(entries) />
    }
}
