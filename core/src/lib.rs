//! Safer Plan without a browser: everything that decides what a
//! partnership holds and what leaves or enters it, compiled natively for
//! tests and benchmarks and to WebAssembly for the app (and for the file
//! worker, which checks untrusted bytes away from the page).
//!
//! Layers, from the inside out (see `ARCHITECTURE.md`; `tests/layers.rs` in
//! this crate fails when a module reaches upwards):
//! - [`model`]: plain domain types and rules, no I/O;
//! - [`doc`]: the [`doc::Workspace`], the one way to change a partnership's
//!   Automerge document, plus the sans-IO sync core and the storage-chunk
//!   logic that keeps it durable;
//! - [`demo`]: the embedded demo partnership (and `large`, for benchmarks);
//! - [`report`]: reports assembled as data;
//! - [`exchange`] and [`spreadsheet`]: the files partners send, and trackers
//!   and returns in Excel;
//! - [`nav`]: page addresses.
//!
//! Nothing here names a browser type: the app crate at the top level adds
//! IndexedDB storage and the Leptos interface.

pub mod demo;
pub mod doc;
pub mod exchange;
pub mod model;
pub mod nav;
pub mod report;
pub mod sorting;
pub mod spreadsheet;
