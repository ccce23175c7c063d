//! Recording a dated progress update, with the status it leaves the action in.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::{FieldErrors, ProgressDraft, Status};
use crate::nav::Route;

use crate::ui::clock;
use crate::ui::components::{BackLink, ErrorSummary, Missing, Radios, TextArea, TextField, clear_errors, show_errors};
use crate::ui::navigation::use_navigation;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

#[component]
pub fn ProgressFormPage(id: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let found = session
        .plan
        .with_untracked(|p| p.as_ref().and_then(|p| p.action(&id)).map(|a| (a.label(), a.title.clone(), a.status())));
    let Some((label, title, current)) = found else {
        page_loaded("Action not found");
        return view! { <Missing what="action" /> }.into_any();
    };
    page_loaded(&format!("Add a progress update to {}", label.to_lowercase()));

    let date = RwSignal::new(clock::today().iso());
    let status = RwSignal::new(current.code().to_string());
    let narrative = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let saving = RwSignal::new(false);
    let options: Vec<(String, String)> =
        Status::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect();

    let action_id = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = ProgressDraft {
            date: date.get_untracked(),
            status: status.get_untracked(),
            narrative: narrative.get_untracked(),
        };
        let valid = match draft.validate(clock::today()) {
            Ok(v) => v,
            Err(found) => return show_errors(errors, found),
        };
        let target = action_id.clone();
        match session.apply(|ws, stamp| ws.add_progress(stamp, &target, valid)) {
            Ok(_) => {
                clear_errors(errors);
                saving.set(true);
                spawn_local(async move {
                    let saved = session.persist().await.is_ok();
                    saving.set(false);
                    let message =
                        if saved { "Progress update added" } else { "Update made, but not yet saved on this device" };
                    nav.go_with_flash(Route::Action(target), message);
                });
            }
            Err(e) => {
                let mut fe = FieldErrors::default();
                fe.add("narrative", e.to_string());
                show_errors(errors, fe);
            }
        }
    };

    view! {
        <BackLink route=Route::Action(id.clone()) />
        <ErrorSummary errors radios=&["status"] />
        <span class="govuk-caption-l">{format!("{label}: {title}")}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            "Add a progress update"
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField
                id="date"
                label="Date of the update"
                hint="The day the progress refers to"
                value=date
                errors
                input_type="date"
                class="govuk-input govuk-input--width-10"
            />
            <Radios id="status" legend="Status of the action" value=status errors options />
            <TextArea
                id="narrative"
                label="What has happened since the last update?"
                hint="Say what was done, by whom, and any numbers partners will ask about"
                value=narrative
                errors
                rows=8
            />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button" disabled=move || saving.get()>
                    "Save update"
                </button>
                <a class="govuk-link" href=Route::Action(id).href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
    .into_any()
}
