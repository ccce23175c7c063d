//! Workshop mode on a tablet passed round the room: the facilitator sets
//! up a sense-check of the assessed priorities or a problem-solving session
//! on one priority (root causes by victim, offender and location, then
//! responses), each participant places their dots in turn, and the results
//! view is for showing on the screen.

mod ballot;
mod results;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::FieldErrors;
use crate::model::workshop::{ItemKind, Side, Workshop, WorkshopFormat};
use crate::nav::Route;

use super::components::{
    BackLink, ErrorSummary, FullScreenButton, Missing, Radios, SelectField, TextField, apply_form, show_errors,
};
use super::router::page_loaded;
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

use self::ballot::Ballot;
use self::results::Results;

#[component]
pub fn WorkshopsPage() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    page_loaded("Partner workshops");
    let title = RwSignal::new(String::new());
    let format = RwSignal::new("sense-check".to_string());
    let theme = RwSignal::new(String::new());
    let dots = RwSignal::new("3".to_string());
    let errors = RwSignal::new(FieldErrors::default());
    let themes: Vec<(String, String)> = std::iter::once((String::new(), "Choose a priority".to_string()))
        .chain(session.plan.with_untracked(|p| {
            p.as_ref()
                .map(|p| p.themes_in_order().iter().map(|t| (t.id.clone(), t.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        }))
        .collect();
    let set_up = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind = if format.get_untracked() == "problem-solving" {
            WorkshopFormat::ProblemSolving
        } else {
            WorkshopFormat::SenseCheck
        };
        let theme_id = Some(theme.get_untracked()).filter(|t| !t.is_empty());
        let Ok(dots) = dots.get_untracked().trim().parse::<i64>() else {
            let mut e = FieldErrors::default();
            e.add("dots", "Enter the number of dots as a whole number, such as 3");
            return show_errors(errors, e);
        };
        let t = title.get_untracked();
        if let Some(id) =
            apply_form(session, errors, "title", |ws, stamp| Ok(ws.add_workshop(stamp, &t, kind, theme_id, dots)?))
        {
            spawn_local(async move {
                let _ = session.persist().await;
                nav.go_with_flash(Route::Workshop(id), "Workshop set up");
            });
        }
    };
    view! {
        <BackLink route=Route::Assessment(String::new()) text="Back to the assessment" />
        <ErrorSummary errors radios=&["format"] />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Partner workshops"
        </h1>
        {move || {
            session
                .plan
                .with(|p| {
                    let p = p.as_ref()?;
                    let mut all: Vec<&Workshop> = p.workshops.values().collect();
                    crate::sorting::sort_by_key(&mut all, |w| w.title.to_lowercase());
                    (!all.is_empty())
                        .then(|| {
                            view! {
                                <ul class="govuk-list">
                                    {all
                                        .into_iter()
                                        .map(|w| {
                                            view! {
                                                <li>
                                                    <a class="govuk-link" href=Route::Workshop(w.id.clone()).href()>
                                                        {w.title.clone()}
                                                    </a>
                                                    {format!(
                                                        " \u{2013} {} participant{}",
                                                        w.participants(),
                                                        if w.participants() == 1 { "" } else { "s" },
                                                    )}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                })
        }}
        <h2 class="govuk-heading-m">"Set up a workshop"</h2>
        <form on:submit=set_up novalidate>
            <TextField id="title" label="Title" value=title errors hint="For example, February partner workshop" />
            <Radios
                id="format"
                legend="What kind of workshop?"
                value=format
                errors
                options=vec![
                    (
                        "sense-check".into(),
                        "Sense-check the priorities: participants place dots on the assessed issues".into(),
                    ),
                    (
                        "problem-solving".into(),
                        "Problem-solving for one priority: root causes, then responses, then a vote".into(),
                    ),
                ]
            />
            <SelectField id="theme" label="Priority (for problem-solving)" value=theme errors options=themes />
            <TextField
                id="dots"
                label="Dots for each participant"
                value=dots
                errors
                class="govuk-input govuk-input--width-2"
                hint="0 means participants rate every issue from 1 to 5 instead"
            />
            <button type="submit" class="govuk-button">
                "Set up workshop"
            </button>
        </form>
    }
}

#[component]
pub fn WorkshopPage(id: String) -> impl IntoView {
    let session = use_session();
    let title = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.workshops.get(&id)).map(|w| w.title.clone()));
    let Some(title) = title else {
        page_loaded("Workshop not found");
        return view! { <Missing what="workshop" /> }.into_any();
    };
    page_loaded(&title);
    let problem_solving = session.plan.with_untracked(|p| {
        p.as_ref().and_then(|p| p.workshops.get(&id)).is_some_and(|w| w.format == WorkshopFormat::ProblemSolving)
    });
    let stage = RwSignal::new(if problem_solving { "causes" } else { "vote" }.to_string());
    let mut stages = Vec::new();
    if problem_solving {
        stages.push(("causes", "Root causes"));
        stages.push(("responses", "Responses"));
    }
    stages.push(("vote", "Vote"));
    stages.push(("results", "Results"));
    view! {
        <div class="app-workshop">
            <BackLink route=Route::Workshops text="All workshops" />
            <h1 class="govuk-heading-xl" tabindex="-1">
                {title}
            </h1>
            <nav class="app-workshop__stages" aria-label="Workshop stages">
                {stages
                    .into_iter()
                    .map(|(key, label)| {
                        view! {
                            <button
                                type="button"
                                class="govuk-button govuk-button--secondary app-kiosk__button"
                                aria-pressed=move || (stage.get() == key).to_string()
                                on:click=move |_| stage.set(key.to_string())
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <FullScreenButton />
            // Only the stage decides what is shown; each part follows the
            // plan itself, so a vote being saved does not reset the turn.
            {move || {
                let id = id.clone();
                match stage.get().as_str() {
                    "causes" => view! { <Causes id /> }.into_any(),
                    "responses" => view! { <Responses id /> }.into_any(),
                    "results" => view! { <Results id /> }.into_any(),
                    _ => view! { <Ballot id /> }.into_any(),
                }
            }}
        </div>
    }
    .into_any()
}

#[component]
fn Responses(id: String) -> impl IntoView {
    let session = use_session();
    let listed = {
        let id = id.clone();
        move || {
            session.plan.with(|p| {
                p.as_ref()
                    .and_then(|p| p.workshops.get(&id))
                    .map(|w| w.votable().iter().map(|i| i.text.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <h2 class="govuk-heading-l">"Possible responses"</h2>
        <ul class="govuk-list govuk-list--bullet app-workshop__ideas">
            {move || listed().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
        </ul>
        <AddIdea id kind=ItemKind::Response label="Response" />
    }
}

#[component]
fn Causes(id: String) -> impl IntoView {
    let session = use_session();
    view! {
        <h2 class="govuk-heading-l">"Root causes"</h2>
        <div class="app-workshop__triangle">
            {Side::ALL
                .into_iter()
                .map(|side| {
                    let id = id.clone();
                    let listed = {
                        let id = id.clone();
                        move || {
                            session
                                .plan
                                .with(|p| {
                                    p.as_ref()
                                        .and_then(|p| p.workshops.get(&id))
                                        .map(|w| w.causes(side).iter().map(|i| i.text.clone()).collect::<Vec<_>>())
                                        .unwrap_or_default()
                                })
                        }
                    };
                    view! {
                        <section class="app-workshop__side" aria-labelledby=format!("side-{}", side.label())>
                            <h3 class="govuk-heading-m" id=format!("side-{}", side.label())>
                                {side.label()}
                            </h3>
                            <p class="govuk-body">{side.prompt()}</p>
                            <ul class="govuk-list govuk-list--bullet">
                                {move || listed().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                            </ul>
                            <AddIdea id kind=ItemKind::Cause(side) label=side.label() />
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn AddIdea(id: String, kind: ItemKind, label: &'static str) -> impl IntoView {
    let session = use_session();
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let input_id = format!("idea-{}", label.to_lowercase().replace(' ', "-"));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, kind) = (text.get_untracked(), kind.clone());
        match session.apply(|ws, stamp| Ok::<_, crate::doc::DocError>(ws.add_workshop_item(stamp, &id, kind, &t))) {
            Ok(Ok(())) => {
                text.set(String::new());
                problem.set(None);
                spawn_local(async move {
                    let _ = session.persist().await;
                });
            }
            Ok(Err(e)) => problem.set(e.iter().next().map(|(_, m)| m.to_string())),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let link_to = input_id.clone();
    let problems = Signal::derive(move || problem.get().map(|p| vec![(link_to.clone(), p)]).unwrap_or_default());
    view! {
        <form on:submit=add novalidate class="govuk-form-group">
            <ErrorSummary links=problems />
            <label class="govuk-label govuk-label--s" for=input_id.clone()>
                {format!("Add: {}", label.to_lowercase())}
            </label>
            <input class="govuk-input" id=input_id type="text" bind:value=text />
            <button type="submit" class="govuk-button govuk-button--secondary app-kiosk__button">
                "Add"
            </button>
        </form>
    }
}
