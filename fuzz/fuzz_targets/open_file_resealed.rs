//! As `open_file`, but with the checksums of the envelope and of each
//! Automerge chunk recomputed first, so mutations reach the parsing,
//! layout checks and merging behind them instead of stopping at a checksum.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::open_file(&common::reseal(data));
});
