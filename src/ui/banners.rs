//! The banners above every page: the demo label and "saved" status line,
//! storage trouble, the message an intent leaves ("Action added"), and the
//! reminders to keep a copy of the partnership safe.

use leptos::prelude::*;

use crate::nav::Route;

use super::download::download;
use crate::ui::device::use_device;
use crate::ui::navigation::use_navigation;
use crate::ui::session::{SaveState, use_session};

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
