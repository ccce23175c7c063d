/// The most memory the file worker's wasm may have: 1 GiB (a multiple of
/// wasm's 64 KiB page, as the linker needs). `build.rs` links the worker
/// with it as wasm's maximum memory.
///
/// Why 1 GiB: everything Safer Plan itself asks of the worker fits well
/// inside it (the large partnership of 500 actions and 5,000 updates loads
/// in about 130 MB, and a file of changes is applied to a copy of it; a
/// spreadsheet is read within 10,000 rows, 200 columns and 64 MB of text;
/// scrypt at Safer Plan's work factor, 2^15, takes 32 MB), and age's own
/// default work factor (2^18, 256 MB) does too. A tablet with 3 or 4 GB of
/// memory can give a worker that much beside the page; left to grow to
/// wasm's 4 GiB, a crafted file could take the whole tab down with it. A
/// file protected at 2^20 or more (1 GiB for scrypt alone) is refused with
/// the passphrase page's "needs N MB of memory" message.
pub const MEMORY_BUDGET_BYTES: u64 = 1024 * 1024 * 1024;
