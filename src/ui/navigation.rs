//! Where the person is: the page the address names, and the one-off
//! confirmation a finished intent leaves on the page it goes to.
//!
//! This is its own context because it depends on nothing else in the app:
//! the frame, the section menu and every page that changes page read it,
//! while the open workspace (`session`) and this device's settings
//! (`device`) are none of its business. `router` is the browser glue
//! underneath (the address bar, focus after a page change); it is handed
//! the route signal and never reaches back here.

use leptos::prelude::*;

use crate::nav::Route;

use super::router;

/// A one-off confirmation shown on the page it was set for.
#[derive(Debug, Clone, PartialEq)]
pub struct Flash {
    pub route: Route,
    pub message: String,
}

/// The page shown and the confirmation waiting for it. `Copy`, like a
/// signal.
#[derive(Clone, Copy)]
pub struct Navigation {
    /// The page the address bar names, kept in step with it by
    /// `router::listen`.
    pub route: RwSignal<Route>,
    /// Shown on `Flash::route` only, so it disappears once the person moves on.
    pub flash: RwSignal<Option<Flash>>,
}

/// Makes [`Navigation`] available to every component below, starting at
/// the page the address bar names.
pub fn provide_navigation() -> Navigation {
    let nav = Navigation { route: RwSignal::new(router::current_route()), flash: RwSignal::new(None) };
    router::listen(nav.route);
    provide_context(nav);
    nav
}

/// The [`Navigation`] provided by the app's root.
pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}

impl Navigation {
    /// Goes to `route`. Going to the page already shown (a form sent
    /// again) still re-announces it, so focus and the title follow.
    pub fn go(&self, route: &Route) {
        if !router::set_address(route) {
            self.route.set(route.clone());
        }
    }

    /// Shows `message` as a confirmation on `route`, then goes there.
    pub fn go_with_flash(&self, route: Route, message: impl Into<String>) {
        self.flash.set(Some(Flash { route: route.clone(), message: message.into() }));
        self.go(&route);
    }
}
