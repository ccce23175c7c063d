//! Financial-year quarters as indicator values are keyed and addressed:
//! "2019-20-Q3". The code sorts as text in time order, survives a URL, and
//! reads back to the same [`FinancialQuarter`].

use crate::model::{FinancialQuarter, FinancialYear};

/// "2019-20-Q3": stable, sortable and safe in an address.
pub fn quarter_code(quarter: FinancialQuarter) -> String {
    format!("{}-Q{}", quarter.year, quarter.quarter)
}

/// Reads [`quarter_code`]'s form back.
pub fn parse_quarter_code(code: &str) -> Option<FinancialQuarter> {
    let (year, q) = code.trim().rsplit_once("-Q")?;
    let quarter: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some(FinancialQuarter { year: parse_financial_year(year)?, quarter })
}

/// Reads a quarter as code or as shown on screen and in spreadsheets:
/// "2019-20-Q3", "Q3 2019-20", "2019-20 Q3".
pub fn parse_quarter(text: &str) -> Option<FinancialQuarter> {
    let text = text.trim();
    if let Some(q) = parse_quarter_code(text) {
        return Some(q);
    }
    let (a, b) = text.split_once(char::is_whitespace)?;
    let (a, b) = (a.trim(), b.trim());
    let (q, year) = if a.starts_with(['Q', 'q']) { (a, b) } else { (b, a) };
    let quarter: u8 = q.get(1..)?.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some(FinancialQuarter { year: parse_financial_year(year)?, quarter })
}

/// Reads a financial year as partnerships write it: "2019-20", "2019/20" or
/// "2019". The second part, when given, must follow the first.
pub fn parse_financial_year(text: &str) -> Option<FinancialYear> {
    let text = text.trim();
    let (first, second) = match text.split_once(['-', '/', '–']) {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (text, None),
    };
    let start: i32 = first.parse().ok().filter(|y| (1900..=2999).contains(y))?;
    if let Some(second) = second {
        let end: i32 = second.parse().ok()?;
        let expected = if second.len() == 2 { (start + 1).rem_euclid(100) } else { start + 1 };
        if end != expected {
            return None;
        }
    }
    Some(FinancialYear(start))
}

/// The quarter before: Q4 of the previous year comes before Q1.
pub fn previous_quarter(q: FinancialQuarter) -> FinancialQuarter {
    if q.quarter == 1 {
        FinancialQuarter { year: FinancialYear(q.year.0 - 1), quarter: 4 }
    } else {
        FinancialQuarter { year: q.year, quarter: q.quarter - 1 }
    }
}

/// The quarter after: Q1 of the next year comes after Q4.
pub fn next_quarter(q: FinancialQuarter) -> FinancialQuarter {
    if q.quarter >= 4 {
        FinancialQuarter { year: FinancialYear(q.year.0 + 1), quarter: 1 }
    } else {
        FinancialQuarter { year: q.year, quarter: q.quarter + 1 }
    }
}

/// The same quarter a year earlier, for year-on-year comparison.
pub fn same_quarter_last_year(q: FinancialQuarter) -> FinancialQuarter {
    FinancialQuarter { year: FinancialYear(q.year.0 - 1), quarter: q.quarter }
}
