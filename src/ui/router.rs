//! Hash routing glue: reads `location.hash` into the route signal it is
//! given and moves focus to the new page's heading, as screen-reader users
//! expect after a page change in a single-page app. It knows no app state:
//! `navigation` owns the route and calls down into this file.

use leptos::prelude::*;

use crate::nav::Route;

fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

pub fn current_route() -> Route {
    Route::parse(&hash())
}

/// Puts `route` in the address bar, which then tells `listen`. Returns
/// false when the address already names it: the browser then fires no
/// event, and the caller re-announces the page itself.
pub fn set_address(route: &Route) -> bool {
    let href = route.href();
    if hash() == href {
        return false;
    }
    let _ = window().location().set_hash(&href);
    true
}

/// Keeps `route` in step with the address bar.
pub fn listen(route: RwSignal<Route>) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let h = hash();
        if Route::is_route_hash(&h) {
            route.set(Route::parse(&h));
        }
    });
    // The app's root lives as long as the page.
    std::mem::forget(handle);
}

/// Sets the tab title and puts focus on the page's main heading.
pub fn page_loaded(title: &str) {
    document().set_title(&format!("{title} – Safer Plan"));
    request_animation_frame(|| {
        if let Some(h1) = document().query_selector("main h1").ok().flatten() {
            use wasm_bindgen::JsCast;
            if let Ok(h1) = h1.dyn_into::<web_sys::HtmlElement>() {
                let _ = h1.focus();
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}

/// Focuses an element by id: error-summary links and the skip link use this
/// instead of `#id` fragments, which would change the route.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id)
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}
