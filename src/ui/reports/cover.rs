//! What makes a report a committee paper: the cover block at its top (seed
//! 000), the running footer on every printed page, and the form for
//! writing the cover. Content comes from [`crate::report::cover`].

use leptos::prelude::*;

use crate::model::{CoverDraft, FieldErrors};
use crate::nav::Route;
use crate::report::cover::{CoverBlock, Paper};
use crate::report::print::running_footer_css;
use crate::ui::components::{BackLink, ErrorSummary, Missing, TextArea, TextField, apply_form};
use crate::ui::plan::NarrativeText;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

/// The page a paper is read and printed on.
pub(crate) fn paper_route(paper: &Paper) -> Route {
    match paper {
        Paper::Annual(year) => Route::AnnualReport(year.to_string()),
        Paper::BusinessPlan(year) => Route::BusinessPlan(year.to_string()),
        Paper::Quarterly(theme, quarter) => {
            Route::QuarterlyReport(theme.clone(), crate::report::quarterly::quarter_code(*quarter))
        }
    }
}

/// The partnership's name and the report's title at the foot of every
/// printed page, beside the page number (from `style/_app.scss`).
#[component]
pub(crate) fn RunningFooter(partnership: String, title: String) -> impl IntoView {
    view! { <style>{running_footer_css(&format!("{partnership} \u{2013} {title}"))}</style> }
}

/// The cover block, or (on screen only) a prompt to add one; then the
/// recommendations. `recommendations` are shown numbered whether or not
/// there is a cover; `write_recommendations` is where they are written
/// when that is not the cover form (the annual overview's own section).
#[component]
pub(crate) fn CoverSection(
    paper: Paper,
    block: Option<CoverBlock>,
    recommendations: Vec<String>,
    #[prop(optional)] write_recommendations: Option<Route>,
) -> impl IntoView {
    let edit = Route::EditCover(paper.key());
    let cover = match block {
        Some(block) => view! {
            <div class="app-cover">
                <p class="govuk-heading-m app-cover__committee">{block.committee.clone()}</p>
                <dl class="app-cover__details">
                    {block
                        .meeting
                        .map(|date| {
                            view! {
                                <dt>"Date of meeting"</dt>
                                <dd>{date.to_string()}</dd>
                            }
                        })}
                    {(!block.report_of.is_empty())
                        .then(|| {
                            view! {
                                <dt>"Report of"</dt>
                                <dd>{block.report_of.clone()}</dd>
                            }
                        })}
                    {(!block.author_role.is_empty())
                        .then(|| {
                            view! {
                                <dt>"Report author"</dt>
                                <dd>{block.author_role.clone()}</dd>
                            }
                        })} <dt>"Subject"</dt> <dd>{block.subject.clone()}</dd>
                </dl>
                {(!block.purpose.trim().is_empty())
                    .then(|| {
                        view! {
                            <h2 class="govuk-heading-m">"Purpose"</h2>
                            <NarrativeText text=crate::model::Narrative::new(block.purpose.clone()) />
                        }
                    })}
                <p class="govuk-body app-no-print">
                    <a class="govuk-link" href=edit.href()>
                        "Change the cover details"
                    </a>
                </p>
            </div>
        }
        .into_any(),
        None => view! {
            <div class="govuk-inset-text app-no-print">
                <p class="govuk-body">
                    "To send this report to a committee, add its cover details: the committee, the meeting date, whose "
                    "report it is, the author and its purpose."
                </p>
                <a class="govuk-link" href=edit.href()>
                    "Add the cover details"
                </a>
            </div>
        }
        .into_any(),
    };
    let recommendations = if recommendations.is_empty() {
        write_recommendations
            .map(|route| {
                view! {
                    <div class="app-no-print">
                        <h2 class="govuk-heading-m">"Recommendations"</h2>
                        <p class="govuk-body">"Not written yet."</p>
                        <p class="govuk-body">
                            <a class="govuk-link" href=route.href()>
                                "Write recommendations"
                            </a>
                        </p>
                    </div>
                }
            })
            .into_any()
    } else {
        view! {
            <h2 class="govuk-heading-m">"Recommendations"</h2>
            <p class="govuk-body">"The committee is recommended to:"</p>
            <ol class="govuk-list govuk-list--number app-cover__recommendations">
                {recommendations.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ol>
            {write_recommendations
                .map(|route| {
                    view! {
                        <p class="govuk-body app-no-print">
                            <a class="govuk-link" href=route.href()>
                                "Write recommendations"
                            </a>
                        </p>
                    }
                })}
        }
        .into_any()
    };
    view! {
        {cover}
        {recommendations}
    }
}

/// The cover form for one report and period.
#[component]
pub fn CoverPage(report: String) -> impl IntoView {
    let session = use_session();
    let Some(paper) = Paper::from_key(&report) else {
        page_loaded("Report not found");
        return view! { <Missing what="report" /> }.into_any();
    };
    let found = session.plan.with_untracked(|p| p.as_ref().map(|p| (paper.title(p), paper.draft(p))));
    let Some((title, draft)) = found else { return ().into_any() };
    page_loaded(&format!("Cover details \u{2013} {title}"));
    let back = paper_route(&paper);
    let committee = RwSignal::new(draft.committee);
    let meeting = RwSignal::new(draft.meeting);
    let report_of = RwSignal::new(draft.report_of);
    let author_role = RwSignal::new(draft.author_role);
    let purpose = RwSignal::new(draft.purpose);
    let recommendations = RwSignal::new(draft.recommendations);
    let errors = RwSignal::new(FieldErrors::default());
    let asks_for_recommendations = paper.asks_for_recommendations();
    let done = back.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = CoverDraft {
            committee: committee.get_untracked(),
            meeting: meeting.get_untracked(),
            report_of: report_of.get_untracked(),
            author_role: author_role.get_untracked(),
            purpose: purpose.get_untracked(),
            recommendations: if asks_for_recommendations { recommendations.get_untracked() } else { String::new() },
        };
        let paper = paper.clone();
        let saved = apply_form(session, errors, "committee", |ws, stamp| {
            let cover = typed.validate()?;
            Ok(ws.write_cover(stamp, &paper, cover)?)
        });
        if saved.is_some() {
            let done = done.clone();
            session.save_and_go(done, "Cover details saved", "Cover details changed, but not yet saved on this device");
        }
    };
    view! {
        <BackLink route=back.clone() />
        <ErrorSummary errors />
        <span class="govuk-caption-l">{title}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            "Cover details"
        </h1>
        <p class="govuk-body">"They print at the top of the report, as a committee paper\u{2019}s cover block."</p>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField
                id="committee"
                label="Committee or board"
                value=committee
                errors
                hint="For example, Overview and Scrutiny Board (Crime and Disorder Committee)"
            />
            <TextField
                id="meeting"
                label="Date of meeting (optional)"
                value=meeting
                errors
                input_type="date"
                class="govuk-input govuk-input--width-10"
            />
            <TextField
                id="report_of"
                label="Report of (optional)"
                value=report_of
                errors
                hint="For example, Community Safety Partnership Executive"
            />
            <TextField
                id="author_role"
                label="Report author\u{2019}s role (optional)"
                value=author_role
                errors
                hint="A role rather than a name, for example Community Safety Partnership Manager"
            />
            <TextArea
                id="purpose"
                label="Purpose (optional)"
                value=purpose
                errors
                rows=4
                hint="Why the report comes to the committee"
            />
            {if asks_for_recommendations {
                view! {
                    <TextArea
                        id="recommendations"
                        label="Recommendations (optional)"
                        value=recommendations
                        errors
                        rows=5
                        hint="What the committee is asked to do, one per line. They are numbered when printed"
                    />
                }
                    .into_any()
            } else {
                view! {
                    <p class="govuk-body">
                        "The recommendations are the overview\u{2019}s own section, written on the report page."
                    </p>
                }
                    .into_any()
            }}
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">
                    "Save cover details"
                </button>
                <a class="govuk-link" href=back.href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
    .into_any()
}
