//! Peak memory and time to read and preview a spreadsheet, natively: a
//! 2,000-row tracker, and files at the 10 MB limit shaped to be as costly as
//! they can be. Memory is counted by a global allocator that records the
//! most bytes held at once (the input file included). Figures only, nothing
//! asserted; `cargo bench --bench import_memory` prints them for
//! BENCHMARKS.md.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rust_xlsxwriter::Workbook;
use safer_plan::demo::large::tracker_csv;
use safer_plan::model::Partnership;
use safer_plan::spreadsheet::{ColumnMapping, MAX_FILE_BYTES, preview, read_table};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: passes every call straight to the system allocator and only
// counts the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Reads and previews `bytes` (already in memory), returning the peak
/// bytes held above what was held before, the fastest of three runs, and
/// what happened.
fn measure(bytes: &[u8], plan: &Partnership) -> (usize, f64, String) {
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut outcome = String::new();
    for _ in 0..3 {
        let before = NOW.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let start = Instant::now();
        outcome = match read_table(black_box(bytes)) {
            Ok(table) => {
                let mapping = ColumnMapping::suggest(&table.headers);
                match preview(&table, &mapping, plan) {
                    Ok(p) => format!(
                        "{} rows read, {} actions, {} row problems, {} cells left out",
                        table.rows.len(),
                        p.actions.len(),
                        p.skipped.len() + p.warnings.len(),
                        table.cut.cells_outside
                    ),
                    Err(e) => format!("{} rows read; {e}", table.rows.len()),
                }
            }
            Err(e) => format!("refused: {e}"),
        };
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        peak = peak.max(PEAK.load(Ordering::Relaxed) - before);
    }
    (peak, best, outcome)
}

/// CSV text of `rows` rows and `cols` columns of `width`-character cells,
/// under a tracker's headings.
fn csv(rows: usize, cols: usize, width: usize) -> Vec<u8> {
    let mut out = String::from("No.,Key action,Progress");
    for c in 3..cols {
        out.push_str(&format!(",Column {c}"));
    }
    out.push('\n');
    for r in 1..=rows {
        out.push_str(&r.to_string());
        for c in 1..cols {
            out.push(',');
            // "1-1-" is the shortest cell pattern: repeat it past `width`.
            out.push_str(&format!("{r}-{c}-").repeat(width / 4 + 1)[..width]);
        }
        out.push('\n');
        if out.len() > MAX_FILE_BYTES - 2 * cols * width {
            break;
        }
    }
    out.into_bytes()
}

/// A workbook with distinct text in every cell until it nears 10 MB: text
/// that does not compress, in shared strings and sheet XML both.
fn xlsx(cols: u16) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "No.").expect("heading");
    sheet.write_string(0, 1, "Key action").expect("heading");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut rows = 0;
    'rows: for r in 1..200_000u32 {
        for c in 0..cols {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            sheet.write_string(r, c, format!("{seed:016x}{r}")).expect("cell");
        }
        rows = r;
        // About 21 bytes a cell once compressed.
        if u64::from(r) * u64::from(cols) * 21 > MAX_FILE_BYTES as u64 {
            break 'rows;
        }
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    eprintln!("xlsx: {rows} rows x {cols} columns");
    bytes
}

/// A zip that declares a 1 GB sheet.
fn zip_bomb() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    zip.start_file("xl/worksheets/sheet1.xml", options).expect("part");
    let zeros = vec![b'0'; 1024 * 1024];
    for _ in 0..1024 {
        zip.write_all(&zeros).expect("bytes");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

fn main() {
    let plan = Partnership::new("e".into(), "Empty".into(), String::new());
    let tracker = tracker_csv(2_000);
    let tracker_xlsx = {
        let table = read_table(&tracker).expect("csv");
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in table.headers.iter().enumerate() {
            sheet.write_string(0, c as u16, h).expect("heading");
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, cell).expect("cell");
            }
        }
        book.save_to_buffer().expect("xlsx")
    };
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("2,000-row tracker, CSV", tracker.clone()),
        ("2,000-row tracker, XLSX", tracker_xlsx),
        ("10 MB CSV, short rows (far past 10,000 rows)", csv(usize::MAX, 10, 8)),
        ("10 MB CSV, 10,000 rows of long cells", csv(10_000, 11, 90)),
        ("10 MB CSV, 200 columns", csv(usize::MAX, 200, 4)),
        ("10 MB XLSX, distinct text in every cell", xlsx(20)),
        ("zip declaring a 1 GB sheet", zip_bomb()),
    ];
    println!("| File | Size | Peak memory | Time | Result |");
    println!("|---|---:|---:|---:|---|");
    for (name, bytes) in &files {
        let (peak, ms, outcome) = measure(bytes, &plan);
        println!(
            "| {name} | {:.1} MB | {:.1} MB | {ms:.0} ms | {outcome} |",
            bytes.len() as f64 / 1_048_576.0,
            peak as f64 / 1_048_576.0
        );
    }
}
