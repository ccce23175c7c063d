//! The page's side of the file worker (`file-worker/`, started from
//! `public/file-worker.js`): every file from outside is posted there and
//! checked before the page reads it. If the worker stops on a file (a
//! panic, an abort, running out of its memory) or runs over its time
//! budget, it is terminated and the file refused; the page, and anything
//! typed on it, carries on, and the next file gets a fresh worker. A worker
//! that answered is kept for the next file, unless it was given extra
//! memory for a partner's strong passphrase protection: that one is ended,
//! so the tablet gets the memory back.
//!
//! The same worker does the page's rare jobs (`jobs`): protecting a file,
//! timing scrypt, the calendar and QR drawings.
//!
//! The worker can keep the open partnership loaded ([`keep`]), so a file of
//! changes is checked without the page saving it and the worker loading it
//! each time: the page tracks what its idle worker keeps ([`kept`]) and
//! sends only its changes since.

pub mod jobs;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use safer_plan_file_worker::budget::{BASE, retire_after};
use safer_plan_file_worker::{KeepRequest, KeptCopy, Request, Response, js};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// "Checking the file…" appears only when a check takes longer than this:
/// no flash of a message for quick work.
const SHOW_CHECKING_AFTER: Duration = Duration::from_millis(300);

/// What became of one request.
pub enum Outcome {
    /// The worker answered.
    Answer(Response),
    /// The worker stopped on the file or ran over its time: it has been
    /// terminated, and the file must be refused with `UNSAFE_FILE`.
    Stopped,
    /// The worker could not be started, so the file was not checked.
    Unavailable,
}

thread_local! {
    /// A worker that answered its last request, ready for the next.
    static IDLE: RefCell<Option<Checker>> = const { RefCell::new(None) };
    /// Settles when the keep under way has been answered; requests wait
    /// for it, so they go to the worker that keeps the partnership.
    static KEEPING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Starts the worker ahead of the first file, so its wasm is compiled by
/// the time someone has chosen one.
pub fn warm_up() {
    IDLE.with_borrow_mut(|idle| {
        if idle.is_none() {
            *idle = Checker::start();
        }
    });
}

/// Has the worker load and keep the open partnership (`request`: its id,
/// saved document and heads) for the files of changes that follow, unless
/// the idle worker keeps it already. Answered in the background; a request
/// made meanwhile waits for it. If the worker cannot keep it, or is ended,
/// files are checked against the partnership sent whole, as before.
/// `request` is made only when needed: saving the large partnership is
/// work for the page.
pub fn keep(id: &str, request: impl FnOnce() -> Option<KeepRequest>) {
    let kept_already = IDLE.with_borrow(|idle| idle.as_ref().and_then(|c| c.kept.as_ref()).is_some_and(|k| k.id == id));
    if kept_already || KEEPING.with_borrow(Option::is_some) {
        return;
    }
    let Some(request) = request() else { return };
    let mut settle = None;
    let keeping = js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
    KEEPING.set(Some(keeping));
    leptos::task::spawn_local(async move {
        // Loading the large partnership takes about a second here; a tablet
        // may be ten times slower. Past the budget the worker is ended and
        // files are checked as if nothing were kept.
        let _ = ask_quietly(&Request::Keep(request), BASE).await;
        KEEPING.set(None);
        if let Some(settle) = settle {
            let _ = settle.call0(&JsValue::NULL);
        }
    });
}

/// What the idle worker keeps, once any keep under way has been answered.
pub async fn kept() -> Option<KeptCopy> {
    keeping_done().await;
    IDLE.with_borrow(|idle| idle.as_ref().and_then(|c| c.kept.clone()))
}

async fn keeping_done() {
    if let Some(keeping) = KEEPING.with_borrow(Clone::clone) {
        let _ = JsFuture::from(keeping).await;
    }
}

/// Asks the worker about one file, allowing it `budget`; `checking` is set
/// while the answer is awaited, once that has taken over 300 ms.
pub async fn ask(request: &Request, budget: Duration, checking: RwSignal<bool>) -> Outcome {
    let timer = set_timeout_with_handle(move || checking.set(true), SHOW_CHECKING_AFTER).ok();
    keeping_done().await;
    let outcome = ask_quietly(request, budget).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    checking.set(false);
    outcome
}

async fn ask_quietly(request: &Request, budget: Duration) -> Outcome {
    // A second file while one is being checked gets a worker of its own.
    let Some(mut checker) = IDLE.with_borrow_mut(Option::take).or_else(Checker::start) else {
        return Outcome::Unavailable;
    };
    let Ok(message) = js::to_js(request) else { return Outcome::Unavailable };
    let reply = checker.post(&message, budget).await;
    let field = |name: &str| js_sys::Reflect::get(&reply, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if reply.is_object() && !field("answer").is_undefined() {
        return match js::from_js::<Response>(field("answer")) {
            Ok(response) => {
                checker.kept = request.kept_after(&response, checker.kept.take());
                if !retire_after(request) {
                    IDLE.with_borrow_mut(|idle| {
                        if idle.is_none() {
                            *idle = Some(checker);
                        }
                    });
                }
                Outcome::Answer(response)
            }
            Err(_) => Outcome::Unavailable,
        };
    }
    if reply.is_object() && !field("unavailable").is_undefined() {
        return Outcome::Unavailable;
    }
    // Stopped on the file, or ran over its time: `checker` is dropped
    // here, which terminates the worker.
    leptos::logging::warn!("the file worker stopped on a file: {:?}", field("crashed").as_string());
    Outcome::Stopped
}

/// One running worker, answering one request at a time.
struct Checker {
    worker: web_sys::Worker,
    /// The partnership it keeps loaded, and the heads it has.
    kept: Option<KeptCopy>,
    /// Resolves the request being answered.
    settle: Rc<RefCell<Option<js_sys::Function>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

fn settle_with(settle: &Rc<RefCell<Option<js_sys::Function>>>, value: &JsValue) {
    if let Some(resolve) = settle.borrow_mut().take() {
        let _ = resolve.call1(&JsValue::NULL, value);
    }
}

/// `{ <key>: true }`, as the shim posts its reports.
fn report(key: &str) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &key.into(), &JsValue::TRUE);
    object.into()
}

impl Checker {
    fn start() -> Option<Checker> {
        let worker = web_sys::Worker::new("./file-worker.js").ok()?;
        let settle = Rc::new(RefCell::new(None::<js_sys::Function>));
        let on_message = {
            let settle = settle.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                settle_with(&settle, &ev.data())
            })
        };
        // The shim reports everything that happens inside a request, so an
        // error event means its scripts did not load.
        let on_error = {
            let settle = settle.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| settle_with(&settle, &report("unavailable")))
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Checker { worker, kept: None, settle, _on_message: on_message, _on_error: on_error })
    }

    /// Posts `message` and waits for the reply, or for `budget` to pass
    /// (then the reply is `{ timeout: true }`).
    async fn post(&self, message: &JsValue, budget: Duration) -> JsValue {
        let settle = self.settle.clone();
        let reply = js_sys::Promise::new(&mut |resolve, _| *settle.borrow_mut() = Some(resolve));
        if self.worker.post_message(message).is_err() {
            self.settle.borrow_mut().take();
            return report("unavailable");
        }
        let timer = {
            let settle = self.settle.clone();
            set_timeout_with_handle(move || settle_with(&settle, &report("timeout")), budget).ok()
        };
        let reply = JsFuture::from(reply).await.unwrap_or(JsValue::UNDEFINED);
        if let Some(timer) = timer {
            timer.clear();
        }
        reply
    }
}

impl Drop for Checker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// "Checking the file…", announced to screen readers, while `checking`.
#[component]
pub fn CheckingStatus(checking: RwSignal<bool>, id: &'static str) -> impl IntoView {
    view! { <BusyStatus busy=checking id text="Checking the file\u{2026}" /> }
}

/// `text` (ending "…"), announced to screen readers, while `busy`: the
/// worker has taken over 300 ms over a job.
#[component]
pub fn BusyStatus(busy: RwSignal<bool>, id: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <p class="govuk-body" role="status" id=id>
            {move || busy.get().then_some(text)}
        </p>
    }
}
