//! Any bytes at all, chosen as a tracker or performance return to import:
//! read every sheet and preview it. Nothing may panic, and nothing may be
//! read past the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../spreadsheet.rs"]
mod spreadsheet;

fuzz_target!(|data: &[u8]| {
    spreadsheet::read_spreadsheet(data);
});
