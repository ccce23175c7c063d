//! The root component: provides the three contexts (navigation, device,
//! session), starts storage, and shows the page the address asks for.

use leptos::prelude::*;

use crate::nav::Route;

use super::banners::{FlashBanner, KeepSafeBanner, StatusBar, StorageBanner};
use super::device::provide_device;
use super::layout::{Footer, Header, KioskHeader, SectionNav, SkipLink};
use super::lazy_pages::{self, Area};
use super::navigation::provide_navigation;
use super::session::provide_session;
use super::{actions, dashboard, indicators, plan, workspaces};

#[component]
pub fn App() -> impl IntoView {
    let nav = provide_navigation();
    let device = provide_device();
    let session = provide_session(device, nav);
    super::shell::hand_over_when_ready(session, nav, device);
    let update_ready = RwSignal::new(false);
    super::offline::register(update_ready);
    leptos::task::spawn_local(session.start());

    // Pages re-render when the route changes or a partnership opens or
    // closes, not on every edit: a form keeps what was typed while the plan
    // changes underneath it.
    let has_plan = Memo::new(move |_| session.plan.with(|p| p.is_some()));
    let page = move || {
        if !session.ready.get() {
            // Opening the last workspace from local storage takes a few
            // milliseconds; render nothing rather than flash another page.
            return ().into_any();
        }
        let route = nav.route.get();
        // A tab in kiosk mode stays on its questionnaire: the back button,
        // a typed address or an old link all lead back to it until the
        // organiser leaves with the PIN (or the hold and confirmation).
        if let Some(lock) = crate::storage::kiosk::kiosk_lock() {
            let kiosk = Route::Kiosk(lock.questionnaire_id);
            if route != kiosk {
                nav.go(&kiosk);
                return ().into_any();
            }
        }
        if route.needs_workspace() && !has_plan.get() {
            return view! { <workspaces::WorkspacesPage /> }.into_any();
        }
        match route {
            Route::Workspaces => view! { <workspaces::WorkspacesPage /> }.into_any(),
            Route::NewWorkspace => view! { <workspaces::NewWorkspacePage /> }.into_any(),
            Route::RenameWorkspace(id) => view! { <workspaces::RenameWorkspacePage id /> }.into_any(),
            Route::DeleteWorkspace(id) => view! { <workspaces::DeleteWorkspacePage id /> }.into_any(),
            Route::Plan => view! { <plan::OverviewPage /> }.into_any(),
            Route::EditPlan => view! { <super::plan_form::EditPlanPage /> }.into_any(),
            Route::Theme(id) => view! { <plan::ThemePage id /> }.into_any(),
            Route::ThemeForm(id) => view! { <super::theme_form::ThemeFormPage id /> }.into_any(),
            Route::DeleteTheme(id) => view! { <super::theme_form::DeleteThemePage id /> }.into_any(),
            Route::Actions(filter) => view! { <actions::ActionListPage filter /> }.into_any(),
            Route::NewAction => view! { <actions::ActionFormPage id=None /> }.into_any(),
            Route::EditAction(id) => view! { <actions::ActionFormPage id=Some(id) /> }.into_any(),
            Route::Action(id) => view! { <actions::ActionPage id /> }.into_any(),
            Route::AddProgress(id) => view! { <actions::ProgressFormPage id /> }.into_any(),
            Route::DeleteAction(id) => view! { <actions::DeleteActionPage id /> }.into_any(),
            Route::DeleteProgress(id, update) => view! { <actions::DeleteProgressPage id update /> }.into_any(),
            Route::Indicators => view! { <indicators::IndicatorsPage /> }.into_any(),
            Route::Indicator(id) => view! { <indicators::IndicatorPage id /> }.into_any(),
            Route::IndicatorForm(id) => view! { <indicators::IndicatorFormPage id /> }.into_any(),
            Route::DeleteIndicator(id) => view! { <indicators::DeleteIndicatorPage id /> }.into_any(),
            Route::RecordValues(theme, quarter) => view! { <indicators::RecordValuesPage theme quarter /> }.into_any(),
            Route::Dashboard(quarter) => view! { <dashboard::DashboardPage quarter /> }.into_any(),
            // Pages most sessions never open arrive the first time they are
            // opened (lazy_pages.rs).
            Route::PlanDocument
            | Route::Reports
            | Route::QuarterlyReport(..)
            | Route::EditCommentary(..)
            | Route::AnnualReport(..)
            | Route::EditAnnualSection(..)
            | Route::BusinessPlan(..)
            | Route::EditCover(..) => lazy_pages::page(Area::Reports, route),
            Route::Consultations
            | Route::Kiosk(..)
            | Route::StartKiosk(..)
            | Route::WorryWording(..)
            | Route::Workshops
            | Route::Workshop(..)
            | Route::Assessment(..)
            | Route::AssessedIssue(..) => lazy_pages::page(Area::Residents, route),
            Route::Share | Route::RedactedCopy | Route::OpenFile | Route::Spreadsheets => {
                lazy_pages::page(Area::Files, route)
            }
            Route::History => lazy_pages::page(Area::History, route),
            Route::Calendar | Route::NewEvent | Route::EditEvent(..) | Route::DeleteEvent(..) => {
                lazy_pages::page(Area::Calendar, route)
            }
            Route::Structure
            | Route::MemberForm(..)
            | Route::RemoveMember(..)
            | Route::SubGroupForm(..)
            | Route::RemoveSubGroup(..) => lazy_pages::page(Area::Structure, route),
            Route::Settings | Route::SpeedCheck => lazy_pages::page(Area::Settings, route),
            Route::CrashTest => panic!("crash test requested from the support page"),
            Route::NotFound => view! { <super::components::Missing what="page" /> }.into_any(),
        }
    };

    // Residents pass the tablet round in kiosk mode, and partners in a
    // running workshop: no menu into the plan, and no reminders meant for
    // the organiser. "Leave kiosk mode" and the workshop's "All workshops"
    // are the ways back.
    let kiosk = Memo::new(move |_| nav.route.with(|r| matches!(r, Route::Kiosk(_) | Route::Workshop(_))));
    view! {
        <SkipLink />
        <Show when=move || !kiosk.get() fallback=KioskHeader>
            <Header />
        </Show>
        <div class="govuk-width-container">
            <Show when=move || !kiosk.get()>
                <SectionNav />
            </Show>
            <StatusBar />
            <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                <StorageBanner />
                <super::offline::UpdateBanner update_ready />
                <Show when=move || !kiosk.get()>
                    <KeepSafeBanner />
                </Show>
                <FlashBanner />
                {page}
            </main>
        </div>
        <Footer />
    }
}
