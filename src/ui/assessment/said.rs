//! What partners' workshops and residents' questionnaires said about each
//! assessed issue, and the public concern score residents' answers suggest.

use leptos::prelude::*;

use crate::model::evidence::{self, Concern, IssueEvidence, MIN_RESPONDENTS};

/// One issue's evidence, ready to show.
pub(super) struct HeardAbout {
    pub(super) issue_id: String,
    pub(super) name: String,
    pub(super) href: String,
    pub(super) lines: Vec<String>,
    pub(super) suggestion: Option<String>,
}

/// What the residents' share suggests against the score given so far.
pub(super) fn suggestion_text(concern: Concern, scored: Option<u8>) -> String {
    match (concern.suggested_score(), scored) {
        (None, _) => format!(
            "Too few residents have answered to suggest a public concern score: {} so far, at least {MIN_RESPONDENTS} needed.",
            concern.answered
        ),
        (Some(s), Some(given)) if given == s => {
            format!("Residents\u{2019} answers suggest a public concern score of {s}, as scored.")
        }
        (Some(s), Some(given)) => {
            format!("Residents\u{2019} answers suggest a public concern score of {s}; it is scored {given}.")
        }
        (Some(s), None) => {
            format!("Residents\u{2019} answers suggest a public concern score of {s}; it is not scored yet.")
        }
    }
}

/// Partners' sense-check results and residents' worries, issue by issue
/// in ranking order; issues nobody mentioned are left out.
#[component]
pub(super) fn WhatWasSaid(heard: Vec<HeardAbout>) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m govuk-!-margin-top-6">"What workshops and residents said"</h2>
        {if heard.is_empty() {
            view! {
                <p class="govuk-body">
                    "No sense-check workshop or resident questionnaire has mentioned these issues yet."
                </p>
            }
                .into_any()
        } else {
            view! {
                <p class="govuk-body">
                    "Results of partners\u{2019} sense-check workshops, and how many residents said an issue worries them "
                    "(matched by the issue\u{2019}s name, or its priority theme\u{2019}s)."
                </p>
                {heard
                    .into_iter()
                    .map(|h| {
                        view! {
                            <section class="app-evidence" aria-labelledby=format!("said-{}", h.issue_id)>
                                <h3 class="govuk-heading-s govuk-!-margin-bottom-2" id=format!("said-{}", h.issue_id)>
                                    <a class="govuk-link" href=h.href>
                                        {h.name}
                                    </a>
                                </h3>
                                <ul class="govuk-list govuk-list--bullet">
                                    {h.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                </ul>
                                {h.suggestion.map(|s| view! { <p class="govuk-body">{s}</p> })}
                            </section>
                        }
                    })
                    .collect_view()}
            }
                .into_any()
        }}
    }
}

/// Beside the public concern question: what residents said, and the score
/// it suggests, which fills the field only when asked (nothing is stored
/// until the form is saved).
#[component]
pub(super) fn ResidentsSaid(said: Memo<IssueEvidence>, value: RwSignal<String>) -> impl IntoView {
    move || {
        said.with(|e| {
            let concern = e.concern()?;
            let lines: Vec<String> = e.consultations.iter().map(|c| c.describe()).collect();
            let suggested = concern.suggested_score();
            Some(view! {
                <div class="govuk-inset-text govuk-!-margin-top-2" id="public_concern-evidence">
                    <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">"What residents said"</p>
                    <ul class="govuk-list govuk-list--bullet">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                    {match suggested {
                        Some(s) => {
                            view! {
                                <p class="govuk-body">
                                    {format!(
                                        "Suggested score: {s} ({}% of the {} residents who answered).",
                                        concern.percent(),
                                        concern.answered,
                                    )}
                                </p>
                                <button
                                    type="button"
                                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                                    on:click=move |_| value.set(s.to_string())
                                >
                                    {format!("Use the suggested score ({s})")}
                                </button>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <p class="govuk-body">
                                    {format!(
                                        "Too few residents have answered to suggest a score: {} so far, at least {MIN_RESPONDENTS} needed.",
                                        concern.answered,
                                    )}
                                </p>
                            }
                                .into_any()
                        }
                    }}
                    <p class="govuk-body-s govuk-!-margin-bottom-0">{evidence::banding_explained()}</p>
                </div>
            })
        })
    }
}
