//! The import previews' tables: every field that will be stored for every
//! action, how the sheet was read, and row problems (the first fifty of
//! each list, with a count of the rest).

use leptos::prelude::*;

use super::plural;
use crate::model::Date;
use crate::spreadsheet::{ImportPreview, RowProblem, first_problems};
use crate::ui::components::{CaptionSize, Table};

/// "31 Mar 2020", or nothing for an empty or unreadable date.
fn short_date(iso: &str) -> String {
    iso.parse::<Date>().map(Date::short).unwrap_or_default()
}

/// Lines of a multi-line field, one per line in the cell.
fn lines(text: &str) -> impl IntoView + use<> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.into_iter().map(|l| view! { <span class="app-preview__line">{l}</span> }).collect_view()
}

#[component]
pub fn SheetNotes(notes: Vec<String>, rows: usize) -> impl IntoView {
    view! {
        <p class="govuk-body">
            {format!(
                "{} under the headings. Check each part of an action comes from the right column.",
                plural(rows, "row", "rows"),
            )}
        </p>
        <h4 class="govuk-heading-s">"How the sheet was read"</h4>
        <ul class="govuk-list govuk-list--bullet">
            {notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn ActionsPreview(preview: ImportPreview) -> impl IntoView {
    let ImportPreview { actions, skipped, warnings, notes } = preview;
    let heading = format!("{} will be added", plural(actions.len(), "action", "actions"));
    view! {
        <h3 class="govuk-heading-s" id="import-preview">
            {heading}
        </h3>
        <div class="app-table-scroll" role="region" aria-label="Actions to import" tabindex="0">
            <table class="govuk-table app-table--small">
                <caption class="govuk-table__caption govuk-visually-hidden">"Actions to import"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        {[
                            "Row",
                            "No.",
                            "Key action",
                            "Theme",
                            "Leads",
                            "Partners",
                            "Documents",
                            "Start",
                            "Due",
                            "Status",
                            "Latest progress",
                        ]
                            .into_iter()
                            .map(|h| {
                                view! {
                                    <th scope="col" class="govuk-table__header">
                                        {h}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {actions
                        .into_iter()
                        .map(|a| {
                            let (status, progress) = match &a.progress {
                                Some(p) => (p.status.label().to_string(), format!("{}: {}", p.date.short(), p.text)),
                                None => ("Not started".to_string(), String::new()),
                            };
                            view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">{a.row}</td>
                                    <td class="govuk-table__cell">{a.draft.number.clone()}</td>
                                    <td class="govuk-table__cell">{a.draft.title.clone()}</td>
                                    <td class="govuk-table__cell">{a.theme_name.clone()}</td>
                                    <td class="govuk-table__cell">{lines(&a.draft.leads)}</td>
                                    <td class="govuk-table__cell">{lines(&a.draft.partners)}</td>
                                    <td class="govuk-table__cell">{lines(&a.draft.linked_documents)}</td>
                                    <td class="govuk-table__cell">{short_date(&a.draft.start)}</td>
                                    <td class="govuk-table__cell">{short_date(&a.draft.due)}</td>
                                    <td class="govuk-table__cell">{status}</td>
                                    <td class="govuk-table__cell">{progress}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <ProblemTable rows=skipped caption="Rows that will not be imported" />
        <ProblemTable rows=warnings caption="Rows imported with something left out" />
        <ProblemTable rows=notes caption="Notes on rows that will be imported" />
    }
}

/// Row problems: the first fifty, then how many more.
#[component]
pub fn ProblemTable(rows: Vec<RowProblem>, caption: &'static str) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        let (shown, more) = first_problems(&rows);
        let shown = shown.to_vec();
        view! {
            <Table caption=caption columns=["Row", "Reason"] caption_size=CaptionSize::Small>
                {shown
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{r.row}</td>
                                <td class="govuk-table__cell">{r.reason}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
            {(more > 0)
                .then(|| {
                    view! {
                        <p class="govuk-body">
                            {format!(
                                "And {} more. The first {} are listed.",
                                plural(more, "row", "rows"),
                                crate::spreadsheet::PROBLEMS_SHOWN,
                            )}
                        </p>
                    }
                })}
        }
    })
}
