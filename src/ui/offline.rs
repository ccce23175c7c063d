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
///
/// Waits for the page's `load` event and then for the browser to be idle
/// (at most [`IDLE_WAIT_MS`]): installing downloads every file of the build,
/// about 950 KB brotli that the page itself does not need (the file worker,
/// the QR reader, icons), so on a slow connection it must not compete with
/// the app's own first render.
pub fn register(update_ready: RwSignal<bool>) {
    when_loaded_and_idle(move || start_worker(update_ready));
}

/// The longest wait for an idle moment before registering anyway, in
/// milliseconds; also the delay where the browser has no
/// `requestIdleCallback` (Safari).
const IDLE_WAIT_MS: i32 = 3_000;

/// Runs `then` once the document has loaded and the main thread is idle.
fn when_loaded_and_idle(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let idle = Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else { return };
        let then = Closure::once_into_js(then);
        let request_idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_WAIT_MS.into());
        let queued = request_idle.is_some_and(|f| f.call2(&window, &then, &options).is_ok());
        if !queued {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(then.unchecked_ref(), IDLE_WAIT_MS);
        }
    });
    let loaded = window.document().is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        let _ = idle.unchecked_ref::<js_sys::Function>().call0(&window);
    } else {
        // `load` fires once, so the one-shot closure is called at most once.
        let _ = window.add_event_listener_with_callback("load", idle.unchecked_ref());
    }
}

fn start_worker(update_ready: RwSignal<bool>) {
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
                        <h2 class="govuk-notification-banner__title" id="update-title">
                            "Update"
                        </h2>
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
