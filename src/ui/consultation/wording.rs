//! The organiser words the worries residents choose from, before a stall:
//! the plan's theme names are for partners, not residents.

use leptos::prelude::*;

use crate::model::FieldErrors;
use crate::model::consultation::{WordingDraft, worry_field};
use crate::nav::Route;
use crate::ui::components::{BackLink, ErrorSummary, Missing, apply_form};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

#[component]
pub fn WorryWordingPage(id: String) -> impl IntoView {
    let session = use_session();
    let found = session.plan.with_untracked(|p| {
        let q = p.as_ref()?.questionnaires.get(&id)?;
        Some((q.title.clone(), q.worries_question().map(WordingDraft::from_question)))
    });
    let Some((title, draft)) = found else {
        page_loaded("Questionnaire not found");
        return view! { <Missing what="questionnaire" /> }.into_any();
    };
    page_loaded("Word the worries residents see");
    let Some(draft) = draft else {
        return view! {
            <BackLink route=Route::Consultations />
            <span class="govuk-caption-l">{title}</span>
            <h1 class="govuk-heading-l" tabindex="-1">
                "Word the worries residents see"
            </h1>
            <p class="govuk-body">"This questionnaire does not ask residents which worries they have."</p>
        }
        .into_any();
    };
    let errors = RwSignal::new(FieldErrors::default());
    let fields: Vec<(String, RwSignal<String>)> =
        draft.0.into_iter().map(|(option, words)| (option, RwSignal::new(words))).collect();
    let typed = fields.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = WordingDraft(typed.iter().map(|(o, w)| (o.clone(), w.get_untracked())).collect());
        let first = worry_field(0);
        if apply_form(session, errors, first, |ws, stamp| ws.word_worries(stamp, &id, &draft)).is_some() {
            session.save_and_go(
                Route::Consultations,
                "Wording saved",
                "Wording changed, but not yet saved on this device",
            );
        }
    };
    view! {
        <BackLink route=Route::Consultations />
        <ErrorSummary errors />
        <span class="govuk-caption-l">{title}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            "Word the worries residents see"
        </h1>
        <p class="govuk-body">
            "Residents choose what worries them from the plan\u{2019}s priority themes. Write each one as a resident at a "
            "stall would say it. Answers are still counted under the theme, so the results and the strategic assessment "
            "do not change."
        </p>
        <form on:submit=save novalidate>
            {fields
                .into_iter()
                .enumerate()
                .map(|(i, (option, value))| {
                    let field = worry_field(i);
                    let error = move || errors.with(|e| e.get(field).map(str::to_string));
                    view! {
                        <div class="govuk-form-group" class:govuk-form-group--error=move || error().is_some()>
                        <label class="govuk-label govuk-label--s" for=field>{format!("Words for {option}")}</label>
                        <div class="govuk-hint" id=format!("{field}-hint")>"Leave blank to show the theme\u{2019}s name"</div>
                        {move || error().map(|message| view! {
                            <p id=format!("{field}-error") class="govuk-error-message">
                                <span class="govuk-visually-hidden">"Error: "</span>{message}
                            </p>
                        })}
                        <input
                            class="govuk-input"
                            class:govuk-input--error=move || error().is_some()
                            id=field
                            name=field
                            type="text"
                            spellcheck="true"
                            aria-describedby=move || if error().is_some() { format!("{field}-hint {field}-error") } else { format!("{field}-hint") }
                            bind:value=value
                        />
                    </div>
                    }
                })
                .collect_view()}
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">
                    "Save wording"
                </button>
                <a class="govuk-link" href=Route::Consultations.href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
    .into_any()
}
