//! Making a redacted copy: choose themes and what to remove, then download
//! a fresh document built from the filtered plan.

use leptos::prelude::*;

use crate::exchange::redact::{Redaction, redacted_file};
use crate::model::FieldErrors;
use crate::nav::Route;
use crate::ui::components::{BackLink, CheckboxGroup, ErrorSummary, show_errors};
use crate::ui::device::use_device;
use crate::ui::download::download;
use crate::ui::router::{focus_id, page_loaded};
use crate::ui::session::use_session;

const ALL: &str = "all";

#[component]
pub fn RedactedCopyPage() -> impl IntoView {
    let session = use_session();
    let device = use_device();
    page_loaded("Make a redacted copy");
    let themes = RwSignal::new(Vec::<String>::new());
    let parts = RwSignal::new(vec!["progress".to_string()]);
    let errors = RwSignal::new(FieldErrors::default());
    let done = RwSignal::new(None::<String>);

    let theme_options = move || {
        let mut options: Vec<(String, String)> = session.plan.with_untracked(|p| {
            p.as_ref()
                .map(|p| p.themes_in_order().iter().map(|t| (t.id.clone(), t.name.clone())).collect())
                .unwrap_or_default()
        });
        options.push((ALL.to_string(), "Every theme, and actions with no theme".to_string()));
        options
    };

    let make = move |_| {
        let chosen = themes.get_untracked();
        let what = parts.get_untracked();
        let has = |p: &str| what.iter().any(|w| w == p);
        let redaction = Redaction {
            all_themes: chosen.iter().any(|t| t == ALL),
            themes: chosen.iter().filter(|t| *t != ALL).cloned().collect(),
            progress: has("progress"),
            descriptions: has("descriptions"),
            commentary: has("commentary"),
            people: has("people"),
        };
        let mut found = FieldErrors::default();
        if chosen.is_empty() {
            found.add("themes", "Choose at least one theme whose text to remove");
        }
        if what.is_empty() {
            found.add("parts", "Choose what to remove");
        }
        if !found.is_empty() || redaction.is_empty() {
            show_errors(errors, found);
            return;
        }
        errors.set(FieldErrors::default());
        let Some(stamp) = device.stamp() else {
            let mut e = FieldErrors::default();
            e.add("themes", "Add your name and organisation in Settings first");
            show_errors(errors, e);
            return;
        };
        let made =
            session.plan.with_untracked(|p| p.as_ref().map(|p| (redacted_file(p, &redaction, &stamp), p.file_stem())));
        let Some((bytes, stem)) = made else { return };
        let name = format!("{stem}-redacted.automerge");
        match download(&bytes, &name, "application/octet-stream") {
            Ok(()) => {
                done.set(Some(name));
                focus_id("redacted-done");
            }
            Err(e) => {
                let mut e2 = FieldErrors::default();
                e2.add("themes", format!("The file could not be downloaded: {e}"));
                show_errors(errors, e2);
            }
        }
    };

    view! {
        <BackLink route=Route::Share text="Back to Share" />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Make a redacted copy"
        </h1>
        <p class="govuk-body">
            "The copy is a new document made from the plan as it is now, with the text you choose replaced by \u{201c}[Removed before sharing]\u{201d}. "
            "It keeps no history, so nothing removed can be recovered from it, and it cannot be merged back into the partnership."
        </p>
        <ErrorSummary errors />
        <CheckboxGroup id="themes" legend="Remove text from these themes" value=themes errors options=theme_options() />
        <CheckboxGroup
            id="parts"
            legend="What to remove"
            value=parts
            errors
            options=vec![
                ("progress".into(), "Progress update notes".into()),
                ("descriptions".into(), "Action descriptions".into()),
                ("commentary".into(), "Theme leads\u{2019} quarterly commentary".into()),
                ("people".into(), "Names of people who wrote updates (organisations stay)".into()),
            ]
        />
        <button type="button" class="govuk-button" on:click=make>
            "Download redacted copy"
        </button>
        <div id="redacted-done" tabindex="-1">
            {move || {
                done.get()
                    .map(|name| {
                        view! {
                            <div class="govuk-inset-text">
                                {format!(
                                    "Downloaded {name}. Check it before sending: open it in Safer Plan on the Share page to see exactly what it holds.",
                                )}
                            </div>
                        }
                    })
            }}
        </div>
    }
}
