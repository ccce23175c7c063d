//! Reading one cell's text as a date, a number or a status, the way a UK
//! council officer wrote it — and refusing, with the reason, what cannot be
//! read for certain, rather than guessing.
//!
//! - Dates: ISO (`2020-03-31`), day first (`31/03/2020`, `31.03.20`,
//!   `25-Nov-19`, `25 November 2019`, `25th Nov 2019`), or an Excel day
//!   number in a General cell, counted in the workbook's own date system
//!   (1900, or 1904 for old Excel for Mac files). A date that only makes
//!   sense month first (`11/25/2019`) is refused, never swapped; and once a
//!   column shows it is written month first, its `03/04/2020`s are refused
//!   as ambiguous.
//! - Numbers: what the cell shows — `30%` is 30, `£1,250` is 1250,
//!   `(1,234)` is −1234, `1 234` is 1234. A decimal comma (`12,5`) is
//!   refused with the reason, never read as 125.

use crate::model::{Date, Status};

/// Why a cell is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    NotADate,
    /// Only a month-first reading makes it a date; `day_first` is how to write it.
    MonthFirst {
        day_first: String,
    },
    /// Both readings are dates and the column writes some dates month first.
    Ambiguous {
        day_first: String,
        month_first: String,
        example: String,
    },
    NoSuchDay,
}

impl DateProblem {
    /// The reason, for a row problem: `“11/25/2019” in due date …`.
    pub fn reason(&self, text: &str, field: &str) -> String {
        let quoted = format!("\u{201c}{text}\u{201d} in {field}");
        match self {
            DateProblem::NotADate => format!("{quoted} is not a date"),
            DateProblem::NoSuchDay => format!("{quoted} is not a real date"),
            DateProblem::MonthFirst { day_first } => {
                format!("{quoted} is written month first: if it means {day_first}, write the day first")
            }
            DateProblem::Ambiguous { day_first, month_first, example } => format!(
                "{quoted} could be {day_first} or {month_first}: other dates in this column are written month first, like \u{201c}{example}\u{201d}. Write the dates with the month as a word, like {day_first}"
            ),
        }
    }
}

/// A day number in a General cell, in the workbook's date system.
/// 1900 system: day 1 is 1 January 1900 and Excel counts a 29 February 1900
/// that never was, so from day 61 on, day 0 is 30 December 1899. 1904
/// system: day 0 is 1 January 1904 (Microsoft, "Date systems in Excel").
pub fn excel_day(serial: f64, epoch_1904: bool) -> Option<Date> {
    // 1 March 1900 to 31 December 9999.
    let max = if epoch_1904 { 2_957_003.0 } else { 2_958_466.0 };
    let min = if epoch_1904 { 0.0 } else { 61.0 };
    if !(min..max).contains(&serial) {
        return None;
    }
    // Days from 1 January 1970 to the epoch's day 0.
    let day_zero = if epoch_1904 { -24_107 } else { -25_569 };
    Some(Date::from_unix_seconds((serial.floor() as i64 + day_zero) * 86_400))
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

fn month_named(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS.iter().position(|m| m.starts_with(&w)).map(|i| i as u8 + 1)
}

/// Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are
/// 1930–1999 (Microsoft, "How Excel works with two-digit year numbers").
fn full_year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    match text.len() {
        2 if year < 30 => Some(2000 + year),
        2 => Some(1900 + year),
        4 => Some(year),
        _ => None,
    }
}

fn day_number(text: &str) -> Option<u8> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..].to_lowercase();
    if !["", "st", "nd", "rd", "th"].contains(&suffix.as_str()) {
        return None;
    }
    digits.parse().ok()
}

/// The numeric day/month/year parts of `31/03/2020`, `31.03.20` or `31-03-2020`.
fn numeric_parts(text: &str) -> Option<(u8, u8, i32)> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else { return None };
    if a.len() > 2 || b.len() > 2 || !a.chars().chain(b.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, full_year(y)?))
}

/// The first date in `texts` that can only be read month first, if any: a
/// column holding one is written month first.
pub fn month_first_example<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    texts.into_iter().find_map(|t| {
        let (a, b, _) = numeric_parts(t.trim())?;
        ((1..=12).contains(&a) && (13..=31).contains(&b)).then(|| t.trim().to_string())
    })
}

fn long_date(year: i32, month: u8, day: u8) -> String {
    Date::new(year, month, day).map(|d| d.to_string()).unwrap_or_default()
}

/// Reads a date cell. `month_first` is an example of a month-first date
/// elsewhere in the same column (see [`month_first_example`]).
pub fn read_date(text: &str, epoch_1904: bool, month_first: Option<&str>) -> Result<Date, DateProblem> {
    let text = text.trim();
    // ISO, perhaps with a time after it.
    let iso = text.get(..10).filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-');
    if let Some(d) = iso
        && (text.len() == 10 || text[10..].starts_with(['T', ' ']))
    {
        return d.parse::<Date>().map_err(|_| DateProblem::NoSuchDay);
    }
    if let Some((a, b, year)) = numeric_parts(text) {
        if (1..=12).contains(&a) && (13..=31).contains(&b) {
            return Err(DateProblem::MonthFirst { day_first: long_date(year, a, b) });
        }
        if let Some(example) = month_first
            && a != b
            && (1..=12).contains(&a)
            && (1..=12).contains(&b)
        {
            return Err(DateProblem::Ambiguous {
                day_first: long_date(year, b, a),
                month_first: long_date(year, a, b),
                example: example.to_string(),
            });
        }
        return Date::new(year, b, a).map_err(|_| DateProblem::NoSuchDay);
    }
    if let Ok(serial) = text.parse::<f64>() {
        return excel_day(serial, epoch_1904).ok_or(DateProblem::NotADate);
    }
    // Words: "25 November 2019", "25-Nov-19", "25th Nov 2019", "November 25, 2019".
    let words: Vec<&str> =
        text.split(|c: char| c.is_whitespace() || c == '-' || c == ',').filter(|w| !w.is_empty()).collect();
    let (day, month, year) = match words.as_slice() {
        [d, m, y] if month_named(m).is_some() => (day_number(d), month_named(m), full_year(y)),
        [m, d, y] if month_named(m).is_some() => (day_number(d), month_named(m), full_year(y)),
        _ => return Err(DateProblem::NotADate),
    };
    match (day, month, year) {
        (Some(d), Some(m), Some(y)) => Date::new(y, m, d).map_err(|_| DateProblem::NoSuchDay),
        _ => Err(DateProblem::NotADate),
    }
}

/// Why a cell is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    NotANumber,
    /// Written with a decimal comma; the number written the UK way.
    DecimalComma {
        uk: String,
    },
}

impl NumberProblem {
    pub fn reason(&self, text: &str) -> String {
        match self {
            NumberProblem::NotANumber => format!("\u{201c}{text}\u{201d} is not a number"),
            NumberProblem::DecimalComma { uk } => {
                format!("\u{201c}{text}\u{201d} uses a comma as the decimal point: write it as {uk}")
            }
        }
    }
}

/// Reads a number as the cell shows it (see the module notes).
pub fn read_number(text: &str) -> Result<f64, NumberProblem> {
    let mut t = text.trim().replace(['\u{a0}', '\u{202f}'], " ");
    let negative = t.starts_with('(') && t.ends_with(')');
    if negative {
        t = t[1..t.len() - 1].trim().to_string();
    }
    let t = t.trim_end_matches('%').trim();
    let t = t.trim_start_matches(['£', '$', '€']).trim();
    let (sign, body) = match t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
        Some(rest) => (-1.0, rest.trim_start_matches(['£', '$', '€']).trim()),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let grouped = |sep: char| {
        let groups: Vec<&str> = whole.split(sep).collect();
        groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
    };
    let digits = if grouped(',') || grouped(' ') { whole.replace([',', ' '], "") } else { whole.to_string() };
    let plain = match fraction {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    if !plain.is_empty()
        && plain.chars().all(|c| c.is_ascii_digit() || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')
        && let Ok(v) = plain.parse::<f64>()
        && v.is_finite()
    {
        return Ok(if negative { -1.0 } else { 1.0 } * sign * v);
    }
    // "12,5" or "1.234,5": a comma where the UK writes a point.
    let european: String = body.replace(['.', ' '], "");
    if let Some((w, f)) = european.split_once(',')
        && !w.is_empty()
        && !f.is_empty()
        && !f.contains(',')
        && w.chars().chain(f.chars()).all(|c| c.is_ascii_digit())
    {
        let uk = format!("{}{w}.{f}", if sign < 0.0 || negative { "-" } else { "" });
        return Err(NumberProblem::DecimalComma { uk });
    }
    Err(NumberProblem::NotANumber)
}

/// A status as trackers write it: words or RAG colours.
pub fn read_status(text: &str) -> Option<Status> {
    let t = text.trim().to_lowercase();
    Some(match t.as_str() {
        "complete" | "completed" | "done" | "closed" | "blue" | "c" | "achieved" => Status::Complete,
        "on track" | "on-track" | "green" | "g" | "in progress" | "ongoing" => Status::OnTrack,
        "at risk" | "at-risk" | "amber" | "a" => Status::AtRisk,
        "off track" | "off-track" | "red" | "r" | "behind" | "delayed" => Status::OffTrack,
        "not started" | "not-started" | "grey" | "gray" | "planned" => Status::NotStarted,
        _ => return None,
    })
}

/// Names match ignoring case, "&" against "and", and spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace('&', " and ").split_whitespace().collect::<Vec<_>>().join(" ");
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests;
