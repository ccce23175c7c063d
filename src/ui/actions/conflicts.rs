//! "Changed by two partners": a field two partners edited at the same time
//! shows both values, with who wrote each, and the person chooses one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::{ConflictValue, FieldConflict};
use crate::model::{Date, Partnership};
use crate::nav::Route;
use crate::ui::state::use_app;

/// Plain-English names for an action's fields.
fn field_label(field: &str) -> String {
    match field {
        "number" => "Action number".into(),
        "title" => "Action".into(),
        "theme_id" => "Theme".into(),
        "start" => "Start date".into(),
        "due" => "Due date".into(),
        "business_as_usual" => "Business as usual".into(),
        other => other.replace('_', " "),
    }
}

/// A value as the person knows it: a theme's name, a UK date.
fn value_text(plan: Option<&Partnership>, field: &str, value: &ConflictValue) -> String {
    let raw = value.text();
    match field {
        "theme_id" if raw.is_empty() => "No theme".into(),
        "theme_id" => plan.and_then(|p| p.theme(&raw)).map_or(raw, |t| t.name.clone()),
        "start" | "due" if raw.is_empty() => "No date".into(),
        "start" | "due" => raw.parse::<Date>().map_or(raw, |d| d.to_string()),
        _ => raw,
    }
}

#[component]
pub fn ActionConflicts(id: String) -> impl IntoView {
    let state = use_app();
    let target = id.clone();
    let conflicts = move || {
        state.plan.track();
        state.with_workspace(|ws| ws.conflicts("actions", &target)).unwrap_or_default()
    };
    let id = StoredValue::new(id);
    move || {
        let found = conflicts();
        (!found.is_empty()).then(|| {
            view! {
                <div class="govuk-notification-banner" role="region" aria-labelledby="conflicts-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="conflicts-title">"Changed by two partners"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-body">
                            "Two partners changed this action at the same time. Safer Plan kept both versions; choose which to keep. "
                            "Your choice reaches partners with your next file."
                        </p>
                        {found.into_iter().map(|c| view! { <ConflictChoice id=id.get_value() conflict=c /> }).collect_view()}
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn ConflictChoice(id: String, conflict: FieldConflict) -> impl IntoView {
    let state = use_app();
    let field = conflict.field.clone();
    let label = field_label(&field);
    let chosen = RwSignal::new(conflict.values.iter().position(|v| v.shown).unwrap_or(0));
    let problem = RwSignal::new(None::<String>);
    let name = format!("conflict-{field}");
    let values = StoredValue::new(conflict.values.clone());
    let options = state.plan.with_untracked(|p| {
        conflict
            .values
            .iter()
            .map(|v| {
                let who = if v.organisation.is_empty() {
                    "an unknown organisation".to_string()
                } else {
                    v.organisation.clone()
                };
                let now = if v.shown { " (shown now)" } else { "" };
                format!("\u{201c}{}\u{201d} \u{2013} from {who}{now}", value_text(p.as_ref(), &field, v))
            })
            .collect::<Vec<_>>()
    });
    let keep = {
        let field = field.clone();
        let label = label.clone();
        move |_| {
            let Some(value) = values.with_value(|vs| vs.get(chosen.get_untracked()).map(|v| v.value.clone())) else {
                return;
            };
            let (id, field) = (id.clone(), field.clone());
            let summary = format!("Chose which {} to keep on an action changed by two partners", label.to_lowercase());
            let result = state.apply(|ws, stamp| {
                let number = ws.partnership().action(&id).map(|a| a.number.clone()).unwrap_or_default();
                let summary = summary.replace("an action", &format!("action {number}"));
                ws.resolve_conflict(stamp, "actions", &id, &field, value, &summary)
            });
            match result {
                Ok(()) => spawn_local(async move {
                    let saved = state.persist().await.is_ok();
                    let message = if saved {
                        "Your choice was saved"
                    } else {
                        "Your choice was made, but not yet saved on this device"
                    };
                    state.go_with_flash(Route::Action(id), message);
                }),
                Err(e) => problem.set(Some(e.to_string())),
            }
        }
    };
    view! {
        <div class="govuk-form-group app-conflict">
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label.clone()}</legend>
                {move || problem.get().map(|p| view! { <p class="govuk-error-message">{p}</p> })}
                <div class="govuk-radios govuk-radios--small">
                    {options.into_iter().enumerate().map(|(i, text)| {
                        let input_id = format!("{name}-{i}");
                        view! {
                            <div class="govuk-radios__item">
                                <input class="govuk-radios__input" id=input_id.clone() name=name.clone() type="radio"
                                    prop:checked=move || chosen.get() == i on:change=move |_| chosen.set(i) />
                                <label class="govuk-label govuk-radios__label" for=input_id>{text}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=keep>
                {format!("Keep this {}", label.to_lowercase())}
            </button>
        </div>
    }
}
