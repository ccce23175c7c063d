//! GOV.UK Design System patterns as Leptos components: form fields with their
//! error messages, the error summary (`error_summary`), tables and summary
//! lists (`table`), and status tags, banners and warnings (`notices`).

mod error_summary;
mod notices;
mod period;
mod table;

use leptos::prelude::*;

use crate::doc::{FormError, Stamp, Workspace};
use crate::model::FieldErrors;
use crate::ui::session::Session;

pub use error_summary::{ErrorSummary, clear_errors, show_errors};
pub use notices::{BackLink, Missing, StatusTag, SuccessBanner, WarningText};
pub use period::ThemeQuarterPicker;
pub use table::{CaptionSize, EditRemoveCell, ShowMore, SummaryRow, Table};

/// `aria-describedby` for a field: its hint and, when present, its error.
fn described_by(id: &'static str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
fn ErrorMessage(id: &'static str, errors: RwSignal<FieldErrors>) -> impl IntoView {
    move || {
        errors.with(|e| e.get(id).map(str::to_string)).map(|message| {
            view! {
                <p id=format!("{id}-error") class="govuk-error-message">
                    <span class="govuk-visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

#[component]
fn Hint(id: &'static str, hint: Option<&'static str>) -> impl IntoView {
    hint.map(|h| {
        view! {
            <div id=format!("{id}-hint") class="govuk-hint">
                {h}
            </div>
        }
    })
}

/// A single-line text input with label, hint and error message.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "govuk-input")] class: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let has_error = move || errors.with(|e| e.get(id).is_some());
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=has_error>
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            <Hint id hint />
            <ErrorMessage id errors />
            <input
                class=class
                class:govuk-input--error=has_error
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                spellcheck=if input_type == "text" { Some("true") } else { None }
                aria-describedby=move || described_by(id, hint.is_some(), has_error())
                bind:value=value
            />
        </div>
    }
}

/// A multi-line text box.
#[component]
pub fn TextArea(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = 5)] rows: u32,
) -> impl IntoView {
    let has_error = move || errors.with(|e| e.get(id).is_some());
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=has_error>
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            <Hint id hint />
            <ErrorMessage id errors />
            <textarea
                class="govuk-textarea"
                class:govuk-textarea--error=has_error
                id=id
                name=id
                rows=rows
                aria-describedby=move || described_by(id, hint.is_some(), has_error())
                bind:value=value
            ></textarea>
        </div>
    }
}

/// A drop-down list of `(value, label)` options.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let has_error = move || errors.with(|e| e.get(id).is_some());
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=has_error>
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            <Hint id hint />
            <ErrorMessage id errors />
            <select
                class="govuk-select"
                class:govuk-select--error=has_error
                id=id
                name=id
                aria-describedby=move || described_by(id, hint.is_some(), has_error())
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let selected_value = v.clone();
                        view! {
                            <option value=v selected=move || value.with(|cur| *cur == selected_value)>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A single yes/no choice, as a GOV.UK checkbox.
#[component]
pub fn Checkbox(
    id: &'static str,
    label: &'static str,
    value: RwSignal<bool>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id=id
                        name=id
                        type="checkbox"
                        aria-describedby=hint.map(|_| hint_id.clone())
                        bind:checked=value
                    />
                    <label class="govuk-label govuk-checkboxes__label" for=id>
                        {label}
                    </label>
                    {hint
                        .map(|h| {
                            view! {
                                <div id=hint_id.clone() class="govuk-hint govuk-checkboxes__hint">
                                    {h}
                                </div>
                            }
                        })}
                </div>
            </div>
        </div>
    }
}

/// The id of the `n`th input in a set of choices: the first is
/// `<id>-option`, where the error summary's link for the set lands
/// ([`FieldErrors::summary_links`]).
fn option_id(id: &str, n: usize) -> String {
    if n == 0 { format!("{id}-option") } else { format!("{id}-{n}") }
}

/// The form group, fieldset, legend and error message around a set of
/// radios or checkboxes (`children`).
#[component]
fn ChoiceFieldset(
    id: &'static str,
    legend: String,
    errors: RwSignal<FieldErrors>,
    children: Children,
) -> impl IntoView {
    let has_error = move || errors.with(|e| e.get(id).is_some());
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=has_error>
            <fieldset class="govuk-fieldset" aria-describedby=move || described_by(id, false, has_error())>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                <ErrorMessage id errors />
                {children()}
            </fieldset>
        </div>
    }
}

/// Several yes/no choices in a fieldset; `value` holds the chosen values.
#[component]
pub fn CheckboxGroup(
    id: &'static str,
    legend: &'static str,
    value: RwSignal<Vec<String>>,
    errors: RwSignal<FieldErrors>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <ChoiceFieldset id legend=legend.to_string() errors>
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (v, text))| {
                        let input_id = option_id(id, i);
                        let checked_value = v.clone();
                        let toggled = v.clone();
                        view! {
                            <div class="govuk-checkboxes__item">
                                <input
                                    class="govuk-checkboxes__input"
                                    id=input_id.clone()
                                    name=id
                                    type="checkbox"
                                    value=v
                                    prop:checked=move || value.with(|vs| vs.contains(&checked_value))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        value
                                            .update(|vs| {
                                                vs.retain(|x| *x != toggled);
                                                if on {
                                                    vs.push(toggled.clone());
                                                }
                                            });
                                    }
                                />
                                <label class="govuk-label govuk-checkboxes__label" for=input_id>
                                    {text}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </ChoiceFieldset>
    }
}

/// A set of radio buttons in a fieldset.
#[component]
pub fn Radios(
    id: &'static str,
    #[prop(into)] legend: String,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <ChoiceFieldset id legend errors>
            <div class="govuk-radios govuk-radios--small" id=id>
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (v, text))| {
                        let input_id = option_id(id, i);
                        let checked_value = v.clone();
                        let set_value = v.clone();
                        view! {
                            <div class="govuk-radios__item">
                                <input
                                    class="govuk-radios__input"
                                    id=input_id.clone()
                                    name=id
                                    type="radio"
                                    value=v
                                    prop:checked=move || value.with(|cur| *cur == checked_value)
                                    on:change=move |_| value.set(set_value.clone())
                                />
                                <label class="govuk-label govuk-radios__label" for=input_id>
                                    {text}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </ChoiceFieldset>
    }
}

/// Runs a form's intent through [`Session::apply`]: what the person typed
/// wrong goes to the error summary, and a change that could not be made is
/// reported against `field`. Returns what the intent made (such as a new
/// id) when it worked; the caller then stores it and moves on.
pub fn apply_form<T>(
    session: Session,
    errors: RwSignal<FieldErrors>,
    field: &'static str,
    intent: impl FnOnce(&mut Workspace, &Stamp) -> Result<T, FormError>,
) -> Option<T> {
    let outcome = session.apply(|ws, stamp| match intent(ws, stamp) {
        Ok(value) => Ok(Ok(value)),
        Err(FormError::Invalid(found)) => Ok(Err(found)),
        Err(FormError::Doc(e)) => Err(e),
    });
    match outcome {
        Ok(Ok(value)) => {
            clear_errors(errors);
            Some(value)
        }
        Ok(Err(found)) => {
            show_errors(errors, found);
            None
        }
        Err(e) => {
            let mut found = FieldErrors::default();
            found.add(field, e.to_string());
            show_errors(errors, found);
            None
        }
    }
}

/// Fills the screen with the page, and back, for a tablet passed round a
/// room: no address bar or tabs for a resident to tap by mistake. Not shown
/// where the browser cannot do it (an iPhone, or inside a frame).
#[component]
pub fn FullScreenButton() -> impl IntoView {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    let doc = document();
    let on = RwSignal::new(doc.fullscreen_element().is_some());
    let changed = Closure::<dyn FnMut()>::new(move || on.set(document().fullscreen_element().is_some()));
    let _ = doc.add_event_listener_with_callback("fullscreenchange", changed.as_ref().unchecked_ref());
    let listener = StoredValue::new_local(Some(changed));
    on_cleanup(move || {
        if let Some(changed) = listener.try_update_value(Option::take).flatten() {
            let _ =
                document().remove_event_listener_with_callback("fullscreenchange", changed.as_ref().unchecked_ref());
        }
    });
    let toggle = move |_| {
        if on.get_untracked() {
            document().exit_fullscreen();
        } else if let Some(root) = document().document_element() {
            let _ = root.request_fullscreen();
        }
    };
    doc.fullscreen_enabled().then(|| {
        view! {
            <button type="button" class="govuk-button govuk-button--secondary app-kiosk__button" on:click=toggle>
                {move || if on.get() { "Leave full screen" } else { "Use the full screen" }}
            </button>
        }
    })
}
