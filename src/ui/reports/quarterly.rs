//! The quarterly theme report and the theme lead's commentary form.

use leptos::prelude::*;

use crate::model::{FinancialQuarter, Narrative, QuarterChoice};
use crate::nav::Route;
use crate::report::cover::Paper;
use crate::report::quarterly::{
    IndicatorLine, QuarterLine, QuarterlyReport, bounds, commentary_key, parse_quarter_code, quarter_code,
};
use crate::ui::clock;
use crate::ui::components::{BackLink, Missing, StatusTag, SummaryRow, Table, ThemeQuarterPicker};
use crate::ui::indicators::{RagTag, trend_cells};
use crate::ui::plan::NarrativeText;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

use super::cover::{CoverSection, RunningFooter};
use super::note::{NoteWording, ReportNoteForm};
use super::print_page;

#[component]
pub fn QuarterlyReportPage(theme: String, quarter: String) -> impl IntoView {
    let session = use_session();
    let built = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let theme = p.theme(&theme).or_else(|| p.themes_in_order().into_iter().next())?;
        let QuarterChoice { chosen: quarter, offered } = QuarterChoice::for_report(p, &quarter, clock::today());
        let themes: Vec<(String, String)> =
            p.themes_in_order().into_iter().map(|t| (t.id.clone(), t.name.clone())).collect();
        let block = Paper::Quarterly(theme.id.clone(), quarter).cover_block(p);
        Some((QuarterlyReport::build(p, theme, quarter), themes, offered, block))
    });
    let Some((report, themes, quarters, block)) = built else {
        page_loaded("Quarterly theme report");
        return view! {
            <h1 class="govuk-heading-l" tabindex="-1">
                "Quarterly theme report"
            </h1>
            <p class="govuk-body">"Add priority themes to the plan first."</p>
        }
        .into_any();
    };
    page_loaded(&report.title());
    let (changed, updated, silent) = report.summary();
    let for_download = report.clone();
    let download_csv = move |_| {
        let rows = crate::spreadsheet::export::quarterly_rows(&for_download);
        let name = for_download.csv_file_name();
        let sent = crate::spreadsheet::export::to_csv(&crate::spreadsheet::export::QUARTERLY_HEADERS, &rows)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::ui::download::download(&bytes, &name, "text/csv"));
        if let Err(e) = sent {
            leptos::logging::error!("the quarterly report could not be downloaded: {e}");
        }
    };
    let (start, end) = bounds(report.quarter);
    let commentary = report.commentary.clone();
    let paper = Paper::Quarterly(report.theme_id.clone(), report.quarter);
    let recommendations = block.as_ref().map(|b| b.recommendations.clone()).unwrap_or_default();
    view! {
        <RunningFooter partnership=report.partnership.clone() title=report.title() />
        <BackLink route=Route::Reports text="All reports" />
        <div class="app-no-print app-filters__row">
            <ThemeQuarterPicker
                id="report"
                themes
                theme=report.theme_id.clone()
                quarters
                quarter=report.quarter
                route=Route::QuarterlyReport
            />
        </div>
        <div class="govuk-button-group app-no-print">
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| print_page()>
                "Print or save as PDF"
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=download_csv>
                "Download for Excel (.csv)"
            </button>
        </div>
        <span class="govuk-caption-l">{report.partnership.clone()}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {report.title()}
        </h1>
        <CoverSection paper block recommendations />
        <dl class="govuk-summary-list">
            <SummaryRow label="Theme lead">{report.lead.clone()}</SummaryRow>
            <SummaryRow label="Period">{format!("{start} to {end}")}</SummaryRow>
            <SummaryRow label="This quarter">
                {format!(
                    "{updated} of {} actions updated, {changed} changed status, {silent} with no update",
                    report.actions.len(),
                )}
            </SummaryRow>
        </dl>
        <h2 class="govuk-heading-m">"Theme lead's commentary"</h2>
        {if commentary.is_empty() {
            view! { <p class="govuk-body">"No commentary written yet."</p> }.into_any()
        } else {
            view! { <NarrativeText text=Narrative::new(commentary) /> }.into_any()
        }}
        <p class="govuk-body app-no-print">
            <a
                class="govuk-link"
                href=Route::EditCommentary(report.theme_id.clone(), quarter_code(report.quarter)).href()
            >
                "Write the commentary"
            </a>
        </p>
        <h2 class="govuk-heading-m">"Performance indicators"</h2>
        <IndicatorLines lines=report.indicators.clone() quarter=report.quarter theme=report.theme_id.clone() />
        <h2 class="govuk-heading-m">"Actions"</h2>
        <QuarterTable lines=report.actions.clone() />
    }
    .into_any()
}

#[component]
fn IndicatorLines(lines: Vec<IndicatorLine>, quarter: FinancialQuarter, theme: String) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p class="govuk-body">"This theme has no indicators yet."</p> }.into_any();
    }
    let missing = lines.iter().filter(|l| l.value.is_none()).count();
    view! {
        <Table
            caption=format!("Indicators in {quarter}")
            columns=vec![
                "Indicator".into(),
                "Target".into(),
                quarter.to_string(),
                "RAG".into(),
                "Since the quarter before".into(),
                "Since a year before".into(),
            ]
            class="govuk-table app-report-table"
        >
            {lines
                .into_iter()
                .map(|l| {
                    let (prev, year) = trend_cells(l.trend);
                    view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">
                                <a class="govuk-link" href=Route::Indicator(l.indicator_id.clone()).href()>
                                    {l.name.clone()}
                                </a>
                            </th>
                            <td class="govuk-table__cell">{l.target.clone()}</td>
                            <td class="govuk-table__cell">{l.value.clone().unwrap_or_else(|| "Not entered".into())}</td>
                            <td class="govuk-table__cell">{l.rag.map(|rag| view! { <RagTag rag /> })}</td>
                            <td class="govuk-table__cell">{prev}</td>
                            <td class="govuk-table__cell">{year}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
        {(missing > 0)
            .then(|| {
                view! {
                    <p class="govuk-body app-no-print">
                        <a class="govuk-link" href=Route::RecordValues(theme.clone(), quarter_code(quarter)).href()>
                            {format!(
                                "Enter the {missing} missing value{} for {quarter}",
                                if missing == 1 { "" } else { "s" },
                            )}
                        </a>
                    </p>
                }
            })}
    }
    .into_any()
}

#[component]
fn QuarterTable(lines: Vec<QuarterLine>) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p class="govuk-body">"This theme has no actions yet."</p> }.into_any();
    }
    view! {
        <Table
            caption="Actions this quarter"
            columns=["No.", "Action and leads", "Status", "Progress this quarter"]
            class="govuk-table app-report-table"
        >
            {lines
                .into_iter()
                .map(|l| {
                    let change = l.change();
                    view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{l.number.clone()}</td>
                            <td class="govuk-table__cell">
                                <p class="govuk-body govuk-!-font-weight-bold app-report-title">
                                    <a class="govuk-link" href=Route::Action(l.action_id.clone()).href()>
                                        {l.title.clone()}
                                    </a>
                                </p>
                                <p class="govuk-body-s">{l.leads.clone()}</p>
                            </td>
                            <td class="govuk-table__cell">
                                <StatusTag status=l.status />
                                <p class="govuk-body-s">{change}</p>
                            </td>
                            <td class="govuk-table__cell">
                                {l
                                    .updates
                                    .into_iter()
                                    .map(|(date, status, text)| {
                                        view! {
                                            <div class="app-report-progress">
                                                <p class="govuk-body-s govuk-!-margin-bottom-1">
                                                    <strong>{date.to_string()}</strong>
                                                    " "
                                                    <StatusTag status />
                                                </p>
                                                {text
                                                    .lines()
                                                    .filter(|t| !t.trim().is_empty())
                                                    .map(|t| view! { <p class="govuk-body-s">{t.to_string()}</p> })
                                                    .collect_view()}
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}

#[component]
pub fn CommentaryPage(theme: String, quarter: String) -> impl IntoView {
    let session = use_session();
    let found = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let t = p.theme(&theme)?;
        let q = parse_quarter_code(&quarter)?;
        Some((t.name.clone(), q))
    });
    let Some((theme_name, q)) = found else {
        return view! { <Missing what="report" /> }.into_any();
    };
    page_loaded(&format!("Commentary – {theme_name} {q}"));
    let wording = NoteWording {
        caption: format!("{theme_name}: {q}"),
        heading: "Theme lead's commentary".to_string(),
        field: "Commentary for the executive",
        hint: "The headline for the quarter, risks and what the theme needs from partners. Start a line with - for a bullet point",
        save: "Save commentary",
        saved: "Commentary saved",
    };
    view! {
        <ReportNoteForm
            note=commentary_key(&theme, q)
            describe=format!("commentary for {theme_name} {q}")
            back=Route::QuarterlyReport(theme.clone(), quarter_code(q))
            wording
        />
    }
    .into_any()
}
