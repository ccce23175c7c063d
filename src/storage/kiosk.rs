//! The kiosk lock of this browser tab, in session storage: it survives a
//! resident reloading the page, and goes when the organiser closes the tab.
//! Never in the partnership's document, which partners share.

use gloo_storage::{SessionStorage, Storage};

use crate::model::kiosk::KioskLock;

const KIOSK_LOCK: &str = "safer-plan.kiosk-lock";

/// The lock this tab is under, if it is in kiosk mode.
pub fn kiosk_lock() -> Option<KioskLock> {
    SessionStorage::get(KIOSK_LOCK).ok()
}

/// Puts this tab in kiosk mode.
///
/// # Errors
/// The browser's words when session storage is unavailable (for example
/// in some private windows), for the organiser to read.
pub fn set_kiosk_lock(lock: &KioskLock) -> Result<(), String> {
    SessionStorage::set(KIOSK_LOCK, lock).map_err(|e| e.to_string())
}

/// Takes this tab out of kiosk mode.
pub fn clear_kiosk_lock() {
    SessionStorage::delete(KIOSK_LOCK);
}
