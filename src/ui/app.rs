//! The root component: provides the app state, starts storage, and shows the
//! page the address asks for.

use leptos::prelude::*;

use crate::nav::Route;

use super::layout::{
    FlashBanner, Footer, Header, KeepSafeBanner, KioskHeader, SectionNav, SkipLink, StatusBar, StorageBanner,
};
use super::state::provide_app_state;
use super::{
    actions, assessment, calendar, consultation, dashboard, exchange, history, indicators, plan, reports, router,
    settings, speed_check, spreadsheets, structure, workshop, workspaces,
};

#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state();
    router::listen(state.route);
    super::shell::hand_over_when_ready(state);
    let update_ready = RwSignal::new(false);
    super::offline::register(update_ready);
    leptos::task::spawn_local(state.start());

    // Pages re-render when the route changes or a partnership opens or
    // closes, not on every edit: a form keeps what was typed while the plan
    // changes underneath it.
    let has_plan = Memo::new(move |_| state.plan.with(|p| p.is_some()));
    let page = move || {
        if !state.ready.get() {
            // Opening the last workspace from local storage takes a few
            // milliseconds; render nothing rather than flash another page.
            return ().into_any();
        }
        let route = state.route.get();
        // A tab in kiosk mode stays on its questionnaire: the back button,
        // a typed address or an old link all lead back to it until the
        // organiser leaves with the PIN (or the hold and confirmation).
        if let Some(lock) = crate::storage::kiosk::kiosk_lock() {
            let kiosk = Route::Kiosk(lock.questionnaire_id);
            if route != kiosk {
                router::navigate(&kiosk);
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
            Route::PlanDocument => view! { <reports::PlanDocumentPage /> }.into_any(),
            Route::Theme(id) => view! { <plan::ThemePage id /> }.into_any(),
            Route::ThemeForm(id) => view! { <super::theme_form::ThemeFormPage id /> }.into_any(),
            Route::DeleteTheme(id) => view! { <super::theme_form::DeleteThemePage id /> }.into_any(),
            Route::Actions(filter) => view! { <actions::ActionListPage filter /> }.into_any(),
            Route::NewAction => view! { <actions::ActionFormPage id=None /> }.into_any(),
            Route::EditAction(id) => view! { <actions::ActionFormPage id=Some(id) /> }.into_any(),
            Route::Action(id) => view! { <actions::ActionPage id /> }.into_any(),
            Route::AddProgress(id) => view! { <actions::ProgressFormPage id /> }.into_any(),
            Route::DeleteAction(id) => view! { <actions::DeleteActionPage id /> }.into_any(),
            Route::History => view! { <history::HistoryPage /> }.into_any(),
            Route::Indicators => view! { <indicators::IndicatorsPage /> }.into_any(),
            Route::Indicator(id) => view! { <indicators::IndicatorPage id /> }.into_any(),
            Route::IndicatorForm(id) => view! { <indicators::IndicatorFormPage id /> }.into_any(),
            Route::DeleteIndicator(id) => view! { <indicators::DeleteIndicatorPage id /> }.into_any(),
            Route::RecordValues(theme, quarter) => view! { <indicators::RecordValuesPage theme quarter /> }.into_any(),
            Route::Share => view! { <exchange::SharePage /> }.into_any(),
            Route::RedactedCopy => view! { <exchange::RedactedCopyPage /> }.into_any(),
            Route::Assessment(year) => view! { <assessment::AssessmentPage year /> }.into_any(),
            Route::AssessedIssue(a, i) => view! { <assessment::IssueFormPage assessment=a issue=i /> }.into_any(),
            Route::Consultations => view! { <consultation::ConsultationsPage /> }.into_any(),
            Route::Kiosk(id) => view! { <consultation::KioskPage id /> }.into_any(),
            Route::StartKiosk(id) => view! { <consultation::StartKioskPage id /> }.into_any(),
            Route::WorryWording(id) => view! { <consultation::WorryWordingPage id /> }.into_any(),
            Route::Workshops => view! { <workshop::WorkshopsPage /> }.into_any(),
            Route::Workshop(id) => view! { <workshop::WorkshopPage id /> }.into_any(),
            Route::DeleteProgress(id, update) => view! { <actions::DeleteProgressPage id update /> }.into_any(),
            Route::Spreadsheets => view! { <spreadsheets::SpreadsheetsPage /> }.into_any(),
            Route::Dashboard(quarter) => view! { <dashboard::DashboardPage quarter /> }.into_any(),
            Route::OpenFile => view! { <exchange::OpenFilePage /> }.into_any(),
            Route::Structure => view! { <structure::StructurePage /> }.into_any(),
            Route::MemberForm(id) => view! { <structure::MemberFormPage id /> }.into_any(),
            Route::RemoveMember(id) => view! { <structure::RemoveMemberPage id /> }.into_any(),
            Route::SubGroupForm(id) => view! { <structure::SubGroupFormPage id /> }.into_any(),
            Route::RemoveSubGroup(id) => view! { <structure::RemoveSubGroupPage id /> }.into_any(),
            Route::Calendar => view! { <calendar::CalendarPage /> }.into_any(),
            Route::NewEvent => view! { <calendar::EventFormPage id=None /> }.into_any(),
            Route::EditEvent(id) => view! { <calendar::EventFormPage id=Some(id) /> }.into_any(),
            Route::DeleteEvent(id) => view! { <calendar::DeleteEventPage id /> }.into_any(),
            Route::Reports => view! { <reports::ReportsPage /> }.into_any(),
            Route::QuarterlyReport(theme, quarter) => {
                view! { <reports::QuarterlyReportPage theme quarter /> }.into_any()
            }
            Route::EditCommentary(theme, quarter) => view! { <reports::CommentaryPage theme quarter /> }.into_any(),
            Route::AnnualReport(year) => view! { <reports::AnnualReportPage year /> }.into_any(),
            Route::EditAnnualSection(year, section) => view! { <reports::AnnualSectionPage year section /> }.into_any(),
            Route::BusinessPlan(year) => view! { <reports::BusinessPlanPage year /> }.into_any(),
            Route::EditCover(report) => view! { <reports::CoverPage report /> }.into_any(),
            Route::Settings => view! { <settings::SettingsPage /> }.into_any(),
            Route::CrashTest => panic!("crash test requested from the support page"),
            Route::SpeedCheck => view! { <speed_check::SpeedCheckPage /> }.into_any(),
            Route::NotFound => view! { <super::components::Missing what="page" /> }.into_any(),
        }
    };

    // Residents pass the tablet round in kiosk mode, and partners in a
    // running workshop: no menu into the plan, and no reminders meant for
    // the organiser. "Leave kiosk mode" and the workshop's "All workshops"
    // are the ways back.
    let kiosk = Memo::new(move |_| state.route.with(|r| matches!(r, Route::Kiosk(_) | Route::Workshop(_))));
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
