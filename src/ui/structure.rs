//! Who the partnership is: member organisations and the sub-groups that
//! deliver the themes, with their chairs and meetings.

use leptos::prelude::*;

use crate::doc::FormError;
use crate::model::{FieldErrors, OrganisationDraft, Partnership, Sector, SubGroupDraft};
use crate::nav::Route;
use crate::ui::components::{
    BackLink, CheckboxGroup, EditRemoveCell, ErrorSummary, Missing, Radios, Table, TextArea, TextField, apply_form,
};
use crate::ui::router::page_loaded;
use crate::ui::session::{Session, use_session};
use crate::ui::workspaces::IdentityReminder;

#[component]
pub fn StructurePage() -> impl IntoView {
    let session = use_session();
    page_loaded("Partnership structure");
    move || session.plan.with(|p| p.map(structure_page))
}

fn structure_page(p: &Partnership) -> impl IntoView + use<> {
    let members: Vec<_> = p.organisations_in_order().into_iter().cloned().collect();
    let groups: Vec<_> = p
        .sub_groups_in_order()
        .into_iter()
        .map(|g| {
            let themes: Vec<String> = g.theme_ids.iter().map(|t| p.theme_name(Some(t)).to_string()).collect();
            let meetings = p.events_in_order().into_iter().filter(|e| e.group_id.as_deref() == Some(&g.id)).count();
            (g.clone(), themes, meetings)
        })
        .collect();
    view! {
        <a href=Route::Plan.href() class="govuk-back-link">
            "Back to the plan"
        </a>
        <h1 class="govuk-heading-l" tabindex="-1">
            "Partnership structure"
        </h1>
        <h2 class="govuk-heading-m">"Members"</h2>
        <a class="govuk-button govuk-button--secondary" href=Route::MemberForm(None).href()>
            "Add a member organisation"
        </a>
        {if members.is_empty() {
            view! { <p class="govuk-body">"No members recorded yet."</p> }.into_any()
        } else {
            view! {
                <Table
                    caption="Member organisations"
                    columns=["Organisation", "Sector", "Role in the partnership"]
                    controls="Actions"
                >
                    {members
                        .into_iter()
                        .map(|m| {
                            view! {
                                <tr class="govuk-table__row">
                                    <th scope="row" class="govuk-table__header">
                                        {m.name.clone()}
                                    </th>
                                    <td class="govuk-table__cell">{m.sector.label()}</td>
                                    <td class="govuk-table__cell">{m.role.clone()}</td>
                                    <EditRemoveCell
                                        edit=Route::MemberForm(Some(m.id.clone()))
                                        remove=Route::RemoveMember(m.id.clone())
                                        item=m.name.clone()
                                    />
                                </tr>
                            }
                        })
                        .collect_view()}
                </Table>
            }
                .into_any()
        }}
        <h2 class="govuk-heading-m">"Sub-groups"</h2>
        <a class="govuk-button govuk-button--secondary" href=Route::SubGroupForm(None).href()>
            "Add a sub-group"
        </a>
        {if groups.is_empty() {
            view! { <p class="govuk-body">"No sub-groups recorded yet."</p> }.into_any()
        } else {
            view! {
                <Table
                    caption="Sub-groups"
                    columns=["Sub-group", "Chair", "Themes", "Meetings in the calendar"]
                    controls="Actions"
                >
                    {groups
                        .into_iter()
                        .map(|(g, themes, meetings)| {
                            view! {
                                <tr class="govuk-table__row">
                                    <th scope="row" class="govuk-table__header">
                                        {g.name.clone()}
                                    </th>
                                    <td class="govuk-table__cell">{g.chair()}</td>
                                    <td class="govuk-table__cell">{themes.join(", ")}</td>
                                    <td class="govuk-table__cell">
                                        <a class="govuk-link" href=Route::Calendar.href()>
                                            {meetings}
                                            <span class="govuk-visually-hidden">
                                                {format!(" meetings of {}", g.name)}
                                            </span>
                                        </a>
                                    </td>
                                    <EditRemoveCell
                                        edit=Route::SubGroupForm(Some(g.id.clone()))
                                        remove=Route::RemoveSubGroup(g.id.clone())
                                        item=g.name.clone()
                                    />
                                </tr>
                            }
                        })
                        .collect_view()}
                </Table>
            }
                .into_any()
        }}
    }
}

#[component]
pub fn MemberFormPage(id: Option<String>) -> impl IntoView {
    let session = use_session();
    let existing = session.plan.with_untracked(|p| match &id {
        None => Some(None),
        Some(id) => p.as_ref().and_then(|p| p.organisations.get(id)).map(|o| Some(o.clone())),
    });
    let Some(existing) = existing else { return view! { <Missing what="member" /> }.into_any() };
    let heading = if existing.is_some() { "Edit a member organisation" } else { "Add a member organisation" };
    page_loaded(heading);
    let name = RwSignal::new(existing.as_ref().map(|o| o.name.clone()).unwrap_or_default());
    let sector = RwSignal::new(existing.as_ref().map(|o| o.sector.code().to_string()).unwrap_or_default());
    let role = RwSignal::new(existing.as_ref().map(|o| o.role.clone()).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::default());
    let options: Vec<(String, String)> =
        Sector::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = OrganisationDraft {
            name: name.get_untracked(),
            sector: sector.get_untracked(),
            role: role.get_untracked(),
        };
        let editing = id.clone();
        save(session, errors, "name", "Member saved", move |ws, stamp| {
            ws.save_organisation(stamp, editing.as_deref(), &draft).map(|_| ())
        });
    };
    view! {
        <BackLink route=Route::Structure />
        <ErrorSummary errors radios=&["sector"] />
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField id="name" label="Name of the organisation" value=name errors />
            <Radios id="sector" legend="Sector" value=sector errors options />
            <TextField
                id="role"
                label="Role in the partnership (optional)"
                hint="For example, Responsible authority, Co-operating body or Delivery partner"
                value=role
                errors
            />
            <button type="submit" class="govuk-button">
                "Save member"
            </button>
        </form>
    }
    .into_any()
}

#[component]
pub fn SubGroupFormPage(id: Option<String>) -> impl IntoView {
    let session = use_session();
    let found = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let themes: Vec<(String, String)> =
            p.themes_in_order().into_iter().map(|t| (t.id.clone(), t.name.clone())).collect();
        match &id {
            None => Some((None, themes)),
            Some(id) => p.sub_groups.get(id).map(|g| (Some(g.clone()), themes)),
        }
    });
    let Some((existing, theme_options)) = found else { return view! { <Missing what="sub-group" /> }.into_any() };
    let heading = if existing.is_some() { "Edit a sub-group" } else { "Add a sub-group" };
    page_loaded(heading);
    let name = RwSignal::new(existing.as_ref().map(|g| g.name.clone()).unwrap_or_default());
    let chair = RwSignal::new(existing.as_ref().map(|g| g.chair()).unwrap_or_default());
    let themes = RwSignal::new(existing.as_ref().map(|g| g.theme_ids.clone()).unwrap_or_default());
    let purpose = RwSignal::new(existing.as_ref().map(|g| g.purpose.as_str().to_string()).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = SubGroupDraft {
            name: name.get_untracked(),
            chair: chair.get_untracked(),
            theme_ids: themes.get_untracked(),
            purpose: purpose.get_untracked(),
        };
        let editing = id.clone();
        save(session, errors, "name", "Sub-group saved", move |ws, stamp| {
            ws.save_sub_group(stamp, editing.as_deref(), &draft).map(|_| ())
        });
    };
    view! {
        <BackLink route=Route::Structure />
        <ErrorSummary errors radios=&["themes"] />
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField id="name" label="Name of the sub-group" hint="For example, MARAC Sub Group" value=name errors />
            <TextField
                id="chair"
                label="Chair (optional)"
                hint="Role and organisation, for example: Head of Strategic Safeguarding, Luton Council"
                value=chair
                errors
            />
            <CheckboxGroup
                id="themes"
                legend="Themes it is responsible for"
                value=themes
                errors
                options=theme_options
            />
            <TextArea id="purpose" label="What it does (optional)" value=purpose errors rows=3 />
            <button type="submit" class="govuk-button">
                "Save sub-group"
            </button>
        </form>
    }
    .into_any()
}

/// Runs a structure intent, then stores it and returns to the structure page.
fn save(
    session: Session,
    errors: RwSignal<FieldErrors>,
    field: &'static str,
    done: &'static str,
    intent: impl FnOnce(&mut crate::doc::Workspace, &crate::doc::Stamp) -> Result<(), FormError>,
) {
    if apply_form(session, errors, field, intent).is_some() {
        session.save_and_go(Route::Structure, done, "Change made, but not yet saved on this device");
    }
}

#[component]
pub fn RemoveMemberPage(id: String) -> impl IntoView {
    let session = use_session();
    let name =
        session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.organisations.get(&id)).map(|o| o.name.clone()));
    let Some(name) = name else { return view! { <Missing what="member" /> }.into_any() };
    view! { <ConfirmRemoval what=name id kind=Kind::Member /> }.into_any()
}

#[component]
pub fn RemoveSubGroupPage(id: String) -> impl IntoView {
    let session = use_session();
    let name = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.sub_groups.get(&id)).map(|g| g.name.clone()));
    let Some(name) = name else { return view! { <Missing what="sub-group" /> }.into_any() };
    view! { <ConfirmRemoval what=name id kind=Kind::SubGroup /> }.into_any()
}

#[derive(Clone, Copy)]
enum Kind {
    Member,
    SubGroup,
}

#[component]
fn ConfirmRemoval(what: String, id: String, kind: Kind) -> impl IntoView {
    let session = use_session();
    page_loaded(&format!("Remove {what}"));
    let confirm = move |_| {
        let id = id.clone();
        let result = session.apply(|ws, stamp| match kind {
            Kind::Member => ws.remove_organisation(stamp, &id),
            Kind::SubGroup => ws.remove_sub_group(stamp, &id),
        });
        if result.is_ok() {
            session.save_and_go(Route::Structure, "Removed", "Removed, but not yet saved on this device");
        }
    };
    view! {
        <BackLink route=Route::Structure />
        <h1 class="govuk-heading-l" tabindex="-1">
            {format!("Remove {what} from the partnership?")}
        </h1>
        <p class="govuk-body">
            "Actions and reports that name it keep their wording. Partners you share changes with will see it removed."
        </p>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=confirm>
                "Yes, remove it"
            </button>
            <a class="govuk-link" href=Route::Structure.href()>
                "No, keep it"
            </a>
        </div>
    }
}
