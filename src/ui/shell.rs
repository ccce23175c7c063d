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

use leptos::prelude::*;

/// The id of the element in `index.html` that holds the static first paint.
const SHELL_ID: &str = "app-shell";

/// Removes the static first paint once `ready` is true: the app has opened
/// storage and chosen its first page. The page's own render and this run in
/// the same microtask queue, before the browser paints again, so the shell
/// and the app are never both visible and never both missing.
pub fn hand_over_when(ready: RwSignal<bool>) {
    Effect::new(move |_| {
        if ready.get() {
            remove_shell();
        }
    });
}

fn remove_shell() {
    if let Some(shell) = document().get_element_by_id(SHELL_ID) {
        shell.remove();
    }
}
