//! Reports the partnership sends to others, assembled as plain data from the
//! plan so the layout (screen, print, export) stays a matter for the UI and
//! the content is tested natively.
//!
//! Each report is a function of the [`Partnership`](crate::model::Partnership)
//! and a period; nothing here reads the clock or the browser.

pub mod annual;
pub mod attention;
pub mod business_plan;
pub mod chart;
pub mod cover;
pub mod dashboard;
pub mod ics;
pub mod plan_document;
pub mod print;
pub mod quarterly;

pub use business_plan::{BusinessPlan, BusinessPlanRow, ProgressEntry};

pub use crate::model::performance::parse_financial_year;
