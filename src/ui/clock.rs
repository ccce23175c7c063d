//! The device clock, read once per intent.

use crate::model::Date;

/// Unix seconds now.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Today's date where the person is (not UTC: a 00:30 BST update is today).
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8)
        .unwrap_or_else(|_| Date::from_unix_seconds(now()))
}
