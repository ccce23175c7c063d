//! Joining a partnership through a sync server: a partner pastes the
//! server address and the sync address; Safer Plan downloads the
//! partnership (`doc::repo::Download` over a WebSocket), checks it in the
//! file worker and previews it exactly as it would a file
//! (`ui/share/check.rs`), and keeps it only when the person confirms.
//! From then on it syncs through that server.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::doc::repo::{Download, Event, Fetched, JoinDraft, ServerAddress, SyncId};
use crate::exchange::{Opened, open_unlocked};
use crate::model::FieldErrors;
use crate::nav::Route;
use crate::storage::server as stored;

use super::components::{ErrorSummary, SummaryRow, TextField, clear_errors, show_errors};
use super::file_worker::{self, CheckingStatus};
use super::router::focus_id;
use super::share::check::{Verdict, check_file};
use crate::ui::navigation::use_navigation;
use crate::ui::session::{Session, use_session};

/// How long to wait for the whole partnership before giving up.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The caller's callback, called at most once whichever event ends the
/// download first.
type Once = Rc<RefCell<Option<Box<dyn FnOnce(Result<Vec<u8>, String>)>>>>;

/// Fetches the document `id` from `server` and hands its bytes, or why
/// not in words, to `done` (once).
fn fetch(server: &ServerAddress, id: SyncId, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let unreachable =
        "Safer Plan could not reach the server. Check the server address, and that this device is online.";
    let Ok(socket) = web_sys::WebSocket::new(server.url()) else { return done(Err(unreachable.into())) };
    socket.set_binary_type(web_sys::BinaryType::Arraybuffer);
    let me = format!("safer-plan-{}", crate::doc::new_id());
    let download = Rc::new(RefCell::new(Download::new(me, stored::storage_id(), id)));
    let done: Once = Rc::new(RefCell::new(Some(Box::new(done))));
    let finish = {
        let (done, socket) = (Rc::clone(&done), socket.clone());
        move |result: Result<Vec<u8>, String>| {
            socket.set_onopen(None);
            socket.set_onmessage(None);
            socket.set_onclose(None);
            let _ = socket.close();
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let step = {
        let (socket, finish) = (socket.clone(), finish.clone());
        move |steps: Vec<Fetched>| {
            for step in steps {
                match step {
                    Fetched::Send(frame) => {
                        let _ = socket.send_with_u8_array(&frame);
                    }
                    Fetched::Done(bytes) => finish(Ok(bytes)),
                    Fetched::Unavailable => finish(Err("The server has no partnership at this sync address, or will not share it. Check the address with the partner who gave it to you.".into())),
                    Fetched::ServerError(reason) => finish(Err(format!("The server ended the connection: {reason}"))),
                    Fetched::Damaged(reason) => finish(Err(format!("What the server sent could not be read: {reason}"))),
                }
            }
        }
    };
    let open = {
        let (download, step) = (Rc::clone(&download), step.clone());
        Closure::<dyn FnMut()>::new(move || step(download.borrow_mut().handle(Event::Connected)))
    };
    let message = {
        let download = Rc::clone(&download);
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Ok(buffer) = ev.data().dyn_into::<js_sys::ArrayBuffer>() {
                let frame = js_sys::Uint8Array::new(&buffer).to_vec();
                let steps = download.borrow_mut().handle(Event::Frame(&frame));
                step(steps);
            }
        })
    };
    let close = {
        let finish = finish.clone();
        Closure::<dyn FnMut()>::new(move || finish(Err(unreachable.into())))
    };
    socket.set_onopen(Some(open.as_ref().unchecked_ref()));
    socket.set_onmessage(Some(message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(close.as_ref().unchecked_ref()));
    // The handlers must outlive this call; they are dropped with the timer.
    set_timeout(
        move || {
            drop((open, message, close));
            finish(Err("The server did not send the whole partnership within a minute. Try again.".into()));
        },
        TIMEOUT,
    );
}

/// The same checks as a file chosen on the Share page: the file worker
/// checks the downloaded bytes first (a crash there costs only the
/// worker), then the page opens what passed, against the open partnership.
async fn check_download(session: Session, bytes: &[u8], checking: RwSignal<bool>) -> Result<Opened, String> {
    let file = match check_file(session, bytes, None, None, checking).await {
        Verdict::Passed(file) => file,
        Verdict::Refused(reason) => return Err(reason),
        Verdict::NotRead(reason) => return Err(reason.to_string()),
        // A sync server holds plain Automerge documents, never a file
        // inside a passphrase.
        Verdict::NeedsPassphrase { .. } | Verdict::WrongPassphrase => {
            return Err("What the server sent is not a partnership Safer Plan can read.".into());
        }
    };
    match session.with_workspace(|ours| open_unlocked(&file, Some(ours))) {
        Some(opened) => opened,
        None => open_unlocked(&file, None),
    }
    .map_err(|e| e.to_string())
}

/// What to show for a downloaded partnership that passed the checks.
fn describe(session: Session, opened: &Opened) -> Fetching {
    let plan = opened.workspace.partnership();
    if session.is_open(opened.workspace.id()) {
        Fetching::Same { name: plan.name.clone() }
    } else {
        Fetching::New {
            name: plan.name.clone(),
            area: plan.area.clone(),
            themes: plan.themes.len(),
            actions: plan.actions.len(),
        }
    }
}

/// What the download turned out to be.
#[derive(Clone)]
enum Fetching {
    Busy,
    /// A partnership not on this device, to keep.
    New {
        name: String,
        area: String,
        themes: usize,
        actions: usize,
    },
    /// The partnership open now: keep it in step through this server.
    Same {
        name: String,
    },
    Refused(String),
}

#[component]
pub fn JoinSection() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let server = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let fetching = RwSignal::new(None::<Fetching>);
    let held = StoredValue::new_local(None::<(Opened, ServerAddress)>);
    let checking = RwSignal::new(false);
    file_worker::warm_up();

    let download = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = JoinDraft { server: server.get_untracked(), address: address.get_untracked() };
        let (parsed, id) = match draft.validate() {
            Ok(valid) => valid,
            Err(found) => return show_errors(errors, found),
        };
        clear_errors(errors);
        held.set_value(None);
        fetching.set(Some(Fetching::Busy));
        let for_keep = parsed.clone();
        fetch(&parsed, id, move |result| {
            spawn_local(async move {
                let next = match result {
                    Err(reason) => Fetching::Refused(reason),
                    Ok(bytes) => match check_download(session, &bytes, checking).await {
                        Err(reason) => Fetching::Refused(reason),
                        Ok(opened) => {
                            let next = describe(session, &opened);
                            held.set_value(Some((opened, for_keep)));
                            next
                        }
                    },
                };
                fetching.set(Some(next));
                focus_id("joining");
            });
        });
    };

    let keep = move |_| {
        let Some((opened, server)) = held.try_update_value(Option::take).flatten() else { return };
        let mut workspace = opened.workspace;
        let id = workspace.id().to_string();
        spawn_local(async move {
            if session.is_open(&id) {
                if let Err(reason) = session.merge_incoming(&mut workspace) {
                    return fetching.set(Some(Fetching::Refused(reason)));
                }
                let _ = session.persist().await;
                if let Err(reason) = session.turn_on_server_sync(&server).await {
                    return fetching.set(Some(Fetching::Refused(reason)));
                }
                fetching.set(None);
                nav.go_with_flash(Route::Settings, "This partnership now syncs through the server");
                return;
            }
            // Remembered first, so the partnership connects as it opens.
            if let Err(e) = stored::set_server(&id, server.url()) {
                return fetching.set(Some(Fetching::Refused(e)));
            }
            match session.adopt(workspace, false).await {
                Ok(()) => {
                    fetching.set(None);
                    nav.go_with_flash(Route::Plan, "Partnership downloaded from the server and saved on this device");
                }
                Err(reason) => {
                    stored::forget(&id);
                    fetching.set(Some(Fetching::Refused(reason)));
                }
            }
        });
    };

    view! {
        <h3 class="govuk-heading-s" id="join-through-a-server">
            "Join a partnership through a sync server"
        </h3>
        <p class="govuk-body">
            "If a partner has turned on sync through a server, enter the server address and the sync address they gave you. Safer Plan shows what the partnership holds before anything is kept."
        </p>
        <ErrorSummary errors />
        <form on:submit=download novalidate>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"The partnership to join"</legend>
                <TextField
                    id="join-server"
                    label="Server address"
                    hint="For example, wss://sync.luton.gov.uk"
                    value=server
                    errors
                    class="govuk-input govuk-!-width-two-thirds"
                    autocomplete="url"
                />
                <TextField
                    id="sync-address"
                    label="Sync address"
                    hint="It starts automerge: followed by letters and numbers"
                    value=address
                    errors
                    class="govuk-input govuk-!-width-two-thirds"
                />
            </fieldset>
            <button
                type="submit"
                class="govuk-button govuk-button--secondary"
                disabled=move || matches!(fetching.get(), Some(Fetching::Busy))
            >
                "Download the partnership"
            </button>
        </form>
        <CheckingStatus checking id="join-checking" />
        <div id="joining" tabindex="-1" aria-live="polite">
            {move || {
                fetching
                    .get()
                    .map(|f| match f {
                        Fetching::Busy => {
                            view! {
                                <p class="govuk-body" role="status">
                                    "Downloading the partnership from the server\u{2026}"
                                </p>
                            }
                                .into_any()
                        }
                        Fetching::Refused(reason) => {
                            view! { <ErrorSummary title="The partnership could not be downloaded" message=reason /> }
                                .into_any()
                        }
                        Fetching::Same { name } => {
                            view! {
                                <h3 class="govuk-heading-s">{format!("You already have {name} on this device")}</h3>
                                <p class="govuk-body">
                                    "Partners\u{2019} changes on the server will be merged into your copy, and yours sent to them."
                                </p>
                                <button type="button" class="govuk-button" on:click=keep>
                                    {format!("Sync {name} through this server")}
                                </button>
                            }
                                .into_any()
                        }
                        Fetching::New { name, area, themes, actions } => {
                            view! {
                                <h3 class="govuk-heading-s">{format!("The server holds {name}")}</h3>
                                <dl class="govuk-summary-list" id="joining-summary">
                                    <SummaryRow label="Area">{area}</SummaryRow>
                                    <SummaryRow label="Priority themes">{themes}</SummaryRow>
                                    <SummaryRow label="Actions">{actions}</SummaryRow>
                                </dl>
                                <button type="button" class="govuk-button" on:click=keep>
                                    {format!("Keep {name} on this device")}
                                </button>
                            }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}
