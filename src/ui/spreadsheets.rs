//! Excel and CSV: download the plan's tables, and import an existing action
//! tracker in three steps — choose the file, check which column is which,
//! confirm the preview. Nothing is written until the person confirms, and a
//! file that cannot be read changes nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::model::ActionFilter;
use crate::nav::Route;
use crate::spreadsheet::export::{
    ACTION_HEADERS, INDICATOR_HEADERS, PROGRESS_HEADERS, action_rows, indicator_rows, progress_rows, to_csv,
    workbook_xlsx,
};
use crate::spreadsheet::{
    ColumnMapping, Field, ImportPreview, SheetError, Table, ValuesPreview, preview, preview_values, read_table,
};
use crate::ui::clock;
use crate::ui::download::download;
use crate::ui::router::{focus_id, page_loaded};
use crate::ui::state::use_app;
use crate::ui::workspaces::IdentityReminder;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[derive(Clone, Copy)]
enum Download {
    Workbook,
    Actions,
    Progress,
    Indicators,
}

#[component]
pub fn SpreadsheetsPage() -> impl IntoView {
    let state = use_app();
    page_loaded("Excel and CSV");
    let problem = RwSignal::new(None::<String>);
    let table = RwSignal::new(None::<(String, Table)>);
    let mapping = RwSignal::new(ColumnMapping::default());

    let fetch = move |what: Download| {
        let made = state.plan.with_untracked(|p| {
            let p = p.as_ref()?;
            let stem = p.file_stem();
            Some(match what {
                Download::Workbook => workbook_xlsx(p).map(|b| (b, format!("{stem}.xlsx"), XLSX)),
                Download::Actions => {
                    to_csv(&ACTION_HEADERS, &action_rows(p)).map(|b| (b, format!("{stem}-actions.csv"), "text/csv"))
                }
                Download::Progress => to_csv(&PROGRESS_HEADERS, &progress_rows(p))
                    .map(|b| (b, format!("{stem}-progress.csv"), "text/csv")),
                Download::Indicators => to_csv(&INDICATOR_HEADERS, &indicator_rows(p))
                    .map(|b| (b, format!("{stem}-indicators.csv"), "text/csv")),
            })
        });
        match made {
            Some(Ok((bytes, name, mime))) => {
                if let Err(e) = download(&bytes, &name, mime) {
                    problem.set(Some(format!("The download could not start: {e}")));
                }
            }
            Some(Err(e)) => problem.set(Some(e.to_string())),
            None => {}
        }
    };

    let choose_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    problem.set(Some("The file could not be opened. Choose it again.".into()));
                    return;
                }
            };
            match read_table(&bytes) {
                Ok(t) => {
                    problem.set(None);
                    mapping.set(ColumnMapping::suggest(&t.headers));
                    table.set(Some((name, t)));
                    focus_id("import-columns");
                }
                Err(e) => {
                    table.set(None);
                    problem.set(Some(format!("{name}: {e}")));
                    focus_id("error-summary");
                }
            }
        });
    };

    let today = clock::today();
    let result = Memo::new(move |_| {
        let t = table.get()?;
        let m = mapping.get();
        Some(state.plan.with(|p| p.as_ref().map(|p| preview(&t.1, &m, p, today))))
    });

    let confirm = move |_| {
        let Some(Some(Ok(p))) = result.get_untracked() else { return };
        let source = table.with_untracked(|t| t.as_ref().map(|(n, _)| n.clone())).unwrap_or_default();
        match state.apply(|ws, stamp| ws.import_actions(stamp, &source, &p.actions)) {
            Ok(count) => spawn_local(async move {
                let saved = state.persist().await.is_ok();
                let message = if saved {
                    format!("{count} action{} imported from {source}", if count == 1 { "" } else { "s" })
                } else {
                    "Actions imported, but not yet saved on this device".to_string()
                };
                state.go_with_flash(Route::Actions(ActionFilter::default()), message);
            }),
            Err(e) => problem.set(Some(e.to_string())),
        }
    };

    let values = RwSignal::new(None::<(String, Result<ValuesPreview, String>)>);
    let choose_values = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        spawn_local(async move {
            let read = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => Err("The file could not be opened. Choose it again.".to_string()),
            };
            let previewed = read.and_then(|bytes| {
                let table = read_table(&bytes).map_err(|e| e.to_string())?;
                state
                    .plan
                    .with_untracked(|p| p.as_ref().map(|p| preview_values(&table, p)))
                    .unwrap_or(Err(SheetError::NoRows))
                    .map_err(|e| e.to_string())
            });
            values.set(Some((name, previewed)));
        });
    };
    let confirm_values = move |_| {
        let Some((source, Ok(p))) = values.get_untracked() else { return };
        match state.apply(|ws, stamp| ws.import_values(stamp, &source, &p.values)) {
            Ok(()) => spawn_local(async move {
                let saved = state.persist().await.is_ok();
                let n = p.values.len();
                let message = if saved {
                    format!("{n} indicator value{} imported from {source}", if n == 1 { "" } else { "s" })
                } else {
                    "Values imported, but not yet saved on this device".to_string()
                };
                state.go_with_flash(Route::Indicators, message);
            }),
            Err(e) => values.set(Some((source, Err(e.to_string())))),
        }
    };

    view! {
        {move || problem.get().map(|p| view! {
            <div class="govuk-error-summary" id="error-summary" tabindex="-1">
                <div role="alert">
                    <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                    <div class="govuk-error-summary__body">
                        <ul class="govuk-list govuk-error-summary__list">
                            <li><a href="#import-file" on:click=|ev| { ev.prevent_default(); focus_id("import-file"); }>{p}</a></li>
                        </ul>
                    </div>
                </div>
            </div>
        })}
        <h1 class="govuk-heading-l" tabindex="-1">"Excel and CSV"</h1>
        <h2 class="govuk-heading-m">"Download the plan"</h2>
        <p class="govuk-body">"The workbook has three sheets: actions, every progress update, and every indicator value."</p>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=move |_| fetch(Download::Workbook)>"Download workbook (.xlsx)"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| fetch(Download::Actions)>"Actions (.csv)"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| fetch(Download::Progress)>"Progress updates (.csv)"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| fetch(Download::Indicators)>"Indicator values (.csv)"</button>
        </div>
        <h2 class="govuk-heading-m">"Import an action tracker"</h2>
        <IdentityReminder />
        <div class="govuk-form-group" class:govuk-form-group--error=move || problem.with(Option::is_some)>
            <label class="govuk-label govuk-label--s" for="import-file">"Choose the spreadsheet"</label>
            <div class="govuk-hint" id="import-file-hint">
                "An Excel workbook (.xlsx) or a CSV file, with one action per row and headings in the first row. Nothing is added until you confirm."
            </div>
            <input class="govuk-file-upload" id="import-file" name="import-file" type="file" accept=".xlsx,.xls,.ods,.csv,text/csv" aria-describedby="import-file-hint" on:change=choose_file />
        </div>
        {move || table.get().map(|(name, t)| {
            let columns: Vec<String> = t.headers.iter().enumerate().map(|(i, h)| if h.trim().is_empty() { format!("Column {}", i + 1) } else { h.clone() }).collect();
            view! {
                <h3 class="govuk-heading-s" id="import-columns" tabindex="-1">{format!("Which column is which in {name}")}</h3>
                <p class="govuk-body">{format!("{} rows on the sheet \u{201c}{}\u{201d}. Check each part of an action comes from the right column.", t.rows.len(), t.sheet)}</p>
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
            }
        })}
        {move || result.get().flatten().map(|r| match r {
            Err(e) => view! { <p class="govuk-error-message">{e.to_string()}</p> }.into_any(),
            Ok(p) => view! { <Preview preview=p /> <button type="button" class="govuk-button" on:click=confirm>{move || import_label(&result.get())}</button> }.into_any(),
        })}
        <h2 class="govuk-heading-m">"Import indicator values"</h2>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="values-file">"Choose the performance return"</label>
            <div class="govuk-hint" id="values-file-hint">
                "One value per row, with columns for the indicator, the quarter (for example Q3 2019-20) and the value – the layout of the \u{201c}Indicator values\u{201d} sheet above."
            </div>
            <input class="govuk-file-upload" id="values-file" name="values-file" type="file" accept=".xlsx,.xls,.ods,.csv,text/csv" aria-describedby="values-file-hint" on:change=choose_values />
        </div>
        {move || values.get().map(|(name, r)| match r {
            Err(e) => view! { <p class="govuk-error-message" role="alert">{format!("{name}: {e}")}</p> }.into_any(),
            Ok(p) => {
                let n = p.values.len();
                view! {
                    <h3 class="govuk-heading-s">{format!("{n} value{} will be recorded from {name}", if n == 1 { "" } else { "s" })}</h3>
                    <table class="govuk-table">
                        <caption class="govuk-table__caption govuk-visually-hidden">"Values to import"</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Row"</th>
                                <th scope="col" class="govuk-table__header">"Indicator"</th>
                                <th scope="col" class="govuk-table__header">"Quarter"</th>
                                <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Value"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            {p.values.iter().map(|v| view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">{v.row}</td>
                                    <td class="govuk-table__cell">{v.indicator.clone()}</td>
                                    <td class="govuk-table__cell">{v.quarter.to_string()}</td>
                                    <td class="govuk-table__cell govuk-table__cell--numeric">{crate::model::performance::format_number(v.value)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <ProblemTable rows=p.skipped.clone() caption="Rows that will not be recorded" />
                    {(n > 0).then(|| view! {
                        <button type="button" class="govuk-button" on:click=confirm_values>{format!("Record {n} value{}", if n == 1 { "" } else { "s" })}</button>
                    })}
                }
                .into_any()
            }
        })}
    }
}

fn import_label(result: &Option<Option<Result<ImportPreview, SheetError>>>) -> String {
    match result {
        Some(Some(Ok(p))) if p.actions.len() == 1 => "Import 1 action".to_string(),
        Some(Some(Ok(p))) => format!("Import {} actions", p.actions.len()),
        _ => "Import".to_string(),
    }
}

#[component]
fn Preview(preview: ImportPreview) -> impl IntoView {
    let ImportPreview { actions, skipped, warnings } = preview;
    view! {
        <h3 class="govuk-heading-s">{format!("{} action{} will be added", actions.len(), if actions.len() == 1 { "" } else { "s" })}</h3>
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">"Actions to import"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Row"</th>
                    <th scope="col" class="govuk-table__header">"No."</th>
                    <th scope="col" class="govuk-table__header">"Key action"</th>
                    <th scope="col" class="govuk-table__header">"Leads"</th>
                    <th scope="col" class="govuk-table__header">"Progress"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {actions.into_iter().map(|a| view! {
                    <tr class="govuk-table__row">
                        <td class="govuk-table__cell">{a.row}</td>
                        <td class="govuk-table__cell">{a.draft.number.clone()}</td>
                        <td class="govuk-table__cell">{a.draft.title.clone()}</td>
                        <td class="govuk-table__cell">{a.draft.leads.replace('\n', "; ")}</td>
                        <td class="govuk-table__cell">{a.progress.map(|(d, s, _)| format!("{} ({d})", s.label())).unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <ProblemTable rows=skipped caption="Rows that will not be imported" />
        <ProblemTable rows=warnings caption="Rows imported with something left out" />
    }
}

#[component]
fn ProblemTable(rows: Vec<crate::spreadsheet::RowProblem>, caption: &'static str) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Row"</th>
                        <th scope="col" class="govuk-table__header">"Reason"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {rows.into_iter().map(|r| view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{r.row}</td>
                            <td class="govuk-table__cell">{r.reason}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}
