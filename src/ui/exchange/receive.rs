//! Opening a partner's file: checked (and unlocked, if protected), then
//! previewed in plain English by organisation, and merged only when the
//! person confirms. A file for another partnership, or a backup of one
//! this browser lost, opens as a partnership on this device instead.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::exchange::{ExchangeError, IncomingSummary, Opened, open};
use crate::model::{Author, FieldErrors};
use crate::nav::Route;
use crate::storage::settings;
use crate::ui::clock;
use crate::ui::components::{TextField, show_errors};
use crate::ui::router::focus_id;
use crate::ui::state::use_app;

type Held<T> = StoredValue<Option<T>, LocalStorage>;

/// What the chosen file turned out to be.
#[derive(Clone)]
enum Incoming {
    /// Protected: kept until the person types the passphrase.
    Locked {
        name: String,
        bytes: Held<Vec<u8>>,
    },
    /// Changes to this partnership, with what merging would bring.
    Changes {
        name: String,
        opened: Held<Opened>,
        summary: IncomingSummary,
        from: Option<Author>,
    },
    /// A different partnership (or one this browser lost), to open alongside.
    Other {
        name: String,
        partnership: String,
        restores: bool,
        opened: Held<Opened>,
    },
    Refused {
        name: String,
        reason: String,
    },
}

#[component]
pub fn ReceiveSection() -> impl IntoView {
    let state = use_app();
    let incoming = RwSignal::new(None::<Incoming>);
    let passphrase = RwSignal::new(String::new());
    let passphrase_errors = RwSignal::new(FieldErrors::default());

    // Checks the bytes against the open partnership and says what they are.
    let examine = move |name: String, bytes: Vec<u8>, secret: Option<String>| -> Result<Incoming, ExchangeError> {
        let opened = match state.with_workspace(|ours| open(&bytes, secret.as_deref(), Some(ours))) {
            Some(result) => result?,
            None => open(&bytes, secret.as_deref(), None)?,
        };
        let same = state.is_open(opened.workspace.id());
        if same {
            let mut opened = opened;
            let summary =
                state.with_workspace(|ours| IncomingSummary::between(ours, &mut opened.workspace)).unwrap_or_default();
            let from = opened.from.clone();
            Ok(Incoming::Changes { name, summary, from, opened: StoredValue::new_local(Some(opened)) })
        } else {
            let partnership = opened.workspace.partnership().name.clone();
            let restores = state.missing.with_untracked(|m| m.as_ref().is_some_and(|m| m.id == opened.workspace.id()));
            Ok(Incoming::Other { name, partnership, restores, opened: StoredValue::new_local(Some(opened)) })
        }
    };

    let show = move |next: Incoming| {
        incoming.set(Some(next));
        focus_id("incoming");
    };

    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        passphrase.set(String::new());
        spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    show(Incoming::Refused { name, reason: "The file could not be opened. Choose it again.".into() });
                    return;
                }
            };
            let next = match examine(name.clone(), bytes.clone(), None) {
                Ok(next) => next,
                Err(ExchangeError::NeedsPassphrase) => {
                    Incoming::Locked { name, bytes: StoredValue::new_local(Some(bytes)) }
                }
                Err(e) => Incoming::Refused { name, reason: e.to_string() },
            };
            show(next);
        });
    };

    let unlock = move |name: String, bytes: Held<Vec<u8>>| {
        let Some(file) = bytes.get_value() else { return };
        let secret = passphrase.get_untracked();
        if secret.trim().is_empty() {
            let mut e = FieldErrors::default();
            e.add("file-passphrase", "Enter the passphrase you agreed with your partners");
            show_errors(passphrase_errors, e);
            return;
        }
        match examine(name.clone(), file, Some(secret)) {
            Ok(next) => {
                passphrase_errors.set(FieldErrors::default());
                show(next);
            }
            Err(e @ (ExchangeError::WrongPassphrase | ExchangeError::NeedsPassphrase)) => {
                let mut errors = FieldErrors::default();
                errors.add("file-passphrase", e.to_string());
                show_errors(passphrase_errors, errors);
            }
            Err(e) => show(Incoming::Refused { name, reason: e.to_string() }),
        }
    };

    let merge = move |opened: Held<Opened>, name: String| {
        let Some(mut theirs) = opened.try_update_value(Option::take).flatten() else { return };
        match state.merge_incoming(&mut theirs.workspace) {
            Ok(n) => {
                if let (Some(from), Some(id)) =
                    (&theirs.from, state.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())))
                {
                    let mut ledger = settings::ledger(&id);
                    ledger.received(&from.organisation, &theirs.sender_heads, clock::now());
                    if let Err(e) = settings::set_ledger(&id, &ledger) {
                        leptos::logging::warn!("what was received could not be remembered: {e}");
                    }
                }
                spawn_local(async move {
                    let saved = state.persist().await.is_ok();
                    let message = match (n, saved) {
                        (0, _) => format!("Nothing new in {name}: you already had every change"),
                        (n, true) => format!("{n} change{} merged from {name}", if n == 1 { "" } else { "s" }),
                        (_, false) => "Changes merged, but not yet saved on this device".to_string(),
                    };
                    incoming.set(None);
                    state.go_with_flash(Route::Plan, message);
                });
            }
            Err(reason) => incoming.set(Some(Incoming::Refused { name, reason })),
        }
    };

    let open_other = move |opened: Held<Opened>, restores: bool| {
        let Some(theirs) = opened.try_update_value(Option::take).flatten() else { return };
        spawn_local(async move {
            match state.adopt(theirs.workspace, false).await {
                Ok(()) => state.go_with_flash(
                    Route::Plan,
                    if restores {
                        "Partnership restored from the file and saved on this device"
                    } else {
                        "Partnership opened from the file and saved on this device"
                    },
                ),
                Err(reason) => incoming.set(Some(Incoming::Refused { name: String::new(), reason })),
            }
        });
    };

    view! {
        <h2 class="govuk-heading-m">"Open a partner's file"</h2>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="partner-file">"Choose the file a partner sent, or a backup"</label>
            <div class="govuk-hint" id="partner-file-hint">"A .saferplan file from Safer Plan, or an .automerge document. Nothing changes until you confirm."</div>
            <input class="govuk-file-upload" id="partner-file" name="partner-file" type="file" accept=".saferplan,.automerge" aria-describedby="partner-file-hint" on:change=choose />
        </div>
        <div id="incoming" tabindex="-1">
            {move || incoming.get().map(|i| match i {
                Incoming::Refused { name, reason } => view! {
                    <div class="govuk-error-summary" role="alert">
                        <h2 class="govuk-error-summary__title">"This file cannot be used"</h2>
                        <div class="govuk-error-summary__body"><p class="govuk-body">{if name.is_empty() { reason } else { format!("{name}: {reason}") }}</p></div>
                    </div>
                }.into_any(),
                Incoming::Locked { name, bytes } => {
                    let for_unlock = name.clone();
                    view! {
                        <h3 class="govuk-heading-s">{format!("{name} is protected with a passphrase")}</h3>
                        <TextField id="file-passphrase" label="Passphrase" value=passphrase errors=passphrase_errors input_type="password" autocomplete="off" />
                        <button type="button" class="govuk-button" on:click=move |_| unlock(for_unlock.clone(), bytes)>"Open file"</button>
                    }.into_any()
                }
                Incoming::Other { name, partnership, restores, opened } => view! {
                    <h3 class="govuk-heading-s">
                        {if restores { format!("{name} holds {partnership}, which this browser lost") } else { format!("{name} is for {partnership}, not the partnership open now") }}
                    </h3>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| open_other(opened, restores)>
                        {if restores { format!("Restore {partnership} from this file") } else { format!("Open {partnership} as a partnership on this device") }}
                    </button>
                }.into_any(),
                Incoming::Changes { name, opened, summary, from } => {
                    let lines = summary.lines();
                    let count = summary.changes.len();
                    let for_merge = name.clone();
                    let sender = from.map(|a| a.describe()).filter(|s| !s.is_empty());
                    view! {
                        <h3 class="govuk-heading-s">{format!("What {name} would change")}</h3>
                        {sender.map(|s| view! { <p class="govuk-body">{format!("Sent by {s}.")}</p> })}
                        {if lines.is_empty() {
                            view! { <p class="govuk-body">"Nothing new: you already have every change in this file."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="govuk-list govuk-list--bullet" id="incoming-summary">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                <table class="govuk-table">
                                    <caption class="govuk-table__caption govuk-visually-hidden">"Changes in the file"</caption>
                                    <thead class="govuk-table__head">
                                        <tr class="govuk-table__row">
                                            <th scope="col" class="govuk-table__header">"When"</th>
                                            <th scope="col" class="govuk-table__header">"Who"</th>
                                            <th scope="col" class="govuk-table__header">"What changed"</th>
                                        </tr>
                                    </thead>
                                    <tbody class="govuk-table__body">
                                        {summary.changes.iter().map(|c| view! {
                                            <tr class="govuk-table__row">
                                                <td class="govuk-table__cell">{c.date().short()}</td>
                                                <td class="govuk-table__cell">{c.author.describe()}</td>
                                                <td class="govuk-table__cell">{c.summary.clone()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <button type="button" class="govuk-button" on:click=move |_| merge(opened, for_merge.clone())>
                                    {format!("Merge {count} change{}", if count == 1 { "" } else { "s" })}
                                </button>
                            }.into_any()
                        }}
                    }.into_any()
                }
            })}
        </div>
    }
}
