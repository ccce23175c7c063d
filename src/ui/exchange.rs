//! Sharing with partners by file: download this partnership to send, and
//! open a partner's file — checked, then previewed in plain English by
//! organisation, and merged only when the person confirms.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::doc::Workspace;
use crate::exchange::{IncomingSummary, open_file};
use crate::nav::Route;
use crate::ui::download::download;
use crate::ui::router::{focus_id, page_loaded};
use crate::ui::state::use_app;

/// What the chosen file turned out to be.
#[derive(Clone)]
enum Incoming {
    /// A copy of this partnership, with what merging it would bring.
    Changes {
        name: String,
        file: StoredValue<Option<Workspace>, LocalStorage>,
        summary: IncomingSummary,
    },
    /// A different partnership, which can be opened alongside.
    Other {
        name: String,
        partnership: String,
        file: StoredValue<Option<Workspace>, LocalStorage>,
    },
    Refused {
        name: String,
        reason: String,
    },
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    let state = use_app();
    page_loaded("Share with partners");
    let incoming = RwSignal::new(None::<Incoming>);

    let download_file = move |_| {
        let file = state.export_bytes();
        let stem = state.plan.with_untracked(|p| p.as_ref().map(|p| p.file_stem()));
        if let (Some((_, bytes)), Some(stem)) = (file, stem)
            && let Err(e) = download(&bytes, &format!("{stem}.saferplan"), "application/octet-stream")
        {
            leptos::logging::error!("the partnership could not be downloaded: {e}");
        }
    };

    let choose = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    incoming.set(Some(Incoming::Refused {
                        name,
                        reason: "The file could not be opened. Choose it again.".into(),
                    }));
                    return;
                }
            };
            let next = match open_file(&bytes) {
                Err(e) => Incoming::Refused { name, reason: e.to_string() },
                Ok(mut theirs) => {
                    let same = state.with_workspace(|ours| ours.id() == theirs.id()).unwrap_or(false);
                    if same {
                        let summary = state
                            .with_workspace(|ours| IncomingSummary::between(ours, &mut theirs))
                            .unwrap_or_default();
                        Incoming::Changes { name, file: StoredValue::new_local(Some(theirs)), summary }
                    } else {
                        let partnership = theirs.partnership().name.clone();
                        Incoming::Other { name, partnership, file: StoredValue::new_local(Some(theirs)) }
                    }
                }
            };
            incoming.set(Some(next));
            focus_id("incoming");
        });
    };

    let merge = move |file: StoredValue<Option<Workspace>, LocalStorage>, name: String| {
        let Some(mut theirs) = file.try_update_value(Option::take).flatten() else { return };
        match state.merge_incoming(&mut theirs) {
            Ok(n) => spawn_local(async move {
                let saved = state.persist().await.is_ok();
                let message = match (n, saved) {
                    (0, _) => format!("Nothing new in {name}: you already had every change"),
                    (n, true) => format!("{n} change{} merged from {name}", if n == 1 { "" } else { "s" }),
                    (_, false) => "Changes merged, but not yet saved on this device".to_string(),
                };
                incoming.set(None);
                state.go_with_flash(Route::Plan, message);
            }),
            Err(reason) => incoming.set(Some(Incoming::Refused { name, reason })),
        }
    };

    let open_other = move |file: StoredValue<Option<Workspace>, LocalStorage>| {
        let Some(theirs) = file.try_update_value(Option::take).flatten() else { return };
        spawn_local(async move {
            match state.adopt(theirs, false).await {
                Ok(()) => state.go_with_flash(Route::Plan, "Partnership opened from the file and saved on this device"),
                Err(reason) => incoming.set(Some(Incoming::Refused { name: String::new(), reason })),
            }
        });
    };

    view! {
        <h1 class="govuk-heading-l" tabindex="-1">"Share with partners"</h1>
        <p class="govuk-body">
            "Partners keep their own copy of the partnership. Send yours as a file by email, USB stick or shared drive; "
            "open theirs here to bring in their changes. Nothing changes until you confirm."
        </p>
        <h2 class="govuk-heading-m">"Send your copy"</h2>
        <button type="button" class="govuk-button" on:click=download_file>"Download this partnership (.saferplan)"</button>
        <h2 class="govuk-heading-m">"Open a partner's file"</h2>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="partner-file">"Choose the file a partner sent"</label>
            <input class="govuk-file-upload" id="partner-file" name="partner-file" type="file" accept=".saferplan,.automerge" on:change=choose />
        </div>
        <div id="incoming" tabindex="-1">
            {move || incoming.get().map(|i| match i {
                Incoming::Refused { name, reason } => view! {
                    <div class="govuk-error-summary" role="alert">
                        <h2 class="govuk-error-summary__title">"This file cannot be used"</h2>
                        <div class="govuk-error-summary__body"><p class="govuk-body">{if name.is_empty() { reason } else { format!("{name}: {reason}") }}</p></div>
                    </div>
                }.into_any(),
                Incoming::Other { name, partnership, file } => view! {
                    <h3 class="govuk-heading-s">{format!("{name} is for {partnership}, not the partnership open now")}</h3>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| open_other(file)>
                        {format!("Open {partnership} as a partnership on this device")}
                    </button>
                }.into_any(),
                Incoming::Changes { name, file, summary } => {
                    let lines = summary.lines();
                    let count = summary.changes.len();
                    let for_merge = name.clone();
                    view! {
                        <h3 class="govuk-heading-s">{format!("What {name} would change")}</h3>
                        {if lines.is_empty() {
                            view! { <p class="govuk-body">"Nothing new: you already have every change in this file."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="govuk-list govuk-list--bullet">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
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
                                <button type="button" class="govuk-button" on:click=move |_| merge(file, for_merge.clone())>
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
