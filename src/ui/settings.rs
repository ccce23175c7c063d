//! Settings: who is using this device, remembered in localStorage and
//! recorded on every change they make.

use leptos::prelude::*;

use crate::model::{Author, FieldErrors};
use crate::nav::Route;
use crate::storage::settings as stored;

use super::components::{ErrorSummary, TextField, clear_errors, show_errors};
use super::router::page_loaded;
use crate::ui::device::use_device;
use crate::ui::navigation::use_navigation;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let nav = use_navigation();
    let device = use_device();
    page_loaded("Settings");
    let current = device.identity.get_untracked();
    let name = RwSignal::new(current.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let organisation = RwSignal::new(current.map(|a| a.organisation).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::default());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Author::validate(&name.get_untracked(), &organisation.get_untracked()) {
            Err(found) => show_errors(errors, found),
            Ok(author) => match stored::set_identity(&author) {
                Ok(()) => {
                    clear_errors(errors);
                    device.identity.set(Some(author));
                    nav.go_with_flash(Route::Settings, "Your details have been saved on this device");
                }
                Err(e) => {
                    let mut fe = FieldErrors::default();
                    fe.add("name", format!("Your details could not be saved on this device: {e}"));
                    show_errors(errors, fe);
                }
            },
        }
    };

    view! {
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Settings"
        </h1>
        <h2 class="govuk-heading-m">"Your details"</h2>
        <p class="govuk-body">
            "Your name and organisation are recorded with every change you make, so partners can see who did what. "
            "They are kept on this device and shared only in files you export."
        </p>
        <form on:submit=submit novalidate>
            <TextField
                id="name"
                label="Your name"
                value=name
                errors
                autocomplete="name"
                class="govuk-input govuk-!-width-two-thirds"
            />
            <TextField
                id="organisation"
                label="Your organisation"
                hint="For example, Luton Council, Bedfordshire Police or Bedfordshire Fire and Rescue Service"
                value=organisation
                errors
                autocomplete="organization"
                class="govuk-input govuk-!-width-two-thirds"
            />
            <button type="submit" class="govuk-button">
                "Save your details"
            </button>
        </form>
        <h2 class="govuk-heading-m">"Keeping your data"</h2>
        <p class="govuk-body" id="persistence">
            {move || match device.persisted.get() {
                Some(true) => "This browser has agreed to keep Safer Plan\u{2019}s data until you delete it.",
                Some(false) => {
                    "This browser may clear Safer Plan\u{2019}s data if the device runs short of space, or (in Safari) after seven days without a visit. Download a backup from the Share page regularly."
                }
                None => "Safer Plan asks the browser to keep its data when you first create or open a partnership.",
            }}
        </p>
        <button
            type="button"
            class="govuk-button govuk-button--secondary"
            on:click=move |_| leptos::task::spawn_local(device.request_persistence())
        >
            "Ask the browser to keep Safer Plan\u{2019}s data"
        </button>
        <super::server_settings::ServerSyncSection />
    }
}
