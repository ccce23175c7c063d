/// The most memory the file worker's wasm may hold for any check: 1 GiB.
/// The worker's allocator (`src/allocator.rs`) refuses to grow its memory
/// past it, so the allocation fails, the wasm aborts and the page refuses
/// the file, rather than the tab being killed.
///
/// Why 1 GiB: everything Safer Plan itself asks of the worker fits well
/// inside it (the large partnership of 500 actions and 5,000 updates loads
/// in about 130 MB, and a file of changes is applied to a copy of it; a
/// spreadsheet is read within 10,000 rows, 200 columns and 64 MB of text;
/// scrypt at Safer Plan's work factor, 2^15, takes 32 MB), and age's own
/// default work factor (2^18, 256 MB) does too. A tablet with 3 or 4 GB of
/// memory can give a worker that much beside the page.
///
/// The one exception is the scrypt a partner chose: a protected file whose
/// header asks for more (age accepts up to 2^22; 2^21 needs 2 GiB) is
/// given this budget plus what its work factor needs, once the passphrase
/// is typed (`budget::memory_budget`), and the worker is retired after it
/// so the tablet gets the memory back.
pub const MEMORY_BUDGET_BYTES: u64 = 1024 * 1024 * 1024;

/// wasm32's own ceiling, 4 GiB (65,536 pages of 64 KiB): what `build.rs`
/// links the worker with as its maximum memory, so that a budget raised for
/// a partner's scrypt can be had. Budgets are enforced below it by the
/// allocator.
pub const WASM_MEMORY_MAX_BYTES: u64 = 4 * 1024 * 1024 * 1024;
