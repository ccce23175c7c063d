//! "Changed by two partners" on an action's page: the shared panel
//! ([`crate::ui::conflicts`]) with an action's field names and values.

use leptos::prelude::*;

use crate::doc::ConflictValue;
use crate::model::{Date, Partnership};
use crate::nav::Route;
use crate::ui::conflicts::{ConflictsPanel, Subject};
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
    let number = state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.action(&id)).map(|a| a.number.clone()));
    let subject = Subject {
        path: vec!["actions".into(), id.clone()],
        noun: "action",
        name: format!("action {}", number.unwrap_or_default()),
        page: Route::Action(id),
        label: field_label,
        value: value_text,
    };
    view! { <ConflictsPanel subject /> }
}
