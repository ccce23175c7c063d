//! Asking residents at events: set up a questionnaire, run it in kiosk mode
//! on a tablet (one resident after another, nothing of the last response
//! left on screen), and read the counts and averages that feed the
//! strategic assessment.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::consultation::{Question, QuestionKind, Questionnaire};
use crate::model::{Date, FieldErrors};
use crate::nav::Route;

use super::components::{BackLink, ErrorSummary, FullScreenButton, Missing, TextField, apply_form};
use super::router::{focus_id, page_loaded};
use super::state::use_app;

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let state = use_app();
    page_loaded("Resident consultation");
    let title = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, e) = (title.get_untracked(), event.get_untracked());
        if apply_form(state, errors, "title", |ws, stamp| Ok(ws.add_questionnaire(stamp, &t, &e)?)).is_some() {
            spawn_local(async move {
                let saved = state.persist().await.is_ok();
                title.set(String::new());
                event.set(String::new());
                let message = if saved {
                    "Questionnaire set up"
                } else {
                    "Questionnaire set up, but not yet saved on this device"
                };
                state.go_with_flash(Route::Consultations, message);
            });
        }
    };
    view! {
        <BackLink route=Route::Assessment(String::new()) text="Back to the assessment" />
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">"Resident consultation"</h1>
        <p class="govuk-body">
            "Short questionnaires residents fill in on a tablet at community events. Responses are anonymous: "
            "no names or contact details, and only the first part of a postcode."
        </p>
        {move || state.plan.with(|p| {
            let p = p.as_ref()?;
            let mut all: Vec<_> = p.questionnaires.values().collect();
            all.sort_by_key(|q| q.title.to_lowercase());
            Some(all.into_iter().map(|q| {
                let s = q.summary();
                let kiosk = Route::Kiosk(q.id.clone()).href();
                view! {
                    <section class="app-consultation" aria-labelledby=format!("q-{}", q.id)>
                        <h2 class="govuk-heading-m" id=format!("q-{}", q.id)>{q.title.clone()}</h2>
                        {(!q.event.is_empty()).then(|| view! { <p class="govuk-body">{q.event.clone()}</p> })}
                        <a class="govuk-button" href=kiosk>"Open kiosk mode"</a>
                        <dl class="govuk-summary-list">
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">"Responses"</dt>
                                <dd class="govuk-summary-list__value">{s.responses}</dd>
                            </div>
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">"How safe people feel (1 to 5)"</dt>
                                <dd class="govuk-summary-list__value">
                                    {s.feeling_safe.map_or("No answers yet".to_string(), |(m, n)| format!("{m:.1} on average, from {n} answers"))}
                                </dd>
                            </div>
                        </dl>
                        {(!s.worries.is_empty()).then(|| view! {
                            <table class="govuk-table">
                                <caption class="govuk-table__caption govuk-table__caption--s">"What worries people most"</caption>
                                <thead class="govuk-table__head"><tr class="govuk-table__row">
                                    <th scope="col" class="govuk-table__header">"Issue"</th>
                                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Residents who chose it"</th>
                                </tr></thead>
                                <tbody class="govuk-table__body">
                                    {s.worries.iter().map(|(w, n)| view! {
                                        <tr class="govuk-table__row">
                                            <td class="govuk-table__cell">{w.clone()}</td>
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{*n}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        {(!s.by_area.is_empty()).then(|| view! {
                            <table class="govuk-table">
                                <caption class="govuk-table__caption govuk-table__caption--s">"By area"</caption>
                                <thead class="govuk-table__head"><tr class="govuk-table__row">
                                    <th scope="col" class="govuk-table__header">"Postcode district"</th>
                                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Responses"</th>
                                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Feel safe (average)"</th>
                                </tr></thead>
                                <tbody class="govuk-table__body">
                                    {s.by_area.iter().map(|(area, n, mean)| view! {
                                        <tr class="govuk-table__row">
                                            <td class="govuk-table__cell">{area.clone()}</td>
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{*n}</td>
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{mean.map_or("\u{2013}".to_string(), |m| format!("{m:.1}"))}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        {(!s.suggestions.is_empty()).then(|| view! {
                            <h3 class="govuk-heading-s">"What would make the biggest difference"</h3>
                            <ul class="govuk-list govuk-list--bullet">
                                {s.suggestions.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                            </ul>
                        })}
                        <ContactDetails questionnaire=q.clone() />
                    </section>
                }
            }).collect_view())
        })}
        <h2 class="govuk-heading-m">"Set up a questionnaire"</h2>
        <p class="govuk-body">
            "It asks how safe people feel in their area (1 to 5), which of the plan\u{2019}s priority themes worry them most, "
            "what would make the biggest difference, and the first part of their postcode (optional)."
        </p>
        <form on:submit=add novalidate>
            <TextField id="title" label="Title residents will see" value=title errors hint="For example, How safe do you feel in High Town?" />
            <TextField id="event" label="Event (optional)" value=event errors hint="Where and when it will be used" />
            <button type="submit" class="govuk-button govuk-button--secondary">"Set up questionnaire"</button>
        </form>
    }
}

/// Residents who want to hear back: adding the questions (consent first),
/// then the details those who agreed left, kept out of the counts above.
#[component]
fn ContactDetails(questionnaire: Questionnaire) -> impl IntoView {
    let state = use_app();
    let problem = RwSignal::new(None::<String>);
    if !questionnaire.asks_for_contact() {
        let id = questionnaire.id.clone();
        let add = move |_| {
            let id = id.clone();
            match state.apply(|ws, stamp| ws.ask_for_contact(stamp, &id)) {
                Ok(()) => spawn_local(async move {
                    let saved = state.persist().await.is_ok();
                    let message = if saved {
                        "Contact questions added"
                    } else {
                        "Contact questions added, but not yet saved on this device"
                    };
                    state.go_with_flash(Route::Consultations, message);
                }),
                Err(e) => problem.set(Some(e.to_string())),
            }
        };
        return view! {
            <p class="govuk-body">
                "It collects no names or contact details. If residents may want a reply, add a question asking them to agree, "
                "then one for an email address or phone number; details are kept only from those who agree."
            </p>
            {move || problem.get().map(|p| view! { <p class="govuk-error-message" role="alert">{p}</p> })}
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
                <span class="govuk-details__summary-text">
                    {format!("Residents who asked for a reply ({count})")}
                </span>
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
                            {contacts.into_iter().map(|(at, contact)| view! {
                                <li>{format!("{contact} (left on {})", Date::from_unix_seconds(at).short())}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </div>
        </details>
    }
    .into_any()
}

/// One resident's answers while they fill the form in.
#[derive(Clone, Copy)]
struct Answers {
    values: RwSignal<BTreeMap<String, Vec<String>>>,
}

impl Answers {
    fn new() -> Answers {
        Answers { values: RwSignal::new(BTreeMap::new()) }
    }
    fn one(&self, q: &str) -> String {
        self.values.with(|v| v.get(q).and_then(|x| x.first().cloned()).unwrap_or_default())
    }
    fn set_one(&self, q: &str, value: String) {
        self.values.update(|v| {
            v.insert(q.to_string(), vec![value]);
        });
    }
    fn has(&self, q: &str, option: &str) -> bool {
        self.values.with(|v| v.get(q).is_some_and(|x| x.iter().any(|o| o == option)))
    }
    fn toggle(&self, q: &str, option: &str, on: bool) {
        self.values.update(|v| {
            let list = v.entry(q.to_string()).or_default();
            list.retain(|o| o != option);
            if on {
                list.push(option.to_string());
            }
        });
    }
}

#[component]
pub fn KioskPage(id: String) -> impl IntoView {
    let state = use_app();
    let found = state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.questionnaires.get(&id)).cloned());
    let Some(questionnaire) = found else {
        page_loaded("Questionnaire not found");
        return view! { <Missing what="questionnaire" /> }.into_any();
    };
    page_loaded(&questionnaire.title);
    if let Some(problem) = questionnaire.kiosk_problem() {
        return view! {
            <BackLink route=Route::Consultations />
            <h1 class="govuk-heading-l" tabindex="-1">{questionnaire.title.clone()}</h1>
            <div class="govuk-error-summary" role="alert"><div class="govuk-error-summary__body"><p class="govuk-body">{problem}</p></div></div>
        }
        .into_any();
    }
    let questions: Vec<Question> = questionnaire.questions_in_order().into_iter().cloned().collect();
    let consent = questionnaire.consent_question().map(|q| q.id.clone()).unwrap_or_default();
    // A new set of answers for each resident: nothing of the last response
    // survives in the page.
    let round = RwSignal::new(0u32);
    let thanks = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let title = questionnaire.title.clone();

    let form = move || {
        round.track();
        let answers = Answers::new();
        let questions = questions.clone();
        let consent = consent.clone();
        let id = id.clone();
        let send = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = answers.values.get_untracked();
            let qid = id.clone();
            match state.apply(|ws, stamp| ws.record_response(stamp, &qid, &typed)) {
                Ok(()) => spawn_local(async move {
                    match state.persist().await {
                        Ok(()) => {
                            thanks.set(true);
                            focus_id("kiosk-thanks");
                        }
                        Err(e) => problem.set(Some(format!("The answers could not be saved on this tablet: {e}"))),
                    }
                }),
                Err(e) => problem.set(Some(e.to_string())),
            }
        };
        view! {
            <form on:submit=send novalidate class="app-kiosk__form">
                {questions.into_iter().map(|q| question_view(q, answers, consent.clone())).collect_view()}
                <button type="submit" class="govuk-button app-kiosk__button">"Send my answers"</button>
            </form>
        }
    };
    let next = move |_| {
        thanks.set(false);
        round.update(|r| *r += 1);
        focus_id("kiosk-title");
    };
    view! {
        <div class="app-kiosk">
            <h1 class="govuk-heading-xl" id="kiosk-title" tabindex="-1">{title}</h1>
            {move || problem.get().map(|p| view! { <p class="govuk-error-message" role="alert">{p}</p> })}
            <Show when=move || thanks.get() fallback=form>
                <div id="kiosk-thanks" tabindex="-1" class="govuk-panel govuk-panel--confirmation">
                    <h2 class="govuk-panel__title">"Thank you"</h2>
                    <div class="govuk-panel__body">"Your answers have been saved. Please hand the tablet back."</div>
                </div>
                <button type="button" class="govuk-button app-kiosk__button" on:click=next>"Next person"</button>
            </Show>
            <FullScreenButton />
            <p class="govuk-body-s"><a class="govuk-link" href=Route::Consultations.href()>"Leave kiosk mode"</a></p>
        </div>
    }
    .into_any()
}

fn question_view(q: Question, answers: Answers, consent: String) -> impl IntoView {
    let qid = q.id.clone();
    match q.kind {
        QuestionKind::Scale => view! {
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby=format!("{qid}-hint")>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">{q.text.clone()}</legend>
                    <div class="govuk-hint" id=format!("{qid}-hint")>"1 means very unsafe, 5 means very safe"</div>
                    <div class="govuk-radios govuk-radios--inline">
                        {["1", "2", "3", "4", "5"].into_iter().map(|v| {
                            let input_id = format!("{qid}-{v}");
                            let (a, b) = (qid.clone(), qid.clone());
                            view! {
                                <div class="govuk-radios__item">
                                    <input class="govuk-radios__input" id=input_id.clone() name=qid.clone() type="radio" value=v
                                        prop:checked=move || answers.one(&a) == v on:change=move |_| answers.set_one(&b, v.to_string()) />
                                    <label class="govuk-label govuk-radios__label" for=input_id>{v}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
        }.into_any(),
        QuestionKind::Choices | QuestionKind::Consent => {
            let options = if q.kind == QuestionKind::Consent { vec!["yes".to_string()] } else { q.options.clone() };
            view! {
                <div class="govuk-form-group">
                    <fieldset class="govuk-fieldset" aria-describedby=format!("{qid}-hint")>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">{q.text.clone()}</legend>
                        <div class="govuk-hint" id=format!("{qid}-hint")>
                            {if q.kind == QuestionKind::Consent { "Leave it unticked if not" } else { "Choose as many as you like" }}
                        </div>
                        <div class="govuk-checkboxes">
                            {options.into_iter().enumerate().map(|(i, option)| {
                                let input_id = format!("{qid}-{i}");
                                let (a, b, o1, o2) = (qid.clone(), qid.clone(), option.clone(), option.clone());
                                let label = if option == "yes" && q.kind == QuestionKind::Consent { "Yes, contact me".to_string() } else { option.clone() };
                                view! {
                                    <div class="govuk-checkboxes__item">
                                        <input class="govuk-checkboxes__input" id=input_id.clone() name=qid.clone() type="checkbox" value=option
                                            prop:checked=move || answers.has(&a, &o1)
                                            on:change=move |ev| answers.toggle(&b, &o2, event_target_checked(&ev)) />
                                        <label class="govuk-label govuk-checkboxes__label" for=input_id>{label}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                </div>
            }.into_any()
        }
        QuestionKind::FreeText => {
            let (a, b) = (qid.clone(), qid.clone());
            view! {
                <div class="govuk-form-group">
                    <h2 class="govuk-label-wrapper">
                        <label class="govuk-label govuk-label--l" for=qid.clone()>{q.text.clone()}</label>
                    </h2>
                    <textarea class="govuk-textarea" id=qid.clone() name=qid rows="3" autocomplete="off"
                        prop:value=move || answers.one(&a) on:input=move |ev| answers.set_one(&b, event_target_value(&ev))></textarea>
                </div>
            }.into_any()
        }
        // Asked only of a resident who has just said yes to being contacted.
        QuestionKind::Contact => {
            let (a, b) = (qid.clone(), qid.clone());
            view! {
                <Show when=move || answers.has(&consent, "yes")>
                    <div class="govuk-form-group">
                        <h2 class="govuk-label-wrapper">
                            <label class="govuk-label govuk-label--l" for=qid.clone()>{q.text.clone()}</label>
                        </h2>
                        <input class="govuk-input govuk-!-width-two-thirds" id=qid.clone() name=qid.clone() type="text" autocomplete="off"
                            spellcheck="false" prop:value={let a = a.clone(); move || answers.one(&a)}
                            on:input={let b = b.clone(); move |ev| answers.set_one(&b, event_target_value(&ev))} />
                    </div>
                </Show>
            }.into_any()
        }
        QuestionKind::PostcodeDistrict => {
            let (a, b) = (qid.clone(), qid.clone());
            view! {
                <div class="govuk-form-group">
                    <h2 class="govuk-label-wrapper">
                        <label class="govuk-label govuk-label--l" for=qid.clone()>{q.text.clone()}</label>
                    </h2>
                    <div class="govuk-hint" id=format!("{qid}-hint")>"Only this part is kept, never your full postcode"</div>
                    <input class="govuk-input govuk-input--width-5" id=qid.clone() name=qid.clone() type="text" autocomplete="off"
                        spellcheck="false" aria-describedby=format!("{qid}-hint")
                        prop:value=move || answers.one(&a) on:input=move |ev| answers.set_one(&b, event_target_value(&ev)) />
                </div>
            }.into_any()
        }
    }
}
