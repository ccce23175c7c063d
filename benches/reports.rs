//! How long reports and spreadsheet work take on a large partnership (30
//! members, 500 actions, 5,000 progress updates, 200 indicators × 20
//! quarters), natively. The browser runs the same code as wasm; its figures
//! come from the "Performance check" support page via
//! `tests/bench/reports.mjs`. Figures only, nothing asserted.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use safer_plan::demo::large::{large_partnership, tracker_csv};
use safer_plan::model::performance::parse_quarter_code;
use safer_plan::model::{Date, FinancialYear};
use safer_plan::report::annual::AnnualReport;
use safer_plan::report::dashboard::Dashboard;
use safer_plan::report::quarterly::QuarterlyReport;
use safer_plan::spreadsheet::export::workbook_xlsx;
use safer_plan::spreadsheet::{ColumnMapping, preview, read_table};

fn reports(c: &mut Criterion) {
    let plan = large_partnership();
    let today: Date = "2020-03-31".parse().expect("date");
    let quarter = parse_quarter_code("2019-20-Q3").expect("quarter");
    let theme = plan.themes_in_order()[0].clone();

    c.bench_function("annual report, large partnership", |b| {
        b.iter(|| black_box(AnnualReport::build(black_box(&plan), FinancialYear(2019))))
    });
    c.bench_function("quarterly theme report, large partnership", |b| {
        b.iter(|| black_box(QuarterlyReport::build(black_box(&plan), &theme, quarter)))
    });
    c.bench_function("dashboard, large partnership", |b| {
        b.iter(|| black_box(Dashboard::build(black_box(&plan), today)))
    });

    let mut slow = c.benchmark_group("spreadsheets");
    slow.sample_size(10);
    slow.bench_function("export workbook, large partnership", |b| b.iter(|| black_box(workbook_xlsx(&plan))));

    let csv = tracker_csv(2_000);
    let empty = safer_plan::model::Partnership::new("e".into(), "Empty".into(), String::new());
    let xlsx = {
        // The same 2,000 rows as an Excel workbook, written by the exporter's library.
        let table = read_table(&csv).expect("csv");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in table.headers.iter().enumerate() {
            sheet.write_string(0, c as u16, h).expect("header");
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, cell).expect("cell");
            }
        }
        book.save_to_buffer().expect("xlsx")
    };
    println!("2,000-row tracker: CSV {} bytes, XLSX {} bytes", csv.len(), xlsx.len());
    for (name, bytes) in
        [("import 2,000-row CSV (read + preview)", &csv), ("import 2,000-row XLSX (read + preview)", &xlsx)]
    {
        slow.bench_function(name, |b| {
            b.iter(|| {
                let table = read_table(bytes).expect("readable");
                let mapping = ColumnMapping::suggest(&table.headers);
                black_box(preview(&table, &mapping, &empty).expect("preview"))
            })
        });
    }
    slow.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
