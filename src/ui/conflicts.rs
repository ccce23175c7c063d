//! "Changed by two partners": a field two partners edited at the same time
//! shows both values, with who wrote each, and the person chooses one. The
//! same panel serves an action, a theme and the plan; each says what its
//! fields are called and how its values read.

use leptos::prelude::*;

use crate::doc::{ConflictValue, FieldConflict};
use crate::model::{Date, Partnership};
use crate::nav::Route;
use crate::report::attention::field_label;
use crate::ui::components::ErrorSummary;
use crate::ui::session::use_session;

/// What the panel is about and how to word it.
#[derive(Clone)]
pub struct Subject {
    /// Where it is in the document: `["actions", id]`, `["themes", id]`, `["plan"]`.
    pub path: Vec<String>,
    /// "action", "theme" or "plan", for "Two partners changed this theme…".
    pub noun: &'static str,
    /// How the history names it: "action 4", "the theme Domestic Abuse".
    pub name: String,
    /// The page to return to after choosing.
    pub page: Route,
}

impl Subject {
    /// A field's name as the forms call it (the same words "Needs
    /// attention" uses).
    fn label(&self, field: &str) -> String {
        field_label(self.path.first().map_or("", String::as_str), field)
    }
}

/// A value as the person knows it: a theme's name, a UK date, yes or no.
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

/// The panel, shown only while some field of the subject has two values.
#[component]
pub fn ConflictsPanel(subject: Subject) -> impl IntoView {
    let session = use_session();
    let path = subject.path.clone();
    let conflicts = move || {
        session.plan.track();
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        session.with_workspace(|ws| ws.conflicts_at(&path)).unwrap_or_default()
    };
    let subject = StoredValue::new(subject);
    move || {
        let found = conflicts();
        (!found.is_empty()).then(|| {
            let noun = subject.with_value(|s| s.noun);
            view! {
                <div class="govuk-notification-banner" role="region" aria-labelledby="conflicts-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="conflicts-title">
                            "Changed by two partners"
                        </h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-body">
                            {format!("Two partners changed this {noun} at the same time. ")}
                            "Safer Plan kept both versions; choose which to keep. "
                            "Your choice reaches partners with your next file."
                        </p>
                        {found
                            .into_iter()
                            .map(|c| view! { <ConflictChoice subject=subject.get_value() conflict=c /> })
                            .collect_view()}
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn ConflictChoice(subject: Subject, conflict: FieldConflict) -> impl IntoView {
    let session = use_session();
    let field = conflict.field.clone();
    let label = subject.label(&field);
    let chosen = RwSignal::new(conflict.values.iter().position(|v| v.shown).unwrap_or(0));
    let problem = RwSignal::new(None::<String>);
    let name = format!("conflict-{field}");
    let values = StoredValue::new(conflict.values.clone());
    let options = session.plan.with_untracked(|p| {
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
                format!("\u{201c}{}\u{201d} \u{2013} from {who}{now}", value_text(*p, &field, v))
            })
            .collect::<Vec<_>>()
    });
    let keep = {
        let field = field.clone();
        let summary =
            format!("Chose which {} to keep on {} changed by two partners", label.to_lowercase(), subject.name);
        move |_| {
            let Some(value) = values.with_value(|vs| vs.get(chosen.get_untracked()).map(|v| v.value.clone())) else {
                return;
            };
            let path: Vec<&str> = subject.path.iter().map(String::as_str).collect();
            let result = session.apply(|ws, stamp| ws.resolve_conflict_at(stamp, &path, &field, value, &summary));
            match result {
                Ok(()) => {
                    let page = subject.page.clone();
                    session.save_and_go(
                        page,
                        "Your choice was saved",
                        "Your choice was made, but not yet saved on this device",
                    )
                }
                Err(e) => problem.set(Some(e.to_string())),
            }
        }
    };
    view! {
        <ErrorSummary message=problem />
        <div class="govuk-form-group app-conflict">
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label.clone()}</legend>
                <div class="govuk-radios govuk-radios--small">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            let input_id = format!("{name}-{i}");
                            view! {
                                <div class="govuk-radios__item">
                                    <input
                                        class="govuk-radios__input"
                                        id=input_id.clone()
                                        name=name.clone()
                                        type="radio"
                                        prop:checked=move || chosen.get() == i
                                        on:change=move |_| chosen.set(i)
                                    />
                                    <label class="govuk-label govuk-radios__label" for=input_id>
                                        {text}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=keep>
                {format!("Keep this {}", label.to_lowercase())}
            </button>
        </div>
    }
}

/// The panel for a priority theme's page.
#[component]
pub fn ThemeConflicts(id: String, name: String) -> impl IntoView {
    let subject = Subject {
        path: vec!["themes".into(), id.clone()],
        noun: "theme",
        name: format!("the theme {name}"),
        page: Route::Theme(id),
    };
    view! { <ConflictsPanel subject /> }
}

/// The panel for the plan overview.
#[component]
pub fn PlanConflicts() -> impl IntoView {
    let subject = Subject { path: vec!["plan".into()], noun: "plan", name: "the plan".into(), page: Route::Plan };
    view! { <ConflictsPanel subject /> }
}
