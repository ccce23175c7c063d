//! Reports the partnership sends to others, assembled as plain data from the
//! plan so the layout (screen, print, export) stays a matter for the UI and
//! the content is tested natively.
//!
//! Each report is a function of the [`Partnership`](crate::model::Partnership)
//! and a period; nothing here reads the clock or the browser.

pub mod annual;
pub mod business_plan;
pub mod dashboard;
pub mod ics;
pub mod quarterly;

pub use business_plan::{BusinessPlan, BusinessPlanRow, ProgressEntry};

use crate::model::FinancialYear;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_financial_years_as_written_in_plans() {
        assert_eq!(parse_financial_year("2019-20"), Some(FinancialYear(2019)));
        assert_eq!(parse_financial_year(" 2019/2020 "), Some(FinancialYear(2019)));
        assert_eq!(parse_financial_year("2099-00"), Some(FinancialYear(2099)));
        assert_eq!(parse_financial_year("2019"), Some(FinancialYear(2019)));
        assert_eq!(parse_financial_year("2019-21"), None);
        assert_eq!(parse_financial_year("year three"), None);
        assert_eq!(parse_financial_year(""), None);
    }
}
