//! A workshop's results, for showing on the room's screen.

use leptos::prelude::*;

use crate::model::workshop::WorkshopFormat;
use crate::ui::components::Table;
use crate::ui::session::use_session;

#[component]
pub(super) fn Results(id: String) -> impl IntoView {
    let session = use_session();
    move || {
        let Some(w) = session.plan.with(|p| p.as_ref().and_then(|p| p.workshops.get(&id)).cloned()) else {
            return ().into_any();
        };
        let rating = w.format == WorkshopFormat::SenseCheck && w.dots == 0;
        let participants = w.participants();
        view! {
            <h2 class="govuk-heading-l">"Results"</h2>
            <p class="govuk-body-l">
                {format!("{participants} participant{} voted.", if participants == 1 { "" } else { "s" })}
            </p>
            <Table
                caption="Workshop results"
                columns=vec![
                    "Rank",
                    if w.format == WorkshopFormat::SenseCheck { "Issue" } else { "Response" },
                    if rating { "Average rating" } else { "Dots" },
                    "People",
                ]
                numeric=2
                class="govuk-table app-workshop__results"
                id="workshop-results"
            >
                {w
                    .tally()
                    .into_iter()
                    .map(|t| {
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{t.rank}</td>
                                <td class="govuk-table__cell">{t.item.text.clone()}</td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">
                                    {if rating { format!("{:.1}", t.result) } else { format!("{:.0}", t.result) }}
                                </td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{t.participants}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        }
        .into_any()
    }
}
