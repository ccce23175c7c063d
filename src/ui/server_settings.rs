//! Settings → "Sync through a server": turning it on for the open
//! partnership (off by default), its sync address to pass to partners,
//! where the connection stands, and what the server can see.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::doc::repo::{ServerAddress, SyncId, status_text};
use crate::model::FieldErrors;

use super::components::{ErrorSummary, SummaryRow, TextField, WarningText, clear_errors, show_errors};
use super::server_join::JoinSection;
use crate::ui::session::use_session;

/// What the stock server can do, said where people turn it on (and in the
/// README and docs/SYNC-SERVER.md).
#[component]
fn SecurityText() -> impl IntoView {
    view! {
        <WarningText>"The sync server can read the whole plan and has no sign-in of its own."</WarningText>
        <ul class="govuk-list govuk-list--bullet" id="server-security">
            <li>
                "Use a server only if a partner runs it on its own assured infrastructure, such as the county council or the Police and Crime Commissioner."
            </li>
            <li>
                "Its address must start wss:// (encrypted), behind a proxy that checks who is connecting before letting them in, and lets each person reach only their own partnerships."
            </li>
            <li>
                "Treat the sync address like a password: anyone who has it and can reach the server can read and change the plan. Give it to partners only through a channel you trust, not in an ordinary email."
            </li>
            <li>
                "Every device still keeps the whole partnership and works offline. Sending files stays available for partners who cannot reach the server."
            </li>
        </ul>
    }
}

#[component]
pub fn ServerSyncSection() -> impl IntoView {
    let session = use_session();
    let server = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let busy = RwSignal::new(false);
    let has_plan = Memo::new(move |_| session.plan.with(|p| p.is_some()));
    let address = move || {
        session.plan.with(|p| p.as_ref().and_then(|p| SyncId::from_document_id(&p.sync_id).ok()).map(|id| id.url()))
    };

    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = match ServerAddress::parse(&server.get_untracked()) {
            Ok(parsed) => parsed,
            Err(message) => {
                let mut found = FieldErrors::default();
                found.add("server", message);
                return show_errors(errors, found);
            }
        };
        busy.set(true);
        spawn_local(async move {
            match session.turn_on_server_sync(&parsed).await {
                Ok(_) => clear_errors(errors),
                Err(message) => {
                    let mut found = FieldErrors::default();
                    found.add("server", message);
                    show_errors(errors, found);
                }
            }
            busy.set(false);
        });
    };

    view! {
        <h2 class="govuk-heading-m" id="sync-through-a-server">
            "Sync through a server"
        </h2>
        <p class="govuk-body">
            "Partners\u{2019} copies can stay in step through a sync server that one partner runs, instead of sending files to each other. "
            "Changes then reach every connected partner within a second or two."
        </p>
        <SecurityText />
        <Show
            when=move || has_plan.get()
            fallback=|| view! { <p class="govuk-body">"Open a partnership to sync it through a server."</p> }
        >
            {move || match session.server_status.get() {
                None => {
                    view! {
                        <ErrorSummary errors />
                        <p class="govuk-body">"Sync through a server is off for this partnership on this device."</p>
                        <form on:submit=turn_on novalidate>
                            <fieldset class="govuk-fieldset">
                                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                                    "Turn on sync through a server"
                                </legend>
                                <TextField
                                    id="server"
                                    label="Server address"
                                    hint="Ask the partner who runs the server, for example wss://sync.luton.gov.uk"
                                    value=server
                                    errors
                                    class="govuk-input govuk-!-width-two-thirds"
                                    autocomplete="url"
                                />
                            </fieldset>
                            <button type="submit" class="govuk-button" disabled=move || busy.get()>
                                "Turn on sync through this server"
                            </button>
                        </form>
                    }
                        .into_any()
                }
                Some(view) => {
                    let status = status_text(&view.status, &view.host);
                    view! {
                        <dl class="govuk-summary-list">
                            <SummaryRow label="Server">{view.host.clone()}</SummaryRow>
                            <SummaryRow label="Sync address">
                                <code id="sync-address-shown">{address}</code>
                            </SummaryRow>
                            <SummaryRow label="Status" value_id="server-status-detail">
                                {status}
                            </SummaryRow>
                        </dl>
                        {view
                            .not_kept
                            .map(|reason| {
                                view! {
                                    <div class="govuk-inset-text" id="server-not-kept">
                                        {reason}
                                    </div>
                                }
                            })}
                        <p class="govuk-body">
                            "Give partners the sync address and the server address through a channel you trust. They enter both under \u{201c}Join a partnership through a sync server\u{201d} in their own Settings."
                        </p>
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary"
                            on:click=move |_| session.turn_off_server_sync()
                        >
                            "Turn off sync through a server"
                        </button>
                    }
                        .into_any()
                }
            }}
        </Show>
        <JoinSection />
    }
}
