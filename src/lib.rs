//! Safer Plan: local-first planning and accountability for Community Safety
//! Partnerships.
//!
//! This crate is the browser half: `storage` (IndexedDB and localStorage
//! adapters) and `ui` (the Leptos interface), both wasm only. Everything
//! without a browser type is the `safer-plan-core` crate in `core/`, whose
//! modules are re-exported here under their own names so pages write
//! `crate::model::Action` and tests `safer_plan::doc::Workspace`. See
//! `ARCHITECTURE.md` for the layers.

pub use safer_plan_core::{demo, doc, exchange, model, nav, report, sorting, spreadsheet};

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
