//! The GOV.UK table (<https://design-system.service.gov.uk/components/table/>)
//! and summary list (<https://design-system.service.gov.uk/components/summary-list/>)
//! as components, so each page says only what its table holds: the caption,
//! the column headings and its rows.

use leptos::prelude::*;

use crate::model::paging::{Noun, show_more};

use crate::nav::Route;

/// How a table's caption is shown. Most tables sit under a heading that
/// already says what they hold, so their caption is for screen readers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaptionSize {
    /// Read out by screen readers, not shown.
    #[default]
    Hidden,
    /// Shown as a small heading (`govuk-table__caption--s`).
    Small,
    /// Shown as a medium heading (`govuk-table__caption--m`).
    Medium,
}

impl CaptionSize {
    fn class(self) -> &'static str {
        match self {
            CaptionSize::Hidden => "govuk-table__caption govuk-visually-hidden",
            CaptionSize::Small => "govuk-table__caption govuk-table__caption--s",
            CaptionSize::Medium => "govuk-table__caption govuk-table__caption--m",
        }
    }
}

/// A table's column headings, left to right: usually fixed words
/// (`["No.", "Key action"]`), sometimes one made as the page is drawn (the
/// quarter a report is for).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headings(Vec<String>);

impl<const N: usize> From<[&'static str; N]> for Headings {
    fn from(words: [&'static str; N]) -> Self {
        Headings(words.iter().map(|w| w.to_string()).collect())
    }
}

impl From<Vec<&'static str>> for Headings {
    fn from(words: Vec<&'static str>) -> Self {
        Headings(words.into_iter().map(str::to_string).collect())
    }
}

impl From<Vec<String>> for Headings {
    fn from(words: Vec<String>) -> Self {
        Headings(words)
    }
}

/// A GOV.UK table: `caption`, one heading per column (`columns`, left to
/// right), then `children`, the body's `<tr class="govuk-table__row">` rows.
/// `numeric` says how many of the last columns hold numbers (their headings
/// are right-aligned; the rows' cells say so themselves). `controls` adds a
/// last column of links or buttons whose heading only screen readers hear
/// ("Actions", "Change"). `class` replaces `govuk-table` for tables with
/// their own styles (which then name `govuk-table` too).
#[component]
pub fn Table(
    #[prop(into)] caption: String,
    #[prop(into)] columns: Headings,
    #[prop(optional)] caption_size: CaptionSize,
    #[prop(optional)] numeric: usize,
    #[prop(optional)] controls: Option<&'static str>,
    #[prop(default = "govuk-table")] class: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let Headings(columns) = columns;
    let first_numeric = columns.len().saturating_sub(numeric);
    view! {
        <table class=class id=id>
            <caption class=caption_size.class()>{caption}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    {columns
                        .into_iter()
                        .enumerate()
                        .map(|(n, heading)| {
                            let class = if n >= first_numeric {
                                "govuk-table__header govuk-table__header--numeric"
                            } else {
                                "govuk-table__header"
                            };
                            view! {
                                <th scope="col" class=class>
                                    {heading}
                                </th>
                            }
                        })
                        .collect_view()}
                    {controls
                        .map(|heading| {
                            view! {
                                <th scope="col" class="govuk-table__header">
                                    <span class="govuk-visually-hidden">{heading}</span>
                                </th>
                            }
                        })}
                </tr>
            </thead>
            <tbody class="govuk-table__body">{children()}</tbody>
        </table>
    }
}

/// One row of a GOV.UK summary list (`<dl class="govuk-summary-list">`):
/// `label` in the key column and `children` as its value. `value_id` names
/// the value for journeys and links that point at it.
#[component]
pub fn SummaryRow(
    #[prop(into)] label: String,
    #[prop(optional)] value_id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{label}</dt>
            <dd class="govuk-summary-list__value" id=value_id>
                {children()}
            </dd>
        </div>
    }
}

/// The last cell of a row in a table with `controls`: "Edit" and "Remove"
/// links, each naming `item` for screen readers ("Edit Luton Council").
#[component]
pub fn EditRemoveCell(edit: Route, remove: Route, #[prop(into)] item: String) -> impl IntoView {
    let named = format!(" {item}");
    view! {
        <td class="govuk-table__cell app-table__actions">
            <a class="govuk-link" href=edit.href()>
                "Edit"
                <span class="govuk-visually-hidden">{named.clone()}</span>
            </a>
            <a class="govuk-link" href=remove.href()>
                "Remove"
                <span class="govuk-visually-hidden">{named}</span>
            </a>
        </td>
    }
}

/// The buttons under a list drawn a step at a time (`model::paging`):
/// "Show the next 50 …" and, when more than that is left, "Show all N …".
/// `show` is given how many more rows to draw. Nothing when every row is
/// drawn.
#[component]
pub fn ShowMore(on_page: usize, total: usize, noun: Noun, show: impl Fn(usize) + Copy + 'static) -> impl IntoView {
    show_more(on_page, total, noun).map(|(label, next)| {
        let rest = total - on_page;
        view! {
            <div class="govuk-button-group app-show-more">
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| show(next)>
                    {label}
                </button>
                {(rest > next)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="govuk-button govuk-button--secondary"
                                on:click=move |_| show(rest)
                            >
                                {format!("Show all {total} {}", noun.many)}
                            </button>
                        }
                    })}
            </div>
        }
    })
}
