//! Keeping a kiosk tablet on its questionnaire: the organiser may set a
//! PIN when starting kiosk mode, and leaving then needs it. With no PIN,
//! leaving takes a press held for [`HOLD_TO_LEAVE_MS`] and a confirmation,
//! which a resident tapping about will not do by accident.
//!
//! The lock belongs to the device and the browser tab, not to the
//! partnership: it is kept in the tab's session storage (see
//! `storage::settings`) and never in the shared document. It guards
//! against a resident wandering into the plan, not against an attacker
//! with the tablet, so the PIN is kept as typed.

use serde::{Deserialize, Serialize};

use super::FieldErrors;

/// How long "Leave kiosk mode" must be held when no PIN was set.
pub const HOLD_TO_LEAVE_MS: u32 = 3_000;

/// Shortest and longest PIN accepted, in digits.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// A tab in kiosk mode on one questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskLock {
    pub questionnaire_id: String,
    /// Digits the organiser chose, or `None` for hold-and-confirm.
    pub pin: Option<String>,
}

/// Why a tab may not leave kiosk mode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeaveError {
    #[error("Enter the PIN set when kiosk mode was started")]
    PinMissing,
    #[error("The PIN is not right. Ask the organiser to enter it")]
    WrongPin,
}

impl KioskLock {
    /// Starts kiosk mode on a questionnaire with the PIN as typed (blank
    /// for none).
    ///
    /// # Errors
    /// Against the `pin` field: not 4 to 8 digits.
    pub fn start(questionnaire_id: &str, typed_pin: &str) -> Result<KioskLock, FieldErrors> {
        let pin: String = typed_pin.chars().filter(|c| !c.is_whitespace()).collect();
        let pin = if pin.is_empty() {
            None
        } else if pin.chars().all(|c| c.is_ascii_digit()) && PIN_DIGITS.contains(&pin.len()) {
            Some(pin)
        } else {
            let mut errors = FieldErrors::default();
            errors.add(
                "pin",
                format!("PIN must be {} to {} numbers, or leave it blank", PIN_DIGITS.start(), PIN_DIGITS.end()),
            );
            return Err(errors);
        };
        Ok(KioskLock { questionnaire_id: questionnaire_id.to_string(), pin })
    }

    pub fn has_pin(&self) -> bool {
        self.pin.is_some()
    }

    /// Whether the typed PIN lets the organiser leave. With no PIN set,
    /// leaving is by hold and confirmation instead, and this always allows.
    ///
    /// # Errors
    /// [`LeaveError::PinMissing`] for a blank PIN, [`LeaveError::WrongPin`]
    /// for any other that does not match.
    pub fn check_leave(&self, typed_pin: &str) -> Result<(), LeaveError> {
        let Some(pin) = &self.pin else { return Ok(()) };
        let typed: String = typed_pin.chars().filter(|c| !c.is_whitespace()).collect();
        if typed.is_empty() {
            Err(LeaveError::PinMissing)
        } else if typed == *pin {
            Ok(())
        } else {
            Err(LeaveError::WrongPin)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_four_to_eight_numbers_or_nothing() {
        assert_eq!(KioskLock::start("q", " 2468 ").map(|l| l.pin), Ok(Some("2468".to_string())));
        assert_eq!(KioskLock::start("q", "").map(|l| l.has_pin()), Ok(false));
        for bad in ["123", "123456789", "12a4", "one two"] {
            let errors = KioskLock::start("q", bad).expect_err(bad);
            assert_eq!(errors.get("pin"), Some("PIN must be 4 to 8 numbers, or leave it blank"));
        }
    }

    #[test]
    fn leaving_needs_the_pin_when_one_was_set() {
        let lock = KioskLock::start("q", "2468").expect("valid");
        assert_eq!(lock.check_leave(""), Err(LeaveError::PinMissing));
        assert_eq!(lock.check_leave("1357"), Err(LeaveError::WrongPin));
        assert_eq!(lock.check_leave("24 68"), Ok(()));
        assert_eq!(LeaveError::WrongPin.to_string(), "The PIN is not right. Ask the organiser to enter it");
        let open = KioskLock::start("q", "").expect("valid");
        assert_eq!(open.check_leave(""), Ok(()), "no PIN: hold and confirm instead");
    }
}
