//! "Changed by two partners" on an action's page: the shared panel
//! ([`crate::ui::conflicts`]) for one action.

use leptos::prelude::*;

use crate::nav::Route;
use crate::ui::conflicts::{ConflictsPanel, Subject};
use crate::ui::session::use_session;

#[component]
pub fn ActionConflicts(id: String) -> impl IntoView {
    let session = use_session();
    let number = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.action(&id)).map(|a| a.number.clone()));
    let subject = Subject {
        path: vec!["actions".into(), id.clone()],
        noun: "action",
        name: format!("action {}", number.unwrap_or_default()),
        page: Route::Action(id),
    };
    view! { <ConflictsPanel subject /> }
}
