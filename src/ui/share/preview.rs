//! What a partner's file would do, shown before anything changes: the
//! changes it would merge, summarised by organisation and listed, with the
//! action numbers the merge would use twice; or the other partnership it
//! holds, to open beside this one.

use leptos::prelude::*;

use crate::doc::NumberClash;
use crate::exchange::IncomingSummary;
use crate::model::Author;
use crate::ui::components::WarningText;
use crate::ui::history::ChangesTable;

/// The changes in the file `name` from `from`, and the button that merges
/// them (`on_merge`); "Nothing new" when this device has every one.
#[component]
pub fn ChangesPreview(
    name: String,
    summary: IncomingSummary,
    from: Option<Author>,
    clashes: Vec<NumberClash>,
    on_merge: impl Fn() + 'static,
) -> impl IntoView {
    let lines = summary.lines();
    let count = summary.changes.len();
    let sender = from.map(|a| a.describe()).filter(|s| !s.is_empty());
    view! {
        <h3 class="govuk-heading-s">{format!("What {name} would change")}</h3>
        {sender.map(|s| view! { <p class="govuk-body">{format!("Sent by {s}.")}</p> })}
        {if lines.is_empty() {
            view! { <p class="govuk-body">"Nothing new: you already have every change in this file."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list govuk-list--bullet" id="incoming-summary">
                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
                <ChangesTable caption="Changes in the file" entries=Signal::stored(summary.changes.clone()) />
                {(!clashes.is_empty()).then(|| view! { <NumberClashes clashes /> })}
                <button type="button" class="govuk-button" on:click=move |_| on_merge()>
                    {format!("Merge {count} change{}", if count == 1 { "" } else { "s" })}
                </button>
            }
                .into_any()
        }}
    }
}

/// Action numbers that two different actions would share after the merge,
/// each with a number that is free.
#[component]
fn NumberClashes(clashes: Vec<NumberClash>) -> impl IntoView {
    view! {
        <WarningText>"After merging, some action numbers will be used twice"</WarningText>
        <ul class="govuk-list govuk-list--bullet" id="number-clashes">
            {clashes
                .iter()
                .map(|c| {
                    view! {
                        <li>
                            {format!(
                                "Action {} is \u{201c}{}\u{201d} on this device and \u{201c}{}\u{201d} in the file. After merging, give one of them a new number: {} is free.",
                                c.number,
                                c.ours,
                                c.theirs,
                                c.next,
                            )}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A file `name` (as it starts a sentence) holding `partnership`, not the
/// one open now: one this browser lost (`restores`), or another to keep
/// beside it. `another_open`: whether a partnership is open (the wording
/// differs). `on_open` opens or restores it.
#[component]
pub fn OtherPartnership(
    name: String,
    partnership: String,
    restores: bool,
    another_open: bool,
    on_open: impl Fn() + 'static,
) -> impl IntoView {
    let heading = if restores {
        format!("{name} holds {partnership}, which this browser lost")
    } else if another_open {
        format!("{name} is for {partnership}, not the partnership open now")
    } else {
        format!("{name} holds {partnership}")
    };
    let button = if restores {
        format!("Restore {partnership} from this file")
    } else {
        format!("Open {partnership} as a partnership on this device")
    };
    view! {
        <h3 class="govuk-heading-s">{heading}</h3>
        {(!restores)
            .then(|| {
                view! {
                    <p class="govuk-body">
                        "It will be kept in this browser beside any other partnership, and you can send your changes back to the partner who sent it."
                    </p>
                }
            })}
        <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| on_open()>
            {button}
        </button>
    }
}
