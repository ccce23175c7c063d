//! One participant's turn at the workshop tablet: their dots (or ratings)
//! placed, saved, and the tablet passed on.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::workshop::{Allowance, Ballot};

use crate::ui::components::ErrorSummary;
use crate::ui::router::focus_id;
use crate::ui::session::use_session;

/// One participant's turn: place dots (or rate), save, pass the tablet on.
#[component]
pub(super) fn Ballot(id: String) -> impl IntoView {
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
