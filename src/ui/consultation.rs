//! Asking residents at events: set up a questionnaire, word its worries,
//! run it in kiosk mode on a tablet (`kiosk`, with its way in and out in
//! `exit`), and read the counts and averages that feed the strategic
//! assessment.

mod exit;
mod kiosk;
mod wording;

pub use exit::StartKioskPage;
pub use kiosk::KioskPage;
pub use wording::WorryWordingPage;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::consultation::Questionnaire;
use crate::model::{Date, FieldErrors};
use crate::nav::Route;

use super::components::{BackLink, CaptionSize, ErrorSummary, SummaryRow, Table, TextField, apply_form};
use super::router::page_loaded;
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    page_loaded("Resident consultation");
    let title = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, e) = (title.get_untracked(), event.get_untracked());
        if apply_form(session, errors, "title", |ws, stamp| Ok(ws.add_questionnaire(stamp, &t, &e)?)).is_some() {
            spawn_local(async move {
                let saved = session.persist().await.is_ok();
                title.set(String::new());
                event.set(String::new());
                let message = if saved {
                    "Questionnaire set up"
                } else {
                    "Questionnaire set up, but not yet saved on this device"
                };
                nav.go_with_flash(Route::Consultations, message);
            });
        }
    };
    view! {
        <BackLink route=Route::Assessment(String::new()) text="Back to the assessment" />
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Resident consultation"
        </h1>
        <p class="govuk-body">
            "Short questionnaires residents fill in on a tablet at community events. Responses are anonymous: "
            "no names or contact details, and only the first part of a postcode."
        </p>
        {move || {
            session
                .plan
                .with(|p| {
                    let p = p.as_ref()?;
                    let mut all: Vec<_> = p.questionnaires.values().collect();
                    crate::sorting::sort_by_key(&mut all, |q| q.title.to_lowercase());
                    Some(
                        all
                            .into_iter()
                            .map(|q| {
                                let s = q.summary();
                                let kiosk = Route::StartKiosk(q.id.clone()).href();
                                let wording = Route::WorryWording(q.id.clone()).href();
                                let worded = q.worries_question().cloned();
                                view! {
                                    <section class="app-consultation" aria-labelledby=format!("q-{}", q.id)>
                                        <h2 class="govuk-heading-m" id=format!("q-{}", q.id)>
                                            {q.title.clone()}
                                        </h2>
                                        {(!q.event.is_empty())
                                            .then(|| view! { <p class="govuk-body">{q.event.clone()}</p> })}
                                        <div class="govuk-button-group">
                                            <a class="govuk-button" href=kiosk>
                                                "Open kiosk mode"
                                            </a>
                                            {worded
                                                .is_some()
                                                .then(|| {
                                                    view! {
                                                        <a class="govuk-link" href=wording>
                                                            "Word the worries residents see"
                                                        </a>
                                                    }
                                                })}
                                        </div>
                                        <dl class="govuk-summary-list">
                                            <SummaryRow label="Responses">{s.responses}</SummaryRow>
                                            <SummaryRow label="How safe people feel (1 to 5)">
                                                {s
                                                    .feeling_safe
                                                    .map_or(
                                                        "No answers yet".to_string(),
                                                        |(m, n)| format!("{m:.1} on average, from {n} answers"),
                                                    )}
                                            </SummaryRow>
                                        </dl>
                                        {(!s.worries.is_empty())
                                            .then(|| {
                                                view! {
                                                    <Table
                                                        caption="What worries people most"
                                                        columns=["Issue", "Residents who chose it"]
                                                        caption_size=CaptionSize::Small
                                                        numeric=1
                                                    >
                                                        {s
                                                            .worries
                                                            .iter()
                                                            .map(|(w, n)| {
                                                                let asked = worded
                                                                    .as_ref()
                                                                    .map(|q| q.shown(w).to_string())
                                                                    .filter(|shown| shown != w);
                                                                view! {
                                                                    <tr class="govuk-table__row">
                                                                        <td class="govuk-table__cell">
                                                                            {w.clone()}
                                                                            {asked
                                                                                .map(|shown| {
                                                                                    view! {
                                                                                        <br />
                                                                                        <span class="app-secondary-text">
                                                                                            {format!("Residents saw \u{201c}{shown}\u{201d}")}
                                                                                        </span>
                                                                                    }
                                                                                })}
                                                                        </td>
                                                                        <td class="govuk-table__cell govuk-table__cell--numeric">
                                                                            {*n}
                                                                        </td>
                                                                    </tr>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </Table>
                                                }
                                            })}
                                        {(!s.by_area.is_empty())
                                            .then(|| {
                                                view! {
                                                    <Table
                                                        caption="By area"
                                                        columns=[
                                                            "Postcode district",
                                                            "Responses",
                                                            "Feel safe (average)",
                                                        ]
                                                        caption_size=CaptionSize::Small
                                                        numeric=2
                                                    >
                                                        {s
                                                            .by_area
                                                            .iter()
                                                            .map(|(area, n, mean)| {
                                                                view! {
                                                                    <tr class="govuk-table__row">
                                                                        <td class="govuk-table__cell">{area.clone()}</td>
                                                                        <td class="govuk-table__cell govuk-table__cell--numeric">
                                                                            {*n}
                                                                        </td>
                                                                        <td class="govuk-table__cell govuk-table__cell--numeric">
                                                                            {mean.map_or("\u{2013}".to_string(), |m| format!("{m:.1}"))}
                                                                        </td>
                                                                    </tr>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </Table>
                                                }
                                            })}
                                        {(!s.suggestions.is_empty())
                                            .then(|| {
                                                view! {
                                                    <h3 class="govuk-heading-s">
                                                        "What would make the biggest difference"
                                                    </h3>
                                                    <ul class="govuk-list govuk-list--bullet">
                                                        {s
                                                            .suggestions
                                                            .iter()
                                                            .map(|t| view! { <li>{t.clone()}</li> })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                            })}
                                        <ContactDetails questionnaire=q.clone() />
                                    </section>
                                }
                            })
                            .collect_view(),
                    )
                })
        }}
        <h2 class="govuk-heading-m">"Set up a questionnaire"</h2>
        <p class="govuk-body">
            "It asks how safe people feel in their area (1 to 5), which of the plan\u{2019}s priority themes worry them most, "
            "what would make the biggest difference, and the first part of their postcode (optional)."
        </p>
        <form on:submit=add novalidate>
            <TextField
                id="title"
                label="Title residents will see"
                value=title
                errors
                hint="For example, How safe do you feel in High Town?"
            />
            <TextField id="event" label="Event (optional)" value=event errors hint="Where and when it will be used" />
            <button type="submit" class="govuk-button govuk-button--secondary">
                "Set up questionnaire"
            </button>
        </form>
    }
}

/// Residents who want to hear back: adding the questions (consent first),
/// then the details those who agreed left, kept out of the counts above.
#[component]
fn ContactDetails(questionnaire: Questionnaire) -> impl IntoView {
    let session = use_session();
    let problem = RwSignal::new(None::<String>);
    if !questionnaire.asks_for_contact() {
        let id = questionnaire.id.clone();
        let add = move |_| {
            let id = id.clone();
            match session.apply(|ws, stamp| ws.ask_for_contact(stamp, &id)) {
                Ok(()) => session.save_and_go(
                    Route::Consultations,
                    "Contact questions added",
                    "Contact questions added, but not yet saved on this device",
                ),
                Err(e) => problem.set(Some(e.to_string())),
            }
        };
        return view! {
            <p class="govuk-body">
                "It collects no names or contact details. If residents may want a reply, add a question asking them to agree, "
                "then one for an email address or phone number; details are kept only from those who agree."
            </p>
            <ErrorSummary message=problem />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=add>
                "Add questions for residents who want a reply"
            </button>
        }
        .into_any();
    }
    let contacts = questionnaire.contacts();
    let count = contacts.len();
    view! {
        <details class="govuk-details">
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{format!("Residents who asked for a reply ({count})")}</span>
            </summary>
            <div class="govuk-details__text">
                <p class="govuk-body">
                    "They agreed to be contacted by the partnership about what happens next, and to nothing else. "
                    "These details are left out of redacted copies."
                </p>
                {if contacts.is_empty() {
                    view! { <p class="govuk-body">"Nobody has left contact details yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="govuk-list">
                            {contacts
                                .into_iter()
                                .map(|(at, contact)| {
                                    view! {
                                        <li>
                                            {format!("{contact} (left on {})", Date::from_unix_seconds(at).short())}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </div>
        </details>
    }
    .into_any()
}
