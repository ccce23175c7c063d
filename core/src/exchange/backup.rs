//! When to remind someone to download a backup. Browsers may clear a site's
//! data (Safari after seven days without a visit), and this device's copy
//! may hold work no partner has yet, so a file kept elsewhere is the only
//! safe copy.

use serde::{Deserialize, Serialize};

/// Remind after this many days with unsaved-elsewhere changes...
pub const REMIND_AFTER_DAYS: i64 = 7;
/// ...or after this many changes, whichever comes first.
pub const REMIND_AFTER_CHANGES: u32 = 50;

const DAY: i64 = 86_400;

/// Per workspace, on this device.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupRecord {
    /// Unix seconds of the last backup, or of when counting began.
    pub since: i64,
    pub backed_up: bool,
    /// Changes made or merged on this device since then.
    pub changes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    Changes(u32),
    Days(i64),
}

impl Reminder {
    pub fn describe(self) -> String {
        match self {
            Reminder::Changes(n) => format!("{n} changes have been made since the last backup"),
            Reminder::Days(d) => format!("It is {d} days since the last backup"),
        }
    }
}

impl BackupRecord {
    pub fn starting(now: i64) -> BackupRecord {
        BackupRecord { since: now, backed_up: false, changes: 0 }
    }

    pub fn changed(&mut self, n: u32) {
        self.changes = self.changes.saturating_add(n);
    }

    pub fn backed_up_at(&mut self, now: i64) {
        *self = BackupRecord { since: now, backed_up: true, changes: 0 };
    }

    /// Nothing is due while nothing has changed: the last backup (or the
    /// file the workspace came from) still holds everything.
    pub fn reminder(&self, now: i64) -> Option<Reminder> {
        if self.changes == 0 {
            return None;
        }
        if self.changes >= REMIND_AFTER_CHANGES {
            return Some(Reminder::Changes(self.changes));
        }
        let days = (now - self.since) / DAY;
        (days >= REMIND_AFTER_DAYS).then_some(Reminder::Days(days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_comes_after_seven_days_or_fifty_changes_and_not_before() {
        let mut r = BackupRecord::starting(0);
        assert_eq!(r.reminder(30 * DAY), None, "nothing changed, nothing to back up");
        r.changed(1);
        assert_eq!(r.reminder(6 * DAY), None);
        assert_eq!(r.reminder(7 * DAY), Some(Reminder::Days(7)));
        r.changed(48);
        assert_eq!(r.reminder(DAY), None);
        r.changed(1);
        assert_eq!(r.reminder(DAY), Some(Reminder::Changes(50)));
        r.backed_up_at(DAY);
        assert_eq!(r.reminder(2 * DAY), None);
        assert!(r.backed_up);
        assert_eq!(Reminder::Days(9).describe(), "It is 9 days since the last backup");
    }
}
