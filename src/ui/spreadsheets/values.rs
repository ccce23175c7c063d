//! Importing a performance return: one indicator value per row, shown as
//! the number with its unit before anything is recorded.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::preview::ProblemTable;
use super::{chosen_file, plural};
use crate::nav::Route;
use crate::spreadsheet::{SheetError, ValuesPreview, preview_values};
use crate::ui::components::{ErrorSummary, Table};
use crate::ui::file_worker::CheckingStatus;
use crate::ui::navigation::use_navigation;
use crate::ui::session::use_session;

#[component]
pub fn ValuesImport() -> impl IntoView {
    let session = use_session();
    let nav = use_navigation();
    // The preview, or the sentence saying why there is none.
    let values = RwSignal::new(None::<(String, Result<ValuesPreview, String>)>);
    let checking = RwSignal::new(false);
    let choose_values = move |ev: leptos::ev::Event| {
        chosen_file(&ev, checking, move |name, chosen| {
            let previewed = chosen.map_err(|e| e.message(&name)).and_then(|(_, table)| {
                session
                    .plan
                    .with_untracked(|p| p.as_ref().map(|p| preview_values(&table, p)))
                    .unwrap_or(Err(SheetError::NoRows))
                    .map_err(|e| format!("{name}: {e}"))
            });
            values.set(Some((name, previewed)));
        })
    };
    let confirm_values = move |_| {
        let Some((source, Ok(p))) = values.get_untracked() else { return };
        match session.apply(|ws, stamp| ws.import_values(stamp, &source, &p.values)) {
            Ok(()) => spawn_local(async move {
                let saved = session.persist().await.is_ok();
                let message = if saved {
                    format!("{} imported from {source}", plural(p.values.len(), "indicator value", "indicator values"))
                } else {
                    "Values imported, but not yet saved on this device".to_string()
                };
                nav.go_with_flash(Route::Indicators, message);
            }),
            Err(e) => values.set(Some((source.clone(), Err(format!("{source}: {e}"))))),
        }
    };

    view! {
        <h2 class="govuk-heading-m">"Import indicator values"</h2>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="values-file">
                "Choose the performance return"
            </label>
            <div class="govuk-hint" id="values-file-hint">
                "One value per row, with columns for the indicator, the quarter (for example Q3 2019-20) and the value \u{2013} the layout of the \u{201c}Indicator values\u{201d} sheet above. A value formatted as a percentage is read as the percentage shown."
            </div>
            <input
                class="govuk-file-upload"
                id="values-file"
                name="values-file"
                type="file"
                accept=".xlsx,.ods,.csv,.txt,text/csv"
                aria-describedby="values-file-hint"
                on:change=choose_values
            />
        </div>
        <CheckingStatus checking id="values-checking" />
        {move || {
            values
                .get()
                .map(|(name, r)| match r {
                    Err(e) => view! { <ErrorSummary links=vec![("values-file".to_string(), e)] /> }.into_any(),
                    Ok(p) => {
                        let n = p.values.len();
                        view! {
                            <h3 class="govuk-heading-s">
                                {format!("{} will be recorded from {name}", plural(n, "value", "values"))}
                            </h3>
                            <Table
                                caption="Values to import"
                                columns=["Row", "Indicator", "Quarter", "Value"]
                                numeric=1
                            >
                                {p
                                    .values
                                    .iter()
                                    .map(|v| {
                                        let shown = v.shown.clone();
                                        view! {
                                            <tr class="govuk-table__row">
                                                <td class="govuk-table__cell">{v.row}</td>
                                                <td class="govuk-table__cell">{v.indicator.clone()}</td>
                                                <td class="govuk-table__cell">{v.quarter.to_string()}</td>
                                                <td class="govuk-table__cell govuk-table__cell--numeric">{shown}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </Table>
                            <ProblemTable rows=p.skipped.clone() caption="Rows that will not be recorded" />
                            {(n > 0)
                                .then(|| {
                                    view! {
                                        <button type="button" class="govuk-button" on:click=confirm_values>
                                            {format!("Record {}", plural(n, "value", "values"))}
                                        </button>
                                    }
                                })}
                        }
                            .into_any()
                    }
                })
        }}
    }
}
