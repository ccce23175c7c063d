//! The annual overview for the scrutiny committee, and the form for writing
//! its narrative sections.

use leptos::prelude::*;

use crate::model::Cover;
use crate::model::YearChoice;
use crate::nav::Route;
use crate::report::annual::{ActionLine, AnnualReport, AnnualSection};
use crate::report::cover::Paper;
use crate::report::parse_financial_year;
use crate::ui::clock;
use crate::ui::components::{BackLink, Missing, StatusTag, Table};
use crate::ui::indicators::{RagTag, direction_text};
use crate::ui::plan::{NarrativeText, StatusCounts};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

use super::ReportControls;
use super::cover::{CoverSection, RunningFooter};
use super::note::{NoteWording, ReportNoteForm};

#[component]
pub fn AnnualReportPage(year: String) -> impl IntoView {
    let session = use_session();
    let built = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let choice = YearChoice::new(p, &year, clock::today());
        let report = AnnualReport::build(p, choice.chosen);
        let block = Paper::Annual(report.year).cover_block(p);
        Some((report, choice.offered, block))
    });
    let Some((report, years, block)) = built else { return ().into_any() };
    page_loaded(&report.title());
    let route: fn(String) -> Route = Route::AnnualReport;
    let year = report.year;
    let section = move |s: AnnualSection, report: &AnnualReport| {
        let text = report.note(s).to_string();
        // An unwritten scene leaves no heading on paper; the successes and
        // the year ahead keep theirs for the lists of actions under them.
        let unprinted = text.is_empty() && s == AnnualSection::Scene;
        view! {
            <h2 class="govuk-heading-m" class:app-no-print=unprinted>
                {s.heading()}
            </h2>
            {if text.is_empty() {
                view! { <p class="govuk-body app-no-print">"Not written yet."</p> }.into_any()
            } else {
                view! { <NarrativeText text=crate::model::Narrative::new(text) /> }.into_any()
            }}
            <p class="govuk-body app-no-print">
                <a class="govuk-link" href=Route::EditAnnualSection(year.to_string(), s.code().to_string()).href()>
                    {format!("Write {}", s.heading().to_lowercase())}
                </a>
            </p>
        }
    };
    let recommendations = Cover::recommendation_lines(report.note(AnnualSection::Recommendations));
    let carried = report.carried_forward_count();
    // Owned, for the tables the page draws later.
    let (priorities, indicators) = (report.priorities.clone(), report.indicators.clone());
    view! {
        <RunningFooter partnership=report.partnership.clone() title=report.title() />
        <BackLink route=Route::Reports text="All reports" />
        <ReportControls years selected=year route />
        <span class="govuk-caption-l">{report.partnership.clone()}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {report.title()}
        </h1>
        <p class="govuk-body-l">"Community Safety Partnership annual overview for the scrutiny committee."</p>
        <CoverSection
            paper=Paper::Annual(year)
            block
            recommendations
            write_recommendations=Route::EditAnnualSection(
                year.to_string(),
                AnnualSection::Recommendations.code().to_string(),
            )
        />
        {section(AnnualSection::Scene, &report)}
        <h2 class="govuk-heading-m">"Our priorities"</h2>
        <p class="govuk-body">
            {format!(
                "{} sets {} priority themes, each led by a senior officer.",
                if report.plan_title.is_empty() {
                    "The partnership plan".to_string()
                } else {
                    report.plan_title.clone()
                },
                report.priorities.len(),
            )}
        </p>
        <Table
            caption="Priority themes"
            columns=["Priority", "Theme lead", "Actions at year end"]
            class="govuk-table app-report-table"
        >
            {priorities
                .into_iter()
                .map(|p| {
                    view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">
                                {p.name}
                            </th>
                            <td class="govuk-table__cell">{p.lead}</td>
                            <td class="govuk-table__cell">
                                <StatusCounts counts=p.by_status />
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        {section(AnnualSection::Successes, &report)}
        <h3 class="govuk-heading-s">{format!("Actions completed in {}", report.year)}</h3>
        <ActionList lines=report.completed.clone() empty="No actions were completed this year." />
        {(!report.completed_before.is_empty())
            .then(|| {
                view! {
                    <h3 class="govuk-heading-s">{format!("Completed before {}", report.year)}</h3>
                    <ActionList lines=report.completed_before.clone() empty="" />
                }
            })}
        <p class="govuk-body">{format!("{} meetings and campaigns were held during the year.", report.events_held)}</p>
        <h2 class="govuk-heading-m">"Performance indicators"</h2>
        {if report.indicators.is_empty() {
            view! { <p class="govuk-body">"The partnership has no indicators yet."</p> }.into_any()
        } else {
            view! {
                <Table
                    caption="Indicators at the latest quarter of the year"
                    columns=["Indicator", "Theme", "Target", "Latest value", "RAG", "Since a year before"]
                    class="govuk-table app-report-table"
                >
                    {indicators
                        .into_iter()
                        .map(|(theme, l)| {
                            view! {
                                <tr class="govuk-table__row">
                                    <th scope="row" class="govuk-table__header">
                                        {l.name.clone()}
                                    </th>
                                    <td class="govuk-table__cell">{theme}</td>
                                    <td class="govuk-table__cell">{l.target.clone()}</td>
                                    <td class="govuk-table__cell">
                                        {l.value.clone().unwrap_or_else(|| "Not entered".into())}
                                    </td>
                                    <td class="govuk-table__cell">{l.rag.map(|rag| view! { <RagTag rag /> })}</td>
                                    <td class="govuk-table__cell">
                                        {direction_text(l.trend.vs_same_quarter_last_year)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </Table>
            }
                .into_any()
        }}
        {section(AnnualSection::YearAhead, &report)}
        <h3 class="govuk-heading-s">"Actions carried forward"</h3>
        {if carried == 0 {
            view! { <p class="govuk-body">"Every action is complete."</p> }.into_any()
        } else {
            view! {
                <p class="govuk-body">
                    {format!(
                        "{carried} action{} still open at the end of the year, by priority, with the latest progress.",
                        if carried == 1 { " is" } else { "s are" },
                    )}
                </p>
                {report
                    .carried_forward
                    .iter()
                    .cloned()
                    .map(|t| {
                        view! {
                            <h4 class="govuk-heading-s app-report-theme">{t.theme.clone()}</h4>
                            <ActionList lines=t.actions empty="" />
                        }
                    })
                    .collect_view()}
            }
                .into_any()
        }}
    }
    .into_any()
}

#[component]
fn ActionList(lines: Vec<ActionLine>, empty: &'static str) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p class="govuk-body">{empty}</p> }.into_any();
    }
    view! {
        <ul class="govuk-list app-report-actions">
            {lines
                .into_iter()
                .map(|l| {
                    view! {
                        <li>
                            <p class="govuk-body govuk-!-margin-bottom-1">
                                <strong>{format!("{}. ", l.number)}</strong>
                                <a class="govuk-link" href=Route::Action(l.action_id.clone()).href()>
                                    {l.title.clone()}
                                </a>
                                " "
                                <StatusTag status=l.status />
                            </p>
                            <p class="govuk-body-s govuk-!-margin-bottom-1">{format!("Led by {}", l.leads)}</p>
                            {l
                                .latest
                                .map(|(date, text)| {
                                    view! {
                                        <p class="govuk-body-s">
                                            {format!("{}: {}", date, text.lines().next().unwrap_or_default())}
                                        </p>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn AnnualSectionPage(year: String, section: String) -> impl IntoView {
    let (Some(fy), Some(section)) = (parse_financial_year(&year), AnnualSection::from_code(&section)) else {
        return view! { <Missing what="report section" /> }.into_any();
    };
    page_loaded(&format!("{} – annual overview {fy}", section.heading()));
    let wording = NoteWording {
        caption: format!("Annual overview {fy}"),
        heading: section.heading().to_string(),
        field: "What the report should say",
        hint: hint(section),
        save: "Save section",
        saved: "Section saved",
    };
    view! {
        <ReportNoteForm
            note=section.key(fy)
            describe=section.label(fy)
            back=Route::AnnualReport(fy.to_string())
            wording
        />
    }
    .into_any()
}

fn hint(section: AnnualSection) -> &'static str {
    match section {
        AnnualSection::Scene => {
            "The statutory duty, the partnership's responsibilities and anything that shaped the year. Start a line with - for a bullet point"
        }
        AnnualSection::Successes => {
            "What the partnership achieved together. Completed actions are listed below it automatically"
        }
        AnnualSection::YearAhead => {
            "What the partnership will do next. Actions still open are listed below it automatically"
        }
        AnnualSection::Recommendations => "What the committee is asked to note or endorse, one per line",
    }
}
