//! The file worker's wasm: `public/file-worker.js` loads it and calls
//! `check` for each request the page posts. Built by Trunk as
//! `file-checks.js` and `file-checks_bg.wasm`, with a memory ceiling
//! (`build.rs`).

#[cfg(target_arch = "wasm32")]
mod worker {
    use safer_plan_file_worker::{Response, handle, js};
    use wasm_bindgen::prelude::*;

    /// Answers one request (a `Request` object) with a `Response` object.
    #[wasm_bindgen]
    pub fn check(request: JsValue) -> Result<JsValue, JsValue> {
        let response = match js::from_js(request) {
            Ok(request) => handle(request),
            Err(_) => Response::NotUnderstood,
        };
        js::to_js(&response)
    }
}

fn main() {}
