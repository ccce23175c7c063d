//! The form for a report note: the words people write into a report (a
//! section of the annual overview, a theme lead's quarterly commentary),
//! kept in the document's `report_notes` under a key such as
//! `annual/2019-20/successes` or `quarterly/<theme>/2019-20-Q3`.

use leptos::prelude::*;

use crate::model::FieldErrors;
use crate::nav::Route;
use crate::ui::components::{BackLink, ErrorSummary, TextArea, show_errors};
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

/// What a report note's page says around its one text box.
pub struct NoteWording {
    /// Above the heading: which report ("Annual overview 2019-20").
    pub caption: String,
    /// The page's heading, the note's name ("Theme lead's commentary").
    pub heading: String,
    /// The text box's label and hint.
    pub field: &'static str,
    pub hint: &'static str,
    /// The button ("Save section") and what the next page says once it is
    /// stored ("Section saved").
    pub save: &'static str,
    pub saved: &'static str,
}

/// One text box for the note at `note`, saved by `write_report_note` as one
/// change described as `describe` ("commentary for Safer Streets Q3
/// 2019-20"), then back to `back`, the report it belongs to.
#[component]
pub fn ReportNoteForm(note: String, describe: String, back: Route, wording: NoteWording) -> impl IntoView {
    let session = use_session();
    let current =
        session.plan.with_untracked(|p| p.as_ref().map(|p| p.report_note(&note).to_string())).unwrap_or_default();
    let text = RwSignal::new(current);
    let errors = RwSignal::new(FieldErrors::default());
    let NoteWording { caption, heading, field, hint, save, saved } = wording;
    let done = back.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match session.apply(|ws, stamp| ws.write_report_note(stamp, &note, &describe, &text.get_untracked())) {
            Ok(()) => session.save_and_go(done.clone(), saved, "Change made, but not yet saved on this device"),
            Err(e) => {
                let mut found = FieldErrors::default();
                found.add("text", e.to_string());
                show_errors(errors, found);
            }
        }
    };
    view! {
        <BackLink route=back.clone() />
        <ErrorSummary errors />
        <span class="govuk-caption-l">{caption}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextArea id="text" label=field hint=hint value=text errors rows=10 />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">
                    {save}
                </button>
                <a class="govuk-link" href=back.href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
}
