//! The partnership calendar: list, add, edit and remove meetings and
//! campaigns, and download them as an `.ics` file for Outlook (written by
//! the file worker from the saved document, so icalendar and chrono are not
//! in the page's wasm).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::{CalendarEvent, EventDraft, EventKind, FieldErrors};
use crate::nav::Route;
use crate::ui::clock;
use crate::ui::components::{
    BackLink, EditRemoveCell, ErrorSummary, Missing, Radios, SelectField, Table, TextArea, TextField, clear_errors,
    show_errors,
};
use crate::ui::download::download;
use crate::ui::file_worker::{BusyStatus, jobs};
use crate::ui::navigation::use_navigation;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let session = use_session();
    page_loaded("Calendar");
    let today = clock::today();
    crate::ui::file_worker::warm_up();
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let download_ics = move |_| {
        let Some((document, stem)) = session.with_workspace(|ws| (ws.save(), ws.partnership().file_stem())) else {
            return;
        };
        problem.set(None);
        spawn_local(async move {
            let made = jobs::calendar(document, clock::now(), busy).await.and_then(|ics| {
                download(ics.as_bytes(), &format!("{stem}-calendar.ics"), "text/calendar")
                    .map_err(|e| format!("The calendar could not be downloaded: {e}"))
            });
            if let Err(message) = made {
                problem.set(Some(message));
            }
        });
    };
    let lists = move || {
        session.plan.with(|p| {
            let p = p.as_ref()?;
            let (past, upcoming): (Vec<CalendarEvent>, Vec<CalendarEvent>) =
                p.events_in_order().into_iter().cloned().partition(|e| e.last_day() < today);
            Some(view! {
                <h2 class="govuk-heading-m">"Coming up"</h2>
                <EventTable events=upcoming caption="Coming up" empty="Nothing is planned yet." />
                <h2 class="govuk-heading-m">"Past"</h2>
                <EventTable
                    events=past.into_iter().rev().collect()
                    caption="Past meetings and campaigns"
                    empty="Nothing yet."
                />
            })
        })
    };
    view! {
        <ErrorSummary message=problem />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Calendar"
        </h1>
        <p class="govuk-body">
            "Executive and sub-group meetings, and the awareness campaigns partners plan their communications around."
        </p>
        <div class="govuk-button-group">
            <a class="govuk-button" href=Route::NewEvent.href()>
                "Add a meeting or campaign"
            </a>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=download_ics>
                "Download for Outlook (.ics)"
            </button>
        </div>
        <BusyStatus busy id="calendar-busy" text="Making the calendar\u{2026}" />
        {lists}
    }
}

#[component]
fn EventTable(events: Vec<CalendarEvent>, caption: &'static str, empty: &'static str) -> impl IntoView {
    if events.is_empty() {
        return view! { <p class="govuk-body">{empty}</p> }.into_any();
    }
    view! {
        <Table caption=caption columns=["When", "What", "Where"] controls="Actions">
            {events
                .into_iter()
                .map(|e| {
                    view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{e.when()}</td>
                            <th scope="row" class="govuk-table__header">
                                {e.title.clone()}
                                <br />
                                <span class="govuk-body-s app-location">{e.kind.label()}</span>
                            </th>
                            <td class="govuk-table__cell">{e.location.clone()}</td>
                            <EditRemoveCell
                                edit=Route::EditEvent(e.id.clone())
                                remove=Route::DeleteEvent(e.id.clone())
                                item=format!("{}, {}", e.title, e.when())
                            />
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}

#[component]
pub fn EventFormPage(id: Option<String>) -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let existing = session.plan.with_untracked(|p| match &id {
        None => Some(None),
        Some(id) => p.as_ref().and_then(|p| p.events.get(id)).map(|e| Some(e.clone())),
    });
    let Some(existing) = existing else {
        return view! { <Missing what="calendar item" /> }.into_any();
    };
    let heading = if existing.is_some() { "Edit a meeting or campaign" } else { "Add a meeting or campaign" };
    page_loaded(heading);
    let draft = existing.as_ref().map_or_else(
        || EventDraft { kind: EventKind::Meeting.code().into(), ..Default::default() },
        EventDraft::from_event,
    );
    let title = RwSignal::new(draft.title);
    let kind = RwSignal::new(draft.kind);
    let start = RwSignal::new(draft.start);
    let end = RwSignal::new(draft.end);
    let time = RwSignal::new(draft.time);
    let location = RwSignal::new(draft.location);
    let notes = RwSignal::new(draft.notes);
    let group = RwSignal::new(draft.group_id);
    let group_options = session
        .plan
        .with_untracked(|p| {
            p.as_ref().map(|p| {
                let mut options = vec![(String::new(), "Not a sub-group meeting".to_string())];
                options.extend(p.sub_groups_in_order().into_iter().map(|g| (g.id.clone(), g.name.clone())));
                options
            })
        })
        .unwrap_or_default();
    let errors = RwSignal::new(FieldErrors::default());
    let options: Vec<(String, String)> =
        EventKind::ALL.iter().map(|k| (k.code().to_string(), k.label().to_string())).collect();

    let editing = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = EventDraft {
            title: title.get_untracked(),
            kind: kind.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            time: time.get_untracked(),
            location: location.get_untracked(),
            notes: notes.get_untracked(),
            group_id: group.get_untracked(),
        };
        let valid = match draft.validate() {
            Ok(v) => v,
            Err(found) => return show_errors(errors, found),
        };
        let editing = editing.clone();
        let result = session.apply(|ws, stamp| match &editing {
            Some(id) => ws.edit_event(stamp, id, valid),
            None => ws.add_event(stamp, valid).map(|_| ()),
        });
        match result {
            Ok(()) => {
                clear_errors(errors);
                spawn_local(async move {
                    let saved = session.persist().await.is_ok();
                    let message = match (editing.is_some(), saved) {
                        (true, true) => "Calendar updated",
                        (false, true) => "Added to the calendar",
                        (_, false) => "Change made, but not yet saved on this device",
                    };
                    nav.go_with_flash(Route::Calendar, message);
                });
            }
            Err(e) => {
                let mut fe = FieldErrors::default();
                fe.add("title", e.to_string());
                show_errors(errors, fe);
            }
        }
    };
    view! {
        <BackLink route=Route::Calendar />
        <ErrorSummary errors radios=&["kind"] />
        <h1 class="govuk-heading-l" tabindex="-1">
            {heading}
        </h1>
        <IdentityReminder />
        <form on:submit=submit novalidate>
            <TextField
                id="title"
                label="Title"
                hint="For example, Community Safety Partnership Executive or Hate Crime Awareness Week"
                value=title
                errors
            />
            <Radios id="kind" legend="What kind of date is it?" value=kind errors options />
            <TextField
                id="start"
                label="Date"
                hint="The first day, for a campaign"
                value=start
                errors
                input_type="date"
                class="govuk-input govuk-input--width-10"
            />
            <TextField
                id="end"
                label="Last day (optional)"
                hint="For a campaign or event that runs over several days"
                value=end
                errors
                input_type="date"
                class="govuk-input govuk-input--width-10"
            />
            <TextField
                id="time"
                label="Start time (optional)"
                hint="24-hour clock, for example 10:00. Leave empty for all-day items"
                value=time
                errors
                class="govuk-input govuk-input--width-5"
            />
            <TextField id="location" label="Where (optional)" value=location errors />
            <SelectField
                id="group"
                label="Sub-group (optional)"
                hint="For a sub-group's own meetings"
                value=group
                errors
                options=group_options
            />
            <TextArea id="notes" label="Notes (optional)" value=notes errors />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button">
                    "Save"
                </button>
                <a class="govuk-link" href=Route::Calendar.href()>
                    "Cancel"
                </a>
            </div>
        </form>
    }
    .into_any()
}

#[component]
pub fn DeleteEventPage(id: String) -> impl IntoView {
    let session = use_session();
    let event = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.events.get(&id)).cloned());
    let Some(event) = event else {
        return view! { <Missing what="calendar item" /> }.into_any();
    };
    page_loaded(&format!("Remove {}", event.title));
    let confirm = move |_| {
        let id = id.clone();
        if session.apply(|ws, stamp| ws.delete_event(stamp, &id)).is_ok() {
            session.save_and_go(
                Route::Calendar,
                "Removed from the calendar",
                "Removed, but not yet saved on this device",
            );
        }
    };
    view! {
        <BackLink route=Route::Calendar />
        <h1 class="govuk-heading-l" tabindex="-1">
            {format!("Remove {} ({}) from the calendar?", event.title, event.when())}
        </h1>
        <p class="govuk-body">"Partners you share changes with will see it removed too."</p>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=confirm>
                "Yes, remove it"
            </button>
            <a class="govuk-link" href=Route::Calendar.href()>
                "No, keep it"
            </a>
        </div>
    }
    .into_any()
}
