//! The Share page: send changes to a partner, open a partner's file, and
//! the other copies a partnership may need (an open-standard Automerge
//! document, a redacted copy for people outside the partnership).

pub(crate) mod check;
mod preview;
mod qr;
mod receive;
mod redacted;
mod send;

use leptos::prelude::*;

use crate::nav::Route;
use crate::ui::download::download;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

pub use redacted::RedactedCopyPage;

#[component]
pub fn SharePage() -> impl IntoView {
    let session = use_session();
    page_loaded("Share with partners");
    let has_plan = Memo::new(move |_| session.plan.with(|p| p.is_some()));
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">
            "Share with partners"
        </h1>
        <p class="govuk-body">
            "Partners keep their own copy of the partnership. Send your changes as a file by email, USB stick or shared drive; "
            "open theirs here to bring in their changes. Nothing changes until you confirm."
        </p>
        <Show
            when=move || has_plan.get()
            fallback=|| {
                view! {
                    <p class="govuk-body">
                        "No partnership is open. Open a file below to add a partnership to this device, or to restore one from a backup."
                    </p>
                }
            }
        >
            <send::SendSection />
        </Show>
        <receive::ReceiveSection />
        <Show when=move || has_plan.get()>
            <OtherCopies />
        </Show>
    }
}

/// The way in for a partner on a new device: a file sent by email or on a
/// USB stick becomes a partnership in this browser, after the usual checks
/// and preview.
#[component]
pub fn OpenFilePage() -> impl IntoView {
    page_loaded("Open a file from a partner");
    view! {
        <a href=Route::Workspaces.href() class="govuk-back-link">
            "Your partnerships"
        </a>
        <h1 class="govuk-heading-l" tabindex="-1">
            "Open a file from a partner"
        </h1>
        <p class="govuk-body">
            "If a partner has sent you their partnership as a file (ending .saferplan or .automerge), open it here. "
            "Safer Plan checks the file and shows what it holds before anything is kept in this browser. "
            "From then on you can add your own updates and send your changes back to them."
        </p>
        <receive::ReceiveSection />
    }
}

#[component]
fn OtherCopies() -> impl IntoView {
    let session = use_session();
    let download_automerge = move |_| {
        let stem = session.plan.with_untracked(|p| p.as_ref().map(|p| p.file_stem()));
        if let (Some((_, bytes)), Some(stem)) = (session.export_bytes(), stem) {
            match download(&bytes, &format!("{stem}.automerge"), "application/octet-stream") {
                Ok(()) => session.mark_backed_up(),
                Err(e) => leptos::logging::error!("the document could not be downloaded: {e}"),
            }
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Other copies"</h2>
        <h3 class="govuk-heading-s">"Automerge document"</h3>
        <p class="govuk-body">
            "The partnership with its full history in the open Automerge format, which other Automerge tools can read. "
            "Safer Plan opens these files too."
        </p>
        <button type="button" class="govuk-button govuk-button--secondary" on:click=download_automerge>
            "Download as Automerge document (.automerge)"
        </button>
        <h3 class="govuk-heading-s">"Redacted copy"</h3>
        <p class="govuk-body">
            "A copy for people outside the partnership, without text you choose, such as the progress notes of the domestic abuse theme. "
            "It is a new document with no history, so removed text cannot be recovered from it."
        </p>
        <a class="govuk-button govuk-button--secondary" href=Route::RedactedCopy.href()>
            "Make a redacted copy"
        </a>
    }
}
