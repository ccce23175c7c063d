//! Excel and CSV: download the plan's tables, import an existing action
//! tracker (`tracker.rs`: choose the file and sheet, check which column is
//! which, confirm the preview) and a performance return (`values.rs`).
//! Every chosen file is read in the file worker (`read_in_worker`), which
//! hands the page the sheet as a table: one that stops the reader changes
//! nothing and leaves the page as it was, and the readers and the workbook
//! writer are in the worker's wasm only, not in the page's.
//! Nothing is written until the person confirms, and a file that cannot be
//! read changes nothing.

mod preview;
mod tracker;
mod values;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use safer_plan_file_worker::budget::time_budget;
use safer_plan_file_worker::protocol::{NOT_CHECKED, UNSAFE_FILE};
use safer_plan_file_worker::{MadeFile, Request, Response, SpreadsheetAnswer, SpreadsheetRequest, WorkbookRequest};
use wasm_bindgen::JsCast;

use crate::spreadsheet::export::{
    ACTION_HEADERS, INDICATOR_HEADERS, PROGRESS_HEADERS, action_rows, indicator_rows, progress_rows, to_csv,
};
use crate::spreadsheet::{MAX_FILE_BYTES, SheetError, Table};
use crate::ui::components::ErrorSummary;
use crate::ui::download::download;
use crate::ui::file_worker::{Outcome, ask};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[derive(Clone, Copy)]
enum Download {
    Actions,
    Progress,
    Indicators,
}

#[component]
pub fn SpreadsheetsPage() -> impl IntoView {
    let session = use_session();
    page_loaded("Excel and CSV");
    crate::ui::file_worker::warm_up();
    let problem = RwSignal::new(None::<String>);

    let save = move |bytes: &[u8], name: &str, mime: &str| {
        if let Err(e) = download(bytes, name, mime) {
            problem.set(Some(format!("The download could not start: {e}")));
        }
    };
    // The workbook is written in the file worker, from the saved document.
    let fetch_workbook = move || {
        let Some((document, stem)) = session.with_workspace(|ws| (ws.save(), ws.partnership().file_stem())) else {
            return;
        };
        spawn_local(async move {
            match make_workbook(document).await {
                Ok(bytes) => save(&bytes, &format!("{stem}.xlsx"), XLSX),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let fetch = move |what: Download| {
        let made = session.plan.with_untracked(|p| {
            let p = p.as_ref()?;
            let stem = p.file_stem();
            Some(match what {
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
            Some(Ok((bytes, name, mime))) => save(&bytes, &name, mime),
            Some(Err(e)) => problem.set(Some(e.to_string())),
            None => {}
        }
    };

    view! {
        <ErrorSummary message=problem />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Excel and CSV"
        </h1>
        <h2 class="govuk-heading-m">"Download the plan"</h2>
        <p class="govuk-body">
            "The workbook has three sheets: actions, every progress update, and every indicator value."
        </p>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=move |_| fetch_workbook()>
                "Download workbook (.xlsx)"
            </button>
            <button
                type="button"
                class="govuk-button govuk-button--secondary"
                on:click=move |_| fetch(Download::Actions)
            >
                "Actions (.csv)"
            </button>
            <button
                type="button"
                class="govuk-button govuk-button--secondary"
                on:click=move |_| fetch(Download::Progress)
            >
                "Progress updates (.csv)"
            </button>
            <button
                type="button"
                class="govuk-button govuk-button--secondary"
                on:click=move |_| fetch(Download::Indicators)
            >
                "Indicator values (.csv)"
            </button>
        </div>
        <tracker::TrackerImport />
        <values::ValuesImport />
    }
}

/// Why a chosen spreadsheet is not read.
#[derive(Clone)]
pub(crate) enum NotRead {
    /// Refused by the checks, with their sentence.
    Refused(String),
    /// The file worker stopped on it, or could not check it: this sentence,
    /// exactly.
    Unchecked(&'static str),
}

impl NotRead {
    /// What the page says, naming the file where the sentence allows.
    fn message(&self, name: &str) -> String {
        match self {
            NotRead::Refused(reason) => format!("{name}: {reason}"),
            NotRead::Unchecked(sentence) => sentence.to_string(),
        }
    }
}

/// Reads `sheet` of `bytes` (or the first with data) in the file worker.
pub(crate) async fn read_in_worker(
    bytes: &[u8],
    sheet: Option<&str>,
    checking: RwSignal<bool>,
) -> Result<Table, NotRead> {
    let request = Request::Spreadsheet(SpreadsheetRequest { file: bytes.to_vec(), sheet: sheet.map(str::to_string) });
    match ask(&request, time_budget(None), checking).await {
        Outcome::Answer(Response::Spreadsheet(SpreadsheetAnswer::Read(table))) => Ok(table),
        Outcome::Answer(Response::Spreadsheet(SpreadsheetAnswer::Refused(reason))) => Err(NotRead::Refused(reason)),
        Outcome::Answer(_) | Outcome::Unavailable => Err(NotRead::Unchecked(NOT_CHECKED)),
        Outcome::Stopped => Err(NotRead::Unchecked(UNSAFE_FILE)),
    }
}

/// The plan's workbook, written in the file worker from the saved
/// `document`; or why not, in a sentence.
pub(crate) async fn make_workbook(document: Vec<u8>) -> Result<Vec<u8>, String> {
    let request = Request::Workbook(WorkbookRequest { document });
    match ask(&request, time_budget(None), RwSignal::new(false)).await {
        Outcome::Answer(Response::Workbook(MadeFile::Made(bytes))) => Ok(bytes),
        Outcome::Answer(Response::Workbook(MadeFile::Refused(reason))) => Err(reason),
        Outcome::Answer(_) | Outcome::Unavailable | Outcome::Stopped => Err(
            "The workbook could not be made because Safer Plan's file helper did not start. Reload the page and try again; the CSV files below hold the same tables.".into(),
        ),
    }
}

/// A chosen file: its bytes (kept to read another sheet) and its first
/// sheet with data, as the file worker read it.
type ReadFile = (Arc<Vec<u8>>, Table);

/// The file chosen in a file input, with its name, once the file worker has
/// read its first sheet; or why it is not read.
fn chosen_file(
    ev: &leptos::ev::Event,
    checking: RwSignal<bool>,
    then: impl FnOnce(String, Result<ReadFile, NotRead>) + 'static,
) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    let name = file.name();
    // Refused by the size it declares, before its bytes are read.
    if file.size() > MAX_FILE_BYTES as f64 {
        let size_mb = (file.size() / (1024.0 * 1024.0)).ceil() as usize;
        return then(name, Err(NotRead::Refused(SheetError::TooLarge { size_mb }.to_string())));
    }
    spawn_local(async move {
        let read = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                read_in_worker(&bytes, None, checking).await.map(|table| (Arc::new(bytes), table))
            }
            Err(_) => Err(NotRead::Refused("The file could not be opened. Choose it again.".to_string())),
        };
        then(name, read);
    });
}

/// "1 action", "2 actions".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
