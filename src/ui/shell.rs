//! Hands the page over from the static first paint in `index.html` to the
//! app.
//!
//! `index.html` paints the frame and the start page (or, for a device that
//! already keeps a partnership, a plain "Opening Safer Plan" frame) before
//! the wasm has downloaded, so a first visit on a slow connection sees the
//! page in about a second instead of after the whole app arrives. The app
//! mounts behind it (a rule in `style/_app.scss` hides everything after
//! `#app-shell`), and once it has opened this device's storage and drawn
//! its first page, the shell is removed in the same frame: nothing moves and
//! no second, larger page appears. `tests/e2e/first-paint.spec.ts` fails if
//! the shell's words or layout drift from the app's start page.
//!
//! Nothing on the shell is dead. Its links only change the address, which
//! the app opens when it starts. "Explore the demo partnership" needs the
//! app, so the shell's script marks the choice (`data-chosen="demo"` on
//! `#app-shell`) and shows "Opening Safer Plan"; the app then makes the demo
//! as the start page's button would, and hands over once the demo is open.

use leptos::prelude::*;

use crate::nav::Route;

use crate::ui::device::Device;
use crate::ui::navigation::Navigation;
use crate::ui::session::Session;

/// The id of the element in `index.html` that holds the static first paint.
const SHELL_ID: &str = "app-shell";

/// The attribute the shell's script sets when the demo was chosen before
/// the app arrived, and its value.
const CHOSEN: (&str, &str) = ("data-chosen", "demo");

/// What the start page says once the demo is made (`workspaces.rs` says the same).
const DEMO_READY: &str = "The demo partnership is ready to explore";

/// Removes the static first paint once the app has opened storage and
/// chosen its first page (`Session::ready`), or, when the demo was chosen on
/// the shell, once the demo is open. The page's own render and this effect
/// run in the same microtask queue, before the browser paints again, so the
/// shell and the app are never both visible and never both missing.
pub fn hand_over_when_ready(session: Session, nav: Navigation, device: Device) {
    let demo_started = StoredValue::new(false);
    let demo_failed = RwSignal::new(false);
    Effect::new(move |_| {
        if !session.ready.get() {
            return;
        }
        if !demo_started.get_value() && !chose_demo() {
            remove_shell();
            return;
        }
        if !demo_started.get_value() {
            demo_started.set_value(true);
            leptos::task::spawn_local(async move {
                match session.create_demo().await {
                    Ok(()) => nav.go_with_flash(Route::Plan, DEMO_READY),
                    Err(e) => {
                        // The start page is shown again, with the reason, so the person can retry.
                        device.storage_problem.set(Some(e));
                        demo_failed.set(true);
                    }
                }
            });
        }
        let demo_open = nav.route.get() == Route::Plan && session.plan.with(|p| p.is_some());
        if demo_open || demo_failed.get() {
            remove_shell();
        }
    });
}

fn shell() -> Option<web_sys::Element> {
    document().get_element_by_id(SHELL_ID)
}

fn chose_demo() -> bool {
    shell().and_then(|s| s.get_attribute(CHOSEN.0)).as_deref() == Some(CHOSEN.1)
}

fn remove_shell() {
    if let Some(shell) = shell() {
        shell.remove();
    }
}
