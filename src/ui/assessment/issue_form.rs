//! Scoring one issue of a strategic assessment on the harm matrix, with
//! the public concern score residents' answers suggest.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::doc::{IssueDraft, year_label};
use crate::model::FieldErrors;
use crate::model::assessment::{AssessedIssue, Criterion};
use crate::model::evidence;
use crate::nav::Route;

use super::said::ResidentsSaid;
use crate::ui::components::{BackLink, ErrorSummary, Missing, SelectField, TextArea, TextField, apply_form};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

#[component]
pub fn IssueFormPage(assessment: String, issue: String) -> impl IntoView {
    let session = use_session();
    let editing = (issue != "new").then_some(issue.clone());
    let found = session.plan.with_untracked(|p| {
        let a = p.as_ref()?.assessments.get(&assessment)?;
        Some((a.year, editing.as_ref().and_then(|id| a.issues.get(id)).cloned()))
    });
    let Some((year, existing)) = found else {
        page_loaded("Assessment not found");
        return view! { <Missing what="assessment" /> }.into_any();
    };
    let heading = match &existing {
        Some(i) => format!("Score {}", i.name),
        None => "Add an issue".to_string(),
    };
    page_loaded(&heading);
    let name = RwSignal::new(existing.as_ref().map(|i| i.name.clone()).unwrap_or_default());
    let notes = RwSignal::new(existing.as_ref().map(|i| i.notes.to_string()).unwrap_or_default());
    let scores: BTreeMap<&'static str, RwSignal<String>> = Criterion::ALL
        .iter()
        .map(|c| {
            let s = existing.as_ref().and_then(|i| i.score(*c)).map(|s| s.to_string()).unwrap_or_default();
            (c.key(), RwSignal::new(s))
        })
        .collect();
    let errors = RwSignal::new(FieldErrors::default());
    let theme = RwSignal::new(existing.as_ref().and_then(|i| i.theme_id.clone()).unwrap_or_default());
    let mut theme_options = vec![(String::new(), "None yet".to_string())];
    theme_options.extend(session.plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| p.themes_in_order().iter().map(|t| (t.id.clone(), t.name.clone())).collect::<Vec<_>>())
            .unwrap_or_default()
    }));
    // Follows the name and theme as chosen, so a new issue finds what
    // residents said too.
    let assessment_id = assessment.clone();
    let said = Memo::new(move |_| {
        let theme_id = Some(theme.get()).filter(|t| !t.is_empty());
        let probe = AssessedIssue { name: name.get(), theme_id, ..Default::default() };
        session.plan.with(|p| p.as_ref().map(|p| evidence::for_issue(&assessment_id, &probe, p)).unwrap_or_default())
    });
    let score_signals = scores.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = IssueDraft {
            name: name.get_untracked(),
            scores: score_signals.iter().map(|(k, v)| (k.to_string(), v.get_untracked())).collect(),
            notes: notes.get_untracked(),
            theme: theme.get_untracked(),
        };
        let (a, i) = (assessment.clone(), editing.clone());
        if apply_form(session, errors, "name", |ws, stamp| {
            Ok(ws.save_assessed_issue(stamp, &a, i.as_deref(), &draft)?)
        })
        .is_some()
        {
            session.save_and_go(
                Route::Assessment(year.to_string()),
                "Scores saved",
                "Scores saved, but not yet saved on this device",
            );
        }
    };
    view! {
        <BackLink route=Route::Assessment(year.to_string()) text="Back to the assessment" />
        <ErrorSummary
            errors
            radios=&[
                "physical_harm",
                "psychological_harm",
                "financial_harm",
                "community_harm",
                "volume",
                "trend",
                "public_concern",
                "capacity",
            ]
        />
        <span class="govuk-caption-l">{format!("Strategic assessment {}", year_label(year))}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <form on:submit=save novalidate>
            <TextField
                id="name"
                label="Issue"
                value=name
                errors
                hint="For example, Knife crime or Town centre anti-social behaviour"
            />
            <SelectField
                id="theme"
                label="Priority theme it comes under (optional)"
                value=theme
                errors
                options=theme_options
                hint="Residents who say a theme worries them count towards the issues under it"
            />
            {Criterion::ALL
                .iter()
                .map(|c| {
                    let value = scores[c.key()];
                    let key = c.key();
                    view! {
                        <div class="govuk-form-group" class:govuk-form-group--error=move || errors.with(|e| e.get(key).is_some())>
                        <fieldset class="govuk-fieldset" aria-describedby=format!("{key}-hint")>
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{c.label()}</legend>
                            <div class="govuk-hint" id=format!("{key}-hint")>{c.scale()}</div>
                            {move || errors.with(|e| e.get(key).map(str::to_string)).map(|m| view! {
                                <p class="govuk-error-message" id=format!("{key}-error")><span class="govuk-visually-hidden">"Error: "</span>{m}</p>
                            })}
                            <div class="govuk-radios govuk-radios--small govuk-radios--inline" id=key>
                                {["1", "2", "3", "4", "5", ""].into_iter().enumerate().map(|(n, v)| {
                                    let input_id = if n == 0 { format!("{key}-option") } else { format!("{key}-{n}") };
                                    let label = if v.is_empty() { "Not scored yet" } else { v };
                                    view! {
                                        <div class="govuk-radios__item">
                                            <input class="govuk-radios__input" id=input_id.clone() name=key type="radio" value=v
                                                prop:checked=move || value.with(|cur| cur == v) on:change=move |_| value.set(v.to_string()) />
                                            <label class="govuk-label govuk-radios__label" for=input_id>{label}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                        {(*c == Criterion::PublicConcern).then(|| view! { <ResidentsSaid said value /> })}
                    </div>
                    }
                })
                .collect_view()}
            <TextArea
                id="notes"
                label="Evidence and notes (optional)"
                value=notes
                errors
                hint="What the data shows, and where it came from"
            />
            <button type="submit" class="govuk-button">
                "Save scores"
            </button>
        </form>
    }
    .into_any()
}
