//! The domain: plain Rust types for a Community Safety Partnership's plan.
//!
//! Nothing here knows about browsers or storage. Types derive autosurgeon's
//! `Reconcile`/`Hydrate` so the [`crate::doc::Workspace`] can map them onto an
//! Automerge document; everything else (ordering, status, validation,
//! filtering, financial quarters) is ordinary code tested with `cargo test`.

pub mod action;
pub mod action_list;
pub mod assessment;
mod author;
pub mod calendar;
pub mod consultation;
pub mod cover;
mod date;
pub mod draft;
pub mod evidence;
pub mod filter;
pub mod import;
pub mod kiosk;
mod narrative;
pub mod paging;
mod partnership;
pub mod performance;
pub mod period;
pub mod plan;
pub mod stored;
pub mod structure;
pub mod theme;
pub mod workshop;

pub use action::{Action, Lead, LinkedDocument, ProgressUpdate, Status};
pub use author::Author;
pub use calendar::{CalendarEvent, EventDraft, EventKind, ValidEvent, recent_meetings};
pub use cover::{Cover, CoverDraft};
pub use date::{Date, DateError, FinancialQuarter, FinancialYear};
pub use draft::{ActionDraft, FieldErrors, ProgressDraft, ValidAction, ValidProgress};
pub use filter::ActionFilter;
pub use narrative::Narrative;
pub use partnership::{DuplicateNumber, FORMAT, FORMAT_VERSION, Partnership, PlanSummary, file_stem};
pub use performance::{Indicator, IndicatorDraft, Polarity, QuarterValue, Rag};
pub use period::{QuarterChoice, YearChoice};
pub use plan::PlanDraft;
pub use structure::{Organisation, OrganisationDraft, Sector, SubGroup, SubGroupDraft};
pub use theme::{Theme, ThemeDraft, ValidTheme};
