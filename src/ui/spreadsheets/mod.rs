//! Excel and CSV: download the plan's tables, import an existing action
//! tracker (`tracker.rs`: choose the file and sheet, check which column is
//! which, confirm the preview) and a performance return (`values.rs`).
//! Nothing is written until the person confirms, and a file that cannot be
//! read changes nothing.

mod preview;
mod tracker;
mod values;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::spreadsheet::export::{
    ACTION_HEADERS, INDICATOR_HEADERS, PROGRESS_HEADERS, action_rows, indicator_rows, progress_rows, to_csv,
    workbook_xlsx,
};
use crate::ui::download::download;
use crate::ui::router::page_loaded;
use crate::ui::state::use_app;

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

    view! {
        {move || problem.get().map(|p| view! { <p class="govuk-error-message" role="alert">{p}</p> })}
        <h1 class="govuk-heading-l" tabindex="-1">"Excel and CSV"</h1>
        <h2 class="govuk-heading-m">"Download the plan"</h2>
        <p class="govuk-body">"The workbook has three sheets: actions, every progress update, and every indicator value."</p>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=move |_| fetch(Download::Workbook)>"Download workbook (.xlsx)"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| fetch(Download::Actions)>"Actions (.csv)"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| fetch(Download::Progress)>"Progress updates (.csv)"</button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| fetch(Download::Indicators)>"Indicator values (.csv)"</button>
        </div>
        <tracker::TrackerImport />
        <values::ValuesImport />
    }
}

/// The bytes of the file chosen in a file input, with its name, or a
/// sentence saying why it could not be opened.
fn chosen_file(ev: &leptos::ev::Event, then: impl FnOnce(String, Result<Arc<Vec<u8>>, String>) + 'static) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    let name = file.name();
    spawn_local(async move {
        let read = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => Ok(Arc::new(js_sys::Uint8Array::new(&buffer).to_vec())),
            Err(_) => Err("The file could not be opened. Choose it again.".to_string()),
        };
        then(name, read);
    });
}

/// "1 action", "2 actions".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
