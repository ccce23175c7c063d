//! Milliseconds from a fixed start, for timing scrypt where it runs: the
//! worker's `performance.now()` in the browser (wasm32 has no
//! `std::time::Instant`), `Instant` natively for the tests.

/// Milliseconds since an arbitrary start, never going backwards.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    use wasm_bindgen::JsValue;
    let performance = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok();
    let now = performance.as_ref().and_then(|p| {
        let now = js_sys::Reflect::get(p, &JsValue::from_str("now")).ok()?;
        let now: &js_sys::Function = wasm_bindgen::JsCast::dyn_ref(&now)?;
        now.call0(p).ok()?.as_f64()
    });
    // Every worker has `performance`; without it, whole milliseconds do.
    now.unwrap_or_else(js_sys::Date::now)
}

/// Milliseconds since an arbitrary start, never going backwards.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}
