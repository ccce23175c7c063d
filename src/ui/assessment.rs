//! The strategic assessment: issues ranked on the harm matrix (explained
//! on screen), how each moved since last year, what partners' workshops and
//! residents' questionnaires said about each issue, scoring one issue (with
//! a public concern score suggested from residents' answers), and making an
//! issue a priority theme of the plan.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::{IssueDraft, year_label};
use crate::model::assessment::{AssessedIssue, Criterion, MAX_SCORE};
use crate::model::evidence::{self, Concern, IssueEvidence, MIN_RESPONDENTS};
use crate::model::{FieldErrors, FinancialYear};
use crate::nav::Route;

use super::clock;
use super::components::{BackLink, ErrorSummary, SelectField, SummaryRow, TextArea, TextField, apply_form};
use super::router::page_loaded;
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

/// The scale, as shown on the page and the scoring form.
#[component]
fn ScaleExplained() -> impl IntoView {
    view! {
        <details class="govuk-details">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">"How issues are scored"</span>
            </summary>
            <div class="govuk-details__text">
                <p class="govuk-body">
                    "Each issue is scored from 1 (low) to 5 (high) on eight questions. Harm to victims counts three times "
                    "(the average of its physical, psychological and financial parts), harm to the community and volume "
                    "twice, and trend, public concern and the partnership\u{2019}s capacity to act once: "
                    {format!("{MAX_SCORE:.0}")}
                    " at most. An issue not fully scored is listed after every fully scored one."
                </p>
                <dl class="govuk-summary-list">
                    {Criterion::ALL
                        .iter()
                        .map(|c| view! { <SummaryRow label=c.label()>{c.scale()}</SummaryRow> })
                        .collect_view()}
                </dl>
            </div>
        </details>
    }
}

#[component]
pub fn AssessmentPage(year: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    page_loaded("Strategic assessment");
    let problem = RwSignal::new(None::<String>);
    let wanted: Option<i64> = year.parse().ok();

    let start = move |_| {
        let this_year = i64::from(FinancialYear::of(clock::today()).0);
        match session.apply(|ws, stamp| ws.add_assessment(stamp, this_year)) {
            Ok(_) => spawn_local(async move {
                let _ = session.persist().await;
            }),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let promote = move |assessment: String, issue: String| match session
        .apply(|ws, stamp| ws.promote_issue(stamp, &assessment, &issue))
    {
        Ok(theme) => session.save_and_go(
            Route::Theme(theme),
            "Priority theme added to the plan. Add its lead and aims on the theme page.",
            "Priority theme added, but not yet saved on this device",
        ),
        Err(e) => problem.set(Some(e.to_string())),
    };
    // An issue the plan already has under another spelling is linked to
    // that theme rather than made a second one.
    let link = move |assessment: String, issue: String, theme: String| match session
        .apply(|ws, stamp| ws.link_issue_to_theme(stamp, &assessment, &issue, &theme))
    {
        Ok(()) => session.save_and_go(
            nav.route.get_untracked(),
            "Issue linked to the priority theme the plan already has",
            "Issue linked, but not yet saved on this device",
        ),
        Err(e) => problem.set(Some(e.to_string())),
    };

    view! {
        <ErrorSummary message=problem />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Strategic assessment"
        </h1>
        <p class="govuk-body">
            "The issues the partnership is considering, scored on the same matrix each year and ranked, so partners can see "
            "the high-harm issues, how they changed from the previous year, and choose the priorities for the plan."
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href=Route::Consultations.href()>
                "What residents told us: questionnaires at events"
            </a>
            <br />
            <a class="govuk-link" href=Route::Workshops.href()>
                "Partner workshops: sense-check the priorities, or work on one"
            </a>
        </p>
        <ScaleExplained />
        {move || {
            session
                .plan
                .with(|p| {
                    let p = p.as_ref()?;
                    let all = p.assessments_latest_first();
                    let years: Vec<i64> = all.iter().map(|a| a.year).collect();
                    let Some(current) = wanted
                        .and_then(|y| all.iter().find(|a| a.year == y).copied())
                        .or(all.first().copied()) else {
                        return Some(
                            view! {
                                <p class="govuk-body">"There is no strategic assessment yet."</p>
                                <button type="button" class="govuk-button" on:click=start>
                                    "Start this year's assessment"
                                </button>
                            }
                                .into_any(),
                        );
                    };
                    let previous = p.assessment_before(current.year);
                    let ranked = current.ranked(previous);
                    let said = evidence::for_assessment(current, p);
                    let heard: Vec<HeardAbout> = ranked
                        .iter()
                        .filter_map(|r| {
                            let e = said.get(&r.issue.id).filter(|e| !e.is_empty())?;
                            Some(HeardAbout {
                                issue_id: r.issue.id.clone(),
                                name: r.issue.name.clone(),
                                href: Route::AssessedIssue(current.id.clone(), r.issue.id.clone()).href(),
                                lines: e
                                    .workshops
                                    .iter()
                                    .map(|w| w.describe())
                                    .chain(e.consultations.iter().map(|c| c.describe()))
                                    .collect(),
                                suggestion: e
                                    .concern()
                                    .map(|c| suggestion_text(c, r.issue.score(Criterion::PublicConcern))),
                            })
                        })
                        .collect();
                    let dropped: Vec<String> = previous
                        .map(|prev| current.dropped(prev).iter().map(|i| i.name.clone()).collect())
                        .unwrap_or_default();
                    let assessment_id = current.id.clone();
                    let add_href = Route::AssessedIssue(assessment_id.clone(), "new".into()).href();
                    let caption = format!("Issues ranked, {}", year_label(current.year));
                    Some(
                        view! {
                            <h2 class="govuk-heading-m">{format!("{} assessment", year_label(current.year))}</h2>
                            {(years.len() > 1)
                                .then(|| {
                                    view! {
                                        <p class="govuk-body">
                                            "Other years: "
                                            {years
                                                .iter()
                                                .filter(|y| **y != current.year)
                                                .map(|y| {
                                                    view! {
                                                        <a
                                                            class="govuk-link app-inline-link"
                                                            href=Route::Assessment(y.to_string()).href()
                                                        >
                                                            {year_label(*y)}
                                                        </a>
                                                    }
                                                })
                                                .collect_view()}
                                        </p>
                                    }
                                })}
                            {previous
                                .map(|prev| {
                                    view! {
                                        <p class="govuk-body">
                                            {format!("Movement is against the {} assessment.", year_label(prev.year))}
                                        </p>
                                    }
                                })}
                            <table class="govuk-table" id="ranking">
                                <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
                                <thead class="govuk-table__head">
                                    <tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">
                                            "Rank"
                                        </th>
                                        <th scope="col" class="govuk-table__header">
                                            "Issue"
                                        </th>
                                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                                            {format!("Score (of {MAX_SCORE:.0})")}
                                        </th>
                                        <th scope="col" class="govuk-table__header">
                                            "Since last year"
                                        </th>
                                        <th scope="col" class="govuk-table__header">
                                            "In the plan"
                                        </th>
                                    </tr>
                                </thead>
                                <tbody class="govuk-table__body">
                                    {ranked
                                        .into_iter()
                                        .map(|r| {
                                            let issue_id = r.issue.id.clone();
                                            let name = r.issue.name.clone();
                                            let href = Route::AssessedIssue(assessment_id.clone(), issue_id.clone())
                                                .href();
                                            let theme = r
                                                .issue
                                                .theme_id
                                                .as_ref()
                                                .and_then(|t| p.theme(t))
                                                .map(|t| (t.id.clone(), t.name.clone()));
                                            let matching = p.theme_named(&name).map(|t| (t.id.clone(), t.name.clone()));
                                            let for_promote = (assessment_id.clone(), issue_id);
                                            let missing = r.issue.missing().len();
                                            view! {
                                                <tr class="govuk-table__row">
                                                    <td class="govuk-table__cell">{r.rank}</td>
                                                    <td class="govuk-table__cell">
                                                        <a class="govuk-link" href=href>
                                                            {name.clone()}
                                                        </a>
                                                        {(!r.complete)
                                                            .then(|| {
                                                                view! {
                                                                    <br />
                                                                    <strong class="govuk-tag govuk-tag--yellow">
                                                                        {format!(
                                                                            "{missing} score{} to add",
                                                                            if missing == 1 { "" } else { "s" },
                                                                        )}
                                                                    </strong>
                                                                }
                                                            })}
                                                    </td>
                                                    <td class="govuk-table__cell govuk-table__cell--numeric">
                                                        {format!("{:.1}", r.total)}
                                                    </td>
                                                    <td class="govuk-table__cell">{r.change.describe()}</td>
                                                    <td class="govuk-table__cell">
                                                        {match (theme, matching) {
                                                            (Some((tid, tname)), _) => {
                                                                view! {
                                                                    <a class="govuk-link" href=Route::Theme(tid).href()>
                                                                        {format!("Theme: {tname}")}
                                                                    </a>
                                                                }
                                                                    .into_any()
                                                            }
                                                            (None, Some((tid, tname))) => {
                                                                view! {
                                                                    <button
                                                                        type="button"
                                                                        class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-button--inline"
                                                                        on:click=move |_| link(
                                                                            for_promote.0.clone(),
                                                                            for_promote.1.clone(),
                                                                            tid.clone(),
                                                                        )
                                                                    >
                                                                        {format!("Link to {tname}")}
                                                                        <span class="govuk-visually-hidden">
                                                                            {format!(": {name}")}
                                                                        </span>
                                                                    </button>
                                                                }
                                                                    .into_any()
                                                            }
                                                            (None, None) => {
                                                                view! {
                                                                    <button
                                                                        type="button"
                                                                        class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-button--inline"
                                                                        on:click=move |_| promote(
                                                                            for_promote.0.clone(),
                                                                            for_promote.1.clone(),
                                                                        )
                                                                    >
                                                                        "Make a priority theme"
                                                                        <span class="govuk-visually-hidden">
                                                                            {format!(": {name}")}
                                                                        </span>
                                                                    </button>
                                                                }
                                                                    .into_any()
                                                            }
                                                        }}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            {(!dropped.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="govuk-body">
                                            {format!("Assessed last year but not this year: {}.", dropped.join(", "))}
                                        </p>
                                    }
                                })}
                            <a class="govuk-button govuk-button--secondary" href=add_href>
                                "Add an issue"
                            </a>
                            <WhatWasSaid heard />
                        }
                            .into_any(),
                    )
                })
        }}
    }
}

/// One issue's evidence, ready to show.
struct HeardAbout {
    issue_id: String,
    name: String,
    href: String,
    lines: Vec<String>,
    suggestion: Option<String>,
}

/// What the residents' share suggests against the score given so far.
fn suggestion_text(concern: Concern, scored: Option<u8>) -> String {
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
fn WhatWasSaid(heard: Vec<HeardAbout>) -> impl IntoView {
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
fn ResidentsSaid(said: Memo<IssueEvidence>, value: RwSignal<String>) -> impl IntoView {
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

#[component]
pub fn IssueFormPage(assessment: String, issue: String) -> impl IntoView {
    let session = use_session();
    let editing = (issue != "new").then_some(issue.clone());
    let found = session.plan.with_untracked(|p| {
        let a = p.as_ref()?.assessments.get(&assessment)?;
        Some((a.year, editing.as_ref().and_then(|id| a.issues.get(id)).cloned()))
    });
    let Some((year, existing)) = found else {
        page_loaded("Assessment not found");
        return view! { <super::components::Missing what="assessment" /> }.into_any();
    };
    let heading = match &existing {
        Some(i) => format!("Score {}", i.name),
        None => "Add an issue".to_string(),
    };
    page_loaded(&heading);
    let name = RwSignal::new(existing.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let notes = RwSignal::new(existing.as_ref().map(|i| i.notes.to_string()).unwrap_or_default());
    let scores: BTreeMap<&'static str, RwSignal<String>> = Criterion::ALL
        .iter()
        .map(|c| {
            let s = existing.as_ref().and_then(|i| i.score(*c)).map(|s| s.to_string()).unwrap_or_default();
            (c.key(), RwSignal::new(s))
        })
        .collect();
    let errors = RwSignal::new(FieldErrors::default());
    let theme = RwSignal::new(existing.as_ref().and_then(|i| i.theme_id.clone()).unwrap_or_default());
    let mut theme_options = vec![(String::new(), "None yet".to_string())];
    theme_options.extend(session.plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| p.themes_in_order().iter().map(|t| (t.id.clone(), t.name.clone())).collect::<Vec<_>>())
            .unwrap_or_default()
    }));
    // Follows the name and theme as chosen, so a new issue finds what
    // residents said too.
    let assessment_id = assessment.clone();
    let said = Memo::new(move |_| {
        let theme_id = Some(theme.get()).filter(|t| !t.is_empty());
        let probe = AssessedIssue { name: name.get(), theme_id, ..Default::default() };
        session.plan.with(|p| p.as_ref().map(|p| evidence::for_issue(&assessment_id, &probe, p)).unwrap_or_default())
    });
    let score_signals = scores.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = IssueDraft {
            name: name.get_untracked(),
            scores: score_signals.iter().map(|(k, v)| (k.to_string(), v.get_untracked())).collect(),
            notes: notes.get_untracked(),
            theme: theme.get_untracked(),
        };
        let (a, i) = (assessment.clone(), editing.clone());
        if apply_form(session, errors, "name", |ws, stamp| {
            Ok(ws.save_assessed_issue(stamp, &a, i.as_deref(), &draft)?)
        })
        .is_some()
        {
            session.save_and_go(
                Route::Assessment(year.to_string()),
                "Scores saved",
                "Scores saved, but not yet saved on this device",
            );
        }
    };
    view! {
        <BackLink route=Route::Assessment(year.to_string()) text="Back to the assessment" />
        <ErrorSummary
            errors
            radios=&[
                "physical_harm",
                "psychological_harm",
                "financial_harm",
                "community_harm",
                "volume",
                "trend",
                "public_concern",
                "capacity",
            ]
        />
        <span class="govuk-caption-l">{format!("Strategic assessment {}", year_label(year))}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <form on:submit=save novalidate>
            <TextField
                id="name"
                label="Issue"
                value=name
                errors
                hint="For example, Knife crime or Town centre anti-social behaviour"
            />
            <SelectField
                id="theme"
                label="Priority theme it comes under (optional)"
                value=theme
                errors
                options=theme_options
                hint="Residents who say a theme worries them count towards the issues under it"
            />
            {Criterion::ALL
                .iter()
                .map(|c| {
                    let value = scores[c.key()];
                    let key = c.key();
                    view! {
                        <div class="govuk-form-group" class:govuk-form-group--error=move || errors.with(|e| e.get(key).is_some())>
                        <fieldset class="govuk-fieldset" aria-describedby=format!("{key}-hint")>
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{c.label()}</legend>
                            <div class="govuk-hint" id=format!("{key}-hint")>{c.scale()}</div>
                            {move || errors.with(|e| e.get(key).map(str::to_string)).map(|m| view! {
                                <p class="govuk-error-message" id=format!("{key}-error")><span class="govuk-visually-hidden">"Error: "</span>{m}</p>
                            })}
                            <div class="govuk-radios govuk-radios--small govuk-radios--inline" id=key>
                                {["1", "2", "3", "4", "5", ""].into_iter().enumerate().map(|(n, v)| {
                                    let input_id = if n == 0 { format!("{key}-option") } else { format!("{key}-{n}") };
                                    let label = if v.is_empty() { "Not scored yet" } else { v };
                                    view! {
                                        <div class="govuk-radios__item">
                                            <input class="govuk-radios__input" id=input_id.clone() name=key type="radio" value=v
                                                prop:checked=move || value.with(|cur| cur == v) on:change=move |_| value.set(v.to_string()) />
                                            <label class="govuk-label govuk-radios__label" for=input_id>{label}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                        {(*c == Criterion::PublicConcern).then(|| view! { <ResidentsSaid said value /> })}
                    </div>
                    }
                })
                .collect_view()}
            <TextArea
                id="notes"
                label="Evidence and notes (optional)"
                value=notes
                errors
                hint="What the data shows, and where it came from"
            />
            <button type="submit" class="govuk-button">
                "Save scores"
            </button>
        </form>
    }
    .into_any()
}
