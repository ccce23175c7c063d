//! Reading the open partnership where the workspace keeps it, without a copy.
//!
//! The workspace already holds the hydrated [`Partnership`] and keeps it in
//! step with every intent (`doc::Workspace`). Copying it into a signal after
//! each change cost time in proportion to the whole plan (500 actions and
//! 5,000 progress updates on the large partnership) for an intent that
//! touched one action, so components read the workspace's own copy instead,
//! and a data-less signal ([`Trigger`]) tells them when to read again.
//!
//! The one rule this brings: a reader's closure must not change the
//! workspace (`Session::apply`, `with_workspace`, `persist`), because the
//! workspace is borrowed for reading while it runs. Read what you need,
//! return it, then act on it.

use leptos::prelude::*;

use crate::model::Partnership;

use super::session::OpenWorkspace;

/// The open partnership for reading: `None` inside when none is open.
/// `Copy`, like a signal; `with` tracks, `with_untracked` does not.
#[derive(Clone, Copy)]
pub struct PlanReader {
    changed: Trigger,
    session: StoredValue<Option<OpenWorkspace>, LocalStorage>,
}

impl PlanReader {
    pub(super) fn new(session: StoredValue<Option<OpenWorkspace>, LocalStorage>) -> PlanReader {
        PlanReader { changed: Trigger::new(), session }
    }

    /// Runs `read` on the open partnership, and runs the reactive code
    /// around it again when the partnership changes.
    pub fn with<R>(&self, read: impl FnOnce(&Option<&Partnership>) -> R) -> R {
        self.changed.track();
        self.with_untracked(read)
    }

    /// Runs `read` on the open partnership, without subscribing to changes.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Option<&Partnership>) -> R) -> R {
        match self.session.try_read_value() {
            Some(session) => read(&session.as_ref().map(|s| s.ws.partnership())),
            // Only after the app itself has gone.
            None => read(&None),
        }
    }

    /// Subscribes the reactive code around it to changes of the partnership
    /// (for code that reads the workspace itself, such as its history).
    pub fn track(&self) {
        self.changed.track();
    }

    /// Tells readers that the open partnership changed, was opened or closed.
    pub(super) fn changed(&self) {
        self.changed.notify();
    }
}
