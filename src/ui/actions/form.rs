//! Adding and editing an action. Nothing is saved until every check passes;
//! errors follow the GOV.UK error-summary pattern.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::{ActionDraft, FieldErrors};
use crate::nav::Route;

use crate::ui::components::{
    BackLink, Checkbox, ErrorSummary, SelectField, TextArea, TextField, clear_errors, show_errors,
};
use crate::ui::navigation::use_navigation;
use crate::ui::router::page_loaded;
use crate::ui::session::{ChangeError, use_session};
use crate::ui::workspaces::IdentityReminder;

/// The form for a new action (`id` is `None`) or an existing one.
#[component]
pub fn ActionFormPage(id: Option<String>) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let existing = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        match &id {
            None => Some((None, p.next_action_number())),
            Some(id) => p.action(id).map(|a| (Some(a.clone()), a.number.clone())),
        }
    });
    let Some((action, number)) = existing else {
        page_loaded("Action not found");
        return view! { <crate::ui::components::Missing what="action" /> }.into_any();
    };
    let heading = match &action {
        Some(a) => format!("Edit {}", a.label().to_lowercase()),
        None => "Add an action".to_string(),
    };
    page_loaded(&heading);

    let draft = action.as_ref().map(ActionDraft::from_action);
    let draft = draft.unwrap_or(ActionDraft { number, ..Default::default() });
    let number = RwSignal::new(draft.number);
    let title = RwSignal::new(draft.title);
    let description = RwSignal::new(draft.description);
    let theme = RwSignal::new(draft.theme_id);
    let leads = RwSignal::new(draft.leads);
    let documents = RwSignal::new(draft.linked_documents);
    let due = RwSignal::new(draft.due);
    let partners = RwSignal::new(draft.partners);
    let start = RwSignal::new(draft.start);
    let tags = RwSignal::new(draft.tags);
    let business_as_usual = RwSignal::new(draft.business_as_usual);
    let errors = RwSignal::new(FieldErrors::default());
    let saving = RwSignal::new(false);

    let theme_options = session
        .plan
        .with_untracked(|p| {
            p.as_ref().map(|p| {
                let mut options = vec![(String::new(), "No theme (cross-cutting)".to_string())];
                options.extend(p.themes_in_order().into_iter().map(|t| (t.id.clone(), t.name.clone())));
                options
            })
        })
        .unwrap_or_default();

    let editing = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = ActionDraft {
            number: number.get_untracked(),
            title: title.get_untracked(),
            description: description.get_untracked(),
            theme_id: theme.get_untracked(),
            leads: leads.get_untracked(),
            linked_documents: documents.get_untracked(),
            due: due.get_untracked(),
            partners: partners.get_untracked(),
            start: start.get_untracked(),
            tags: tags.get_untracked(),
            business_as_usual: business_as_usual.get_untracked(),
        };
        let checked = session.with_workspace(|ws| ws.validate_action(&draft, editing.as_deref()));
        let valid = match checked {
            Some(Ok(valid)) => valid,
            Some(Err(found)) => return show_errors(errors, found),
            None => return,
        };
        let editing = editing.clone();
        let result = session.apply(|ws, stamp| match &editing {
            Some(id) => ws.edit_action(stamp, id, valid).map(|()| id.clone()),
            None => ws.add_action(stamp, valid),
        });
        match result {
            Ok(action_id) => {
                clear_errors(errors);
                saving.set(true);
                spawn_local(async move {
                    let saved = session.persist().await.is_ok();
                    saving.set(false);
                    let message = match (editing.is_some(), saved) {
                        (true, true) => "Action updated",
                        (false, true) => "Action added",
                        (_, false) => "Change made, but not yet saved on this device",
                    };
                    nav.go_with_flash(Route::Action(action_id), message);
                });
            }
            Err(ChangeError::NoIdentity) => {
                let mut e = FieldErrors::default();
                e.add("title", ChangeError::NoIdentity.to_string());
                show_errors(errors, e);
            }
            Err(e) => {
                let mut fe = FieldErrors::default();
                fe.add("title", e.to_string());
                show_errors(errors, fe);
            }
        }
    };

    let back = match &id {
        Some(id) => Route::Action(id.clone()),
        None => Route::Actions(Default::default()),
    };
    view! {
        <BackLink route=back.clone() />
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField
                id="number"
                label="Action number"
                hint="For example, 14 or 2a"
                value=number
                errors
                class="govuk-input govuk-input--width-4"
            />
            <TextField id="title" label="Key action or major project" value=title errors />
            <TextArea
                id="description"
                label="Detail (optional)"
                hint="Sub-items, scope or anything partners need to know"
                value=description
                errors
                rows=4
            />
            <SelectField id="theme" label="Priority theme" value=theme errors options=theme_options />
            <TextArea
                id="leads"
                label="Partnership leads"
                hint="One lead per line, as role and organisation. For example: Head of Youth Offending Service, Luton Council"
                value=leads
                errors
                rows=3
            />
            <TextArea
                id="partners"
                label="Other partners involved (optional)"
                hint="One organisation per line"
                value=partners
                errors
                rows=3
            />
            <TextArea
                id="documents"
                label="Linked documents (optional)"
                hint="One per line. Write the title, a vertical bar | and where it is kept, or just a web address or file location"
                value=documents
                errors
                rows=3
            />
            <TextField
                id="start"
                label="Start date (optional)"
                value=start
                errors
                input_type="date"
                class="govuk-input govuk-input--width-10"
            />
            <TextField
                id="due"
                label="Due date (optional)"
                value=due
                errors
                input_type="date"
                class="govuk-input govuk-input--width-10"
            />
            <TextField
                id="tags"
                label="Tags (optional)"
                hint="Words partners search by, separated by commas. For example: High Town, VAWG"
                value=tags
                errors
            />
            <Checkbox
                id="business-as-usual"
                label="This is business as usual"
                hint="Ongoing work is tracked here but left out of the business plan report"
                value=business_as_usual
            />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button" disabled=move || saving.get()>
                    "Save action"
                </button>
                <a class="govuk-link" href=back.href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
    .into_any()
}
