//! The speed check (the support page titled "Performance check", not the
//! partnership's performance indicators): times the heaviest work the app
//! does on a large generated partnership, here in this browser, and shows
//! the figures. It
//! touches no stored data. Benchmarks read the table; people can too, when
//! a tablet feels slow. Spreadsheets are read and written in the file
//! worker, as the Excel and CSV page does, so those rows include the trip
//! there and back.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::demo::large::{self, large_partnership, tracker_csv};
use crate::model::performance::parse_quarter_code;
use crate::model::{Date, FinancialYear, Partnership};
use crate::nav::Route;
use crate::report::annual::AnnualReport;
use crate::report::dashboard::Dashboard;
use crate::report::quarterly::QuarterlyReport;
use crate::spreadsheet::{ColumnMapping, preview};
use crate::ui::clock;
use crate::ui::components::{CaptionSize, ErrorSummary, Table};
use crate::ui::navigation::use_navigation;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;
use crate::ui::spreadsheets::{make_workbook, read_in_worker};

const RUNS: usize = 5;

#[component]
pub fn SpeedCheckPage() -> impl IntoView {
    page_loaded("Performance check");
    let results = RwSignal::new(None::<Vec<(String, f64)>>);
    let run = move |_| spawn_local(async move { results.set(Some(measure().await)) });
    let session = use_session();
    let nav = use_navigation();
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let open_large = move |_| {
        busy.set(true);
        spawn_local(async move {
            match session.adopt(large::large_workspace(clock::now()), false).await {
                Ok(()) => nav.go_with_flash(Route::Plan, "The large test partnership is open on this device"),
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <ErrorSummary message=problem />
        <h1 class="govuk-heading-l" tabindex="-1">
            "Performance check"
        </h1>
        <p class="govuk-body">
            {format!(
                "Times reports and imports on a generated partnership of {} members, {} actions, {} progress updates and {} indicators with {} quarters each, in this browser. Nothing is stored.",
                large::ORGANISATIONS,
                large::ACTIONS,
                large::ACTIONS * large::UPDATES_PER_ACTION,
                large::INDICATORS,
                large::QUARTERS,
            )}
        </p>
        <button type="button" class="govuk-button" on:click=run>
            "Run the performance check"
        </button>
        {move || {
            results
                .get()
                .map(|rows| {
                    view! {
                        <Table
                            caption=format!("Median of {RUNS} runs")
                            columns=["Work", "Milliseconds"]
                            caption_size=CaptionSize::Medium
                            numeric=1
                            id="performance-results"
                        >
                            {rows
                                .into_iter()
                                .map(|(name, ms)| {
                                    view! {
                                        <tr class="govuk-table__row">
                                            <th scope="row" class="govuk-table__header">
                                                {name}
                                            </th>
                                            <td class="govuk-table__cell govuk-table__cell--numeric">
                                                {format!("{ms:.1}")}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </Table>
                    }
                })
        }}
        <h2 class="govuk-heading-m">"Try Safer Plan on a large partnership"</h2>
        <p class="govuk-body">
            "Open the same generated partnership as a partnership on this device, to see how pages, sharing and two open tabs cope with it. It is listed with your partnerships, and you can delete it like any other."
        </p>
        <button
            type="button"
            class="govuk-button govuk-button--secondary"
            disabled=move || busy.get()
            on:click=open_large
        >
            "Open the large partnership on this device"
        </button>
    }
}

fn now() -> f64 {
    window().performance().map_or_else(js_sys::Date::now, |p| p.now())
}

/// Median milliseconds of `RUNS` runs of `work`.
fn time(mut work: impl FnMut()) -> f64 {
    median((0..RUNS).map(|_| {
        let start = now();
        work();
        now() - start
    }))
}

/// The middle of `runs` (milliseconds).
fn median(runs: impl Iterator<Item = f64>) -> f64 {
    let mut runs: Vec<f64> = runs.collect();
    crate::sorting::sort_by(&mut runs, f64::total_cmp);
    runs.get(runs.len() / 2).copied().unwrap_or_default()
}

/// Median milliseconds of `RUNS` runs of `work`, which waits on the file
/// worker.
async fn time_async<F: Future>(mut work: impl FnMut() -> F) -> f64 {
    let mut runs = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = now();
        work().await;
        runs.push(now() - start);
    }
    median(runs.into_iter())
}

async fn measure() -> Vec<(String, f64)> {
    let mut rows = Vec::new();
    let start = now();
    let plan = large_partnership();
    rows.push(("Generate the large partnership (once)".to_string(), now() - start));
    let today = Date::new(2020, 3, 31).unwrap_or_else(|_| Date::from_unix_seconds(0));
    rows.push(("Annual overview".into(), time(|| drop(AnnualReport::build(&plan, FinancialYear(2019))))));
    if let (Some(theme), Some(q)) = (plan.themes_in_order().first().copied(), parse_quarter_code("2019-20-Q3")) {
        rows.push(("Quarterly theme report".into(), time(|| drop(QuarterlyReport::build(&plan, theme, q)))));
    }
    rows.push(("Dashboard".into(), time(|| drop(Dashboard::build(&plan, today)))));
    let empty = Partnership::new("e".into(), "Empty".into(), String::new());
    let csv = tracker_csv(2_000);
    rows.push(("Import preview, 2,000-row CSV".into(), time_async(|| import(&csv, &empty)).await));
    let document = large::large_workspace(clock::now()).save();
    if let Ok(xlsx) = make_workbook(document.clone()).await {
        rows.push(("Export workbook (.xlsx)".into(), time_async(|| make_workbook(document.clone())).await));
        rows.push(("Import preview, the workbook (.xlsx)".into(), time_async(|| import(&xlsx, &empty)).await));
    }
    rows
}

/// An import as the Excel and CSV page makes it: read in the file worker,
/// previewed here.
async fn import(bytes: &[u8], plan: &Partnership) {
    if let Ok(table) = read_in_worker(bytes, None, RwSignal::new(false)).await {
        let mapping = ColumnMapping::suggest(&table.headers);
        drop(preview(&table, &mapping, plan));
    }
}
