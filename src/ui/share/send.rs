//! "Share changes": a file for one partner organisation holding only what
//! this device has not yet exchanged with them, or the whole partnership,
//! optionally protected with a passphrase. The page makes the file; the
//! file worker protects it and draws its QR codes (`ui/file_worker/jobs.rs`),
//! so age, scrypt and qrcode are not in the page's wasm.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::exchange::passphrase::check_new_passphrase;
use crate::exchange::qr::{self, Drawn};
use crate::exchange::share::{FileFor, size_text};
use crate::exchange::{Outgoing, make_envelope};
use crate::model::FieldErrors;
use crate::ui::clock;
use crate::ui::components::{
    Checkbox, ErrorSummary, Radios, SelectField, TextField, WarningText, clear_errors, show_errors,
};
use crate::ui::device::use_device;
use crate::ui::download::download;
use crate::ui::file_worker::BusyStatus;
use crate::ui::file_worker::jobs::{draw_codes, protect as protect_in_worker};
use crate::ui::router::focus_id;
use crate::ui::session::use_session;
use crate::ui::share::qr::QrSequence;

/// Whether the file goes to disk or onto the screen as QR codes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Download,
    Codes,
}

/// What the last download was, for the confirmation under the button.
#[derive(Clone)]
struct Sent {
    file_name: String,
    size: usize,
    recipient: Option<String>,
    protected: bool,
}

#[component]
pub fn SendSection() -> impl IntoView {
    let session = use_session();
    let device = use_device();
    let recipient = RwSignal::new(String::new());
    let contents = RwSignal::new("changes".to_string());
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let sent = RwSignal::new(None::<Sent>);
    let codes = RwSignal::new(None::<Vec<Option<Drawn>>>);
    // Set once the worker has taken over 300 ms to protect or draw.
    let busy = RwSignal::new(false);
    let close_codes = move || codes.set(None);
    // Bumped after each file so the "last sent" line reads the ledger again.
    let ledger_version = RwSignal::new(0u32);
    let ledger = move || {
        ledger_version.track();
        session.ledger()
    };

    let own_org = move || device.identity.with(|i| i.as_ref().map(|a| a.organisation.clone()).unwrap_or_default());
    let partners = move || {
        let own = own_org().to_lowercase();
        let mut names: Vec<String> = session.plan.with_untracked(|p| {
            p.as_ref().map(|p| p.organisations_in_order().iter().map(|o| o.name.clone()).collect()).unwrap_or_default()
        });
        names.retain(|n| n.to_lowercase() != own);
        names
    };
    let mut options = vec![(String::new(), "Anyone: a copy of the whole partnership".to_string())];
    options.extend(partners().into_iter().map(|n| (n.clone(), n)));

    let exchanged_before = move || recipient.with(|org| !org.is_empty() && ledger().exchanged_with(org));
    let history_line = move || recipient.with(|org| (!org.is_empty()).then(|| ledger().history_line(org)));

    let make = move |how: How| {
        clear_errors(errors);
        let secret = passphrase.get_untracked();
        if protect.get_untracked()
            && let Err(message) = check_new_passphrase(&secret)
        {
            let mut e = FieldErrors::default();
            e.add("passphrase", message);
            show_errors(errors, e);
            return;
        }
        let Some(me) = device.identity.get_untracked() else {
            let mut e = FieldErrors::default();
            e.add(
                "recipient",
                "Add your name and organisation in Settings before sharing, so partners know who sent the file",
            );
            show_errors(errors, e);
            return;
        };
        let file = FileFor::new(&session.ledger(), &recipient.get_untracked(), contents.get_untracked() == "whole");
        let now = clock::now();
        let made = session.with_workspace(|ws| {
            let out = Outgoing { from: &me, to: file.to.as_deref(), base: &file.base, at: now, passphrase: None };
            (make_envelope(ws, &out), ws.heads(), ws.partnership().file_stem())
        });
        let Some((envelope, heads, stem)) = made else { return };
        let protected = protect.get_untracked();
        let refuse = move |message: String| {
            let mut errors_found = FieldErrors::default();
            errors_found.add("recipient", message);
            show_errors(errors, errors_found);
        };
        spawn_local(async move {
            let bytes = if protected {
                match protect_in_worker(envelope, secret, busy).await {
                    Ok(bytes) => bytes,
                    Err(message) => return refuse(message),
                }
            } else {
                envelope
            };
            let file_name = file.file_name(&stem, clock::today());
            let shown = match how {
                How::Download => download(&bytes, &file_name, "application/octet-stream")
                    .map_err(|e| format!("The file could not be downloaded: {e}")),
                How::Codes => match qr::split(&bytes) {
                    Ok(texts) => draw_codes(texts, busy).await.map(|drawn| codes.set(Some(drawn))),
                    Err(e) => Err(e.to_string()),
                },
            };
            if let Err(message) = shown {
                return refuse(message);
            }
            if let Some(org) = &file.to {
                session.remember_sent(org, &heads, now);
                ledger_version.update(|v| *v += 1);
            }
            if how == How::Codes {
                sent.set(None);
                focus_id("qr-sequence");
                return;
            }
            if file.is_whole() {
                session.mark_backed_up();
            }
            codes.set(None);
            sent.set(Some(Sent { file_name, size: bytes.len(), recipient: file.to, protected }));
            focus_id("sent-confirmation");
        });
    };

    view! {
        <h2 class="govuk-heading-m">"Send your changes"</h2>
        <ErrorSummary errors />
        <SelectField
            id="recipient"
            label="Who is the file for?"
            value=recipient
            errors
            options
            hint="Safer Plan remembers what it last sent each partner on this device, so their file holds only what they do not have."
        />
        {move || {
            history_line()
                .map(|line| {
                    view! {
                        <p class="govuk-body" id="exchange-record">
                            {line}
                        </p>
                    }
                })
        }}
        <Show when=exchanged_before>
            <Radios
                id="contents"
                legend="What should the file hold?"
                value=contents
                errors
                options=vec![
                    ("changes".into(), "Only the changes they do not have yet (a small file)".into()),
                    ("whole".into(), "The whole partnership (if they lost an earlier file)".into()),
                ]
            />
        </Show>
        <Checkbox
            id="protect"
            label="Protect the file with a passphrase"
            value=protect
            hint="Use a passphrase your partnership agreed. Anyone opening the file needs it; Safer Plan cannot recover a forgotten one."
        />
        <Show when=move || protect.get()>
            <TextField
                id="passphrase"
                label="Passphrase"
                value=passphrase
                errors
                input_type="password"
                autocomplete="new-password"
                hint="10 characters or more. Three or four unrelated words work well."
            />
        </Show>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button" on:click=move |_| make(How::Download)>
                {move || {
                    if recipient.with(String::is_empty) {
                        "Download the whole partnership".to_string()
                    } else {
                        format!("Download file for {}", recipient.get())
                    }
                }}
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| make(How::Codes)>
                "Show as QR codes for a tablet"
            </button>
        </div>
        <BusyStatus busy id="send-busy" text="Making the file\u{2026}" />
        <div id="qr-sequence" tabindex="-1">
            {move || codes.get().map(|codes| view! { <QrSequence codes on_close=close_codes /> })}
        </div>
        <div id="sent-confirmation" tabindex="-1">
            {move || {
                sent.get()
                    .map(|s| {
                        view! {
                            <div class="govuk-panel govuk-panel--confirmation app-panel--compact">
                                <h3 class="govuk-panel__title govuk-heading-s">"File downloaded"</h3>
                                <div class="govuk-panel__body govuk-body">
                                    {format!("{} ({})", s.file_name, size_text(s.size))}
                                </div>
                            </div>
                            <p class="govuk-body">
                                {match &s.recipient {
                                    Some(org) => {
                                        format!(
                                            "Send it to {org} by email, USB stick or shared drive. They open it on their Share page.",
                                        )
                                    }
                                    None => {
                                        "Keep it somewhere safe, such as a shared drive: it is also a backup of this partnership."
                                            .to_string()
                                    }
                                }}
                            </p>
                            {s
                                .protected
                                .then(|| {
                                    view! {
                                        <WarningText>
                                            "Tell them the passphrase another way, such as by phone \u{2013} never in the same email as the file."
                                        </WarningText>
                                    }
                                })}
                        }
                    })
            }}
        </div>
    }
}
