//! Safer Plan: local-first planning and accountability for Community Safety
//! Partnerships.
//!
//! Layers, from the inside out (see `ARCHITECTURE.md`):
//! - [`model`]: plain domain types and rules, no I/O;
//! - [`doc`]: the [`doc::Workspace`], the one way to change a partnership's
//!   Automerge document, plus the storage-chunk logic that keeps it durable;
//! - [`demo`]: the embedded demo partnership;
//! - `storage` and `ui` (browser only): IndexedDB/localStorage adapters and
//!   the Leptos interface.

pub mod demo;
pub mod doc;
pub mod exchange;
pub mod model;
pub mod nav;
pub mod report;
pub mod spreadsheet;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
