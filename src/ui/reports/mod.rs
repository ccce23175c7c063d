//! Reports: what the partnership prints or sends to the executive and the
//! scrutiny committee. Content is assembled in [`crate::report`]; these pages
//! only lay it out for screen and for print (A4, via the browser's "Save as
//! PDF"), each as a committee paper with its cover block (`cover`), and the
//! whole plan as a document (`plan_document`).

mod annual;
mod business_plan;
mod cover;
mod note;
mod plan_document;
mod quarterly;

pub use annual::{AnnualReportPage, AnnualSectionPage};
pub use business_plan::BusinessPlanPage;
pub use cover::CoverPage;
pub use plan_document::PlanDocumentPage;
pub use quarterly::{CommentaryPage, QuarterlyReportPage};

use leptos::prelude::*;

use crate::model::FinancialYear;
use crate::nav::Route;
use crate::ui::navigation::use_navigation;
use crate::ui::router::page_loaded;

#[component]
pub fn ReportsPage() -> impl IntoView {
    page_loaded("Reports");
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">
            "Reports"
        </h1>
        <p class="govuk-body">
            "Each report is built from the plan as it is on this device. Print it, or choose "
            "\u{201c}Save as PDF\u{201d} in the print window to send it as a document."
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href=Route::Spreadsheets.href()>
                "Download the plan for Excel, or import an action tracker"
            </a>
        </p>
        <ul class="govuk-list app-report-list">
            <li>
                <h2 class="govuk-heading-m">
                    <a class="govuk-link" href=Route::PlanDocument.href()>
                        "Plan document"
                    </a>
                </h2>
                <p class="govuk-body">
                    "The whole partnership plan to publish or attach to a committee paper: vision, statutory duties, values, "
                    "each priority with its lead, aims, what we will do and how it is measured, and the partnership\u{2019}s structure."
                </p>
            </li>
            <li>
                <h2 class="govuk-heading-m">
                    <a class="govuk-link" href=Route::QuarterlyReport(String::new(), String::new()).href()>
                        "Quarterly theme report"
                    </a>
                </h2>
                <p class="govuk-body">
                    "A theme lead's accountability report to the executive: commentary, every action with its status "
                    "and progress, and what changed since the last quarter."
                </p>
            </li>
            <li>
                <h2 class="govuk-heading-m">
                    <a class="govuk-link" href=Route::AnnualReport(String::new()).href()>
                        "Annual overview for scrutiny"
                    </a>
                </h2>
                <p class="govuk-body">
                    "The partnership's year for the council's scrutiny committee: priorities, successes, the year "
                    "ahead with the actions carried forward, and recommendations, each action listed once."
                </p>
            </li>
            <li>
                <h2 class="govuk-heading-m">
                    <a class="govuk-link" href=Route::BusinessPlan(String::new()).href()>
                        "Business plan table"
                    </a>
                </h2>
                <p class="govuk-body">
                    "The year's actions with their leads, linked documents and progress, in the table layout "
                    "used for the partnership executive."
                </p>
            </li>
        </ul>
    }
}

/// The financial-year picker and print button above a report.
#[component]
pub(crate) fn ReportControls(
    years: Vec<FinancialYear>,
    selected: FinancialYear,
    route: fn(String) -> Route,
) -> impl IntoView {
    let nav = use_navigation();
    let selected = selected.to_string();
    let change_year = move |ev: leptos::ev::Event| nav.go(&route(event_target_value(&ev)));
    view! {
        <div class="app-no-print">
            <div class="govuk-form-group">
                <label class="govuk-label" for="report-year">
                    "Financial year"
                </label>
                <select class="govuk-select" id="report-year" on:change=change_year>
                    {years
                        .into_iter()
                        .map(|y| {
                            let label = y.to_string();
                            let is_selected = label == selected;
                            view! {
                                <option value=label.clone() selected=is_selected>
                                    {label.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| print_page()>
                "Print or save as PDF"
            </button>
        </div>
    }
}

/// Opens the browser's print window (which also offers "Save as PDF").
pub(crate) fn print_page() {
    if let Err(e) = window().print() {
        leptos::logging::error!("printing is not available: {e:?}");
    }
}
