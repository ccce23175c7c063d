//! Any bytes at all, opened as a partner's file on a device with the demo
//! partnership open, then merged: nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

// `reseal` is for `open_file_resealed`.
#[allow(dead_code)]
#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::open_file(data);
});
