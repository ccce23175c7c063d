//! The service worker (`public/sw.js`) that makes the app load with no
//! network after one visit, and the "new version available" notice: a new
//! build installs in the background and takes over only when the person
//! chooses to reload, so an open form is never swapped out from under them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Browsers without service workers (or private modes that block them)
    // simply stay online-only.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into()).ok()?.then(|| navigator.service_worker())
}

/// Registers the worker and sets `update_ready` when a new version waits.
pub fn register(update_ready: RwSignal<bool>) {
    let Some(container) = container() else { return };
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("sw.js")).await else { return };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        // Only an update counts: the first install has nothing to replace.
        let has_controller = move || container_controls();
        if registration.waiting().is_some() && has_controller() {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    });
}

fn container_controls() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Asks the waiting version to take over, then reloads into it.
pub fn reload_into_new_version() {
    let Some(container) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else { return };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&"take-over".into());
            }
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        }
    });
}

/// "A new version of Safer Plan is available — reload".
#[component]
pub fn UpdateBanner(update_ready: RwSignal<bool>) -> impl IntoView {
    move || {
        update_ready.get().then(|| {
            view! {
                <div class="govuk-notification-banner" role="region" aria-labelledby="update-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="update-title">"Update"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">"A new version of Safer Plan is available."</p>
                        <p class="govuk-body">"Your work is saved. Reload to start using the new version."</p>
                        <button type="button" class="govuk-button" on:click=move |_| reload_into_new_version()>
                            "Reload to update"
                        </button>
                    </div>
                </div>
            }
        })
    }
}
