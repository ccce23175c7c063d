//! Financial-year quarters as indicator values are keyed and addressed:
//! "2019-20-Q3". The code sorts as text in time order, survives a URL, and
//! reads back to the same [`FinancialQuarter`]. Also which quarters a value
//! can be entered for ([`quarters_for_entry`]).

use crate::model::{FinancialQuarter, FinancialYear, Partnership};

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

/// The same quarter a year earlier, for year-on-year comparison.
pub fn same_quarter_last_year(q: FinancialQuarter) -> FinancialQuarter {
    FinancialQuarter { year: FinancialYear(q.year.0 - 1), quarter: q.quarter }
}

/// How far from the chosen quarter a year named in the plan may lie and
/// still widen the list: a typo such as "2200" must not offer centuries.
const FURTHEST_YEARS: i32 = 20;

/// The quarters a value can be entered for, newest first, with no gaps:
/// from the earliest to the latest of the plan's period ("2020 to 2024"
/// gives 2020-21 to 2024-25), its action plan year, every indicator's
/// baseline period, every quarter holding a value and the one after the
/// latest, `chosen`, and `current` (the quarter being reported now). Years
/// more than 20 years from `chosen` are left out.
pub fn quarters_for_entry(
    plan: &Partnership,
    chosen: FinancialQuarter,
    current: FinancialQuarter,
) -> Vec<FinancialQuarter> {
    let valued: Vec<FinancialQuarter> =
        plan.indicators.values().flat_map(|i| i.series().into_iter().map(|(q, _)| q)).collect();
    let named_years = [plan.plan.period.as_str(), plan.plan.action_plan_year.as_str()]
        .into_iter()
        .chain(plan.indicators.values().map(|i| i.baseline_period.as_str()))
        .flat_map(years_in)
        .filter(|y| (y.0 - chosen.year.0).abs() <= FURTHEST_YEARS)
        .flat_map(|year| [FinancialQuarter { year, quarter: 1 }, FinancialQuarter { year, quarter: 4 }]);
    let after_latest = valued.iter().max().map(|q| q.next());
    let anchors = valued.iter().copied().chain(named_years).chain(after_latest).chain([chosen, current]);
    let (first, last) = anchors.fold((chosen, chosen), |(lo, hi), q| (lo.min(q), hi.max(q)));
    FinancialQuarter::latest_first(first, last)
}

/// Every financial year named by a four-digit year in `text`: "2020 to 2024"
/// names 2020-21 and 2024-25, "2019-20" names 2019-20 (the "20" is the
/// year's second half, not a year of its own).
fn years_in(text: &str) -> Vec<FinancialYear> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<i32>().ok())
        .filter(|y| (1900..=2999).contains(y))
        .map(FinancialYear)
        .collect()
}
