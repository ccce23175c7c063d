//! What each row of a tracker would become: an action ready to import (with
//! every field that will be stored), or a row problem with its row number
//! and reason. Nothing here changes the plan; `Workspace::import_actions`
//! applies a confirmed preview as one change.
//!
//! Progress is never dated with today's date. Its date comes from the
//! column the person chose as "Date of the progress", or from the one date
//! they gave for progress in the file without its own date. A row whose
//! progress has neither is still imported, without that progress, and the
//! preview lists it with the reason — the person sees this before they
//! confirm, and can choose a column or a date to bring the progress in.

use super::cells::{month_first_example, read_date, read_status, same_name};
use super::{ColumnMapping, Field, Row, SheetError, Table};
use crate::model::draft::{is_action_number, parse_lines, parse_tags};
pub use crate::model::import::{ImportedAction, ImportedProgress};
use crate::model::{ActionDraft, Date, Partnership, Status};

/// Problems listed in a preview; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 50;

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
    /// Rows imported whole that the person should know about: values taken
    /// from merged cells, hidden rows.
    pub notes: Vec<RowProblem>,
}

/// Numbers not yet used by the plan or the file, from the next after the
/// highest, for blank numbers and for suggestions.
struct FreeNumbers {
    used: Vec<String>,
    next: u64,
}

impl FreeNumbers {
    fn new(plan: &Partnership, file: &[String]) -> FreeNumbers {
        let used: Vec<String> = plan
            .actions
            .values()
            .map(|a| a.number.to_lowercase())
            .chain(file.iter().map(|n| n.to_lowercase()))
            .collect();
        let highest = used.iter().filter_map(|n| crate::model::action::leading_number(n)).max().unwrap_or(0);
        FreeNumbers { used, next: highest + 1 }
    }

    fn take(&mut self) -> String {
        while self.used.contains(&self.next.to_string()) {
            self.next += 1;
        }
        let n = self.next.to_string();
        self.used.push(n.clone());
        n
    }
}

/// What each row of `table` would become under `mapping` in `plan`.
pub fn preview(table: &Table, mapping: &ColumnMapping, plan: &Partnership) -> Result<ImportPreview, SheetError> {
    if mapping.column(Field::Title).is_none() {
        return Err(SheetError::MissingColumn("the key action (title)"));
    }
    let text = |row: &Row, f: Field| mapping.column(f).map(|c| row.cell(c).trim().to_string()).unwrap_or_default();
    let number_of = |row: &Row| text(row, Field::Number).trim_end_matches('.').to_string();
    let file_numbers: Vec<String> = table.rows.iter().map(number_of).filter(|n| !n.is_empty()).collect();
    let mut free = FreeNumbers::new(plan, &file_numbers);
    // A date column that writes some dates month first makes its 03/04s ambiguous.
    let month_first =
        |f: Field| mapping.column(f).and_then(|c| month_first_example(table.rows.iter().map(|r| r.cell(c))));
    let examples = [Field::StartDate, Field::DueDate, Field::ProgressDate].map(|f| (f, month_first(f)));
    let mut out = ImportPreview::default();
    let mut numbers: Vec<String> = Vec::new();
    for row in &table.rows {
        let problem = |reason: String| RowProblem { row: row.number, reason };
        let title = text(row, Field::Title);
        if title.is_empty() {
            out.skipped.push(problem("There is no key action in this row".into()));
            continue;
        }
        let mut number = number_of(row);
        if number.is_empty() {
            number = free.take();
        }
        if !is_action_number(&number) {
            out.skipped.push(problem(format!("\u{201c}{number}\u{201d} is not an action number like 14 or 2a")));
            continue;
        }
        let suggestion = |free: &mut FreeNumbers| {
            format!("the next free number is {}: change the number in the spreadsheet, or leave it blank", free.take())
        };
        if plan.actions.values().any(|a| a.number.eq_ignore_ascii_case(&number)) {
            out.skipped
                .push(problem(format!("Action {number} is already in the plan \u{2013} {}", suggestion(&mut free))));
            continue;
        }
        if numbers.iter().any(|n| n.eq_ignore_ascii_case(&number)) {
            out.skipped.push(problem(format!(
                "Action {number} appears twice in the spreadsheet \u{2013} {}",
                suggestion(&mut free)
            )));
            continue;
        }
        let mut dates = [None; 3];
        let mut bad_date = None;
        for (i, (field, example)) in examples.iter().enumerate() {
            let cell = text(row, *field);
            if cell.is_empty() {
                continue;
            }
            match read_date(&cell, table.epoch_1904, example.as_deref()) {
                Ok(d) => dates[i] = Some(d),
                Err(e) => bad_date = Some(e.reason(&cell, &field.label().to_lowercase())),
            }
        }
        if let Some(reason) = bad_date {
            out.skipped.push(problem(reason));
            continue;
        }
        let [start, due, progress_date] = dates;
        let status_text = text(row, Field::Status);
        let status = match status_text.as_str() {
            "" => None,
            words => match read_status(words) {
                Some(s) => Some(s),
                None => {
                    out.skipped.push(problem(format!(
                        "\u{201c}{words}\u{201d} is not a status: use Not started, On track, At risk, Off track or Complete"
                    )));
                    continue;
                }
            },
        };
        let theme_text = text(row, Field::Theme);
        let theme = match theme_text.as_str() {
            "" => None,
            name => match plan.themes.values().find(|t| same_name(&t.name, name)) {
                Some(t) => Some(t),
                None => {
                    out.warnings
                        .push(problem(format!("No theme called \u{201c}{name}\u{201d}: imported without a theme")));
                    None
                }
            },
        };
        let draft = ActionDraft {
            number: number.clone(),
            title,
            theme_id: theme.map(|t| t.id.clone()).unwrap_or_default(),
            leads: parse_lines(&text(row, Field::Leads).replace(';', "\n")).join("\n"),
            partners: parse_tags(&text(row, Field::Partners)).join("\n"),
            linked_documents: text(row, Field::Documents),
            start: start.map(Date::iso).unwrap_or_default(),
            due: due.map(Date::iso).unwrap_or_default(),
            ..Default::default()
        };
        if let Err(errors) = draft.validate(|_| false, |id| plan.themes.contains_key(id)) {
            let reasons: Vec<&str> = errors.iter().map(|(_, m)| m).collect();
            out.skipped.push(problem(reasons.join("; ")));
            continue;
        }
        let progress_text = text(row, Field::Progress);
        // "Not started" with no words is no progress yet.
        let progress = if progress_text.is_empty() && status.is_none_or(|s| s == Status::NotStarted) {
            None
        } else if let Some(date) = progress_date.or(mapping.progress_as_at) {
            let derived =
                if progress_text.to_lowercase().starts_with("complete") { Status::Complete } else { Status::OnTrack };
            Some(ImportedProgress { date, status: status.unwrap_or(derived), text: progress_text })
        } else {
            let what = match (progress_text.is_empty(), status) {
                (true, Some(s)) => format!("The status \u{201c}{}\u{201d} has", s.label()),
                _ => "The progress has".to_string(),
            };
            out.warnings.push(problem(format!(
                "{what} no date, so it will not be imported: choose the column with the date of the progress, or give the date the progress was written"
            )));
            None
        };
        if row.hidden {
            out.notes
                .push(problem("This row is hidden in the spreadsheet. It will be imported like the others".into()));
        }
        for (col, merge) in &row.merged {
            if let Some(field) = Field::ALL.into_iter().find(|f| mapping.column(*f) == Some(*col)) {
                out.notes.push(problem(format!(
                    "{} taken from the merged cell {}",
                    field.label(),
                    super::read::range_name(merge)
                )));
            }
        }
        numbers.push(number);
        out.actions.push(ImportedAction {
            row: row.number,
            draft,
            theme_name: theme.map(|t| t.name.clone()).unwrap_or_default(),
            progress,
        });
    }
    Ok(out)
}

/// The first [`PROBLEMS_SHOWN`] problems of a list, and how many more there are.
pub fn first_problems(list: &[RowProblem]) -> (&[RowProblem], usize) {
    let shown = &list[..list.len().min(PROBLEMS_SHOWN)];
    (shown, list.len() - shown.len())
}

#[cfg(test)]
mod tests;
