//! The worker's allocator: the standard one, refusing to grow the wasm
//! memory past the budget for the check under way. A parser that allocates
//! without end on a crafted file then fails inside the worker (the wasm
//! aborts, the page refuses the file) long before the browser would kill
//! the tab. The budget is set per request (`budget::memory_budget`): 1 GiB,
//! or more for the scrypt of a partner's strongly protected file, within
//! the 4 GiB the wasm is linked with (`build.rs`).
//!
//! wasm memory only ever grows, so what is counted is its size: an
//! allocation that fits in memory already grown is always given; one that
//! would grow it past the budget is refused.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

use safer_plan_file_worker::MEMORY_BUDGET_BYTES;
use safer_plan_file_worker::budget::{grew_past, too_large};

static BUDGET: AtomicU64 = AtomicU64::new(MEMORY_BUDGET_BYTES);

/// Sets the budget, in bytes, for the request about to be answered.
pub fn set_budget(bytes: u64) {
    BUDGET.store(bytes, Ordering::Relaxed);
}

/// The wasm memory's size in bytes (64 KiB pages).
fn memory_bytes() -> u64 {
    core::arch::wasm32::memory_size(0) as u64 * 65_536
}

/// The standard allocator within [`BUDGET`].
pub struct Budgeted;

impl Budgeted {
    /// Gives what `allocate` gave, unless that grew memory past the budget:
    /// then it is handed back and the allocation refused.
    ///
    /// # Safety
    /// As [`GlobalAlloc::alloc`]; `allocate` must allocate `layout` from
    /// [`System`].
    unsafe fn within_budget(layout: Layout, allocate: impl FnOnce() -> *mut u8) -> *mut u8 {
        let budget = BUDGET.load(Ordering::Relaxed);
        if too_large(layout.size() as u64, budget) {
            return std::ptr::null_mut();
        }
        let before = memory_bytes();
        let block = allocate();
        if !block.is_null() && grew_past(before, memory_bytes(), budget) {
            // SAFETY: `block` was just allocated from `System` with `layout`.
            unsafe { System.dealloc(block, layout) };
            return std::ptr::null_mut();
        }
        block
    }
}

// SAFETY: every block comes from `System` and goes back to it with the same
// layout; refusing is returning null, as `GlobalAlloc` allows. `realloc` is
// the trait's own (allocate, copy, free), so growth is budgeted too.
unsafe impl GlobalAlloc for Budgeted {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller's.
        unsafe { Self::within_budget(layout, || System.alloc(layout)) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller's.
        unsafe { Self::within_budget(layout, || System.alloc_zeroed(layout)) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as the caller's; every block came from `System`.
        unsafe { System.dealloc(ptr, layout) }
    }
}
