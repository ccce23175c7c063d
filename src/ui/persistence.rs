//! Asking the browser to keep Safer Plan's data (the Storage API's
//! "persistent" mode). Without it a browser may clear the site's storage
//! under pressure, and Safari does after seven days without a visit.

use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    web_sys::window().map(|w| w.navigator().storage())
}

async fn ask(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Whether the browser has already agreed; `None` where it cannot say.
pub async fn persisted() -> Option<bool> {
    ask(manager()?.persisted()).await
}

/// Asks once; browsers decide without a prompt (Chrome, Safari) or ask the
/// person (Firefox).
pub async fn request() -> Option<bool> {
    ask(manager()?.persist()).await
}
