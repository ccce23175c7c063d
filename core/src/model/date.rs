//! Calendar dates as council officers write them, and the UK public sector's
//! financial year.
//!
//! A [`Date`] is a plain civil date (no time zone): progress updates, due dates
//! and meetings are days, not instants. It is stored in the document as an ISO
//! string (`2019-12-19`) so that any Automerge client can read it, and shown in
//! the GOV.UK style (`19 December 2019`).
//!
//! Financial years run April to March: `quarter_of(19 Dec 2019)` is Q3 2019-20.
//!
//! ```
//! use safer_plan_core::model::{Date, FinancialQuarter};
//! let d: Date = "2020-01-15".parse().unwrap();
//! assert_eq!(d.to_string(), "15 January 2020");
//! assert_eq!(FinancialQuarter::of(d).to_string(), "Q4 2019-20");
//! ```

use std::fmt;
use std::str::FromStr;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day in the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("Enter a date in the format 31 3 2024 or 2024-03-31")]
    Format,
    #[error("Enter a real date: that month does not have that day")]
    NoSuchDay,
}

impl Date {
    /// A date from its parts, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=12).contains(&month) || !(1000..=9999).contains(&year) {
            return Err(DateError::Format);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date a Unix timestamp (seconds, UTC) falls on.
    pub fn from_unix_seconds(secs: i64) -> Date {
        let days = secs.div_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Date { year, month, day }
    }

    /// Days since 1970-01-01, for ordering and "days overdue".
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// ISO 8601 form, as stored in the document and used by `<input type=date>`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Short UK form for tables: `19 Dec 2019`.
    pub fn short(self) -> String {
        let month = MONTHS[usize::from(self.month - 1)];
        format!("{} {} {}", self.day, &month[..3], self.year)
    }
}

impl fmt::Display for Date {
    /// GOV.UK style: `19 December 2019`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS[usize::from(self.month - 1)];
        write!(f, "{} {} {}", self.day, month, self.year)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `2019-12-19` (ISO) or `19/12/2019`, `19 12 2019`, `19-12-2019` (UK order).
    fn from_str(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        let parts: Vec<&str> = s.split(['-', '/', ' ', '.']).filter(|p| !p.is_empty()).collect();
        let [a, b, c] = parts.as_slice() else {
            return Err(DateError::Format);
        };
        let num = |p: &str| p.parse::<i32>().map_err(|_| DateError::Format);
        let (year, month, day) = if a.len() == 4 {
            (num(a)?, num(b)?, num(c)?)
        } else if c.len() == 4 {
            (num(c)?, num(b)?, num(a)?)
        } else {
            return Err(DateError::Format);
        };
        let month = u8::try_from(month).map_err(|_| DateError::Format)?;
        let day = u8::try_from(day).map_err(|_| DateError::NoSuchDay)?;
        Date::new(year, month, day)
    }
}

// Stored as an ISO string so every Automerge client can read the date.
impl autosurgeon::Reconcile for Date {
    type Key<'a> = autosurgeon::reconcile::NoKey;

    fn reconcile<R: autosurgeon::Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        reconciler.str(self.iso())
    }
}

impl autosurgeon::Hydrate for Date {
    fn hydrate_string(s: &'_ str) -> Result<Self, autosurgeon::HydrateError> {
        s.parse().map_err(|_| autosurgeon::HydrateError::unexpected("a date such as 2020-01-28", s.to_string()))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

// Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian
// calendar without a lookup table.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// A financial year, named by the calendar year it starts in: 2019 is "2019-20".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear(pub i32);

impl FinancialYear {
    pub fn of(date: Date) -> FinancialYear {
        if date.month >= 4 { FinancialYear(date.year) } else { FinancialYear(date.year - 1) }
    }

    pub fn start(self) -> Date {
        Date { year: self.0, month: 4, day: 1 }
    }

    pub fn end(self) -> Date {
        Date { year: self.0 + 1, month: 3, day: 31 }
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }
}

/// A financial-year quarter: Q1 is April to June, Q4 is January to March.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialQuarter {
    pub year: FinancialYear,
    /// 1 to 4.
    pub quarter: u8,
}

impl FinancialQuarter {
    pub fn of(date: Date) -> FinancialQuarter {
        let quarter = match date.month {
            4..=6 => 1,
            7..=9 => 2,
            10..=12 => 3,
            _ => 4,
        };
        FinancialQuarter { year: FinancialYear::of(date), quarter }
    }

    /// The quarter after: Q1 of the next year comes after Q4 (Q4 2019-20 is
    /// followed by Q1 2020-21).
    pub fn next(self) -> FinancialQuarter {
        if self.quarter >= 4 {
            FinancialQuarter { year: FinancialYear(self.year.0 + 1), quarter: 1 }
        } else {
            FinancialQuarter { year: self.year, quarter: self.quarter + 1 }
        }
    }

    /// The quarter before: Q4 of the previous year comes before Q1 (Q1
    /// 2020-21 follows Q4 2019-20).
    pub fn previous(self) -> FinancialQuarter {
        if self.quarter <= 1 {
            FinancialQuarter { year: FinancialYear(self.year.0 - 1), quarter: 4 }
        } else {
            FinancialQuarter { year: self.year, quarter: self.quarter - 1 }
        }
    }

    /// Every quarter from `last` back to `first`, latest first, with no
    /// gaps; empty when `first` is after `last`.
    pub fn latest_first(first: FinancialQuarter, last: FinancialQuarter) -> Vec<FinancialQuarter> {
        std::iter::successors(Some(last), |q| Some(q.previous())).take_while(|q| *q >= first).collect()
    }

    /// Its last day: 30 June, 30 September, 31 December or 31 March.
    pub fn last_day(self) -> Date {
        match self.quarter {
            1 => Date { year: self.year.0, month: 6, day: 30 },
            2 => Date { year: self.year.0, month: 9, day: 30 },
            3 => Date { year: self.year.0, month: 12, day: 31 },
            _ => Date { year: self.year.0 + 1, month: 3, day: 31 },
        }
    }

    /// The months it covers, for headings: "October to December 2019".
    pub fn months(self) -> String {
        let first = usize::from((self.quarter - 1) * 3 + 3) % 12;
        let calendar_year = if self.quarter == 4 { self.year.0 + 1 } else { self.year.0 };
        format!("{} to {} {}", MONTHS[first], MONTHS[first + 2], calendar_year)
    }
}

impl fmt::Display for FinancialQuarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{} {}", self.quarter, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("test date")
    }

    #[test]
    fn reads_iso_and_uk_orders() {
        assert_eq!(d("2019-12-19"), Date::new(2019, 12, 19).unwrap());
        assert_eq!(d("19/12/2019"), Date::new(2019, 12, 19).unwrap());
        assert_eq!(d(" 9 3 2020 "), Date::new(2020, 3, 9).unwrap());
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        assert_eq!("2019-02-29".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("31/04/2020".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2020-13-01".parse::<Date>(), Err(DateError::Format));
        assert_eq!("next Tuesday".parse::<Date>(), Err(DateError::Format));
        assert_eq!("".parse::<Date>(), Err(DateError::Format));
        assert!("2020-02-29".parse::<Date>().is_ok(), "2020 is a leap year");
        assert_eq!("1900-02-29".parse::<Date>(), Err(DateError::NoSuchDay));
    }

    #[test]
    fn formats_the_govuk_way() {
        assert_eq!(d("2020-03-09").to_string(), "9 March 2020");
        assert_eq!(d("2020-03-09").short(), "9 Mar 2020");
        assert_eq!(d("2020-03-09").iso(), "2020-03-09");
    }

    #[test]
    fn unix_seconds_round_trip_through_days() {
        // 28 January 2020 09:30 UTC, the CSP Executive meeting in seed 003.
        let date = Date::from_unix_seconds(1_580_203_800);
        assert_eq!(date, d("2020-01-28"));
        assert_eq!(date.days_since_epoch() * 86_400, 1_580_169_600);
        assert_eq!(Date::from_unix_seconds(0), d("1970-01-01"));
        assert_eq!(Date::from_unix_seconds(-1), d("1969-12-31"));
    }

    #[test]
    fn financial_quarters_run_april_to_march() {
        let q = |s| FinancialQuarter::of(d(s)).to_string();
        assert_eq!(q("2019-04-01"), "Q1 2019-20");
        assert_eq!(q("2019-06-30"), "Q1 2019-20");
        assert_eq!(q("2019-07-01"), "Q2 2019-20");
        assert_eq!(q("2019-12-31"), "Q3 2019-20");
        assert_eq!(q("2020-01-01"), "Q4 2019-20");
        assert_eq!(q("2020-03-31"), "Q4 2019-20");
        assert_eq!(q("2020-04-01"), "Q1 2020-21");
        assert_eq!(FinancialYear(1999).to_string(), "1999-00");
    }

    #[test]
    fn quarter_months_cross_the_calendar_year() {
        let q = |s| FinancialQuarter::of(d(s)).months();
        assert_eq!(q("2019-05-01"), "April to June 2019");
        assert_eq!(q("2019-11-01"), "October to December 2019");
        assert_eq!(q("2020-02-01"), "January to March 2020");
    }

    #[test]
    fn financial_year_bounds() {
        let fy = FinancialYear::of(d("2020-02-01"));
        assert_eq!(fy.start(), d("2019-04-01"));
        assert_eq!(fy.end(), d("2020-03-31"));
    }
}
