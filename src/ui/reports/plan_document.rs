//! The plan as a document to read, print or save as PDF, in seed 001's
//! shape. Content is [`PlanDocument`]; this lays it out.

use leptos::prelude::*;

use crate::model::Narrative;
use crate::nav::Route;
use crate::report::plan_document::{PlanDocument, PlanTheme};
use crate::ui::components::{BackLink, CaptionSize, Table};
use crate::ui::plan::NarrativeText;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

use super::cover::RunningFooter;
use super::print_page;

#[component]
pub fn PlanDocumentPage() -> impl IntoView {
    let session = use_session();
    let Some(doc) = session.plan.with_untracked(|p| p.map(PlanDocument::build)) else { return ().into_any() };
    page_loaded(&doc.title);
    let has_structure = !doc.members.is_empty() || !doc.sub_groups.is_empty();
    view! {
        <RunningFooter partnership=doc.partnership.clone() title=doc.title.clone() />
        <BackLink route=Route::Plan text="Plan overview" />
        <div class="govuk-button-group app-no-print">
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| print_page()>
                "Print or save as PDF"
            </button>
        </div>
        <article class="app-plan-document">
            <span class="govuk-caption-l">{doc.partnership.clone()}</span>
            <h1 class="govuk-heading-xl" tabindex="-1">
                {doc.title.clone()}
            </h1>
            {(!doc.period.is_empty())
                .then(|| {
                    view! { <p class="govuk-body-l">{format!("The partnership\u{2019}s plan for {}.", doc.period)}</p> }
                })}
            {(!doc.vision.trim().is_empty())
                .then(|| {
                    view! {
                        <h2 class="govuk-heading-l">"Our vision"</h2>
                        <NarrativeText text=Narrative::new(doc.vision.clone()) />
                    }
                })}
            <h2 class="govuk-heading-l">"What the law asks of us"</h2>
            <p class="govuk-body">
                "The Crime and Disorder Act 1998 places a statutory duty on the responsible authorities to work together "
                "and publish a plan to:"
            </p>
            <ul class="govuk-list govuk-list--bullet">
                {doc.duties.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
            </ul>
            {(!doc.values.is_empty())
                .then(|| {
                    view! {
                        <h2 class="govuk-heading-l">"Our values"</h2>
                        <ul class="govuk-list govuk-list--bullet">
                            {doc.values.iter().map(|v| view! { <li>{v.clone()}</li> }).collect_view()}
                        </ul>
                    }
                })}
            <h2 class="govuk-heading-l">"Our priorities"</h2>
            {if doc.themes.is_empty() {
                view! { <p class="govuk-body">"The plan has no priority themes yet."</p> }.into_any()
            } else {
                view! {
                    <p class="govuk-body">
                        {format!(
                            "The partnership will focus on {} priority theme{}, each led by a senior officer:",
                            doc.themes.len(),
                            if doc.themes.len() == 1 { "" } else { "s" },
                        )}
                    </p>
                    <ol class="govuk-list govuk-list--number">
                        {doc.themes.iter().map(|t| view! { <li>{t.name.clone()}</li> }).collect_view()}
                    </ol>
                    {doc.themes.iter().cloned().map(|theme| view! { <ThemeSection theme /> }).collect_view()}
                }
                    .into_any()
            }}
            {has_structure
                .then(|| {
                    view! {
                        <section class="app-plan-document__part" aria-labelledby="structure">
                            <h2 class="govuk-heading-l" id="structure">
                                "How the partnership works"
                            </h2>
                            {(!doc.members.is_empty())
                                .then(|| {
                                    view! {
                                        <Table
                                            caption="Members"
                                            columns=["Organisation", "Kind", "Role in the partnership"]
                                            caption_size=CaptionSize::Medium
                                            class="govuk-table app-report-table"
                                        >
                                            {doc
                                                .members
                                                .iter()
                                                .cloned()
                                                .map(|(name, kind, role)| {
                                                    view! {
                                                        <tr class="govuk-table__row">
                                                            <th scope="row" class="govuk-table__header">
                                                                {name}
                                                            </th>
                                                            <td class="govuk-table__cell">{kind}</td>
                                                            <td class="govuk-table__cell">{role}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </Table>
                                    }
                                })}
                            {(!doc.sub_groups.is_empty())
                                .then(|| {
                                    view! {
                                        <h3 class="govuk-heading-m">"Sub-groups and boards"</h3>
                                        {doc
                                            .sub_groups
                                            .iter()
                                            .map(|g| {
                                                view! {
                                                    <div class="app-plan-document__group">
                                                        <h4 class="govuk-heading-s">{g.name.clone()}</h4>
                                                        <dl class="app-cover__details">
                                                            {(!g.chair.is_empty())
                                                                .then(|| {
                                                                    view! {
                                                                        <dt>"Chair"</dt>
                                                                        <dd>{g.chair.clone()}</dd>
                                                                    }
                                                                })}
                                                            {(!g.themes.is_empty())
                                                                .then(|| {
                                                                    view! {
                                                                        <dt>"Delivers"</dt>
                                                                        <dd>{g.themes.join(", ")}</dd>
                                                                    }
                                                                })}
                                                        </dl>
                                                        {(!g.purpose.trim().is_empty())
                                                            .then(|| {
                                                                view! {
                                                                    <NarrativeText text=Narrative::new(g.purpose.clone()) />
                                                                }
                                                            })}
                                                    </div>
                                                }
                                            })
                                            .collect_view()}
                                    }
                                })}
                        </section>
                    }
                })}
        </article>
    }
    .into_any()
}

/// One priority: its lead, why it matters, what we aim to achieve, what we
/// will do and how it is measured, as seed 001's theme pages read.
#[component]
fn ThemeSection(theme: PlanTheme) -> impl IntoView {
    let id = format!("priority-{}", theme.number);
    let labelled_by = id.clone();
    let part = |heading: &'static str, text: String| {
        (!text.trim().is_empty()).then(|| {
            view! {
                <h4 class="govuk-heading-s">{heading}</h4>
                <NarrativeText text=Narrative::new(text) />
            }
        })
    };
    view! {
        <section class="app-plan-document__theme" aria-labelledby=labelled_by>
            <h3 class="govuk-heading-m" id=id>
                {format!("Priority {}: {}", theme.number, theme.name)}
            </h3>
            {(!theme.lead.is_empty())
                .then(|| {
                    view! {
                        <p class="govuk-body">
                            <strong>"Theme lead: "</strong>
                            {theme.lead.clone()}
                        </p>
                    }
                })}
            {part("Why this is a priority", theme.why)}
            {part("What we aim to achieve", theme.aims)}
            {part("What we will do", theme.commitments)}
            {part("Measured through", theme.measured_through)}
            {(!theme.indicators.is_empty())
                .then(|| {
                    view! {
                        <h4 class="govuk-heading-s">"Indicators reported each quarter"</h4>
                        <ul class="govuk-list govuk-list--bullet">
                            {theme.indicators.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                        </ul>
                    }
                })}
        </section>
    }
}
