//! Links the worker's wasm with wasm32's own memory ceiling
//! (`WASM_MEMORY_MAX_BYTES`, src/memory.rs, included here so the two
//! agree). The budget for each check, far below it, is kept by the worker's
//! allocator (src/allocator.rs).

include!("src/memory.rs");

// A budget the link ceiling could not honour would fail only on a tablet.
const _: () = assert!(MEMORY_BUDGET_BYTES < WASM_MEMORY_MAX_BYTES);

fn main() {
    println!("cargo:rerun-if-changed=src/memory.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--max-memory={WASM_MEMORY_MAX_BYTES}");
    }
}
