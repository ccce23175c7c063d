//! Links the worker's wasm with a ceiling on its memory, so a file that
//! makes a parser allocate without end fails inside the worker (the
//! allocation fails, the wasm aborts, the page refuses the file) instead of
//! growing until the browser kills the tab. The figure is the crate's
//! `MEMORY_BUDGET_BYTES` (src/memory.rs), included here so the two agree.

include!("src/memory.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/memory.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--max-memory={MEMORY_BUDGET_BYTES}");
    }
}
