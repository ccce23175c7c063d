//! Partnerships kept on this device: the first-run choice, the list, and
//! creating, renaming, opening and deleting them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::Workspace;
use crate::model::{Author, Date, FieldErrors};
use crate::nav::Route;
use crate::storage::settings::CatalogEntry;

use super::components::{BackLink, ErrorSummary, Table, TextField, WarningText, clear_errors, show_errors};
use super::router::page_loaded;
use crate::ui::device::use_device;
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

#[component]
pub fn WorkspacesPage() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let device = use_device();
    let first_run = move || device.catalog.with(Vec::is_empty);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    page_loaded(if first_run() { "Welcome" } else { "Your partnerships" });

    let explore_demo = move |_| {
        busy.set(true);
        spawn_local(async move {
            match session.create_demo().await {
                Ok(()) => nav.go_with_flash(Route::Plan, "The demo partnership is ready to explore"),
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };

    view! {
        <ErrorSummary message=problem />
        <Show when=first_run fallback=move || view! { <WorkspaceList problem /> }>
            <h1 class="govuk-heading-xl" tabindex="-1">
                "Plan and account for your partnership's work"
            </h1>
            <p class="govuk-body-l">
                "Safer Plan keeps a Community Safety Partnership's plan, action plan and progress in this browser. "
                "Partners share their changes by exchanging files — no shared server is needed."
            </p>
            <h2 class="govuk-heading-m">"How do you want to start?"</h2>
            <div class="govuk-button-group">
                <button
                    type="button"
                    class="govuk-button govuk-button--start"
                    on:click=explore_demo
                    disabled=move || busy.get()
                >
                    "Explore the demo partnership"
                </button>
                <a class="govuk-button govuk-button--secondary" href=Route::NewWorkspace.href()>
                    "Start a new partnership"
                </a>
                <a class="govuk-button govuk-button--secondary" href=Route::OpenFile.href()>
                    "Open a file from a partner"
                </a>
            </div>
            <p class="govuk-body">
                "Choose \u{201c}Open a file from a partner\u{201d} if a partner has sent you the partnership as a .saferplan or .automerge file."
            </p>
            <p class="govuk-body">{crate::demo::DEMO_NOTE}</p>
        </Show>
    }
}

#[component]
fn WorkspaceList(problem: RwSignal<Option<String>>) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let device = use_device();
    let has_demo = move || device.catalog.with(|c| c.iter().any(|e| e.is_demo));
    let add_demo = move |_| {
        spawn_local(async move {
            match session.create_demo().await {
                Ok(()) => nav.go_with_flash(Route::Plan, "The demo partnership is ready to explore"),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">
            "Your partnerships"
        </h1>
        <p class="govuk-body">"These partnerships are kept in this browser on this device."</p>
        <Table caption="Partnerships on this device" columns=["Partnership", "Added to this device"] controls="Actions">
            <For
                each=move || device.catalog.get()
                key=|e| (e.id.clone(), e.name.clone())
                children=move |entry| view! { <WorkspaceRow entry problem /> }
            />
        </Table>
        <div class="govuk-button-group">
            <a class="govuk-button" href=Route::NewWorkspace.href()>
                "Start a new partnership"
            </a>
            <a class="govuk-button govuk-button--secondary" href=Route::OpenFile.href()>
                "Open a file from a partner"
            </a>
            <Show when=move || !has_demo()>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=add_demo>
                    "Explore the demo partnership"
                </button>
            </Show>
        </div>
    }
}

#[component]
fn WorkspaceRow(entry: CatalogEntry, problem: RwSignal<Option<String>>) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let id = entry.id.clone();
    let is_open = {
        let id = id.clone();
        move || session.plan.with(|p| p.as_ref().is_some_and(|p| p.id == id))
    };
    let open = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            spawn_local(async move {
                match session.open(&id).await {
                    Ok(()) => nav.go(&Route::Plan),
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    };
    let name = entry.name.clone();
    let added = Date::from_unix_seconds(entry.created_at).to_string();
    view! {
        <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
                {name.clone()}
                {entry
                    .is_demo
                    .then(|| {
                        view! {
                            " "
                            <strong class="govuk-tag govuk-tag--grey">"Demo"</strong>
                        }
                    })}
                <Show when=is_open.clone()>" " <strong class="govuk-tag">"Open"</strong></Show>
            </th>
            <td class="govuk-table__cell">{added}</td>
            <td class="govuk-table__cell app-table__actions">
                <button type="button" class="govuk-button govuk-button--secondary app-button--inline" on:click=open>
                    "Open"
                    <span class="govuk-visually-hidden">{format!(" {name}")}</span>
                </button>
                <a class="govuk-link" href=Route::RenameWorkspace(id.clone()).href()>
                    "Rename"
                    <span class="govuk-visually-hidden">{format!(" {}", entry.name)}</span>
                </a>
                " "
                <a class="govuk-link" href=Route::DeleteWorkspace(id).href()>
                    "Delete"
                    <span class="govuk-visually-hidden">{format!(" {}", entry.name)}</span>
                </a>
            </td>
        </tr>
    }
}

#[component]
pub fn NewWorkspacePage() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let device = use_device();
    let name = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    page_loaded("Start a new partnership");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(stamp) = device.stamp() else {
            let mut e = FieldErrors::default();
            e.add("identity-name", "Add your name and organisation above first, so partners can see who set this up");
            show_errors(errors, e);
            return;
        };
        let (n, a) = (name.get_untracked(), area.get_untracked());
        if n.trim().is_empty() {
            let mut e = FieldErrors::default();
            e.add("name", "Enter the name of the partnership");
            show_errors(errors, e);
            return;
        }
        clear_errors(errors);
        let ws = Workspace::create(&n, &a, &stamp);
        spawn_local(async move {
            match session.adopt(ws, false).await {
                Ok(()) => nav.go_with_flash(Route::Plan, "Partnership created"),
                Err(e) => {
                    let mut fe = FieldErrors::default();
                    fe.add("name", e);
                    show_errors(errors, fe);
                }
            }
        });
    };

    view! {
        <BackLink route=Route::Workspaces />
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Start a new partnership"
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField
                id="name"
                label="Name of the partnership"
                hint="For example, Luton Community Safety Partnership"
                value=name
                errors
            />
            <TextField
                id="area"
                label="Area it covers (optional)"
                hint="The local authority area, for example Luton"
                value=area
                errors
                class="govuk-input govuk-!-width-one-half"
            />
            <button type="submit" class="govuk-button">
                "Create partnership"
            </button>
        </form>
    }
}

/// Shown above forms while this device does not know who is making
/// changes: the person gives their name and organisation right here, so a
/// half-filled form is never left behind for a trip to Settings.
#[component]
pub fn IdentityReminder() -> impl IntoView {
    let device = use_device();
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Author::validate(&name.get_untracked(), &organisation.get_untracked()) {
            Err(found) => {
                let mut renamed = FieldErrors::default();
                for (field, message) in found.iter() {
                    renamed.add(if field == "name" { "identity-name" } else { "identity-organisation" }, message);
                }
                let first = renamed.iter().next().map(|(f, _)| f);
                errors.set(renamed);
                if let Some(first) = first {
                    super::router::focus_id(first);
                }
            }
            Ok(author) => match crate::storage::settings::set_identity(&author) {
                Ok(()) => {
                    errors.set(FieldErrors::default());
                    device.identity.set(Some(author));
                }
                Err(e) => {
                    let mut found = FieldErrors::default();
                    found.add("identity-name", format!("Your details could not be saved on this device: {e}"));
                    errors.set(found);
                }
            },
        }
    };
    view! {
        <Show when=move || device.identity.with(Option::is_none)>
            <form class="govuk-inset-text app-identity" on:submit=save novalidate aria-labelledby="identity-title">
                <h2 class="govuk-heading-s" id="identity-title">
                    "Who is making changes?"
                </h2>
                <p class="govuk-body">
                    "Every change is recorded with the name and organisation of the person who made it. "
                    "They are kept on this device; you can change them later in "
                    <a class="govuk-link" href=Route::Settings.href()>
                        "Settings"
                    </a> "."
                </p>
                <TextField
                    id="identity-name"
                    label="Your name"
                    value=name
                    errors
                    autocomplete="name"
                    class="govuk-input govuk-!-width-two-thirds"
                />
                <TextField
                    id="identity-organisation"
                    label="Your organisation"
                    hint="For example, Luton Council or Bedfordshire Police"
                    value=organisation
                    errors
                    autocomplete="organization"
                    class="govuk-input govuk-!-width-two-thirds"
                />
                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    "Save your details"
                </button>
            </form>
        </Show>
    }
}

fn catalog_entry(id: &str) -> Option<CatalogEntry> {
    use_device().catalog.with_untracked(|c| c.iter().find(|e| e.id == id).cloned())
}

#[component]
pub fn RenameWorkspacePage(id: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let Some(entry) = catalog_entry(&id) else {
        return view! { <super::components::Missing what="partnership" /> }.into_any();
    };
    let name = RwSignal::new(entry.name.clone());
    let errors = RwSignal::new(FieldErrors::default());
    page_loaded(&format!("Rename {}", entry.name));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = id.clone();
        spawn_local(async move {
            match session.rename_workspace(&id, &name.get_untracked()).await {
                Ok(()) => nav.go_with_flash(Route::Workspaces, "Partnership renamed"),
                Err(e) => show_errors(errors, e),
            }
        });
    };
    view! {
        <BackLink route=Route::Workspaces />
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Rename partnership"
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField id="name" label="New name" value=name errors />
            <p class="govuk-body">"The new name is shared with partners the next time you exchange changes."</p>
            <button type="submit" class="govuk-button">
                "Save name"
            </button>
        </form>
    }
    .into_any()
}

#[component]
pub fn DeleteWorkspacePage(id: String) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let Some(entry) = catalog_entry(&id) else {
        return view! { <super::components::Missing what="partnership" /> }.into_any();
    };
    let problem = RwSignal::new(None::<String>);
    page_loaded(&format!("Delete {}", entry.name));
    let confirm = move |_| {
        let id = id.clone();
        spawn_local(async move {
            match session.delete_workspace(&id).await {
                Ok(()) => nav.go_with_flash(Route::Workspaces, "Partnership deleted from this device"),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <BackLink route=Route::Workspaces />
        <ErrorSummary message=problem />
        <h1 class="govuk-heading-l" tabindex="-1">
            {format!("Are you sure you want to delete {} from this device?", entry.name)}
        </h1>
        <WarningText>"This cannot be undone on this device. Partners who have a copy keep theirs."</WarningText>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=confirm>
                "Yes, delete this partnership"
            </button>
            <a class="govuk-link" href=Route::Workspaces.href()>
                "No, keep it"
            </a>
        </div>
    }
    .into_any()
}
