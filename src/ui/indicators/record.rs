//! A theme lead enters a quarter's values for all of the theme's indicators
//! at once, as one change. Empty boxes are left as they are; anything that
//! is not a number is refused with a message beside it, and nothing is saved
//! until every box reads. Any quarter from the plan's period to now can be
//! chosen (`QuarterChoice::for_entry`), and each box's hint says what to count
//! for the indicator's basis (`Indicator::entry_hint`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::ValueEntry;
use crate::model::performance::{number_for_form, parse_number, quarter_code};
use crate::model::{Indicator, QuarterChoice};
use crate::nav::Route;
use crate::ui::clock;
use crate::ui::components::{BackLink, ErrorSummary, ThemeQuarterPicker};
use crate::ui::navigation::use_navigation;
use crate::ui::router::{focus_id, page_loaded};
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

/// One input row: the indicator and what is typed for it.
#[derive(Clone)]
struct Row {
    indicator: Indicator,
    value: RwSignal<String>,
    note: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

#[component]
pub fn RecordValuesPage(theme: String, quarter: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let found = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let choice = QuarterChoice::for_entry(p, &quarter, clock::today());
        let themes: Vec<(String, String)> = p
            .themes_in_order()
            .into_iter()
            .filter(|t| !p.indicators_for_theme(&t.id).is_empty())
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect();
        let theme = if themes.iter().any(|(id, _)| *id == theme) { theme.clone() } else { themes.first()?.0.clone() };
        let indicators: Vec<Indicator> = p.indicators_for_theme(&theme).into_iter().cloned().collect();
        Some((theme, themes, indicators, choice))
    });
    let Some((theme, themes, indicators, QuarterChoice { chosen: quarter, offered: quarters })) = found else {
        page_loaded("Enter a quarter's values");
        return view! {
            <BackLink route=Route::Indicators />
            <h1 class="govuk-heading-l" tabindex="-1">
                "Enter a quarter's values"
            </h1>
            <p class="govuk-body">
                "No theme has indicators yet. " <a class="govuk-link" href=Route::IndicatorForm(None).href()>
                    "Add an indicator"
                </a> " first."
            </p>
        }
        .into_any();
    };
    page_loaded("Enter a quarter's values");
    let code = quarter_code(quarter);
    let rows: Vec<Row> = indicators
        .into_iter()
        .map(|i| {
            let existing = i.value_in(quarter).map(number_for_form).unwrap_or_default();
            let note = i.values.get(&code).map(|v| v.note.clone()).unwrap_or_default();
            Row { indicator: i, value: RwSignal::new(existing), note: RwSignal::new(note), error: RwSignal::new(None) }
        })
        .collect();
    let problems = RwSignal::new(Vec::<(String, String)>::new());
    let saving = RwSignal::new(false);
    let submit_rows = rows.clone();
    let back_theme = theme.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let mut entries = Vec::new();
        let mut found = Vec::new();
        for (n, row) in submit_rows.iter().enumerate() {
            let typed = row.value.get_untracked();
            if typed.trim().is_empty() {
                row.error.set(None);
                continue;
            }
            match parse_number(&typed) {
                Some(value) => {
                    row.error.set(None);
                    entries.push(ValueEntry {
                        indicator_id: row.indicator.id.clone(),
                        value,
                        note: row.note.get_untracked(),
                    });
                }
                None => {
                    let message = format!("{} must be a number, like 1250 or 12.5", row.indicator.name);
                    row.error.set(Some(message.clone()));
                    found.push((format!("value-{n}"), message));
                }
            }
        }
        if entries.is_empty() && found.is_empty() {
            found.push(("value-0".to_string(), "Enter at least one value".to_string()));
        }
        if !found.is_empty() {
            problems.set(found);
            // Again after a second try with the same mistakes.
            focus_id("error-summary");
            return;
        }
        problems.set(Vec::new());
        match session.apply(|ws, stamp| ws.record_values(stamp, quarter, &entries)) {
            Ok(count) => {
                saving.set(true);
                let back = Route::RecordValues(back_theme.clone(), quarter_code(quarter));
                spawn_local(async move {
                    let saved = session.persist().await.is_ok();
                    saving.set(false);
                    let message = if count == 0 {
                        format!("No values were changed for {quarter}")
                    } else if saved {
                        format!("{count} value{} saved for {quarter}", if count == 1 { "" } else { "s" })
                    } else {
                        "Values entered, but not yet saved on this device".to_string()
                    };
                    nav.go_with_flash(back, message);
                });
            }
            Err(e) => problems.set(vec![("value-0".to_string(), e.to_string())]),
        }
    };
    view! {
        <BackLink route=Route::Indicators />
        <ErrorSummary links=problems />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Enter a quarter's values"
        </h1>
        <IdentityReminder />
        <div class="app-filters__row">
            <ThemeQuarterPicker id="record" themes theme=theme.clone() quarters quarter route=Route::RecordValues />
        </div>
        <form on:submit=submit novalidate>
            {rows
                .into_iter()
                .enumerate()
                .map(|(n, row)| {
                    let id = format!("value-{n}");
                    let note_id = format!("note-{n}");
                    let hint_id = format!("value-{n}-hint");
                    let error_id = format!("value-{n}-error");
                    let i = &row.indicator;
                    let hint = i.entry_hint(quarter);
                    let error = row.error;
                    let described = {
                        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
                        move || {
                            if error.with(Option::is_some) { format!("{hint_id} {error_id}") } else { hint_id.clone() }
                        }
                    };
                    view! {
                        <fieldset class="govuk-fieldset app-value-entry">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{i.name.clone()}</legend>
                        <div class="govuk-form-group" class:govuk-form-group--error=move || error.with(Option::is_some)>
                            <label class="govuk-label" for=id.clone()>{format!("Value for {quarter}")}</label>
                            <div class="govuk-hint" id=hint_id.clone()>{hint}</div>
                            {move || error.get().map(|m| view! { <p class="govuk-error-message" id=error_id.clone()><span class="govuk-visually-hidden">"Error: "</span>{m}</p> })}
                            <input class="govuk-input govuk-input--width-10" class:govuk-input--error=move || error.with(Option::is_some) id=id.clone() name=id.clone() type="text" inputmode="decimal" autocomplete="off" aria-describedby=described bind:value=row.value />
                        </div>
                        <div class="govuk-form-group">
                            <label class="govuk-label" for=note_id.clone()>"Note (optional)"</label>
                            <input class="govuk-input" id=note_id.clone() name=note_id type="text" bind:value=row.note />
                        </div>
                    </fieldset>
                    }
                })
                .collect_view()}
            <button type="submit" class="govuk-button" disabled=move || saving.get()>
                "Save values"
            </button>
        </form>
    }
    .into_any()
}
