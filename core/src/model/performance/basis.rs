//! What an indicator's figures describe, so that a value is only ever
//! compared with a target or baseline for the same length of time.
//!
//! A value entered for a quarter can count that quarter on its own, the
//! financial year so far, or the 12 months to the quarter's end
//! ([`Basis`]); a baseline and target describe a whole year, one quarter, or
//! a rate that does not depend on the period's length ([`Span`]). Both are
//! stored as short codes ("per-quarter", "year") that any Automerge client
//! can read, and both are absent from documents made before they existed:
//! those documents only ever compared a quarter's value directly with the
//! baseline and target, so they read as [`Basis::PerQuarter`] and
//! [`Span::Quarter`], which keeps every rating they showed.

use autosurgeon::{Hydrate, Reconcile};

use crate::model::FinancialQuarter;

/// What each quarter's value counts (Havering's performance reports mark the
/// same choice as outturns reported as a snapshot, cumulatively or as a
/// rolling year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate)]
pub enum Basis {
    /// The quarter on its own: 561 incidents from April to June.
    #[default]
    #[autosurgeon(rename = "per-quarter")]
    PerQuarter,
    /// The financial year so far, cumulative from 1 April: at Q2, April to
    /// September.
    #[autosurgeon(rename = "year-to-date")]
    YearToDate,
    /// The 12 months to the end of the quarter, as police recorded crime is
    /// published ("year ending December 2019").
    #[autosurgeon(rename = "rolling-year")]
    RollingYear,
}

/// What period the baseline and target figures describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate)]
pub enum Span {
    /// A whole year: 2,150 incidents in 2016-17.
    #[autosurgeon(rename = "year")]
    Year,
    /// One quarter: an average of 540 incidents a quarter.
    #[default]
    #[autosurgeon(rename = "quarter")]
    Quarter,
    /// A rate or percentage (38% re-offending), the same whatever the
    /// period's length, so it is never shared out.
    #[autosurgeon(rename = "rate")]
    Rate,
}

impl Basis {
    pub const ALL: [Basis; 3] = [Basis::PerQuarter, Basis::YearToDate, Basis::RollingYear];

    /// The form's and the document's code.
    pub fn code(self) -> &'static str {
        match self {
            Basis::PerQuarter => "per-quarter",
            Basis::YearToDate => "year-to-date",
            Basis::RollingYear => "rolling-year",
        }
    }

    pub fn from_code(code: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.code() == code.trim())
    }

    /// How the indicator page names the basis.
    pub fn label(self) -> &'static str {
        match self {
            Basis::PerQuarter => "Each quarter on its own",
            Basis::YearToDate => "The year to date (cumulative from April)",
            Basis::RollingYear => "The 12 months to the end of each quarter (rolling year)",
        }
    }

    /// How many quarters of the financial year a value for `q` covers: 1 for
    /// a quarter on its own, the quarter's number for the year to date, and
    /// 4 for 12 months.
    pub fn quarters_covered(self, q: FinancialQuarter) -> u8 {
        match self {
            Basis::PerQuarter => 1,
            Basis::YearToDate => q.quarter.clamp(1, 4),
            Basis::RollingYear => 4,
        }
    }

    /// What to type for `q`, for the value entry form: "Enter the year to
    /// date: April to September 2019".
    pub fn what_to_enter(self, q: FinancialQuarter) -> String {
        match self {
            Basis::PerQuarter => format!("Enter {q} on its own: {}", q.months()),
            Basis::YearToDate => format!("Enter the year to date: {}", year_to_date_months(q)),
            Basis::RollingYear => format!("Enter the 12 months to {}", end_month(q)),
        }
    }

    /// The period a value for `q` covers, for explanations: "in the year to
    /// date (April to September 2019)".
    pub(super) fn period_words(self, q: FinancialQuarter) -> String {
        match self {
            Basis::PerQuarter => String::new(),
            Basis::YearToDate => format!(" in the year to date ({})", year_to_date_months(q)),
            Basis::RollingYear => format!(" in the 12 months to {}", end_month(q)),
        }
    }
}

impl Span {
    pub const ALL: [Span; 3] = [Span::Year, Span::Quarter, Span::Rate];

    pub fn code(self) -> &'static str {
        match self {
            Span::Year => "year",
            Span::Quarter => "quarter",
            Span::Rate => "rate",
        }
    }

    pub fn from_code(code: &str) -> Option<Span> {
        Span::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// Quarters a baseline or target figure describes; `None` for a rate,
    /// which is never shared out.
    pub fn quarters(self) -> Option<u8> {
        match self {
            Span::Year => Some(4),
            Span::Quarter => Some(1),
            Span::Rate => None,
        }
    }

    /// Said after a figure: "2,042.5 incidents a year".
    pub(super) fn per(self) -> &'static str {
        match self {
            Span::Year => " a year",
            Span::Quarter => " a quarter",
            Span::Rate => "",
        }
    }
}

/// "April to September 2019"; Q4 runs "April 2019 to March 2020".
fn year_to_date_months(q: FinancialQuarter) -> String {
    let start = q.year.0;
    if q.quarter >= 4 { format!("April {start} to March {}", start + 1) } else { format!("April to {}", end_month(q)) }
}

/// The last month of the quarter with its calendar year: "December 2019".
fn end_month(q: FinancialQuarter) -> String {
    q.months().split(" to ").nth(1).unwrap_or_default().to_string()
}
