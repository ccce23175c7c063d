//! Opening a partner's file: checked in the file worker (and unlocked, if
//! protected), then opened on the page, previewed in plain English by
//! organisation, and merged only when the person confirms. A file for
//! another partnership, or a backup of one this browser lost, opens as a
//! partnership on this device instead.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::doc::{NumberClash, clashes_on_merge};
use crate::exchange::{ExchangeError, IncomingSummary, MAX_FILE_BYTES, Opened, Unlocked, open_unlocked, passphrase};
use crate::model::{Author, FieldErrors};
use crate::nav::Route;
use crate::report::attention::needs_attention;
use crate::ui::clock;
use crate::ui::components::{ErrorSummary, TextField, show_errors};
use crate::ui::file_worker::jobs::seconds_to_unlock;
use crate::ui::file_worker::{self, CheckingStatus};
use crate::ui::navigation::use_navigation;
use crate::ui::router::focus_id;
use crate::ui::session::use_session;
use crate::ui::share::check::{Verdict, check_file, keep_open_partnership};
use crate::ui::share::preview::{ChangesPreview, OtherPartnership};
use crate::ui::share::qr::QrScanner;

/// What the chosen file turned out to be. The file itself is held by the
/// section, not by the view showing it: that view re-renders away, and
/// anything it owned goes with it.
#[derive(Clone)]
enum Incoming {
    /// Protected: kept until the person types the passphrase. `seconds`:
    /// how long opening will take on this device, when that is long.
    Locked {
        name: String,
        seconds: Option<u32>,
    },
    /// Changes to this partnership, with what merging would bring.
    Changes {
        name: String,
        summary: IncomingSummary,
        from: Option<Author>,
        /// Action numbers the merge would leave on two actions.
        clashes: Vec<NumberClash>,
    },
    /// A different partnership (or one this browser lost), to open alongside.
    Other {
        name: String,
        partnership: String,
        restores: bool,
        /// Whether a partnership is open now (the wording differs).
        another_open: bool,
    },
    Refused {
        name: String,
        reason: String,
    },
}

/// How a file put together from QR codes is named in messages.
const SCANNED: &str = "the file from the QR codes";

/// The name at the start of a sentence: a file's own name is left as it is.
fn opening_name(name: &str) -> String {
    if name == SCANNED { "The file from the QR codes".to_string() } else { name.to_string() }
}

#[component]
pub fn ReceiveSection() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    let incoming = RwSignal::new(None::<Incoming>);
    let passphrase = RwSignal::new(String::new());
    let passphrase_errors = RwSignal::new(FieldErrors::default());
    let opening = RwSignal::new(false);
    let checking = RwSignal::new(false);
    // A protected file waiting for its passphrase, with how long scrypt
    // will take here (when it has a work factor to time).
    let locked = StoredValue::new_local(None::<(Vec<u8>, Option<f64>)>);
    let held = StoredValue::new_local(None::<Opened>);
    file_worker::warm_up();
    keep_open_partnership(session);

    // Opens on the page a file the worker passed, against the open
    // partnership, and says what it is.
    let examine = move |name: String, file: &Unlocked| -> Result<Incoming, ExchangeError> {
        let opened = match session.with_workspace(|ours| open_unlocked(file, Some(ours))) {
            Some(result) => result?,
            None => open_unlocked(file, None)?,
        };
        let next = if session.is_open(opened.workspace.id()) {
            let mut opened = opened;
            let summary = session
                .with_workspace(|ours| IncomingSummary::between(ours, &mut opened.workspace))
                .unwrap_or_default();
            let clashes = session
                .plan
                .with_untracked(|p| p.as_ref().map(|p| clashes_on_merge(p, opened.workspace.partnership())))
                .unwrap_or_default();
            let from = opened.from.clone();
            held.set_value(Some(opened));
            Incoming::Changes { name, summary, from, clashes }
        } else {
            let partnership = opened.workspace.partnership().name.clone();
            let restores =
                session.missing.with_untracked(|m| m.as_ref().is_some_and(|m| m.id == opened.workspace.id()));
            held.set_value(Some(opened));
            let another_open = session.plan.with_untracked(|p| p.is_some());
            Incoming::Other { name, partnership, restores, another_open }
        };
        Ok(next)
    };

    let show = move |next: Incoming| {
        incoming.set(Some(next));
        focus_id("incoming");
    };

    // A file's bytes, from disk or from scanned codes: checked in the
    // worker, then previewed (or held for a passphrase).
    let receive = move |name: String, bytes: Vec<u8>| {
        spawn_local(async move {
            let next = match check_file(session, &bytes, None, None, checking).await {
                Verdict::Passed(file) => {
                    examine(name.clone(), &file).unwrap_or_else(|e| Incoming::Refused { name, reason: e.to_string() })
                }
                Verdict::NeedsPassphrase { work_factor } => {
                    let seconds = seconds_to_unlock(work_factor.filter(|n| *n > passphrase::QUICK_WORK_FACTOR)).await;
                    locked.set_value(Some((bytes, seconds)));
                    Incoming::Locked { name, seconds: seconds.and_then(passphrase::worth_warning) }
                }
                Verdict::WrongPassphrase => {
                    Incoming::Refused { name, reason: ExchangeError::WrongPassphrase.to_string() }
                }
                Verdict::Refused(reason) => Incoming::Refused { name, reason },
                Verdict::NotRead(reason) => Incoming::Refused { name: String::new(), reason: reason.to_string() },
            };
            show(next);
        });
    };

    // A new file: what was shown for the last one goes.
    let forget = move || {
        incoming.set(None);
        passphrase.set(String::new());
        passphrase_errors.set(FieldErrors::default());
        held.set_value(None);
        locked.set_value(None);
    };

    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        forget();
        // A file too large to open is refused by the size it declares,
        // before its bytes are read into the page's memory.
        if file.size() > MAX_FILE_BYTES as f64 {
            let size_mb = (file.size() / (1024.0 * 1024.0)).ceil() as usize;
            return show(Incoming::Refused { name, reason: ExchangeError::TooLarge { size_mb }.to_string() });
        }
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => receive(name, js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => {
                    show(Incoming::Refused { name, reason: "The file could not be opened. Choose it again.".into() })
                }
            }
        });
    };

    let scanned = move |bytes: Vec<u8>| {
        forget();
        receive(SCANNED.to_string(), bytes);
    };

    let open_locked = move |name: String, secret: String| {
        let Some((file, seconds)) = locked.get_value() else { return };
        spawn_local(async move {
            let verdict = check_file(session, &file, Some(secret), seconds, checking).await;
            opening.set(false);
            let refused = |reason: String| Incoming::Refused { name: name.clone(), reason };
            match verdict {
                Verdict::Passed(unlocked) => {
                    passphrase_errors.set(FieldErrors::default());
                    locked.set_value(None);
                    show(examine(name.clone(), &unlocked).unwrap_or_else(|e| refused(e.to_string())));
                }
                Verdict::WrongPassphrase | Verdict::NeedsPassphrase { .. } => {
                    let mut errors = FieldErrors::default();
                    errors.add("file-passphrase", ExchangeError::WrongPassphrase.to_string());
                    show_errors(passphrase_errors, errors);
                }
                Verdict::Refused(reason) => show(refused(reason)),
                Verdict::NotRead(reason) => show(Incoming::Refused { name: String::new(), reason: reason.to_string() }),
            }
        });
    };

    let unlock = move |name: String, slow: bool| {
        // Exactly as typed: spaces at either end are part of a passphrase.
        let secret = passphrase.get_untracked();
        if secret.trim().is_empty() {
            let mut e = FieldErrors::default();
            e.add("file-passphrase", "Enter the passphrase you agreed with your partners");
            show_errors(passphrase_errors, e);
            return;
        }
        // scrypt runs in the worker; a long run is said at once.
        opening.set(slow);
        open_locked(name, secret);
    };

    // The held file was taken already (a double click): say so, never
    // fail silently.
    let gone = move |name: String| {
        show(Incoming::Refused { name, reason: "The file is no longer open here. Choose it again.".into() });
    };

    let merge = move |name: String| {
        let Some(mut theirs) = held.try_update_value(Option::take).flatten() else { return gone(name) };
        let from = theirs.from.clone();
        let sender_heads = theirs.sender_heads.clone();
        match session.merge_incoming(&mut theirs.workspace) {
            Ok(n) => {
                session.remember_received(from.as_ref(), &sender_heads, clock::now());
                // Fields two partners changed at once, and shared action
                // numbers, are listed on the dashboard straight away rather
                // than waiting for someone to open the item.
                let to_settle = session
                    .with_workspace(|ws| {
                        let conflicts = ws.all_conflicts();
                        needs_attention(ws.partnership(), &conflicts).len()
                    })
                    .unwrap_or(0);
                spawn_local(async move {
                    let saved = session.persist().await.is_ok();
                    let mut message = match (n, saved) {
                        (0, _) => format!("Nothing new in {name}: you already had every change"),
                        (n, true) => format!("{n} change{} merged from {name}", if n == 1 { "" } else { "s" }),
                        (_, false) => "Changes merged, but not yet saved on this device".to_string(),
                    };
                    incoming.set(None);
                    if to_settle == 0 {
                        nav.go_with_flash(Route::Plan, message);
                    } else {
                        message.push_str(&format!(
                            ". {to_settle} thing{} need{} attention: see the list below",
                            if to_settle == 1 { "" } else { "s" },
                            if to_settle == 1 { "s" } else { "" }
                        ));
                        nav.go_with_flash(Route::Dashboard(String::new()), message);
                    }
                });
            }
            Err(reason) => show(Incoming::Refused { name, reason }),
        }
    };

    let open_other = move |name: String, restores: bool| {
        let Some(theirs) = held.try_update_value(Option::take).flatten() else { return gone(name) };
        spawn_local(async move {
            match session.adopt(theirs.workspace, false).await {
                Ok(()) => {
                    session.remember_received(theirs.from.as_ref(), &theirs.sender_heads, clock::now());
                    let message = if restores {
                        "Partnership restored from the file and saved on this device"
                    } else {
                        "Partnership opened from the file and saved on this device"
                    };
                    nav.go_with_flash(Route::Plan, message);
                }
                Err(reason) => show(Incoming::Refused { name, reason }),
            }
        });
    };

    view! {
        <h2 class="govuk-heading-m">"Open a partner's file"</h2>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="partner-file">
                "Choose the file a partner sent, or a backup"
            </label>
            <div class="govuk-hint" id="partner-file-hint">
                "A .saferplan file from Safer Plan, an .automerge document, or a file protected with age. Nothing changes until you confirm."
            </div>
            <input
                class="govuk-file-upload"
                id="partner-file"
                name="partner-file"
                type="file"
                accept=".saferplan,.automerge,.age"
                aria-describedby="partner-file-hint"
                on:change=choose
            />
        </div>
        <QrScanner on_file=scanned />
        <CheckingStatus checking id="file-checking" />
        <div id="incoming" tabindex="-1">
            {move || {
                incoming
                    .get()
                    .map(|i| match i {
                        Incoming::Refused { name, reason } => {
                            let said = if name.is_empty() {
                                reason
                            } else {
                                format!("{}: {reason}", opening_name(&name))
                            };
                            view! { <ErrorSummary title="This file cannot be used" message=said /> }.into_any()
                        }
                        Incoming::Locked { name, seconds } => {
                            let for_unlock = name.clone();
                            view! {
                                <ErrorSummary errors=passphrase_errors />
                                <h3 class="govuk-heading-s">
                                    {format!("{} is protected with a passphrase", opening_name(&name))}
                                </h3>
                                {seconds
                                    .map(|n| {
                                        view! {
                                            <div class="govuk-inset-text" id="slow-to-open">
                                                {format!(
                                                    "The partner chose a strong protection setting: opening this file may take about {n} seconds on this device.",
                                                )}
                                            </div>
                                        }
                                    })}
                                <TextField
                                    id="file-passphrase"
                                    label="Passphrase"
                                    value=passphrase
                                    errors=passphrase_errors
                                    input_type="password"
                                    autocomplete="off"
                                />
                                <p class="govuk-body" role="status">
                                    {move || {
                                        opening
                                            .get()
                                            .then(|| {
                                                format!(
                                                    "Opening the file\u{2026} this may take about {} seconds.",
                                                    seconds.unwrap_or(1),
                                                )
                                            })
                                    }}
                                </p>
                                <button
                                    type="button"
                                    class="govuk-button"
                                    disabled=move || opening.get() || checking.get()
                                    on:click=move |_| unlock(for_unlock.clone(), seconds.is_some())
                                >
                                    "Open file"
                                </button>
                            }
                                .into_any()
                        }
                        Incoming::Other { name, partnership, restores, another_open } => {
                            view! {
                                <OtherPartnership
                                    name=opening_name(&name)
                                    partnership
                                    restores
                                    another_open
                                    on_open=move || open_other(name.clone(), restores)
                                />
                            }
                                .into_any()
                        }
                        Incoming::Changes { name, summary, from, clashes } => {
                            let for_merge = name.clone();
                            view! {
                                <ChangesPreview name summary from clashes on_merge=move || merge(for_merge.clone()) />
                            }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}
