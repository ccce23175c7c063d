//! "Undo this import" on the History page: what the undo would remove,
//! which actions have changed since and whether to remove those too, then
//! one new change (see `doc/import.rs`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::{UndoImport, UndoneAction};
use crate::model::FieldErrors;
use crate::nav::Route;

use super::components::{ErrorSummary, Radios};
use super::router::focus_id;
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

/// The confirmation for undoing `plan`'s import; `close` hides it.
#[component]
pub fn UndoImportPanel(plan: UndoImport, close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let choice = RwSignal::new("keep".to_string());
    let errors = RwSignal::new(FieldErrors::default());
    let problem = RwSignal::new(None::<String>);
    let hash = plan.import.hash.clone();
    let changed = !plan.changed.is_empty();
    let undo = move |_| {
        let also = choice.get_untracked() == "remove";
        match session.apply(|ws, stamp| ws.undo_import(stamp, &hash, also)) {
            Ok(removed) => spawn_local(async move {
                let saved = session.persist().await.is_ok();
                let message = match (saved, removed) {
                    (_, 0) => "Nothing was removed".to_string(),
                    (true, 1) => "Import undone: 1 action removed".to_string(),
                    (true, n) => format!("Import undone: {n} actions removed"),
                    (false, _) => "Import undone, but not yet saved on this device".to_string(),
                };
                close.run(());
                nav.go_with_flash(Route::History, message);
            }),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let import = &plan.import;
    let intro = format!(
        "\u{201c}{}\u{201d}, by {} on {} at {}.",
        import.summary,
        import.author.describe(),
        import.date().short(),
        import.time_of_day()
    );
    request_animation_frame(|| focus_id("undo-import"));
    view! {
        <div class="govuk-notification-banner app-undo" role="region" aria-labelledby="undo-import">
            <div class="govuk-notification-banner__content">
                <h2 class="govuk-heading-m" id="undo-import" tabindex="-1">
                    "Undo this import?"
                </h2>
                <p class="govuk-body">{intro}</p>
                <ErrorSummary message=problem />
                <ActionList
                    heading=format!("{} will be removed", count(plan.untouched.len()))
                    actions=plan.untouched.clone()
                />
                {changed
                    .then(|| {
                        view! {
                            <ActionList
                                heading=format!("{} changed since the import", count(plan.changed.len()))
                                actions=plan.changed.clone()
                            />
                            <Radios
                                id="undo-changed"
                                legend="What should happen to the actions changed since the import?"
                                value=choice
                                errors
                                options=vec![
                                    ("keep".into(), "Keep them, with their later changes".into()),
                                    ("remove".into(), "Remove them too, with their later changes".into()),
                                ]
                            />
                        }
                    })}
                {(plan.already_gone > 0)
                    .then(|| {
                        view! {
                            <p class="govuk-body">
                                {format!(
                                    "{} from this import {} no longer in the plan.",
                                    count(plan.already_gone),
                                    if plan.already_gone == 1 { "is" } else { "are" },
                                )}
                            </p>
                        }
                    })}
                <p class="govuk-body">"Removed actions can be brought back by importing the file again."</p>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" on:click=undo>
                        "Undo the import"
                    </button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| close.run(())>
                        "Cancel"
                    </button>
                </div>
            </div>
        </div>
    }
}

fn count(n: usize) -> String {
    format!("{n} action{}", if n == 1 { "" } else { "s" })
}

#[component]
fn ActionList(heading: String, actions: Vec<UndoneAction>) -> impl IntoView {
    (!actions.is_empty()).then(|| {
        view! {
            <h3 class="govuk-heading-s">{heading}</h3>
            <ul class="govuk-list govuk-list--bullet">
                {actions
                    .into_iter()
                    .map(|a| {
                        let later: Vec<String> = a
                            .later_changes
                            .iter()
                            .map(|e| format!("{} \u{2013} {}, {}", e.summary, e.author.describe(), e.date().short()))
                            .collect();
                        view! {
                            <li>
                                {format!("Action {}: {}", a.number, a.title)}
                                {(!later.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul class="govuk-list govuk-list--bullet">
                                                {later.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                            </ul>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
