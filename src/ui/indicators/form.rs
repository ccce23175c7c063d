//! Defining, editing and deleting an indicator.

use leptos::prelude::*;

use crate::doc::FormError;
use crate::model::{FieldErrors, IndicatorDraft};
use crate::nav::Route;
use crate::ui::components::{
    BackLink, ErrorSummary, Missing, Radios, SelectField, TextArea, TextField, WarningText, clear_errors, show_errors,
};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

#[component]
pub fn IndicatorFormPage(id: Option<String>) -> impl IntoView {
    let session = use_session();
    let found = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let mut themes = vec![(String::new(), "No theme".to_string())];
        themes.extend(p.themes_in_order().into_iter().map(|t| (t.id.clone(), t.name.clone())));
        match &id {
            None => Some((None, themes)),
            Some(id) => p.indicators.get(id).map(|i| (Some(i.clone()), themes)),
        }
    });
    let Some((existing, theme_options)) = found else { return view! { <Missing what="indicator" /> }.into_any() };
    let heading = if existing.is_some() { "Edit indicator" } else { "Add an indicator" };
    page_loaded(heading);
    let draft = existing.as_ref().map_or_else(
        || IndicatorDraft { polarity: "lower-is-better".into(), frequency: "quarterly".into(), ..Default::default() },
        IndicatorDraft::from_indicator,
    );
    let name = RwSignal::new(draft.name);
    let theme = RwSignal::new(draft.theme_id);
    let unit = RwSignal::new(draft.unit);
    let polarity = RwSignal::new(draft.polarity);
    let baseline = RwSignal::new(draft.baseline);
    let baseline_period = RwSignal::new(draft.baseline_period);
    let target_kind = RwSignal::new(draft.target_kind);
    let target = RwSignal::new(draft.target);
    let frequency = RwSignal::new(draft.frequency);
    let basis = RwSignal::new(draft.basis);
    let span = RwSignal::new(draft.span);
    let source = RwSignal::new(draft.source);
    let notes = RwSignal::new(draft.notes);
    let errors = RwSignal::new(FieldErrors::default());
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    let polarity_options = vec![
        pair("lower-is-better", "Lower is better (for example, crimes)"),
        pair("higher-is-better", "Higher is better (for example, successful completions)"),
    ];
    let target_options = vec![
        pair("percent-change", "A % change on the baseline"),
        pair("value", "A number to reach"),
        pair("", "No target"),
    ];
    let frequency_options = vec![pair("quarterly", "Every quarter"), pair("annual", "Once a year")];
    let span_options = vec![
        pair("year", "A whole year (for example, 2,150 incidents in 2016-17)"),
        pair("quarter", "One quarter (for example, 540 incidents in an average quarter)"),
        pair("rate", "A rate or percentage, the same for any length of time (for example, 38% re-offending)"),
    ];
    let basis_options = vec![
        pair("per-quarter", "That quarter on its own (for example, April to June)"),
        pair("year-to-date", "The year to date, added up from April (for example, April to September at Q2)"),
        pair(
            "rolling-year",
            "The 12 months to the end of the quarter (a rolling year, as police crime figures are published)",
        ),
    ];
    let editing = id.clone();
    // Read inside `statement` so it follows every field, and untracked on submit.
    let read_form = move || IndicatorDraft {
        name: name.get(),
        theme_id: theme.get(),
        unit: unit.get(),
        polarity: polarity.get(),
        baseline: baseline.get(),
        baseline_period: baseline_period.get(),
        target_kind: target_kind.get(),
        target: target.get(),
        frequency: frequency.get(),
        basis: basis.get(),
        span: span.get(),
        source: source.get(),
        notes: notes.get(),
    };
    // What the indicator page will say, as the form is filled in.
    let statement = move || read_form().statement();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = untrack(read_form);
        let editing = editing.clone();
        let result = session.apply(|ws, stamp| match ws.save_indicator(stamp, editing.as_deref(), &draft) {
            Ok(id) => Ok(Ok(id)),
            Err(FormError::Invalid(found)) => Ok(Err(found)),
            Err(FormError::Doc(e)) => Err(e),
        });
        match result {
            Ok(Ok(saved_id)) => {
                clear_errors(errors);
                session.save_and_go(
                    Route::Indicator(saved_id),
                    "Indicator saved",
                    "Change made, but not yet saved on this device",
                );
            }
            Ok(Err(found)) => show_errors(errors, found),
            Err(e) => {
                let mut fe = FieldErrors::default();
                fe.add("name", e.to_string());
                show_errors(errors, fe);
            }
        }
    };
    let back = id.clone().map_or(Route::Indicators, Route::Indicator);
    view! {
        <BackLink route=back.clone() />
        <ErrorSummary errors radios=&["polarity", "span", "target-kind", "frequency", "basis"] />
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField
                id="name"
                label="Name of the indicator"
                hint="For example, Violence with injury"
                value=name
                errors
            />
            <SelectField id="theme" label="Priority theme" value=theme errors options=theme_options />
            <TextField
                id="unit"
                label="Unit (optional)"
                hint="What is counted, for example crimes, incidents or %"
                value=unit
                errors
                class="govuk-input govuk-input--width-10"
            />
            <Radios
                id="polarity"
                legend="Is a lower or a higher number better?"
                value=polarity
                errors
                options=polarity_options
            />
            <Radios
                id="span"
                legend="What period do the baseline and target describe?"
                value=span
                errors
                options=span_options
            />
            <TextField
                id="baseline"
                label="Baseline (optional)"
                hint="The figure to measure change from, for the period chosen above, for example 2,150"
                value=baseline
                errors
                class="govuk-input govuk-input--width-10"
            />
            <TextField
                id="baseline-period"
                label="Baseline period (optional)"
                hint="For example, 2018-19"
                value=baseline_period
                errors
                class="govuk-input govuk-input--width-10"
            />
            <Radios id="target-kind" legend="How is the target set?" value=target_kind errors options=target_options />
            <TextField
                id="target"
                label="Target"
                hint="A number, or a % change such as -5 for a 5% reduction"
                value=target
                errors
                class="govuk-input govuk-input--width-10"
            />
            <Radios
                id="frequency"
                legend="How often is it measured?"
                value=frequency
                errors
                options=frequency_options
            />
            <Radios
                id="basis"
                legend="What does each quarter's value count?"
                value=basis
                errors
                options=basis_options
            />
            {move || {
                statement()
                    .map(|(baseline, target)| {
                        view! {
                            <div class="govuk-inset-text" aria-live="polite">
                                <p class="govuk-body">{format!("Baseline: {baseline}")}</p>
                                <p class="govuk-body">{format!("Target: {target}")}</p>
                            </div>
                        }
                    })
            }}
            <TextField
                id="source"
                label="Data source (optional)"
                hint="For example, Bedfordshire Police crime data"
                value=source
                errors
            />
            <TextArea id="notes" label="Notes (optional)" value=notes errors rows=3 />
            <button type="submit" class="govuk-button">
                "Save indicator"
            </button>
        </form>
    }
    .into_any()
}

#[component]
pub fn DeleteIndicatorPage(id: String) -> impl IntoView {
    let session = use_session();
    let found = session
        .plan
        .with_untracked(|p| p.as_ref().and_then(|p| p.indicators.get(&id)).map(|i| (i.name.clone(), i.values.len())));
    let Some((name, count)) = found else { return view! { <Missing what="indicator" /> }.into_any() };
    page_loaded(&format!("Delete {name}"));
    let target = id.clone();
    let confirm = move |_| {
        let target = target.clone();
        if session.apply(|ws, stamp| ws.delete_indicator(stamp, &target)).is_ok() {
            session.save_and_go(Route::Indicators, "Indicator deleted", "Deleted, but not yet saved on this device");
        }
    };
    view! {
        <BackLink route=Route::Indicator(id.clone()) />
        <h1 class="govuk-heading-l" tabindex="-1">
            {format!("Are you sure you want to delete “{name}”?")}
        </h1>
        <WarningText>
            {format!(
                "This deletes the indicator and its {count} recorded values for every partner you share changes with.",
            )}
        </WarningText>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=confirm>
                "Yes, delete this indicator"
            </button>
            <a class="govuk-link" href=Route::Indicator(id).href()>
                "No, keep it"
            </a>
        </div>
    }
    .into_any()
}
