//! Getting into kiosk mode and out of it again: the organiser starts it
//! with an optional PIN, and "Leave kiosk mode" then asks for the PIN, or,
//! with none, a 3-second press and a confirmation. Leaving returns to the
//! organiser's results. The rules are [`KioskLock`]'s.

use std::time::Duration;

use leptos::prelude::*;

use crate::model::FieldErrors;
use crate::model::kiosk::{HOLD_TO_LEAVE_MS, KioskLock};
use crate::nav::Route;
use crate::storage::kiosk::{clear_kiosk_lock, kiosk_lock, set_kiosk_lock};
use crate::ui::components::{BackLink, ErrorSummary, Missing, TextField, show_errors};
use crate::ui::navigation::{Navigation, use_navigation};
use crate::ui::router::{focus_id, page_loaded};
use crate::ui::session::use_session;

/// The error summary's title over what a questionnaire still needs before
/// residents can answer it ([`crate::model::consultation::Questionnaire::kiosk_problem`]).
pub const NOT_READY: &str = "This questionnaire is not ready for residents yet";

#[component]
pub fn StartKioskPage(id: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let found = session.plan.with_untracked(|p| {
        p.as_ref().and_then(|p| p.questionnaires.get(&id)).map(|q| (q.title.clone(), q.kiosk_problem()))
    });
    let Some((title, problem)) = found else {
        page_loaded("Questionnaire not found");
        return view! { <Missing what="questionnaire" /> }.into_any();
    };
    page_loaded("Start kiosk mode");
    let pin = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let wording = Route::WorryWording(id.clone());
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match KioskLock::start(&id, &pin.get_untracked()) {
            Ok(lock) => match set_kiosk_lock(&lock) {
                Ok(()) => nav.go(&Route::Kiosk(id.clone())),
                Err(e) => {
                    let mut found = FieldErrors::default();
                    found.add("pin", format!("This browser would not keep the tablet in kiosk mode ({e}). Try a window that is not private"));
                    show_errors(errors, found);
                }
            },
            Err(found) => show_errors(errors, found),
        }
    };
    view! {
        <BackLink route=Route::Consultations />
        // A questionnaire that is not ready has no form, so the summary
        // says one or the other.
        <ErrorSummary
            errors
            message=problem.map(str::to_string)
            title=if problem.is_some() { NOT_READY } else { "There is a problem" }
        />
        <span class="govuk-caption-l">{title}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            "Start kiosk mode"
        </h1>
        {problem
            .is_none()
            .then(|| {
                view! {
                    <p class="govuk-body">
                        "Residents answer on this tablet one after another. The menu is hidden, and the tablet stays on the "
                        "questionnaire until you leave kiosk mode, even if someone presses back."
                    </p>
                    <p class="govuk-body">
                        "Before you start, check the " <a class="govuk-link" href=wording.href()>
                            "words residents see for each worry"
                        </a> "."
                    </p>
                    <form on:submit=start novalidate>
                        <TextField
                            id="pin"
                            label="PIN to leave kiosk mode (optional)"
                            hint="4 to 8 numbers, which you will need to leave kiosk mode. Leave it blank to leave by pressing and holding \u{201c}Leave kiosk mode\u{201d} for 3 seconds instead. If you forget the PIN, close this browser tab"
                            value=pin
                            errors
                            input_type="password"
                            autocomplete="off"
                            class="govuk-input govuk-input--width-10"
                        />
                        <button type="submit" class="govuk-button">
                            "Start kiosk mode"
                        </button>
                    </form>
                }
            })}
    }
    .into_any()
}

/// Leaves kiosk mode for the organiser's results page.
fn leave(nav: Navigation) {
    clear_kiosk_lock();
    nav.go_with_flash(Route::Consultations, "You have left kiosk mode");
}

/// Focuses an element once the step that shows it has been drawn.
fn focus_when_drawn(id: &'static str) {
    request_animation_frame(move || focus_id(id));
}

/// What leaving asks for, on the resident's screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Only the "Leave kiosk mode" button.
    Closed,
    /// The PIN form.
    Pin,
    /// Held long enough: "are you sure?".
    Confirm,
}

/// "Leave kiosk mode" at the foot of the kiosk: the PIN form when the
/// organiser set one, else press-and-hold then confirm.
#[component]
pub fn LeaveKiosk() -> impl IntoView {
    let nav = use_navigation();
    let lock = kiosk_lock();
    let has_pin = lock.as_ref().is_some_and(KioskLock::has_pin);
    let step = RwSignal::new(Step::Closed);
    let typed = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let allowed = lock.as_ref().map_or(Ok(()), |l| l.check_leave(&typed.get_untracked()));
        match allowed {
            Ok(()) => leave(nav),
            Err(e) => {
                typed.set(String::new());
                let mut found = FieldErrors::default();
                found.add("leave-pin", e.to_string());
                errors.set(found);
                focus_when_drawn("leave-pin");
            }
        }
    };
    let cancel = move |_| {
        step.set(Step::Closed);
        typed.set(String::new());
        errors.set(FieldErrors::default());
    };
    move || match step.get() {
        Step::Closed if has_pin => view! {
            <button
                type="button"
                class="govuk-button govuk-button--secondary app-kiosk__button"
                on:click=move |_| {
                    step.set(Step::Pin);
                    focus_when_drawn("leave-pin");
                }
            >
                "Leave kiosk mode"
            </button>
        }
        .into_any(),
        Step::Closed => view! {
            <HoldToLeave on_held=move || {
                step.set(Step::Confirm);
                focus_when_drawn("leave-confirm");
            } />
        }
        .into_any(),
        Step::Pin => view! {
            <form on:submit=check.clone() novalidate class="app-kiosk__leave">
                <TextField
                    id="leave-pin"
                    label="Organiser\u{2019}s PIN"
                    value=typed
                    errors
                    input_type="password"
                    autocomplete="off"
                    class="govuk-input govuk-input--width-10"
                />
                <div class="govuk-button-group">
                    <button type="submit" class="govuk-button app-kiosk__button">
                        "Leave kiosk mode"
                    </button>
                    <button
                        type="button"
                        class="govuk-button govuk-button--secondary app-kiosk__button"
                        on:click=cancel
                    >
                        "Stay in kiosk mode"
                    </button>
                </div>
            </form>
        }
        .into_any(),
        Step::Confirm => view! {
            <div class="govuk-warning-text app-kiosk__leave">
                <h2 class="govuk-heading-m" id="leave-confirm" tabindex="-1">
                    "Leave kiosk mode?"
                </h2>
                <p class="govuk-body">"Residents cannot answer until you start kiosk mode again."</p>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button app-kiosk__button" on:click=move |_| leave(nav)>
                        "Yes, leave kiosk mode"
                    </button>
                    <button
                        type="button"
                        class="govuk-button govuk-button--secondary app-kiosk__button"
                        on:click=cancel
                    >
                        "No, stay in kiosk mode"
                    </button>
                </div>
            </div>
        }
        .into_any(),
    }
}

/// A button that acts only when pressed for [`HOLD_TO_LEAVE_MS`], by
/// finger, mouse or keyboard (holding Enter or Space). A tap only says how.
#[component]
fn HoldToLeave(on_held: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let holding = RwSignal::new(false);
    let tapped = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        holding.set(false);
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let begin = move || {
        if holding.get_untracked() {
            return;
        }
        holding.set(true);
        tapped.set(false);
        let done = move || {
            timer.set_value(None);
            holding.set(false);
            on_held();
        };
        if let Ok(handle) = set_timeout_with_handle(done, Duration::from_millis(u64::from(HOLD_TO_LEAVE_MS))) {
            timer.set_value(Some(handle));
        }
    };
    on_cleanup(stop);
    let is_hold_key = |ev: &leptos::ev::KeyboardEvent| matches!(ev.key().as_str(), "Enter" | " ");
    view! {
        <p class="govuk-body" id="leave-hint">
            "Organiser: press and hold for 3 seconds to leave kiosk mode."
        </p>
        <button
            type="button"
            class="govuk-button govuk-button--secondary app-kiosk__button app-kiosk__hold"
            aria-describedby="leave-hint leave-status"
            on:pointerdown=move |ev| {
                ev.prevent_default();
                begin();
            }
            on:pointerup=move |_| {
                if holding.get_untracked() {
                    tapped.set(true);
                }
                stop();
            }
            on:pointerleave=move |_| stop()
            on:pointercancel=move |_| stop()
            on:contextmenu=|ev| ev.prevent_default()
            on:keydown=move |ev| {
                if is_hold_key(&ev) {
                    ev.prevent_default();
                    if !ev.repeat() {
                        begin();
                    }
                }
            }
            on:keyup=move |ev| {
                if is_hold_key(&ev) {
                    if holding.get_untracked() {
                        tapped.set(true);
                    }
                    stop();
                }
            }
            on:click=move |_| {
                if !holding.get_untracked() {
                    tapped.set(true);
                }
            }
        >
            "Leave kiosk mode"
        </button>
        <p class="govuk-body" id="leave-status" aria-live="polite">
            {move || {
                if holding.get() {
                    "Keep holding\u{2026}"
                } else if tapped.get() {
                    "Keep pressing for 3 seconds to leave."
                } else {
                    ""
                }
            }}
        </p>
    }
}
