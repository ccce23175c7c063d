//! "Two actions have the same number": shown on each of them after partners'
//! copies meet, with a way to give this one a free number.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::FieldErrors;
use crate::nav::Route;
use crate::ui::components::{ErrorSummary, TextField, apply_form};
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

#[component]
pub fn DuplicateNumber(id: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let new_number = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let target = id.clone();
    // The other actions with this action's number, and the next free number.
    let others = Memo::new(move |_| {
        session.plan.with(|p| {
            let p = p.as_ref()?;
            let mine = p.action(&target)?;
            let others: Vec<(String, String)> = p
                .duplicate_numbers()
                .into_iter()
                .find(|d| d.action_ids.contains(&target))?
                .action_ids
                .into_iter()
                .filter(|other| *other != target)
                .filter_map(|other| p.action(&other).map(|a| (a.id.clone(), a.title.clone())))
                .collect();
            Some((mine.number.clone(), others, p.next_action_number()))
        })
    });
    Effect::new(move |_| {
        if let Some((_, _, next)) = others.get() {
            new_number.set(next);
        }
    });
    let id = StoredValue::new(id);
    let renumber = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = id.get_value();
        let number = new_number.get_untracked();
        if apply_form(session, errors, "duplicate-number", |ws, stamp| ws.renumber_action(stamp, &id, &number))
            .is_some()
        {
            spawn_local(async move {
                let saved = session.persist().await.is_ok();
                let message = if saved {
                    format!("This action is now action {}", number.trim())
                } else {
                    "The action was renumbered, but not yet saved on this device".to_string()
                };
                nav.go_with_flash(Route::Action(id), message);
            });
        }
    };
    move || {
        others.get().map(|(number, others, _)| {
            view! {
                <div class="govuk-notification-banner" role="region" aria-labelledby="duplicate-number-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="duplicate-number-title">
                            "Two actions have the same number"
                        </h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-body">
                            {format!(
                                "Partners added an action {number} on their own copies before sharing them. Give one of them a new number so the action plan keeps one action {number}. The other action {number}:",
                            )}
                        </p>
                        <ul class="govuk-list govuk-list--bullet">
                            {others
                                .into_iter()
                                .map(|(other, title)| {
                                    view! {
                                        <li>
                                            <a class="govuk-link" href=Route::Action(other).href()>
                                                {title}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <form on:submit=renumber novalidate>
                            <ErrorSummary errors />
                            <TextField
                                id="duplicate-number"
                                label="New number for this action"
                                value=new_number
                                errors
                                class="govuk-input govuk-input--width-5"
                            />
                            <button type="submit" class="govuk-button govuk-button--secondary">
                                "Renumber this action"
                            </button>
                        </form>
                    </div>
                </div>
            }
        })
    }
}
