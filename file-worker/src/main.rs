//! The file worker's wasm: `public/file-worker.js` loads it and calls
//! `check` for each request the page posts. Built by Trunk as
//! `file-checks.js` and `file-checks_bg.wasm`; its memory is kept within
//! each request's budget by its allocator (`allocator.rs`).

#[cfg(target_arch = "wasm32")]
mod allocator;

#[cfg(target_arch = "wasm32")]
mod worker {
    use safer_plan_file_worker::budget::memory_budget;
    use safer_plan_file_worker::{MEMORY_BUDGET_BYTES, Response, handle, js};
    use wasm_bindgen::prelude::*;

    use crate::allocator::{Budgeted, set_budget};

    #[global_allocator]
    static ALLOCATOR: Budgeted = Budgeted;

    /// Answers one request (a `Request` object) with a `Response` object.
    #[wasm_bindgen]
    pub fn check(request: JsValue) -> Result<JsValue, JsValue> {
        let response = match js::from_js(request) {
            Ok(request) => {
                set_budget(memory_budget(&request));
                let response = handle(request);
                set_budget(MEMORY_BUDGET_BYTES);
                response
            }
            Err(_) => Response::NotUnderstood,
        };
        js::to_js(&response)
    }
}

fn main() {}
