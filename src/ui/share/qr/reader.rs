//! The worker that reads QR codes from images, off the page's thread.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker that reads codes (`public/qr-worker.js` with the qr-reader
/// wasm), started on first use. One image is read at a time.
pub(super) struct Reader {
    worker: web_sys::Worker,
    answer: Rc<RefCell<Option<js_sys::Function>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What the reader made of one image.
pub(super) enum Read {
    Found(String),
    Nothing,
    /// Still reading the previous image: a camera frame is skipped.
    Busy,
    /// The worker could not start or stopped on the image.
    Failed,
}

impl Reader {
    pub(super) fn start() -> Option<Reader> {
        let worker = web_sys::Worker::new("./qr-worker.js").ok()?;
        let answer = Rc::new(RefCell::new(None::<js_sys::Function>));
        let reply = move |answer: &Rc<RefCell<Option<js_sys::Function>>>, data: &JsValue| {
            if let Some(resolve) = answer.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, data);
            }
        };
        let on_message = {
            let answer = answer.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                reply(&answer, &ev.data())
            })
        };
        let on_error = {
            let answer = answer.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| reply(&answer, &JsValue::UNDEFINED))
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Reader { worker, answer, _on_message: on_message, _on_error: on_error })
    }

    pub(super) fn busy(&self) -> bool {
        self.answer.borrow().is_some()
    }

    pub(super) async fn read(&self, image: &web_sys::ImageData) -> Read {
        if self.busy() {
            return Read::Busy;
        }
        let answer = self.answer.clone();
        let promise = js_sys::Promise::new(&mut |resolve, _| *answer.borrow_mut() = Some(resolve));
        let message = js_sys::Object::new();
        if js_sys::Reflect::set(&message, &"image".into(), image).is_err()
            || self.worker.post_message(&message).is_err()
        {
            self.answer.borrow_mut().take();
            return Read::Failed;
        }
        let Ok(data) = JsFuture::from(promise).await else { return Read::Failed };
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if !data.is_object() || !field("failed").is_undefined() {
            return Read::Failed;
        }
        field("text").as_string().map_or(Read::Nothing, Read::Found)
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
