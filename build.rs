//! Links the page's wasm with its relocations kept (`--emit-relocs`), which
//! wasm-split needs to move the rarely used pages (`src/ui/lazy_pages.rs`)
//! into modules of their own (`scripts/split.mjs`). wasm-bindgen and
//! wasm-opt drop the relocation sections again, so nothing ships with them.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
