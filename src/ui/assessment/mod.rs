//! The strategic assessment: issues ranked on the harm matrix (explained
//! on screen), how each moved since last year, what partners' workshops and
//! residents' questionnaires said about each issue, scoring one issue (with
//! a public concern score suggested from residents' answers), and making an
//! issue a priority theme of the plan.

mod issue_form;
mod said;

pub use issue_form::IssueFormPage;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::year_label;
use crate::model::FinancialYear;
use crate::model::assessment::{Criterion, MAX_SCORE};
use crate::model::evidence;
use crate::nav::Route;

use crate::ui::clock;
use crate::ui::components::{ErrorSummary, SummaryRow};
use crate::ui::navigation::use_navigation;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

use self::said::{HeardAbout, WhatWasSaid, suggestion_text};

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
