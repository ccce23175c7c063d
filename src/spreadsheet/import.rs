//! Reading an existing action tracker (XLSX, XLS, ODS or CSV) into a preview.
//!
//! The file is checked before it is parsed (size, then what it really is,
//! whatever its name says), the first non-empty row is taken as headings,
//! and every row becomes either an action ready to import or a problem with
//! its row number and reason. Nothing here changes the plan.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::error::MAX_FILE_BYTES;
use super::{ColumnMapping, Field, SheetError};
use crate::model::draft::{parse_lines, parse_tags};
use crate::model::{ActionDraft, Date, Partnership, Status};

/// The first sheet of a spreadsheet, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub sheet: String,
    pub headers: Vec<String>,
    /// (row number as the spreadsheet shows it, cells)
    pub rows: Vec<(usize, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportedAction {
    pub row: usize,
    pub draft: ActionDraft,
    /// The tracker's progress column, as a first progress update.
    pub progress: Option<(Date, Status, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPreview {
    pub actions: Vec<ImportedAction>,
    /// Rows that will not be imported, and why.
    pub skipped: Vec<RowProblem>,
    /// Rows imported with something left out, and what.
    pub warnings: Vec<RowProblem>,
}

/// Reads the first sheet of `bytes`; `file_name` only words the messages.
pub fn read_table(bytes: &[u8]) -> Result<Table, SheetError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge { size_mb: bytes.len().div_ceil(1024 * 1024) });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SheetError::Empty);
    }
    let grid = match bytes {
        [b'%', b'P', b'D', b'F', ..] => return Err(SheetError::Pdf),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => return Err(SheetError::Utf16),
        [b'P', b'K', 3, 4, ..] => workbook_grid(bytes)?,
        [0xD0, 0xCF, 0x11, 0xE0, ..] => workbook_grid(bytes)?,
        _ => csv_grid(bytes)?,
    };
    table_from(grid)
}

fn workbook_grid(bytes: &[u8]) -> Result<(String, Vec<Vec<String>>), SheetError> {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(b"PK") && !has(b"xl/workbook") && !has(b"content.xml") {
        return Err(if has(b"word/document") { SheetError::WordDocument } else { SheetError::NotAWorkbook });
    }
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| SheetError::DamagedWorkbook(e.to_string()))?;
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| SheetError::DamagedWorkbook(e.to_string()))?;
        let grid: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
        if grid.iter().flatten().any(|c| !c.trim().is_empty()) {
            return Ok((name, grid));
        }
    }
    Err(SheetError::NoRows)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "Yes" } else { "No" }.to_string(),
        // Dates become ISO text here so every later step reads one format.
        Data::DateTime(d) => excel_serial_date(d.as_f64()).map(Date::iso).unwrap_or_default(),
        Data::Error(_) => String::new(),
    }
}

/// Excel's day numbers count from 30 December 1899 (after its 1900 leap-year quirk).
fn excel_serial_date(serial: f64) -> Option<Date> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    Some(Date::from_unix_seconds((serial.floor() as i64 - 25_569) * 86_400))
}

fn csv_grid(bytes: &[u8]) -> Result<(String, Vec<Vec<String>>), SheetError> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(SheetError::Unreadable);
    }
    // Excel's plain "CSV (Comma delimited)" is Windows-1252, not UTF-8.
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    if text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count() > text.len() / 100 + 2 {
        return Err(SheetError::Unreadable);
    }
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter =
        [b',', b';', b'\t'].into_iter().max_by_key(|d| first_line.matches(*d as char).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| SheetError::Unreadable)?;
        grid.push(record.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(("CSV".to_string(), grid))
}

fn table_from((sheet, grid): (String, Vec<Vec<String>>)) -> Result<Table, SheetError> {
    let mut rows = grid.into_iter().enumerate().filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let (_, headers) = rows.next().ok_or(SheetError::NoRows)?;
    let rows: Vec<(usize, Vec<String>)> = rows.map(|(i, r)| (i + 1, r)).collect();
    if rows.is_empty() {
        return Err(SheetError::NoRows);
    }
    Ok(Table { sheet, headers, rows })
}

/// What each row would become. `today` dates progress that has no date.
pub fn preview(
    table: &Table,
    mapping: &ColumnMapping,
    plan: &Partnership,
    today: Date,
) -> Result<ImportPreview, SheetError> {
    if mapping.column(Field::Title).is_none() {
        return Err(SheetError::MissingColumn("the key action (title)"));
    }
    let mut out = ImportPreview::default();
    let mut numbers: Vec<String> = Vec::new();
    let mut next_number = plan.next_action_number().parse::<u32>().unwrap_or(1);
    for (row, cells) in &table.rows {
        let get =
            |f: Field| mapping.column(f).and_then(|c| cells.get(c)).map(|s| s.trim().to_string()).unwrap_or_default();
        let skip = |reason: String| RowProblem { row: *row, reason };
        let title = get(Field::Title);
        if title.is_empty() {
            out.skipped.push(skip("There is no key action in this row".into()));
            continue;
        }
        let mut number = get(Field::Number).trim_end_matches('.').to_string();
        if number.is_empty() {
            while plan.actions.values().any(|a| a.number == next_number.to_string())
                || numbers.contains(&next_number.to_string())
            {
                next_number += 1;
            }
            number = next_number.to_string();
        }
        if !crate::model::draft::is_action_number(&number) {
            out.skipped.push(skip(format!("\u{201c}{number}\u{201d} is not an action number like 14 or 2a")));
            continue;
        }
        if plan.actions.values().any(|a| a.number.eq_ignore_ascii_case(&number)) {
            out.skipped.push(skip(format!("Action {number} is already in the plan")));
            continue;
        }
        if numbers.iter().any(|n| n.eq_ignore_ascii_case(&number)) {
            out.skipped.push(skip(format!("Action {number} appears twice in the spreadsheet")));
            continue;
        }
        let mut dates = [(Field::StartDate, None), (Field::DueDate, None), (Field::ProgressDate, None)];
        let mut bad_date = None;
        for (field, value) in dates.iter_mut() {
            let text = get(*field);
            if text.is_empty() {
                continue;
            }
            match read_date(&text) {
                Some(d) => *value = Some(d),
                None => {
                    bad_date = Some(format!("\u{201c}{text}\u{201d} in {} is not a date", field.label().to_lowercase()))
                }
            }
        }
        if let Some(reason) = bad_date {
            out.skipped.push(skip(reason));
            continue;
        }
        let status_text = get(Field::Status);
        let status = match status_text.as_str() {
            "" => None,
            text => match read_status(text) {
                Some(s) => Some(s),
                None => {
                    out.skipped.push(skip(format!("\u{201c}{text}\u{201d} is not a status: use Not started, On track, At risk, Off track or Complete")));
                    continue;
                }
            },
        };
        let theme_text = get(Field::Theme);
        let theme_id = match theme_text.as_str() {
            "" => String::new(),
            name => match plan.themes.values().find(|t| same_name(&t.name, name)) {
                Some(t) => t.id.clone(),
                None => {
                    out.warnings
                        .push(skip(format!("No theme called \u{201c}{name}\u{201d}: imported without a theme")));
                    String::new()
                }
            },
        };
        let progress_text = get(Field::Progress);
        let progress = (!progress_text.is_empty()).then(|| {
            let status = status.unwrap_or_else(|| {
                if progress_text.to_lowercase().starts_with("complete") { Status::Complete } else { Status::OnTrack }
            });
            let date = dates[2].1.unwrap_or(today).min(today);
            (date, status, progress_text.clone())
        });
        numbers.push(number.clone());
        out.actions.push(ImportedAction {
            row: *row,
            draft: ActionDraft {
                number,
                title,
                theme_id,
                leads: parse_lines(&get(Field::Leads).replace(';', "\n")).join("\n"),
                partners: parse_tags(&get(Field::Partners)).join("\n"),
                linked_documents: get(Field::Documents),
                start: dates[0].1.map(Date::iso).unwrap_or_default(),
                due: dates[1].1.map(Date::iso).unwrap_or_default(),
                ..Default::default()
            },
            progress,
        });
    }
    Ok(out)
}

/// dd/mm/yyyy, yyyy-mm-dd, "31 March 2020", "31 Mar 2020" or an Excel day number.
fn read_date(text: &str) -> Option<Date> {
    if let Ok(d) = text.parse::<Date>() {
        return Some(d);
    }
    if let Ok(serial) = text.parse::<f64>() {
        return excel_serial_date(serial);
    }
    let parts: Vec<&str> = text.split_whitespace().collect();
    if let [day, month, year] = parts.as_slice() {
        let month = MONTHS
            .iter()
            .position(|m| m.starts_with(&month.to_lowercase()[..month.len().min(3)]) && month.len() >= 3)?;
        return Date::new(
            year.parse().ok()?,
            month as u8 + 1,
            day.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?,
        )
        .ok();
    }
    None
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn read_status(text: &str) -> Option<Status> {
    let t = text.trim().to_lowercase();
    Some(match t.as_str() {
        "complete" | "completed" | "done" | "closed" | "blue" | "c" => Status::Complete,
        "on track" | "on-track" | "green" | "g" | "in progress" | "ongoing" => Status::OnTrack,
        "at risk" | "at-risk" | "amber" | "a" => Status::AtRisk,
        "off track" | "off-track" | "red" | "r" | "behind" | "delayed" => Status::OffTrack,
        "not started" | "not-started" | "grey" | "gray" | "planned" => Status::NotStarted,
        _ => return None,
    })
}

/// Theme names match ignoring case, "&" vs "and" and spacing.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace('&', " and ").split_whitespace().collect::<Vec<_>>().join(" ");
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests;
