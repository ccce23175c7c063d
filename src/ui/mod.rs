//! The Leptos user interface (browser only), one module per area of work.
//!
//! Components render and dispatch; they read the open partnership through
//! `session::Session` and change it only via `Session::apply` (one
//! `Workspace` intent) followed by `Session::persist`. The page shown is in
//! `navigation::Navigation`, and this device's person, list and storage in
//! `device::Device`: each component asks only for the context it reads.

mod actions;
mod app;
mod assessment;
mod banners;
mod calendar;
mod clock;
mod components;
mod conflicts;
mod consultation;
mod dashboard;
mod device;
mod download;
mod file_worker;
mod history;
mod indicators;
mod layout;
mod lazy_pages;
mod live;
mod navigation;
mod offline;
mod paint;
mod panic;
mod persistence;
mod plan;
mod plan_form;
mod plan_reader;
mod reports;
mod router;
mod server_join;
mod server_settings;
mod server_sync;
mod session;
mod settings;
mod share;
mod shell;
mod speed_check;
mod spreadsheets;
mod structure;
mod theme_form;
mod undo_import;
mod workshop;
mod workspaces;

/// Mounts the app on the page.
pub fn start() {
    panic::install();
    if let Some(body) = leptos::prelude::document().body() {
        // GOV.UK Frontend styles some components differently once JavaScript runs.
        let _ = body.class_list().add_1("govuk-frontend-supported");
    }
    leptos::mount::mount_to_body(app::App);
}
