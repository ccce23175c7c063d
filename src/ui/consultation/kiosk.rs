//! Kiosk mode: residents answer a questionnaire on a tablet one after
//! another, with nothing of the last response left on screen, in the
//! organiser's words for each worry and with a postcode example from the
//! partnership's own area.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::consultation::{Question, QuestionKind, example_district};
use crate::nav::Route;
use crate::storage::kiosk::clear_kiosk_lock;
use crate::ui::components::{BackLink, ErrorSummary, FullScreenButton, Missing};
use crate::ui::router::{focus_id, page_loaded};
use crate::ui::session::use_session;

use super::exit::{LeaveKiosk, NOT_READY};

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
    let session = use_session();
    let found = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.questionnaires.get(&id)).cloned());
    let Some(questionnaire) = found else {
        // Nothing here for a resident to answer, so nothing to keep them on.
        clear_kiosk_lock();
        page_loaded("Questionnaire not found");
        return view! { <Missing what="questionnaire" /> }.into_any();
    };
    page_loaded(&questionnaire.title);
    if let Some(problem) = questionnaire.kiosk_problem() {
        clear_kiosk_lock();
        return view! {
            <BackLink route=Route::Consultations />
            <ErrorSummary title=NOT_READY message=problem.to_string() />
            <h1 class="govuk-heading-l" tabindex="-1">
                {questionnaire.title.clone()}
            </h1>
        }
        .into_any();
    }
    let questions: Vec<Question> = questionnaire.questions_in_order().into_iter().cloned().collect();
    let consent = questionnaire.consent_question().map(|q| q.id.clone()).unwrap_or_default();
    let example = session.plan.with_untracked(|p| p.as_ref().and_then(|p| example_district(&p.area)));
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
            match session.apply(|ws, stamp| ws.record_response(stamp, &qid, &typed)) {
                Ok(()) => spawn_local(async move {
                    match session.persist().await {
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
                {questions.into_iter().map(|q| question_view(q, answers, consent.clone(), example)).collect_view()}
                <button type="submit" class="govuk-button app-kiosk__button">
                    "Send my answers"
                </button>
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
            <ErrorSummary message=problem />
            <h1 class="govuk-heading-xl" id="kiosk-title" tabindex="-1">
                {title}
            </h1>
            <Show when=move || thanks.get() fallback=form>
                <div id="kiosk-thanks" tabindex="-1" class="govuk-panel govuk-panel--confirmation">
                    <h2 class="govuk-panel__title">"Thank you"</h2>
                    <div class="govuk-panel__body">"Your answers have been saved. Please hand the tablet back."</div>
                </div>
                <button type="button" class="govuk-button app-kiosk__button" on:click=next>
                    "Next person"
                </button>
            </Show>
            <FullScreenButton />
            <LeaveKiosk />
        </div>
    }
    .into_any()
}

/// One question as a resident sees it. `example` is a postcode district of
/// the partnership's area, for the postcode hint.
fn question_view(q: Question, answers: Answers, consent: String, example: Option<&'static str>) -> impl IntoView {
    let qid = q.id.clone();
    match q.kind {
        QuestionKind::Scale => view! {
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby=format!("{qid}-hint")>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">{q.text.clone()}</legend>
                    <div class="govuk-hint" id=format!("{qid}-hint")>
                        "1 means very unsafe, 5 means very safe"
                    </div>
                    <div class="govuk-radios govuk-radios--inline">
                        {["1", "2", "3", "4", "5"]
                            .into_iter()
                            .map(|v| {
                                let input_id = format!("{qid}-{v}");
                                let (a, b) = (qid.clone(), qid.clone());
                                view! {
                                    <div class="govuk-radios__item">
                                        <input
                                            class="govuk-radios__input"
                                            id=input_id.clone()
                                            name=qid.clone()
                                            type="radio"
                                            value=v
                                            prop:checked=move || answers.one(&a) == v
                                            on:change=move |_| answers.set_one(&b, v.to_string())
                                        />
                                        <label class="govuk-label govuk-radios__label" for=input_id>
                                            {v}
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>
        }
        .into_any(),
        QuestionKind::Choices | QuestionKind::Consent => {
            let options = if q.kind == QuestionKind::Consent { vec!["yes".to_string()] } else { q.options.clone() };
            view! {
                <div class="govuk-form-group">
                    <fieldset class="govuk-fieldset" aria-describedby=format!("{qid}-hint")>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">{q.text.clone()}</legend>
                        <div class="govuk-hint" id=format!("{qid}-hint")>
                            {if q.kind == QuestionKind::Consent {
                                "Leave it unticked if not"
                            } else {
                                "Choose as many as you like"
                            }}
                        </div>
                        <div class="govuk-checkboxes">
                            {options
                                .into_iter()
                                .enumerate()
                                .map(|(i, option)| {
                                    let input_id = format!("{qid}-{i}");
                                    let (a, b, o1, o2) = (qid.clone(), qid.clone(), option.clone(), option.clone());
                                    let label = option_label(&q, &option);
                                    view! {
                                        <div class="govuk-checkboxes__item">
                                            <input
                                                class="govuk-checkboxes__input"
                                                id=input_id.clone()
                                                name=qid.clone()
                                                type="checkbox"
                                                value=option
                                                prop:checked=move || answers.has(&a, &o1)
                                                on:change=move |ev| answers.toggle(&b, &o2, event_target_checked(&ev))
                                            />
                                            <label class="govuk-label govuk-checkboxes__label" for=input_id>
                                                {label}
                                            </label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
        QuestionKind::FreeText => {
            let (a, b) = (qid.clone(), qid.clone());
            view! {
                <div class="govuk-form-group">
                    <h2 class="govuk-label-wrapper">
                        <label class="govuk-label govuk-label--l" for=qid.clone()>
                            {q.text.clone()}
                        </label>
                    </h2>
                    <textarea
                        class="govuk-textarea"
                        id=qid.clone()
                        name=qid
                        rows="3"
                        autocomplete="off"
                        prop:value=move || answers.one(&a)
                        on:input=move |ev| answers.set_one(&b, event_target_value(&ev))
                    ></textarea>
                </div>
            }
            .into_any()
        }
        // Asked only of a resident who has just said yes to being contacted.
        QuestionKind::Contact => {
            let (a, b) = (qid.clone(), qid.clone());
            view! {
                <Show when=move || answers.has(&consent, "yes")>
                    <div class="govuk-form-group">
                        <h2 class="govuk-label-wrapper">
                            <label class="govuk-label govuk-label--l" for=qid.clone()>
                                {q.text.clone()}
                            </label>
                        </h2>
                        <input
                            class="govuk-input govuk-!-width-two-thirds"
                            id=qid.clone()
                            name=qid.clone()
                            type="text"
                            autocomplete="off"
                            spellcheck="false"
                            prop:value={
                                let a = a.clone();
                                move || answers.one(&a)
                            }
                            on:input={
                                let b = b.clone();
                                move |ev| answers.set_one(&b, event_target_value(&ev))
                            }
                        />
                    </div>
                </Show>
            }
            .into_any()
        }
        QuestionKind::PostcodeDistrict => {
            let (a, b) = (qid.clone(), qid.clone());
            let hint = match example {
                Some(district) => format!("For example, {district}. Only this part is kept, never your full postcode"),
                None => "Only this part is kept, never your full postcode".to_string(),
            };
            view! {
                <div class="govuk-form-group">
                    <h2 class="govuk-label-wrapper">
                        <label class="govuk-label govuk-label--l" for=qid.clone()>
                            {q.resident_text().to_string()}
                        </label>
                    </h2>
                    <div class="govuk-hint" id=format!("{qid}-hint")>
                        {hint}
                    </div>
                    <input
                        class="govuk-input govuk-input--width-5"
                        id=qid.clone()
                        name=qid.clone()
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=format!("{qid}-hint")
                        prop:value=move || answers.one(&a)
                        on:input=move |ev| answers.set_one(&b, event_target_value(&ev))
                    />
                </div>
            }
            .into_any()
        }
    }
}

/// The words a resident reads beside `option`: the organiser's wording of
/// it (the answer keeps the option itself), and "Yes, contact me" for a
/// consent question's yes.
fn option_label(q: &Question, option: &str) -> String {
    if option == "yes" && q.kind == QuestionKind::Consent {
        "Yes, contact me".to_string()
    } else {
        q.shown(option).to_string()
    }
}
