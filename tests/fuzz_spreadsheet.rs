//! Replays the spreadsheet fuzzing seeds and every input the fuzzer found
//! to crash (`fuzz/regressions/read_spreadsheet`, and
//! `fuzz/artifacts/read_spreadsheet` after a local run) through the fuzz
//! target's own code (`fuzz/spreadsheet.rs`), so `cargo test` shows a crash
//! stays fixed without the nightly toolchain. The ignored test at the end
//! writes the seeds.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook};
use safer_plan::spreadsheet::export::{
    ACTION_HEADERS, INDICATOR_HEADERS, action_rows, indicator_rows, to_csv, workbook_xlsx,
};

#[path = "../fuzz/spreadsheet.rs"]
mod spreadsheet;

use spreadsheet::SheetOutcome;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files in `dir` (under `fuzz/`), leaving out what libFuzzer writes
/// for inputs that were only slow or used too much memory.
fn files_in(dir: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(fuzz_dir().join(dir)) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    files.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        !(name == ".gitkeep" || name.starts_with("slow-unit-") || name.starts_with("timeout-"))
    });
    safer_plan::sorting::sort(&mut files);
    files
}

fn replay(path: &Path) -> Result<SheetOutcome, String> {
    let data = fs::read(path).expect("readable");
    catch_unwind(AssertUnwindSafe(|| spreadsheet::read_spreadsheet(&data))).map_err(|_| path.display().to_string())
}

#[test]
fn every_spreadsheet_seed_is_read_or_refused_without_panicking() {
    let seeds = files_in("corpus/read_spreadsheet");
    assert!(seeds.len() >= 15, "fuzz/corpus/read_spreadsheet has only {} seeds", seeds.len());
    let outcomes: Vec<SheetOutcome> =
        seeds.iter().map(|p| replay(p).unwrap_or_else(|e| panic!("{e} panicked"))).collect();
    let read = outcomes.iter().filter(|o| matches!(o, SheetOutcome::Read(n) if *n > 0)).count();
    let refused = outcomes.iter().filter(|o| **o == SheetOutcome::Refused).count();
    // The seeds reach both ends: files read, and files refused.
    assert!(read >= 10 && refused >= 4, "{read} read, {refused} refused");
}

#[test]
fn inputs_that_crashed_the_spreadsheet_fuzzer_are_read_or_refused_without_panicking() {
    let dirs = ["regressions/read_spreadsheet", "artifacts/read_spreadsheet"];
    let panicked: Vec<String> = dirs.iter().flat_map(|d| files_in(d)).filter_map(|p| replay(&p).err()).collect();
    assert!(panicked.is_empty(), "{} inputs panicked:\n{}", panicked.len(), panicked.join("\n"));
}

/// A small ODS file holding `rows` as the content of one sheet.
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Tracker">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).expect("mimetype");
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").expect("mimetype");
        zip.start_file("content.xml", stored).expect("content");
        zip.write_all(content.as_bytes()).expect("content");
        zip.finish().expect("zip");
    }
    out.into_inner()
}

fn cell(text: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#)
}

/// A tracker as partnerships keep it: a title line, merged theme cells, UK
/// dates, a percentage column and a hidden row.
fn messy_xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Luton CSP tracker 2019-20").expect("title");
    for (c, h) in ["No.", "Key action", "Theme", "Due date", "% complete"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h).expect("heading");
    }
    let percent = Format::new().set_num_format("0%");
    for (i, title) in ["Deliver the DA strategy", "Publish the DHR outcomes", "Run the campaign"].iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write_number(r, 0, i as f64 + 1.0).expect("number");
        sheet.write_string(r, 1, *title).expect("title");
        sheet.write_string(r, 3, "31/03/2020").expect("due");
        sheet.write_number_with_format(r, 4, 0.25 * i as f64, &percent).expect("percent");
    }
    sheet.merge_range(3, 2, 5, 2, "Domestic abuse", &Format::new()).expect("merge");
    sheet.set_row_hidden(4).expect("hidden");
    book.add_worksheet().set_name("Q4 return").expect("name");
    book.save_to_buffer().expect("xlsx")
}

/// Writes the seeds into `fuzz/corpus/read_spreadsheet`.
#[test]
#[ignore = "writes fuzz/corpus/read_spreadsheet: run by hand after changing what the import reads"]
fn write_the_spreadsheet_fuzz_seeds() {
    let demo = safer_plan::demo::workspace();
    let plan = demo.partnership();
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    let realworld = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/realworld");
    for name in [
        "tracker-1904-date-system.xlsx",
        "tracker-stray-cell-XFD1048576.xlsx",
        "tracker-merged-theme-cells.xlsx",
        "tracker-sep-hint-semicolon.csv",
        "tracker-repeated-row-1048574.ods",
        "export-formula-title.csv",
    ] {
        seeds.push((name.to_string(), fs::read(realworld.join(name)).expect("fixture")));
    }
    seeds.push(("demo-workbook.xlsx".into(), workbook_xlsx(plan).expect("xlsx")));
    seeds.push(("demo-actions.csv".into(), to_csv(&ACTION_HEADERS, &action_rows(plan)).expect("csv")));
    seeds.push(("demo-indicators.csv".into(), to_csv(&INDICATOR_HEADERS, &indicator_rows(plan)).expect("csv")));
    seeds.push(("messy-tracker.xlsx".into(), messy_xlsx()));
    let header =
        format!("<table:table-row>{}{}{}</table:table-row>", cell("No."), cell("Key action"), cell("Due date"));
    let spanned = r#"<table:table-row table:visibility="collapse"><table:table-cell office:value-type="float" office:value="2"/><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>Audit<text:s text:c="2"/>CCTV</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2020-03-31"/><table:table-cell office:value-type="percentage" office:value="0.3"/></table:table-row>"#;
    seeds.push(("tracker.ods".into(), ods(&format!("{header}{spanned}"))));
    seeds.push((
        "tracker-title-lines.csv".into(),
        b"Luton CSP\nTracker 2019-20\n\nRef,Action,Lead officer,Deadline,RAG,Comments\n1,Review,\"ASB Manager, Luton Council\",31/03/2020,Amber,\"Draft\r\nshared\"\n\nNotes: as at March\n".to_vec(),
    ));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "No.\tKey action\tDue date\n1\t\u{a3}500 budget \u{2013} agreed\t25-Nov-19\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    seeds.push(("unicode-text.txt".into(), utf16));
    seeds.push((
        "return-percent-comma.csv".into(),
        b"Indicator;Quarter;Value\nRepeat referrals to MARAC;Q4 2019-20;30%\nBurglary;Q4 2019-20;1.012,5\n".to_vec(),
    ));
    seeds.push(("windows-1252.csv".into(), b"No.,Key action\n1,Budget \x96 \xA3500 \xE2\x80\x93 agreed\n".to_vec()));
    seeds.push(("us-dates.csv".into(), b"No.,Action,Due date\n1,Review,11/25/2019\n2,Audit,03/04/2020\n".to_vec()));
    // Files people choose by mistake.
    seeds.push(("empty".into(), Vec::new()));
    seeds.push(("report.pdf".into(), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".to_vec()));
    seeds.push(("old.xls".into(), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec()));
    seeds.push(("page.html".into(), b"<!DOCTYPE html><table><tr><td>1</td></tr></table>".to_vec()));
    seeds.push(("letter.docx".into(), b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml".to_vec()));

    let dir = fuzz_dir().join("corpus/read_spreadsheet");
    fs::create_dir_all(&dir).expect("corpus folder");
    for (name, bytes) in &seeds {
        assert!(bytes.len() < 64 * 1024, "{name} is {} bytes", bytes.len());
        fs::write(dir.join(name), bytes).expect("seed written");
    }
    fs::create_dir_all(fuzz_dir().join("regressions/read_spreadsheet")).expect("regressions folder");
    fs::write(fuzz_dir().join("regressions/read_spreadsheet/.gitkeep"), b"").expect("keep");
}
