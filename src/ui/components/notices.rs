//! GOV.UK pieces that tell the person something rather than ask: status
//! tags, the back link, warning text, the success banner and the page for an
//! item that no longer exists.

use leptos::prelude::*;

use crate::model::Status;
use crate::nav::Route;

/// A coloured status tag.
#[component]
pub fn StatusTag(status: Status) -> impl IntoView {
    let colour = match status {
        Status::NotStarted => "govuk-tag govuk-tag--grey",
        Status::OnTrack => "govuk-tag govuk-tag--green",
        Status::AtRisk => "govuk-tag govuk-tag--yellow",
        Status::OffTrack => "govuk-tag govuk-tag--red",
        Status::Complete => "govuk-tag govuk-tag--blue",
    };
    view! { <strong class=colour>{status.label()}</strong> }
}

#[component]
pub fn BackLink(route: Route, #[prop(default = "Back")] text: &'static str) -> impl IntoView {
    view! {
        <a href=route.href() class="govuk-back-link">
            {text}
        </a>
    }
}

/// GOV.UK warning text: the "!" icon and `children` in bold, read out as
/// "Warning" first, for what cannot be undone or must not be missed.
#[component]
pub fn WarningText(children: Children) -> impl IntoView {
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
                "!"
            </span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">"Warning"</span>
                {children()}
            </strong>
        </div>
    }
}

/// The green "success" banner.
#[component]
pub fn SuccessBanner(message: String) -> impl IntoView {
    view! {
        <div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="success-banner-title"
        >
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="success-banner-title">
                    "Success"
                </h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{message}</p>
            </div>
        </div>
    }
}

/// What a page shows when the item in its address no longer exists.
#[component]
pub fn Missing(what: &'static str) -> impl IntoView {
    let mut title = what.to_string();
    if let Some(first) = title.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    crate::ui::router::page_loaded(&format!("{title} not found"));
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">
            {format!("That {what} cannot be found")}
        </h1>
        <p class="govuk-body">
            "It may have been deleted, or the link may be wrong. " <a class="govuk-link" href=Route::Plan.href()>
                "Go to the plan overview"
            </a> "."
        </p>
    }
}
