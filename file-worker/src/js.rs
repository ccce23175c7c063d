//! Requests and answers as the JavaScript objects `postMessage` carries,
//! for the worker's entry (`src/main.rs`) and the page (`ui/file_worker.rs`).

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// `value` as a plain object; byte fields become `Uint8Array`s.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(value).map_err(Into::into)
}

/// A value posted by the other side.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(Into::into)
}
