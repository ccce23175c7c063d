//! The document layer: a partnership's Automerge document behind the
//! [`Workspace`] API, its history, and the chunk log that keeps it durable.
//!
//! UI code never touches Automerge directly: it calls one `Workspace` method
//! per user intent, and asks [`chunks::Durability`] what to write to storage.

mod assessment;
mod calendar;
mod change;
pub mod chunks;
mod conflicts;
mod consultation;
mod error;
mod history;
mod import;
pub mod interop;
mod merge;
mod numbers;
mod performance;
mod plan;
mod refresh;
pub mod repo;
mod report_notes;
mod restore;
mod structure;
pub mod sync;
mod themes;
mod workshop;
mod workspace;

pub use assessment::{IssueDraft, year_label};
pub use change::{ChangeKind, ChangeMessage};
pub use conflicts::{CONFLICT_MAPS, ConflictValue, FieldConflict, ItemConflicts};
pub use error::DocError;
pub use history::HistoryEntry;
pub use import::{UndoImport, UndoneAction};
pub use numbers::{NumberClash, clashes_on_merge};
pub use performance::ValueEntry;
pub use restore::Restorable;
pub use structure::FormError;
pub use themes::{Destination, Move, attached_words};
pub use workspace::{Stamp, Workspace, new_id};
