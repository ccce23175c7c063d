//! Workshop mode on a tablet passed round the room: the facilitator sets
//! up a sense-check of the assessed priorities or a problem-solving session
//! on one priority (root causes by victim, offender and location, then
//! responses), each participant places their dots in turn, and the results
//! view is for showing on the screen.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::FieldErrors;
use crate::model::workshop::{Allowance, Ballot, ItemKind, Side, Workshop, WorkshopFormat};
use crate::nav::Route;

use super::components::{
    BackLink, ErrorSummary, FullScreenButton, Missing, Radios, SelectField, Table, TextField, apply_form, show_errors,
};
use super::router::{focus_id, page_loaded};
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

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
                    all.sort_by_key(|w| w.title.to_lowercase());
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

/// One participant's turn: place dots (or rate), save, pass the tablet on.
#[component]
fn Ballot(id: String) -> impl IntoView {
    let session = use_session();
    let turn = RwSignal::new(0u32);
    let done = RwSignal::new(None::<usize>);
    let problem = RwSignal::new(None::<String>);
    let next = move |_| {
        done.set(None);
        problem.set(None);
        turn.update(|t| *t += 1);
    };
    move || {
        turn.track();
        if let Some(n) = done.get() {
            return view! {
                <div class="govuk-panel govuk-panel--confirmation" id="ballot-done" tabindex="-1">
                    <h2 class="govuk-panel__title">{format!("Thank you, participant {n}")}</h2>
                    <div class="govuk-panel__body">"Pass the tablet to the next person."</div>
                </div>
                <button type="button" class="govuk-button app-kiosk__button" on:click=next>
                    "Next participant"
                </button>
            }
            .into_any();
        }
        let Some(w) = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.workshops.get(&id)).cloned()) else {
            return ().into_any();
        };
        let ballot = RwSignal::new(Ballot::for_workshop(&w));
        let (rating, allowance) = match ballot.with_untracked(Ballot::allowance) {
            Allowance::Rating => (true, 0),
            Allowance::Dots(n) => (false, n),
        };
        let items: Vec<(String, String)> = w.votable().iter().map(|i| (i.id.clone(), i.text.clone())).collect();
        let empty = items.is_empty();
        let id = id.clone();
        let save = move |_| {
            let b = ballot.with_untracked(Ballot::votes);
            match session.apply(|ws, stamp| Ok::<_, crate::doc::DocError>(ws.record_ballot(stamp, &id, b))) {
                Ok(Ok(n)) => {
                    done.set(Some(n));
                    focus_id("ballot-done");
                    spawn_local(async move {
                        let _ = session.persist().await;
                    });
                }
                Ok(Err(e)) => problem.set(Some(e)),
                Err(e) => problem.set(Some(e.to_string())),
            }
        };
        view! {
            <ErrorSummary message=problem />
            <h2 class="govuk-heading-l">
                {if rating {
                    "Rate each issue from 1 to 5".to_string()
                } else {
                    format!("Place your {allowance} dots")
                }}
            </h2>
            {(!rating)
                .then(|| {
                    view! {
                        <p class="govuk-body-l" aria-live="polite" id="dots-left">
                            {move || {
                                let left = ballot.with(Ballot::left).unwrap_or(0);
                                format!("{left} of {allowance} dot{} left", if allowance == 1 { "" } else { "s" })
                            }}
                        </p>
                    }
                })}
            {empty.then(|| view! { <p class="govuk-body">"Nothing to vote on yet: add possible responses first."</p> })}
            <ul class="govuk-list app-workshop__votes">
                {items
                    .into_iter()
                    .map(|(item, text)| {
                        let (a, b, c, d, e) = (item.clone(), item.clone(), item.clone(), item.clone(), item);
                        let count = move || ballot.with(|bl| bl.count(&a));
                        let label = text.clone();
                        view! {
                            <li class="app-workshop__vote">
                                <span class="govuk-body-l app-workshop__vote-text">{text}</span>
                                <button
                                    type="button"
                                    class="govuk-button govuk-button--secondary app-kiosk__button"
                                    aria-label=format!("Take a dot from {label}")
                                    disabled=move || !ballot.with(|bl| bl.can_take(&d))
                                    on:click=move |_| ballot.update(|bl| bl.take(&b))
                                >
                                    "\u{2212}"
                                </button>
                                <span class="govuk-body-l app-workshop__count">
                                    {count}
                                    <span class="govuk-visually-hidden">
                                        {format!(" {} for {label}", if rating { "rating" } else { "dots" })}
                                    </span>
                                </span>
                                // No dot left to place: "+" is switched off rather than
                                // letting the counter go below nothing.
                                <button
                                    type="button"
                                    class="govuk-button app-kiosk__button"
                                    aria-label=format!("Add a dot to {label}")
                                    disabled=move || !ballot.with(|bl| bl.can_add(&e))
                                    on:click=move |_| ballot.update(|bl| bl.add(&c))
                                >
                                    "+"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="govuk-button app-kiosk__button" on:click=save>
                "Save my votes"
            </button>
        }
        .into_any()
    }
}

#[component]
fn Results(id: String) -> impl IntoView {
    let session = use_session();
    move || {
        let Some(w) = session.plan.with(|p| p.as_ref().and_then(|p| p.workshops.get(&id)).cloned()) else {
            return ().into_any();
        };
        let rating = w.format == WorkshopFormat::SenseCheck && w.dots == 0;
        let participants = w.participants();
        view! {
            <h2 class="govuk-heading-l">"Results"</h2>
            <p class="govuk-body-l">
                {format!("{participants} participant{} voted.", if participants == 1 { "" } else { "s" })}
            </p>
            <Table
                caption="Workshop results"
                columns=vec![
                    "Rank",
                    if w.format == WorkshopFormat::SenseCheck { "Issue" } else { "Response" },
                    if rating { "Average rating" } else { "Dots" },
                    "People",
                ]
                numeric=2
                class="govuk-table app-workshop__results"
                id="workshop-results"
            >
                {w
                    .tally()
                    .into_iter()
                    .map(|t| {
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{t.rank}</td>
                                <td class="govuk-table__cell">{t.item.text.clone()}</td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">
                                    {if rating { format!("{:.1}", t.result) } else { format!("{:.0}", t.result) }}
                                </td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{t.participants}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        }
        .into_any()
    }
}
