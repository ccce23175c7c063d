//! Pages most sessions never open, each area in a wasm module of its own that
//! is fetched the first time one of its pages opens.
//!
//! A first visit downloads the page's wasm before anything works, so it
//! should hold only what nearly every session uses: the frame, the plan,
//! actions, indicators, the dashboard and Automerge. Printed reports,
//! consultations and workshops, the strategic assessment, sharing files,
//! spreadsheets, history, the calendar, members and settings are split off
//! here with wasm-split (`wasm_split_helpers`, re-exported by Leptos): each
//! `#[wasm_split(area)]` function below, and every function only it reaches,
//! goes into `split_<area>.wasm`, which `scripts/split.mjs` writes beside the
//! page's wasm and the service worker precaches, so it opens offline too.
//!
//! Opening a page here shows nothing while its module arrives (from the
//! service worker's cache that is a few milliseconds), "Opening this page…"
//! only if that takes longer than [`SLOW`], and a plain message if the
//! module cannot be fetched (a first visit that lost its connection); the
//! next try fetches it again.

use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::nav::Route;

use super::components::Missing;
use super::{
    assessment, calendar, consultation, history, reports, settings, share, speed_check, spreadsheets, structure,
    workshop,
};

/// How long a module may take to arrive before the page says it is opening
/// (issue 15: no spinner for local work).
const SLOW: Duration = Duration::from_millis(300);

/// The page for `route` from `area`'s module, once it has arrived.
///
/// A plain reactive closure, not a `Suspend`: every page from here has the
/// same view type, and a `Suspend` rebuilt in place would keep the previous
/// page mounted for a tick after its owner is gone, where any of its effects
/// that ran would read disposed signals. A closure is rebuilt by building
/// the new page and unmounting the old one at once, as other pages are.
pub fn page(area: Area, route: Route) -> AnyView {
    let arrived = RwSignal::new(false);
    let slow = RwSignal::new(false);
    let loaded = StoredValue::new_local(None::<AnyView>);
    if let Ok(timer) = set_timeout_with_handle(move || slow.set(true), SLOW) {
        on_cleanup(move || timer.clear());
    }
    // Runs under this page's owner, so the page's components find the app's
    // context; leaving the page before the module arrives cancels it.
    leptos::task::spawn_local_scoped_with_cancellation(async move {
        let page = match area {
            Area::Reports => reports_page(route).await,
            Area::Residents => residents_page(route).await,
            Area::Files => files_page(route).await,
            Area::History => history_page(route).await,
            Area::Calendar => calendar_page(route).await,
            Area::Structure => structure_page(route).await,
            Area::Settings => settings_page(route).await,
        };
        loaded.set_value(Some(page.unwrap_or_else(|_| view! { <CouldNotOpen /> }.into_any())));
        arrived.set(true);
    });
    (move || {
        if arrived.get() {
            // Built once: once it has arrived nothing else here is read, so
            // this does not run again.
            loaded.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any())
        } else if slow.get() {
            view! {
                <p class="govuk-body" role="status">
                    "Opening this page…"
                </p>
            }
            .into_any()
        } else {
            ().into_any()
        }
    })
    .into_any()
}

/// A group of rarely used pages loaded together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Reports, committee papers and the plan document.
    Reports,
    /// Consultations and the kiosk, workshops and the strategic assessment.
    Residents,
    /// Share, opening a partner's file, the redacted copy, Excel and CSV.
    Files,
    /// The history of changes.
    History,
    /// The calendar of meetings and events.
    Calendar,
    /// Members and sub-groups.
    Structure,
    /// Settings and the speed check.
    Settings,
}

/// Said when a page's module could not be fetched.
#[component]
fn CouldNotOpen() -> impl IntoView {
    super::router::page_loaded("This page could not be opened");
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">
            "This page could not be opened"
        </h1>
        <p class="govuk-body">
            "Part of Safer Plan needed for this page has not downloaded yet. Check the connection, then try again."
        </p>
        <p class="govuk-body">"Nothing kept on this device has been changed."</p>
    }
}

// Each function below is one module. Its argument and result cross a wasm
// import, so they are plain values; a route it does not hold (never asked
// for: the switch in app.rs chose the area) shows "page not found".

#[leptos::wasm_split::wasm_split(
    reports,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[allow(dead_code)] preload_reports)
)]
fn reports_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::PlanDocument => view! { <reports::PlanDocumentPage /> }.into_any(),
        Route::Reports => view! { <reports::ReportsPage /> }.into_any(),
        Route::QuarterlyReport(theme, quarter) => view! { <reports::QuarterlyReportPage theme quarter /> }.into_any(),
        Route::EditCommentary(theme, quarter) => view! { <reports::CommentaryPage theme quarter /> }.into_any(),
        Route::AnnualReport(year) => view! { <reports::AnnualReportPage year /> }.into_any(),
        Route::EditAnnualSection(year, section) => view! { <reports::AnnualSectionPage year section /> }.into_any(),
        Route::BusinessPlan(year) => view! { <reports::BusinessPlanPage year /> }.into_any(),
        Route::EditCover(report) => view! { <reports::CoverPage report /> }.into_any(),
        _ => view! { <Missing what="page" /> }.into_any(),
    })
}

#[leptos::wasm_split::wasm_split(
    residents,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[allow(dead_code)] preload_residents)
)]
fn residents_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Consultations => view! { <consultation::ConsultationsPage /> }.into_any(),
        Route::Kiosk(id) => view! { <consultation::KioskPage id /> }.into_any(),
        Route::StartKiosk(id) => view! { <consultation::StartKioskPage id /> }.into_any(),
        Route::WorryWording(id) => view! { <consultation::WorryWordingPage id /> }.into_any(),
        Route::Workshops => view! { <workshop::WorkshopsPage /> }.into_any(),
        Route::Workshop(id) => view! { <workshop::WorkshopPage id /> }.into_any(),
        Route::Assessment(year) => view! { <assessment::AssessmentPage year /> }.into_any(),
        Route::AssessedIssue(a, i) => view! { <assessment::IssueFormPage assessment=a issue=i /> }.into_any(),
        _ => view! { <Missing what="page" /> }.into_any(),
    })
}

#[leptos::wasm_split::wasm_split(
    files,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[allow(dead_code)] preload_files)
)]
fn files_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Share => view! { <share::SharePage /> }.into_any(),
        Route::RedactedCopy => view! { <share::RedactedCopyPage /> }.into_any(),
        Route::OpenFile => view! { <share::OpenFilePage /> }.into_any(),
        Route::Spreadsheets => view! { <spreadsheets::SpreadsheetsPage /> }.into_any(),
        _ => view! { <Missing what="page" /> }.into_any(),
    })
}

#[leptos::wasm_split::wasm_split(
    history,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[allow(dead_code)] preload_history)
)]
fn history_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::History => view! { <history::HistoryPage /> }.into_any(),
        _ => view! { <Missing what="page" /> }.into_any(),
    })
}

#[leptos::wasm_split::wasm_split(
    calendar,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[allow(dead_code)] preload_calendar)
)]
fn calendar_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Calendar => view! { <calendar::CalendarPage /> }.into_any(),
        Route::NewEvent => view! { <calendar::EventFormPage id=None /> }.into_any(),
        Route::EditEvent(id) => view! { <calendar::EventFormPage id=Some(id) /> }.into_any(),
        Route::DeleteEvent(id) => view! { <calendar::DeleteEventPage id /> }.into_any(),
        _ => view! { <Missing what="page" /> }.into_any(),
    })
}

#[leptos::wasm_split::wasm_split(
    structure,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[allow(dead_code)] preload_structure)
)]
fn structure_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Structure => view! { <structure::StructurePage /> }.into_any(),
        Route::MemberForm(id) => view! { <structure::MemberFormPage id /> }.into_any(),
        Route::RemoveMember(id) => view! { <structure::RemoveMemberPage id /> }.into_any(),
        Route::SubGroupForm(id) => view! { <structure::SubGroupFormPage id /> }.into_any(),
        Route::RemoveSubGroup(id) => view! { <structure::RemoveSubGroupPage id /> }.into_any(),
        _ => view! { <Missing what="page" /> }.into_any(),
    })
}

#[leptos::wasm_split::wasm_split(
    settings,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[allow(dead_code)] preload_settings)
)]
fn settings_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Settings => view! { <settings::SettingsPage /> }.into_any(),
        Route::SpeedCheck => view! { <speed_check::SpeedCheckPage /> }.into_any(),
        _ => view! { <Missing what="page" /> }.into_any(),
    })
}
