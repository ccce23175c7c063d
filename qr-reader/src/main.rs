//! The worker's wasm: `public/qr-worker.js` loads it and calls `read_qr`
//! for each frame the page posts.

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;

    /// The text of the QR code in a canvas image, or `undefined`.
    #[wasm_bindgen]
    pub fn read_qr(rgba: &[u8], width: u32, height: u32) -> Option<String> {
        safer_plan_qr_reader::read_rgba(rgba, width, height)
    }
}

fn main() {}
