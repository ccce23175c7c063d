//! Performance indicators: the list by theme, one indicator with its chart
//! and values, defining an indicator, and entering a quarter's values.

mod detail;
mod form;
mod record;

pub use detail::IndicatorPage;
pub use form::{DeleteIndicatorPage, IndicatorFormPage};
pub use record::RecordValuesPage;

use leptos::prelude::*;

use crate::model::performance::{Direction, Rag, Trend, quarter_code};
use crate::model::{FinancialQuarter, Indicator, Partnership};
use crate::nav::Route;
use crate::ui::clock;
use crate::ui::components::Table;
use crate::ui::router::page_loaded;
use crate::ui::state::use_app;

/// The quarter most recently finished (in the plan's own year, for a plan
/// whose year has ended): what leads are reporting now.
pub(crate) fn reporting_quarter(plan: &Partnership) -> FinancialQuarter {
    plan.reporting_quarter(clock::today())
}

/// The latest quarter with a value, if any.
pub(crate) fn latest_quarter(indicator: &Indicator) -> Option<FinancialQuarter> {
    indicator.series().last().map(|(q, _)| *q)
}

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let state = use_app();
    page_loaded("Indicators");
    move || state.plan.with(|p| p.map(indicators_page))
}

fn indicators_page(p: &Partnership) -> impl IntoView + use<> {
    // Light rows, not copies of each indicator and its quarters of values.
    let rows = |list: Vec<&Indicator>| list.into_iter().map(IndicatorRow::of).collect::<Vec<_>>();
    let groups: Vec<(String, Vec<IndicatorRow>)> = p
        .themes_in_order()
        .into_iter()
        .map(|t| (t.name.clone(), rows(p.indicators_for_theme(&t.id))))
        .chain(std::iter::once((
            "Other indicators".to_string(),
            rows(p.indicators_in_order().into_iter().filter(|i| i.theme_id.is_none()).collect()),
        )))
        .filter(|(_, list)| !list.is_empty())
        .collect();
    let record = Route::RecordValues(String::new(), quarter_code(reporting_quarter(p)));
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">"Performance indicators"</h1>
        <p class="govuk-body">"How each priority theme is measured, quarter by quarter, against its target."</p>
        <div class="govuk-button-group">
            <a class="govuk-button" href=record.href()>"Enter a quarter's values"</a>
            <a class="govuk-button govuk-button--secondary" href=Route::IndicatorForm(None).href()>"Add an indicator"</a>
        </div>
        {if groups.is_empty() {
            view! { <p class="govuk-body">"No indicators yet."</p> }.into_any()
        } else {
            // Each theme's table is laid out only when scrolled near
            // (`app-deferred`): 200 indicators need not all be laid out to
            // show the first screen.
            groups.into_iter().map(|(theme, rows)| view! {
                <div class="app-deferred">
                    <h2 class="govuk-heading-m">{theme.clone()}</h2>
                    <IndicatorTable rows caption=theme />
                </div>
            }).collect_view().into_any()
        }}
    }
}

/// What the indicator list shows of one indicator.
struct IndicatorRow {
    id: String,
    name: String,
    target: String,
    /// The latest value with its quarter, or "No values yet".
    latest: String,
    rag: Option<Rag>,
    since_previous: Option<&'static str>,
}

impl IndicatorRow {
    fn of(i: &Indicator) -> IndicatorRow {
        let latest = latest_quarter(i);
        IndicatorRow {
            id: i.id.clone(),
            name: i.name.clone(),
            target: i.target_text(),
            latest: latest
                .and_then(|q| i.value_in(q).map(|v| format!("{} ({q})", i.format(v))))
                .unwrap_or_else(|| "No values yet".into()),
            rag: latest.and_then(|q| i.rag_in(q)),
            since_previous: latest.map(|q| direction_text(i.trend(q).vs_previous_quarter)),
        }
    }
}

/// Indicators with their latest value, RAG and direction of travel.
#[component]
fn IndicatorTable(rows: Vec<IndicatorRow>, caption: String) -> impl IntoView {
    view! {
        <Table caption={format!("Indicators: {caption}")} columns=["Indicator", "Target", "Latest value", "RAG", "Since the quarter before"]>
            {rows.into_iter().map(|i| view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        <a class="govuk-link" href=Route::Indicator(i.id).href()>{i.name}</a>
                    </th>
                    <td class="govuk-table__cell">{i.target}</td>
                    <td class="govuk-table__cell">{i.latest}</td>
                    <td class="govuk-table__cell">{i.rag.map(|r| view! { <RagTag rag=r /> })}</td>
                    <td class="govuk-table__cell">{i.since_previous}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

#[component]
pub(crate) fn RagTag(rag: Rag) -> impl IntoView {
    let colour = match rag {
        Rag::Red => "govuk-tag--red",
        Rag::Amber => "govuk-tag--yellow",
        Rag::Green => "govuk-tag--green",
        Rag::NoTarget => "govuk-tag--grey",
    };
    view! { <strong class=format!("govuk-tag {colour}")>{rag.label()}</strong> }
}

/// "Improving", "Worsening", "No change" or "No earlier value".
pub(crate) fn direction_text(d: Option<Direction>) -> &'static str {
    d.map_or("No earlier value", Direction::label)
}

/// Both directions of travel, for tables that show the whole trend.
pub(crate) fn trend_cells(t: Trend) -> (&'static str, &'static str) {
    (direction_text(t.vs_previous_quarter), direction_text(t.vs_same_quarter_last_year))
}
