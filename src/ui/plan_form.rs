//! Editing the plan: its title, period, action plan year, vision, statutory
//! duties and values, prefilled from the saved plan ([`PlanDraft::from_plan`])
//! so an untouched form saves nothing.

use leptos::prelude::*;

use crate::model::{FieldErrors, PlanDraft};
use crate::nav::Route;
use crate::ui::components::{BackLink, ErrorSummary, Missing, TextArea, TextField, apply_form};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

#[component]
pub fn EditPlanPage() -> impl IntoView {
    let session = use_session();
    let Some(draft) = session.plan.with_untracked(|p| p.as_ref().map(|p| PlanDraft::from_plan(&p.plan))) else {
        return view! { <Missing what="plan" /> }.into_any();
    };
    page_loaded("Edit the plan");
    let title = RwSignal::new(draft.title);
    let period = RwSignal::new(draft.period);
    let year = RwSignal::new(draft.action_plan_year);
    let vision = RwSignal::new(draft.vision);
    let duties = RwSignal::new(draft.duties);
    let values = RwSignal::new(draft.values);
    let errors = RwSignal::new(FieldErrors::default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PlanDraft {
            title: title.get_untracked(),
            period: period.get_untracked(),
            action_plan_year: year.get_untracked(),
            vision: vision.get_untracked(),
            duties: duties.get_untracked(),
            values: values.get_untracked(),
        };
        if apply_form(session, errors, "title", move |ws, stamp| ws.edit_plan(stamp, &draft)).is_some() {
            session.save_and_go(Route::Plan, "Plan saved", "Change made, but not yet saved on this device");
        }
    };
    view! {
        <BackLink route=Route::Plan text="Back to the plan" />
        <ErrorSummary errors />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Edit the plan"
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField
                id="title"
                label="Title of the plan"
                hint="For example, Community Safety Partnership Plan 2020 to 2024"
                value=title
                errors
            />
            <TextField
                id="period"
                label="Period of the plan (optional)"
                hint="The first and last years, for example 2020 to 2024"
                value=period
                errors
                class="govuk-input govuk-input--width-10"
            />
            <TextField
                id="action-plan-year"
                label="Year of the action plan (optional)"
                hint="The financial year of the business plan in force, for example 2019-20"
                value=year
                errors
                class="govuk-input govuk-input--width-5"
            />
            <TextArea
                id="vision"
                label="Vision and context (optional)"
                hint="What the partnership wants to achieve and why. Start a line with a dash (-) to make a bulleted list"
                value=vision
                errors
                rows=5
            />
            <TextArea
                id="duties"
                label="Statutory duties (optional)"
                hint="What the law asks the plan to do. The Crime and Disorder Act 1998 asks partnerships to reduce crime and anti-social behaviour, reduce re-offending, and tackle drug, alcohol and substance misuse"
                value=duties
                errors
                rows=4
            />
            <TextArea
                id="values"
                label="Values (optional)"
                hint="One value per line, for example Trust"
                value=values
                errors
                rows=5
            />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">
                    "Save the plan"
                </button>
                <a class="govuk-link" href=Route::Plan.href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
    .into_any()
}
