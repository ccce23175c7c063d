//! The frame around every page: skip link, header with the service
//! navigation, demo and storage banners, and the footer.

use leptos::prelude::*;

use crate::nav::Route;

use super::download::download;
use super::router::focus_id;
use crate::ui::device::use_device;
use crate::ui::navigation::use_navigation;
use crate::ui::session::{SaveState, use_session};

#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            href="#main-content"
            class="govuk-skip-link"
            on:click=|ev| {
                ev.prevent_default();
                focus_id("main-content");
            }
        >
            "Skip to main content"
        </a>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let partnership = move || session.partnership_name.get();
    view! {
        <header class="govuk-generic-header">
            <div class="govuk-generic-header__container govuk-width-container">
                <div class="govuk-generic-header__logo">
                    <a href=Route::Plan.href() class="govuk-generic-header__homepage-link">
                        "Safer Plan"
                    </a>
                </div>
            </div>
        </header>
        <section class="govuk-service-navigation" aria-label="Service information">
            <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                    <span class="govuk-service-navigation__service-name">
                        {move || match partnership() {
                            Some(name) => {
                                view! {
                                    <a href=Route::Plan.href() class="govuk-service-navigation__link">
                                        {name}
                                    </a>
                                }
                                    .into_any()
                            }
                            None => view! { <span>"No partnership open"</span> }.into_any(),
                        }}
                    </span>
                    <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                        <ul class="govuk-service-navigation__list" id="navigation">
                            <Show when=move || partnership().is_some()>
                                <NavItem route=Route::Plan label="Plan" />
                                <NavItem route=Route::Actions(Default::default()) label="Actions" />
                                <NavItem route=Route::Indicators label="Indicators" />
                                <NavItem route=Route::Dashboard(String::new()) label="Dashboard" />
                                <NavItem route=Route::Reports label="Reports" />
                                <NavItem route=Route::Calendar label="Calendar" />
                                <NavItem route=Route::Assessment(String::new()) label="Assessment" />
                            </Show>
                            // Share works with no partnership open: it is where a partner's
                            // file becomes a partnership on a new device.
                            <NavItem route=Route::Share label="Share" />
                            <Show when=move || partnership().is_some()>
                                <NavItem route=Route::History label="History" />
                            </Show>
                            <NavItem route=Route::Workspaces label="Partnerships" />
                            <NavItem route=Route::Settings label="Settings" />
                        </ul>
                    </nav>
                </div>
            </div>
        </section>
    }
}

/// A link in a section's second row: its words and where it goes.
type SectionPage = (&'static str, fn() -> Route);

/// The pages inside a section, shown as a second row of links under the
/// menu, so every area is two taps away on a tablet without a menu too wide
/// for one. Names differ from the menu's so each link says where it goes.
fn section_pages(section: &str) -> &'static [SectionPage] {
    match section {
        "plan" => &[
            ("Overview", || Route::Plan),
            ("Members and sub-groups", || Route::Structure),
            ("Plan document", || Route::PlanDocument),
        ],
        "assessment" => &[
            ("Strategic assessment", || Route::Assessment(String::new())),
            ("Partner workshops", || Route::Workshops),
            ("Resident consultation", || Route::Consultations),
        ],
        "reports" => &[("Committee reports", || Route::Reports), ("Excel and CSV", || Route::Spreadsheets)],
        "share" => &[("Share with partners", || Route::Share), ("Redacted copy", || Route::RedactedCopy)],
        _ => &[],
    }
}

/// The second row of links for the section the page is in, if it has several pages.
#[component]
pub fn SectionNav() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let current = Memo::new(move |_| nav.route.with(section));
    let open = move || session.partnership_name.with(Option::is_some);
    move || {
        let pages = section_pages(current.get());
        (open() && !pages.is_empty()).then(|| {
            let label = format!("Pages in {}", match current.get() {
                "plan" => "the plan",
                "assessment" => "assessment and engagement",
                "reports" => "reports",
                _ => "sharing",
            });
            view! {
                <nav class="app-section-nav" aria-label=label>
                    <ul class="app-section-nav__list">
                        {pages
                            .iter()
                            .map(|(text, route)| {
                                let route = route();
                                let here = route.clone();
                                let here = page_key(&here);
                                let is_here = move || nav.route.with(|r| page_key(r) == here);
                                view! {
                                    <li class="app-section-nav__item" class:app-section-nav__item--active=is_here>
                                    <a class="govuk-link govuk-link--no-visited-state app-section-nav__link" href=route.href() aria-current=move || is_here().then_some("page")>{*text}</a>
                                </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}

/// Which sub-page of a section a route shows: forms belong to the page
/// they are reached from.
fn page_key(route: &Route) -> &'static str {
    match route {
        Route::Plan | Route::Theme(_) => "overview",
        Route::PlanDocument => "plan-document",
        Route::Structure
        | Route::MemberForm(_)
        | Route::RemoveMember(_)
        | Route::SubGroupForm(_)
        | Route::RemoveSubGroup(_) => "structure",
        Route::Assessment(_) | Route::AssessedIssue(..) => "assessment",
        Route::Workshops | Route::Workshop(_) => "workshops",
        Route::Consultations | Route::Kiosk(_) | Route::StartKiosk(_) | Route::WorryWording(_) => "consultations",
        Route::Spreadsheets => "spreadsheets",
        Route::Share => "share",
        Route::RedactedCopy => "redacted",
        _ => "reports",
    }
}

/// Which top-level section a page belongs to, for the navigation highlight.
fn section(route: &Route) -> &'static str {
    match route {
        Route::Plan
        | Route::EditPlan
        | Route::Theme(_)
        | Route::ThemeForm(_)
        | Route::DeleteTheme(_)
        | Route::PlanDocument => "plan",
        Route::Actions(_)
        | Route::NewAction
        | Route::Action(_)
        | Route::EditAction(_)
        | Route::AddProgress(_)
        | Route::DeleteProgress(..)
        | Route::DeleteAction(_) => "actions",
        Route::History => "history",
        Route::Reports
        | Route::BusinessPlan(_)
        | Route::AnnualReport(_)
        | Route::EditAnnualSection(..)
        | Route::QuarterlyReport(..)
        | Route::EditCommentary(..)
        | Route::EditCover(_) => "reports",
        Route::Dashboard(_) => "dashboard",
        Route::OpenFile => "workspaces",
        Route::Spreadsheets => "reports",
        Route::Share | Route::RedactedCopy => "share",
        Route::Assessment(_)
        | Route::AssessedIssue(..)
        | Route::Consultations
        | Route::Kiosk(_)
        | Route::StartKiosk(_)
        | Route::WorryWording(_)
        | Route::Workshops
        | Route::Workshop(_) => "assessment",
        Route::Indicators
        | Route::Indicator(_)
        | Route::IndicatorForm(_)
        | Route::DeleteIndicator(_)
        | Route::RecordValues(..) => "indicators",
        Route::Structure
        | Route::MemberForm(_)
        | Route::RemoveMember(_)
        | Route::SubGroupForm(_)
        | Route::RemoveSubGroup(_) => "plan",
        Route::Calendar | Route::NewEvent | Route::EditEvent(_) | Route::DeleteEvent(_) => "calendar",
        Route::Settings => "settings",
        Route::Workspaces | Route::NewWorkspace | Route::RenameWorkspace(_) | Route::DeleteWorkspace(_) => "workspaces",
        Route::CrashTest | Route::SpeedCheck | Route::NotFound => "",
    }
}

#[component]
fn NavItem(route: Route, label: &'static str) -> impl IntoView {
    let nav = use_navigation();
    let mine = section(&route);
    let active = move || nav.route.with(|r| section(r) == mine);
    view! {
        <li
            class="govuk-service-navigation__item"
            class:govuk-service-navigation__item--active=active
        >
            <a
                class="govuk-service-navigation__link"
                href=route.href()
                aria-current=move || active().then_some("page")
            >
                {label}
            </a>
        </li>
    }
}

/// The header in kiosk mode: the name only, with no links a resident
/// could follow into the plan.
#[component]
pub fn KioskHeader() -> impl IntoView {
    view! {
        <header class="govuk-generic-header">
            <div class="govuk-generic-header__container govuk-width-container">
                <div class="govuk-generic-header__logo">
                    <span class="govuk-generic-header__homepage-link">"Safer Plan"</span>
                </div>
            </div>
        </header>
    }
}

/// Demo label, and the quiet "saved" status line.
#[component]
pub fn StatusBar() -> impl IntoView {
    let session = use_session();
    let is_demo = move || session.open_entry().is_some_and(|e| e.is_demo);
    let status = move || match session.save_state.get() {
        SaveState::Saved => "All changes saved on this device",
        SaveState::Saving => "Saving…",
        SaveState::Failed(_) => "Changes not saved",
    };
    view! {
        <section class="govuk-phase-banner app-status-bar" aria-label="Partnership status">
            <p class="govuk-phase-banner__content">
                <Show when=is_demo>
                    <strong class="govuk-tag govuk-phase-banner__content__tag">"Demo"</strong>
                    <span class="govuk-phase-banner__text">{crate::demo::DEMO_NOTE}" "</span>
                </Show>
                <Show when=move || session.partnership_name.with(Option::is_some)>
                    <span class="govuk-phase-banner__text app-save-status" role="status">
                        {status}
                    </span>
                </Show>
                {move || {
                    session
                        .server_status
                        .get()
                        .map(|view| {
                            view! {
                                <span
                                    class="govuk-phase-banner__text app-server-status"
                                    role="status"
                                    id="server-status"
                                >
                                    {" "}
                                    {crate::doc::repo::status_text(&view.status, &view.host)}
                                </span>
                            }
                        })
                }}
            </p>
        </section>
    }
}

/// The banner shown when storage fails: the work is still in memory, and
/// the person can take a copy away before anything is lost.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let session = use_session();
    let device = use_device();
    let failure = move || match session.save_state.get() {
        SaveState::Failed(reason) => Some(reason),
        _ => device.storage_problem.get(),
    };
    let download_copy = move |_| {
        if let Some((name, bytes)) = session.export_bytes() {
            let stem = session.plan.with_untracked(|p| p.as_ref().map(|p| p.file_stem())).unwrap_or(name);
            let _ = download(&bytes, &format!("{stem}.automerge"), "application/octet-stream");
        }
    };
    let retry = move |_| {
        leptos::task::spawn_local(async move {
            let _ = session.persist().await;
        });
    };
    move || {
        failure().map(|reason| {
            let has_plan = session.partnership_name.with(Option::is_some);
            view! {
                <div
                    class="govuk-notification-banner app-banner--warning"
                    role="alert"
                    aria-labelledby="storage-banner-title"
                >
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="storage-banner-title">
                            "Important"
                        </h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">
                            "Your latest changes are not saved on this device"
                        </p>
                        <p class="govuk-body">{reason}</p>
                        <Show when=move || has_plan>
                            <p class="govuk-body">
                                "Your work is still open in this tab. Download a copy now so nothing is lost, then try saving again."
                            </p>
                            <div class="govuk-button-group">
                                <button type="button" class="govuk-button" on:click=download_copy>
                                    "Download a copy"
                                </button>
                                <button type="button" class="govuk-button govuk-button--secondary" on:click=retry>
                                    "Try saving again"
                                </button>
                            </div>
                        </Show>
                    </div>
                </div>
            }
        })
    }
}

/// The one-off green confirmation for the current page.
#[component]
pub fn FlashBanner() -> impl IntoView {
    let nav = use_navigation();
    move || {
        let current = nav.route.get();
        nav.flash
            .get()
            .filter(|f| f.route == current)
            .map(|f| view! { <super::components::SuccessBanner message=f.message /> })
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <h2 class="govuk-visually-hidden">"About this app"</h2>
                        <p class="govuk-body-s">
                            "Safer Plan keeps your partnership's plan in this browser, on this device. "
                            "Nothing is sent anywhere unless you export it yourself."
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// A reminder to download a backup, and the warning when the browser has
/// lost a workspace this device lists.
#[component]
pub fn KeepSafeBanner() -> impl IntoView {
    let session = use_session();
    let reminder = move || session.backup.with(|b| b.as_ref().and_then(|b| b.reminder(super::clock::now())));
    let download_backup = move |_| {
        let stem = session.plan.with_untracked(|p| p.as_ref().map(|p| p.file_stem()));
        if let (Some((_, bytes)), Some(stem)) = (session.export_bytes(), stem) {
            let name = format!("{stem}-backup-{}.automerge", super::clock::today().iso());
            match download(&bytes, &name, "application/octet-stream") {
                Ok(()) => session.mark_backed_up(),
                Err(e) => leptos::logging::error!("the backup could not be downloaded: {e}"),
            }
        }
    };
    view! {
        {move || {
            session
                .missing
                .get()
                .map(|entry| {
                    view! {
                        <div
                            class="govuk-notification-banner app-banner--warning"
                            role="alert"
                            aria-labelledby="missing-title"
                        >
                            <div class="govuk-notification-banner__header">
                                <h2 class="govuk-notification-banner__title" id="missing-title">
                                    "Important"
                                </h2>
                            </div>
                            <div class="govuk-notification-banner__content">
                                <p class="govuk-notification-banner__heading">
                                    {format!("{} is no longer stored in this browser", entry.name)}
                                </p>
                                <p class="govuk-body">
                                    "The browser may have cleared its data, for example after a week without a visit or to free space. "
                                    "If you or a partner has a file of it (a .saferplan or .automerge file, or a backup), restore it from that."
                                </p>
                                <a class="govuk-button" href=Route::Share.href()>
                                    "Restore from a file"
                                </a>
                            </div>
                        </div>
                    }
                })
        }}
        {move || {
            reminder()
                .map(|r| {
                    view! {
                        <div class="govuk-notification-banner" role="region" aria-labelledby="backup-title">
                            <div class="govuk-notification-banner__header">
                                <h2 class="govuk-notification-banner__title" id="backup-title">
                                    "Backup due"
                                </h2>
                            </div>
                            <div class="govuk-notification-banner__content">
                                <p class="govuk-notification-banner__heading">
                                    {format!("{}. Download a backup to keep your work safe.", r.describe())}
                                </p>
                                <p class="govuk-body">
                                    "Browsers can clear a website\u{2019}s data. A backup file on a shared drive lets you restore everything."
                                </p>
                                <button type="button" class="govuk-button" on:click=download_backup>
                                    "Download a backup"
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
    }
}
