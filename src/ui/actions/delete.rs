//! Deleting an action, after a clear confirmation.

use leptos::prelude::*;

use crate::model::ActionFilter;
use crate::nav::Route;

use crate::ui::components::{BackLink, ErrorSummary, Missing, WarningText};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

#[component]
pub fn DeleteActionPage(id: String) -> impl IntoView {
    let session = use_session();
    let found = session.plan.with_untracked(|p| {
        p.as_ref().and_then(|p| p.action(&id)).map(|a| (a.label(), a.title.clone(), a.progress.len()))
    });
    let Some((label, title, updates)) = found else {
        page_loaded("Action not found");
        return view! { <Missing what="action" /> }.into_any();
    };
    page_loaded(&format!("Delete {}", label.to_lowercase()));
    let problem = RwSignal::new(None::<String>);
    let target = id.clone();
    let confirm = move |_| {
        let target = target.clone();
        match session.apply(|ws, stamp| ws.delete_action(stamp, &target)) {
            Ok(()) => session.save_and_go(
                Route::Actions(ActionFilter::default()),
                "Action deleted",
                "Action deleted, but not yet saved on this device",
            ),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    let consequence = match updates {
        0 => "This removes the action from the plan for every partner you share changes with.".to_string(),
        1 => "This removes the action and its progress update from the plan for every partner you share changes with."
            .to_string(),
        n => format!(
            "This removes the action and its {n} progress updates from the plan for every partner you share changes with."
        ),
    };
    view! {
        <BackLink route=Route::Action(id.clone()) />
        <ErrorSummary message=problem />
        <span class="govuk-caption-l">{label.clone()}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {format!("Are you sure you want to delete “{title}”?")}
        </h1>
        <WarningText>{consequence} " The workspace history keeps a record of it."</WarningText>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=confirm>
                "Yes, delete this action"
            </button>
            <a class="govuk-link" href=Route::Action(id).href()>
                "No, keep it"
            </a>
        </div>
    }
    .into_any()
}
