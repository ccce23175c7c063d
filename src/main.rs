//! The browser entry point: mounts the app. Built by Trunk for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    safer_plan::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Safer Plan runs in the browser: use `scripts/serve.sh` (see README.md).");
}
