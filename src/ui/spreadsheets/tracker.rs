//! Importing an existing action tracker: choose the file (and the sheet, if
//! the workbook has several), check which column is which and the date of
//! undated progress, then confirm a preview of every field of every row.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::preview::{ActionsPreview, SheetNotes};
use super::{chosen_file, plural, read_in_worker};
use crate::model::ActionFilter;
use crate::nav::Route;
use crate::spreadsheet::cells::read_date;
use crate::spreadsheet::{ColumnMapping, Field, ImportPreview, SheetError, Table, preview};
use crate::ui::components::ErrorSummary;
use crate::ui::file_worker::CheckingStatus;
use crate::ui::navigation::use_navigation;
use crate::ui::router::focus_id;
use crate::ui::session::use_session;
use crate::ui::workspaces::IdentityReminder;

/// The file being imported: its name and bytes (kept to read another sheet).
type Chosen = (String, Arc<Vec<u8>>);

#[component]
pub fn TrackerImport() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let problem = RwSignal::new(None::<String>);
    let file = RwSignal::new(None::<Chosen>);
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(ColumnMapping::default());
    let as_at = RwSignal::new(String::new());
    let checking = RwSignal::new(false);

    let show = move |t: Table| {
        problem.set(None);
        mapping.update(|m| {
            let as_at = m.progress_as_at;
            *m = ColumnMapping::suggest(&t.headers);
            m.progress_as_at = as_at;
        });
        table.set(Some(t));
        request_animation_frame(|| focus_id("import-columns"));
    };
    let refuse = move |message: String| {
        table.set(None);
        problem.set(Some(message));
        request_animation_frame(|| focus_id("error-summary"));
    };
    let choose_file = move |ev: leptos::ev::Event| {
        chosen_file(&ev, checking, move |name, chosen| match chosen {
            Ok((bytes, read)) => {
                file.set(Some((name, bytes)));
                show(read);
            }
            Err(e) => {
                file.set(None);
                refuse(e.message(&name));
            }
        })
    };
    // Another sheet is read in the worker too.
    let choose_sheet = move |ev: leptos::ev::Event| {
        let sheet = event_target_value(&ev);
        let Some((name, bytes)) = file.get_untracked() else { return };
        spawn_local(async move {
            match read_in_worker(&bytes, Some(&sheet), checking).await {
                Ok(read) => show(read),
                Err(e) => refuse(e.message(&name)),
            }
        });
    };
    let as_at_problem = move || {
        let text = as_at.get();
        let text = text.trim();
        (!text.is_empty() && read_date(text, false, None).is_err())
            .then_some("Enter the date the progress was written, like 31/3/2020")
    };
    Effect::new(move |_| {
        let date = read_date(as_at.get().trim(), false, None).ok();
        if mapping.with_untracked(|m| m.progress_as_at != date) {
            mapping.update(|m| m.progress_as_at = date);
        }
    });

    let result = Memo::new(move |_| {
        let t = table.get()?;
        let m = mapping.get();
        session.plan.with(|p| p.as_ref().map(|p| preview(&t, &m, p)))
    });

    let confirm = move |_| {
        let Some(Ok(p)) = result.get_untracked() else { return };
        let source = file.with_untracked(|f| f.as_ref().map(|(n, _)| n.clone())).unwrap_or_default();
        match session.apply(|ws, stamp| ws.import_actions(stamp, &source, &p.actions)) {
            Ok(count) => spawn_local(async move {
                let saved = session.persist().await.is_ok();
                let message = if saved {
                    format!("{} imported from {source}", plural(count, "action", "actions"))
                } else {
                    "Actions imported, but not yet saved on this device".to_string()
                };
                nav.go_with_flash(Route::Actions(ActionFilter::default()), message);
            }),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };

    view! {
        <ErrorSummary links=Signal::derive(move || problem.get().map(|p| vec![("import-file".into(), p)]).unwrap_or_default()) />
        <h2 class="govuk-heading-m">"Import an action tracker"</h2>
        <IdentityReminder />
        <div class="govuk-form-group" class:govuk-form-group--error=move || problem.with(Option::is_some)>
            <label class="govuk-label govuk-label--s" for="import-file">"Choose the spreadsheet"</label>
            <div class="govuk-hint" id="import-file-hint">
                "An Excel workbook (.xlsx), a LibreOffice spreadsheet (.ods) or a CSV file, with one action per row under a row of headings. Nothing is added until you confirm."
            </div>
            <input class="govuk-file-upload" id="import-file" name="import-file" type="file" accept=".xlsx,.ods,.csv,.txt,text/csv" aria-describedby="import-file-hint" on:change=choose_file />
        </div>
        <CheckingStatus checking id="import-checking" />
        {move || table.get().map(|t| {
            let name = file.with(|f| f.as_ref().map(|(n, _)| n.clone())).unwrap_or_default();
            let columns: Vec<String> = t.headers.iter().enumerate().map(|(i, h)| if h.trim().is_empty() { format!("Column {}", i + 1) } else { h.clone() }).collect();
            let sheets = t.sheets.clone();
            let current = t.sheet.clone();
            view! {
                <h3 class="govuk-heading-s" id="import-columns" tabindex="-1">{format!("Which column is which in {name}")}</h3>
                {(sheets.len() > 1).then(|| view! {
                    <div class="govuk-form-group">
                        <label class="govuk-label" for="import-sheet">"Sheet"</label>
                        <select class="govuk-select" id="import-sheet" on:change=choose_sheet>
                            {sheets.into_iter().map(|s| {
                                let selected = s == current;
                                view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <SheetNotes notes=t.notes() rows=t.rows.len() />
                <div class="app-filters__row">
                    {Field::ALL.into_iter().map(|field| {
                        let id = format!("column-{}", field.code());
                        let columns = columns.clone();
                        view! {
                            <div class="govuk-form-group">
                                <label class="govuk-label" for=id.clone()>{field.label()}</label>
                                <select class="govuk-select" id=id on:change=move |ev| {
                                    let chosen = event_target_value(&ev).parse::<usize>().ok();
                                    mapping.update(|m| m.set(field, chosen));
                                }>
                                    <option value="" selected=move || mapping.with(|m| m.column(field).is_none())>"Not in this spreadsheet"</option>
                                    {columns.into_iter().enumerate().map(|(i, c)| view! {
                                        <option value=i.to_string() selected=move || mapping.with(|m| m.column(field) == Some(i))>{c}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <div class="govuk-form-group" class:govuk-form-group--error=move || as_at_problem().is_some()>
                    <label class="govuk-label" for="progress-as-at">"Date the progress was written, for rows without a date of the progress"</label>
                    <div class="govuk-hint" id="progress-as-at-hint">"For example, 31/3/2020. Leave it blank and progress without a date is not imported; the actions still are."</div>
                    {move || as_at_problem().map(|p| view! { <p class="govuk-error-message" id="progress-as-at-error"><span class="govuk-visually-hidden">"Error: "</span>{p}</p> })}
                    <input class="govuk-input govuk-input--width-10" id="progress-as-at" type="text" autocomplete="off"
                        aria-describedby=move || if as_at_problem().is_some() { "progress-as-at-hint progress-as-at-error" } else { "progress-as-at-hint" }
                        bind:value=as_at />
                </div>
            }
        })}
        {move || result.get().map(|r| match r {
            Err(e) => view! { <p class="govuk-error-message">{e.to_string()}</p> }.into_any(),
            Ok(p) => view! {
                <ActionsPreview preview=p />
                <button type="button" class="govuk-button" on:click=confirm>{move || import_label(&result.get())}</button>
            }.into_any(),
        })}
    }
}

fn import_label(result: &Option<Result<ImportPreview, SheetError>>) -> String {
    match result {
        Some(Ok(p)) => format!("Import {}", plural(p.actions.len(), "action", "actions")),
        _ => "Import".to_string(),
    }
}
