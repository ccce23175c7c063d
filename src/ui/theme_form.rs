//! Adding, editing and deleting a priority theme. The form is filled from
//! the saved theme ([`crate::doc::Workspace::theme_draft`]); its lead
//! organisation is chosen from the partnership's members, or typed when it
//! is not one. Deleting a theme that has actions or indicators asks where
//! they go.

use leptos::prelude::*;

use crate::doc::{Destination, attached_words};
use crate::model::filter::NO_THEME;
use crate::model::theme::OTHER_ORGANISATION;
use crate::model::{FieldErrors, ThemeDraft};
use crate::nav::Route;
use crate::ui::components::{BackLink, ErrorSummary, Missing, Radios, SelectField, TextArea, TextField, apply_form};
use crate::ui::router::page_loaded;
use crate::ui::session::{Session, use_session};
use crate::ui::workspaces::IdentityReminder;

/// What the theme form offers, read once when the page opens.
struct FormSetup {
    draft: ThemeDraft,
    organisations: Vec<(String, String)>,
    sub_groups: Vec<(String, String)>,
    /// Sub-groups owning the theme besides the one the form shows.
    also_owned_by: Vec<String>,
}

fn setup(session: Session, id: Option<&str>) -> Option<FormSetup> {
    // Before reading the plan: the workspace cannot be borrowed twice.
    let draft = match id {
        None => ThemeDraft::default(),
        Some(id) => session.with_workspace(|ws| ws.theme_draft(id)).flatten()?,
    };
    session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let mut organisations = vec![(String::new(), "Not chosen yet".to_string())];
        organisations.extend(p.organisations_in_order().into_iter().map(|o| (o.id.clone(), o.name.clone())));
        organisations.push((OTHER_ORGANISATION.to_string(), "Another organisation, not a member".to_string()));
        let groups = p.sub_groups_in_order();
        let mut sub_groups = Vec::new();
        if !groups.is_empty() {
            sub_groups.push((String::new(), "No sub-group".to_string()));
            sub_groups.extend(groups.into_iter().map(|g| (g.id.clone(), g.name.clone())));
        }
        let also_owned_by = id
            .map(|id| p.sub_groups_owning(id))
            .unwrap_or_default()
            .into_iter()
            .filter(|g| g.id != draft.sub_group)
            .map(|g| g.name.clone())
            .collect();
        Some(FormSetup { draft, organisations, sub_groups, also_owned_by })
    })
}

/// The form for a new theme (`id` is `None`) or an existing one.
#[component]
pub fn ThemeFormPage(id: Option<String>) -> impl IntoView {
    let session = use_session();
    let Some(setup) = setup(session, id.as_deref()) else { return view! { <Missing what="theme" /> }.into_any() };
    let heading = if id.is_some() { "Edit a priority theme" } else { "Add a priority theme" };
    page_loaded(heading);
    let FormSetup { draft, organisations, sub_groups, also_owned_by } = setup;
    let no_members = organisations.len() <= 2;
    let name = RwSignal::new(draft.name);
    let lead_role = RwSignal::new(draft.lead_role);
    let lead_organisation = RwSignal::new(draft.lead_organisation);
    let other_organisation = RwSignal::new(draft.other_organisation);
    let sub_group = RwSignal::new(draft.sub_group);
    let summary = RwSignal::new(draft.summary);
    let aims = RwSignal::new(draft.aims);
    let commitments = RwSignal::new(draft.commitments);
    let measured = RwSignal::new(draft.measured_through);
    let errors = RwSignal::new(FieldErrors::default());
    let editing = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ThemeDraft {
            name: name.get_untracked(),
            lead_role: lead_role.get_untracked(),
            lead_organisation: lead_organisation.get_untracked(),
            other_organisation: other_organisation.get_untracked(),
            sub_group: sub_group.get_untracked(),
            summary: summary.get_untracked(),
            aims: aims.get_untracked(),
            commitments: commitments.get_untracked(),
            measured_through: measured.get_untracked(),
        };
        let editing = editing.clone();
        let saved = apply_form(session, errors, "name", move |ws, stamp| match &editing {
            Some(id) => ws.edit_theme(stamp, id, &draft).map(|()| (id.clone(), "Theme saved")),
            None => ws.add_theme(stamp, &draft).map(|id| (id, "Theme added to the plan")),
        });
        if let Some((theme, done)) = saved {
            session.save_and_go(Route::Theme(theme), done, "Change made, but not yet saved on this device");
        }
    };
    let back = id.clone().map_or(Route::Plan, Route::Theme);
    view! {
        <BackLink route=back.clone() />
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField id="name" label="Name of the theme" hint="For example, Domestic abuse" value=name errors />
            <TextField
                id="lead-role"
                label="Theme lead's role (optional)"
                hint="A senior officer's role rather than their name, for example Head of Strategic Safeguarding"
                value=lead_role
                errors
            />
            <SelectField
                id="lead-organisation"
                label="Lead organisation (optional)"
                hint=if no_members {
                    "Add the partnership's members on the structure page to choose from them"
                } else {
                    "Choose from the partnership's members"
                }
                value=lead_organisation
                errors
                options=organisations
            />
            {move || {
                (lead_organisation.get() == OTHER_ORGANISATION)
                    .then(|| {
                        view! {
                            <div class="govuk-radios__conditional">
                                <TextField
                                    id="other-organisation"
                                    label="Name of the lead organisation"
                                    value=other_organisation
                                    errors
                                />
                            </div>
                        }
                    })
            }}
            {(!sub_groups.is_empty())
                .then(|| {
                    view! {
                        <SelectField
                            id="sub-group"
                            label="Sub-group (optional)"
                            hint="The sub-group that delivers this theme and reports on it"
                            value=sub_group
                            errors
                            options=sub_groups
                        />
                    }
                })}
            {(!also_owned_by.is_empty())
                .then(|| {
                    view! {
                        <div class="govuk-inset-text">
                            {format!("{} also delivers this theme. Change that on the ", also_owned_by.join(" and "))}
                            <a class="govuk-link" href=Route::Structure.href()>
                                "partnership structure page"
                            </a>"."
                        </div>
                    }
                })}
            <TextArea
                id="summary"
                label="Why this is a priority (optional)"
                hint="The problem in brief, from the strategic assessment"
                value=summary
                errors
                rows=4
            />
            <TextArea id="aims" label="What we aim to achieve (optional)" value=aims errors rows=4 />
            <TextArea
                id="commitments"
                label="What we will do (optional)"
                hint="Start a line with a dash (-) to make a bulleted list"
                value=commitments
                errors
                rows=5
            />
            <TextArea
                id="measured-through"
                label="Measured through (optional)"
                hint="The measures partners report each quarter, one per line"
                value=measured
                errors
                rows=3
            />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">
                    "Save theme"
                </button>
                <a class="govuk-link" href=back.href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
    .into_any()
}

/// What deleting a theme would touch, read once when the page opens.
struct Deletion {
    name: String,
    attached: Option<String>,
    destinations: Vec<(String, String)>,
    sub_groups: Vec<String>,
}

#[component]
pub fn DeleteThemePage(id: String) -> impl IntoView {
    let session = use_session();
    let found = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let theme = p.theme(&id)?;
        let actions = p.actions.values().filter(|a| a.theme_id.as_deref() == Some(id.as_str())).count();
        let indicators = p.indicators_for_theme(&id).len();
        let mut destinations: Vec<(String, String)> =
            p.themes_in_order().into_iter().filter(|t| t.id != id).map(|t| (t.id.clone(), t.name.clone())).collect();
        destinations.push((NO_THEME.to_string(), "No theme (cross-cutting)".to_string()));
        Some(Deletion {
            name: theme.name.clone(),
            attached: attached_words(actions, indicators),
            destinations,
            sub_groups: p.sub_groups_owning(&id).into_iter().map(|g| g.name.clone()).collect(),
        })
    });
    let Some(Deletion { name, attached, destinations, sub_groups }) = found else {
        return view! { <Missing what="theme" /> }.into_any();
    };
    let heading = format!("Delete the theme {name}?");
    page_loaded(&heading);
    let choice = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let theme = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let destination = Destination::from_choice(&choice.get_untracked());
        let theme = theme.clone();
        if apply_form(session, errors, "destination", move |ws, stamp| ws.delete_theme(stamp, &theme, destination))
            .is_some()
        {
            session.save_and_go(Route::Plan, "Theme deleted", "Theme deleted, but not yet saved on this device");
        }
    };
    let legend = attached.as_ref().map(|what| format!("Where should its {what} go?"));
    view! {
        <BackLink route=Route::Theme(id.clone()) />
        <ErrorSummary errors radios=&["destination"] />
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <p class="govuk-body">
            "What the plan says about this theme (its lead, aims and what partners will do) is deleted with it. "
            "History keeps a record of the change, and partners see it deleted when you next share."
        </p>
        {(!sub_groups.is_empty())
            .then(|| {
                view! {
                    <p class="govuk-body">{format!("It will no longer be a theme of {}.", sub_groups.join(" or "))}</p>
                }
            })}
        <form on:submit=submit novalidate>
            {legend.map(|legend| view! { <Radios id="destination" legend value=choice errors options=destinations /> })}
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button govuk-button--warning">
                    "Delete theme"
                </button>
                <a class="govuk-link" href=Route::Theme(id.clone()).href()>
                    "No, keep it"
                </a>
            </div>
        </form>
    }
    .into_any()
}
