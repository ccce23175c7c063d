//! Deleting one progress update (one recorded on the wrong action, say),
//! after a confirmation. History keeps it, and it can be restored there.

use leptos::prelude::*;

use crate::nav::Route;
use crate::ui::components::{BackLink, ErrorSummary, Missing};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

#[component]
pub fn DeleteProgressPage(id: String, update: String) -> impl IntoView {
    let session = use_session();
    let found = session.plan.with_untracked(|p| {
        let action = p.as_ref()?.action(&id)?;
        let u = action.progress.get(&update)?;
        Some((action.label(), u.date, u.author_organisation.clone()))
    });
    let Some((label, date, organisation)) = found else {
        page_loaded("Progress update not found");
        return view! { <Missing what="progress update" /> }.into_any();
    };
    page_loaded("Delete progress update");
    let problem = RwSignal::new(None::<String>);
    let (target, target_update) = (id.clone(), update.clone());
    let confirm = move |_| {
        let (action_id, update_id) = (target.clone(), target_update.clone());
        match session.apply(|ws, stamp| ws.delete_progress(stamp, &action_id, &update_id)) {
            Ok(()) => session.save_and_go(
                Route::Action(action_id),
                "Progress update deleted. You can restore it from History.",
                "Progress update deleted, but not yet saved on this device",
            ),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };
    view! {
        <BackLink route=Route::Action(id.clone()) />
        <ErrorSummary message=problem />
        <span class="govuk-caption-l">{label}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {format!("Are you sure you want to delete the progress update of {date} from {organisation}?")}
        </h1>
        <p class="govuk-body">
            "It is removed for every partner you share changes with. History keeps a record, and you can restore it from there."
        </p>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=confirm>
                "Yes, delete this update"
            </button>
            <a class="govuk-link" href=Route::Action(id).href()>
                "No, keep it"
            </a>
        </div>
    }
    .into_any()
}
