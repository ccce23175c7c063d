//! The workspace history: every change, who made it, from which
//! organisation, and when; narrowed to "what changed since" a date or a
//! meeting, with deleted actions and updates restorable from their row and
//! imports undoable from theirs.

use leptos::prelude::*;

use crate::doc::{DocError, HistoryEntry, UndoImport};
use crate::model::paging::{CHANGES, STEP, showing};
use crate::model::{Date, FieldErrors, recent_meetings};
use crate::nav::Route;

use super::clock;
use super::components::{ErrorSummary, SelectField, ShowMore, Table, TextField, show_errors};
use super::router::page_loaded;
use super::undo_import::UndoImportPanel;
use crate::ui::session::{ChangeError, use_session};

/// Enough for a meeting's worth of scrolling; older changes stay in the file.
const SHOWN: usize = 200;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let session = use_session();
    page_loaded("History");
    let since_choice = RwSignal::new(String::new());
    let since_date = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let problem = RwSignal::new(None::<String>);
    let undoing = RwSignal::new(None::<UndoImport>);

    let meetings: Vec<(String, String)> = session.plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| {
                recent_meetings(p.events.values(), clock::today())
                    .into_iter()
                    .take(5)
                    .map(|e| (e.start.iso(), format!("Since the last {} ({})", e.title, e.start)))
                    .collect()
            })
            .unwrap_or_default()
    });
    let mut options = vec![(String::new(), "All changes".to_string())];
    options.extend(meetings);
    options.push(("date".to_string(), "Since a date I choose".to_string()));

    // The first day shown, or `None` for everything.
    let since = move || -> Option<Date> {
        match since_choice.get().as_str() {
            "" => None,
            "date" => since_date.get().trim().parse::<Date>().ok(),
            iso => iso.parse::<Date>().ok(),
        }
    };
    let check_date = move |_| {
        if since_choice.get_untracked() == "date" && since_date.get_untracked().trim().parse::<Date>().is_err() {
            let mut e = FieldErrors::default();
            e.add("since-date", "Enter a real date, for example 28 1 2020");
            show_errors(errors, e);
        } else {
            errors.set(FieldErrors::default());
        }
    };

    let rows = move || {
        session.plan.track();
        let from = since();
        let entries: Vec<(HistoryEntry, bool, bool)> = session
            .with_workspace(|ws| {
                ws.history()
                    .into_iter()
                    .filter(|e| from.is_none_or(|d| e.date() >= d))
                    .map(|e| {
                        let restorable = ws.restorable(&e).is_some();
                        let undoable = ws.can_undo_import(&e);
                        (e, restorable, undoable)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let total = entries.len();
        let actions: Vec<String> =
            session.plan.with(|p| p.as_ref().map(|p| p.actions.keys().cloned().collect()).unwrap_or_default());
        (entries.into_iter().take(SHOWN).collect::<Vec<_>>(), total, actions, from)
    };

    // A deleted action whose number has been reused waits here for the
    // person to choose another number.
    let clash = RwSignal::new(None::<(HistoryEntry, String)>);
    let new_number = RwSignal::new(String::new());
    let number_errors = RwSignal::new(FieldErrors::default());

    let restore = move |entry: HistoryEntry, number: Option<String>| match session
        .apply(|ws, stamp| ws.restore(stamp, &entry, number.as_deref()))
    {
        Ok(action_id) => {
            clash.set(None);
            session.save_and_go(
                Route::Action(action_id),
                "Restored from history",
                "Restored, but not yet saved on this device",
            )
        }
        Err(ChangeError::Doc(DocError::NumberTaken { number: taken, next })) => {
            let retry = number.is_some();
            new_number.set(next.clone());
            clash.set(Some((entry, taken.clone())));
            if retry {
                let mut e = FieldErrors::default();
                e.add(
                    "restore-number",
                    format!("Action {taken} already exists – use a different number, such as {next}"),
                );
                show_errors(number_errors, e);
            } else {
                number_errors.set(FieldErrors::default());
                super::router::focus_id("restore-clash");
            }
        }
        Err(e) => problem.set(Some(e.to_string())),
    };
    let ask_undo = move |hash: String| match session.with_workspace(|ws| ws.undo_import_plan(&hash)) {
        Some(Ok(plan)) => undoing.set(Some(plan)),
        Some(Err(e)) => problem.set(Some(e.to_string())),
        None => {}
    };
    let close = Callback::new(move |()| undoing.set(None));

    view! {
        <h1 class="govuk-heading-l" tabindex="-1">
            "History"
        </h1>
        <p class="govuk-body">
            "Every change to this partnership's plan, newest first, with the person and organisation who made it."
        </p>
        <ErrorSummary errors message=problem />
        {move || {
            clash
                .get()
                .map(|(entry, taken)| {
                    let title = entry.summary.split_once(": ").map(|(_, t)| t.to_string()).unwrap_or_default();
                    view! {
                        <div
                            class="govuk-notification-banner"
                            role="region"
                            aria-labelledby="restore-clash-title"
                            id="restore-clash"
                            tabindex="-1"
                        >
                            <div class="govuk-notification-banner__header">
                                <h2 class="govuk-notification-banner__title" id="restore-clash-title">
                                    "Choose a new number"
                                </h2>
                            </div>
                            <div class="govuk-notification-banner__content">
                                <ErrorSummary errors=number_errors />
                                <p class="govuk-notification-banner__heading">
                                    {format!("Action {taken} is now used by another action")}
                                </p>
                                <p class="govuk-body">
                                    {format!(
                                        "Restore \u{201c}{title}\u{201d} with a different number, so the action plan keeps one action {taken}.",
                                    )}
                                </p>
                                <TextField
                                    id="restore-number"
                                    label="Restore it as action number"
                                    value=new_number
                                    errors=number_errors
                                    class="govuk-input govuk-input--width-5"
                                />
                                <div class="govuk-button-group">
                                    <button
                                        type="button"
                                        class="govuk-button"
                                        on:click=move |_| restore(entry.clone(), Some(new_number.get_untracked()))
                                    >
                                        "Restore with this number"
                                    </button>
                                    <button
                                        type="button"
                                        class="govuk-button govuk-button--secondary"
                                        on:click=move |_| clash.set(None)
                                    >
                                        "Cancel"
                                    </button>
                                </div>
                            </div>
                        </div>
                    }
                })
        }}
        {move || undoing.get().map(|plan| view! { <UndoImportPanel plan close /> })}
        <div class="app-filter-row">
            <SelectField id="since" label="Show" value=since_choice errors options />
            <Show when=move || since_choice.get() == "date">
                <div on:change=check_date>
                    <TextField
                        id="since-date"
                        label="Changes on or after"
                        value=since_date
                        errors
                        class="govuk-input govuk-input--width-10"
                        hint="For example, 28/1/2020 or 2020-01-28"
                    />
                </div>
            </Show>
        </div>
        {move || {
            let (entries, total, live_actions, from) = rows();
            let heading = match from {
                Some(d) => format!("{total} change{} since {d}", if total == 1 { "" } else { "s" }),
                None => format!("{total} change{}", if total == 1 { "" } else { "s" }),
            };
            view! {
                <h2 class="govuk-heading-m" id="history-count">
                    {heading}
                </h2>
                {(total > SHOWN)
                    .then(|| {
                        view! { <p class="govuk-body">{format!("Showing the latest {SHOWN} of {total} changes.")}</p> }
                    })}
                <Table caption="Changes" columns=["When", "Who", "Organisation", "What changed"]>
                    {entries
                        .into_iter()
                        .map(|(e, restorable, undoable)| {
                            let link = e
                                .targets
                                .iter()
                                .find_map(|t| t.strip_prefix("action/"))
                                .filter(|id| live_actions.iter().any(|a| a == id))
                                .map(|id| Route::Action(id.to_string()).href());
                            let summary = e.summary.clone();
                            let restore_entry = e.clone();
                            let undo_hash = e.hash.clone();
                            view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">
                                        {format!("{} {}", e.date().short(), e.time_of_day())}
                                    </td>
                                    <td class="govuk-table__cell">{e.author.name.clone()}</td>
                                    <td class="govuk-table__cell">{e.author.organisation.clone()}</td>
                                    <td class="govuk-table__cell">
                                        {match link {
                                            Some(href) => {
                                                view! {
                                                    <a class="govuk-link" href=href>
                                                        {summary.clone()}
                                                    </a>
                                                }
                                                    .into_any()
                                            }
                                            None => view! { {summary.clone()} }.into_any(),
                                        }}
                                        {restorable
                                            .then(|| {
                                                view! {
                                                    <EntryButton
                                                        text="Restore"
                                                        label=format!("Restore: {summary}")
                                                        on_press=move || restore(restore_entry.clone(), None)
                                                    />
                                                }
                                            })}
                                        {undoable
                                            .then(|| {
                                                view! {
                                                    <EntryButton
                                                        text="Undo this import"
                                                        label=format!("Undo this import: {summary}")
                                                        on_press=move || ask_undo(undo_hash.clone())
                                                    />
                                                }
                                            })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </Table>
            }
        }}
    }
}

/// Changes as a When / Who / What changed table, in the order given: an
/// action's own history, or what a partner's file would bring. The first
/// 50 rows are drawn, then 50 more at each "Show the next 50 changes"
/// (`model::paging`): a partner's file can hold a thousand.
#[component]
pub fn ChangesTable(caption: &'static str, #[prop(into)] entries: Signal<Vec<HistoryEntry>>) -> impl IntoView {
    let shown = RwSignal::new(STEP);
    let counts = move || {
        let total = entries.with(Vec::len);
        (shown.get().min(total), total)
    };
    let count = move || {
        let (on_page, total) = counts();
        (total > STEP).then(|| {
            view! {
                <p class="govuk-body" role="status">
                    {showing(on_page, total, total, CHANGES)}
                </p>
            }
        })
    };
    let buttons = move || {
        let (on_page, total) = counts();
        view! { <ShowMore on_page total noun=CHANGES show=move |n| shown.set(on_page + n) /> }
    };
    view! {
        {count}
        <Table caption=caption columns=["When", "Who", "What changed"]>
            <For
                each=move || entries.with(|e| e.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                key=|e| e.hash.clone()
                let:e
            >
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{format!("{} {}", e.date().short(), e.time_of_day())}</td>
                    <td class="govuk-table__cell">{e.author.describe()}</td>
                    <td class="govuk-table__cell">{e.summary}</td>
                </tr>
            </For>
        </Table>
        {buttons}
    }
}

/// A small button after an entry's words ("Restore", "Undo this import"),
/// read out with the entry it acts on (`label`).
#[component]
fn EntryButton(text: &'static str, label: String, on_press: impl Fn() + 'static) -> impl IntoView {
    view! {
        " "
        <button
            type="button"
            class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-button--inline"
            aria-label=label
            on:click=move |_| on_press()
        >
            {text}
        </button>
    }
}
