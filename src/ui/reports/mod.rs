//! Reports: what the partnership prints or sends to the executive and the
//! scrutiny committee. Content is assembled in [`crate::report`]; these pages
//! only lay it out for screen and for print (A4, via the browser's "Save as
//! PDF").

mod business_plan;

pub use business_plan::BusinessPlanPage;

use leptos::prelude::*;

use crate::nav::Route;
use crate::ui::router::page_loaded;

#[component]
pub fn ReportsPage() -> impl IntoView {
    page_loaded("Reports");
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">"Reports"</h1>
        <p class="govuk-body">
            "Each report is built from the plan as it is on this device. Print it, or choose "
            "\u{201c}Save as PDF\u{201d} in the print window to send it as a document."
        </p>
        <ul class="govuk-list app-report-list">
            <li>
                <h2 class="govuk-heading-m">
                    <a class="govuk-link" href=Route::BusinessPlan(String::new()).href()>"Business plan table"</a>
                </h2>
                <p class="govuk-body">
                    "The year's actions with their leads, linked documents and progress, in the table layout "
                    "used for the partnership executive."
                </p>
            </li>
        </ul>
    }
}

/// Opens the browser's print window (which also offers "Save as PDF").
pub(crate) fn print_page() {
    if let Err(e) = window().print() {
        leptos::logging::error!("printing is not available: {e:?}");
    }
}
