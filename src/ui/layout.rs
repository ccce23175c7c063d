//! The frame around every page: skip link, header with the service
//! navigation, and the footer (the banners between them: `banners`).

use leptos::prelude::*;

use crate::nav::Route;

use super::router::focus_id;
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

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
