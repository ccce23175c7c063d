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
use crate::ui::session::use_session;

/// The quarter most recently finished (in the plan's own year, for a plan
/// whose year has ended): what leads are reporting now.
pub(crate) fn reporting_quarter(plan: &Partnership) -> FinancialQuarter {
    plan.reporting_quarter(clock::today())
}

/// The latest quarter with a value, if any.
pub(crate) fn latest_quarter(indicator: &Indicator) -> Option<FinancialQuarter> {
    indicator.series().last().map(|(q, _)| *q)
}

/// The indicators by theme. The groups are a memo over the plan, and each
/// table a keyed `<For>` over its rows: recording a value redraws the rows
/// it changed, not the page.
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let session = use_session();
    page_loaded("Indicators");
    let groups = Memo::new(move |_| session.plan.with(|p| p.map(indicator_groups).unwrap_or_default()));
    let record = Memo::new(move |_| {
        session.plan.with(|p| {
            let quarter = p.map(|p| quarter_code(reporting_quarter(p))).unwrap_or_default();
            Route::RecordValues(String::new(), quarter).href()
        })
    });
    // Keyed by theme id and name: two themes may share a name.
    let themes = move || groups.with(|g| g.iter().map(|g| (g.theme_id.clone(), g.name.clone())).collect::<Vec<_>>());
    let none = || view! { <p class="govuk-body">"No indicators yet."</p> };
    view! {
        <h1 class="govuk-heading-l" tabindex="-1">
            "Performance indicators"
        </h1>
        <p class="govuk-body">"How each priority theme is measured, quarter by quarter, against its target."</p>
        <div class="govuk-button-group">
            <a class="govuk-button" href=record>
                "Enter a quarter's values"
            </a>
            <a class="govuk-button govuk-button--secondary" href=Route::IndicatorForm(None).href()>
                "Add an indicator"
            </a>
        </div>
        <Show when=move || !groups.with(Vec::is_empty) fallback=none>
            // Each theme's table is laid out only when scrolled near
            // (`app-deferred`): 200 indicators need not all be laid out to
            // show the first screen.
            <For each=themes key=|theme| theme.clone() let((theme_id, name))>
                <div class="app-deferred">
                    <h2 class="govuk-heading-m">{name.clone()}</h2>
                    <IndicatorTable rows=rows_of(groups, theme_id) caption=name />
                </div>
            </For>
        </Show>
    }
}

/// One theme's table on the list.
#[derive(Clone, PartialEq)]
struct IndicatorGroup {
    /// Empty for "Other indicators" (those without a theme).
    theme_id: String,
    name: String,
    rows: Vec<IndicatorRow>,
}

/// Each theme with its indicators' rows, themes in plan order and
/// indicators without a theme last; themes without indicators left out.
fn indicator_groups(p: &Partnership) -> Vec<IndicatorGroup> {
    // Light rows, not copies of each indicator and its quarters of values.
    let rows = |list: Vec<&Indicator>| list.into_iter().map(IndicatorRow::of).collect::<Vec<_>>();
    let group =
        |theme_id: &str, name: &str, rows| IndicatorGroup { theme_id: theme_id.into(), name: name.into(), rows };
    p.themes_in_order()
        .into_iter()
        .map(|t| group(&t.id, &t.name, rows(p.indicators_for_theme(&t.id))))
        .chain(std::iter::once(group(
            "",
            "Other indicators",
            rows(p.indicators_in_order().into_iter().filter(|i| i.theme_id.is_none()).collect()),
        )))
        .filter(|g| !g.rows.is_empty())
        .collect()
}

/// The rows of theme `theme_id`'s table, following the groups.
fn rows_of(groups: Memo<Vec<IndicatorGroup>>, theme_id: String) -> Signal<Vec<IndicatorRow>> {
    Signal::derive(move || {
        groups.with(|g| g.iter().find(|g| g.theme_id == theme_id).map(|g| g.rows.clone())).unwrap_or_default()
    })
}

/// What the indicator list shows of one indicator; the whole row is its
/// key, so a row is drawn again only when something it shows changed.
#[derive(Clone, PartialEq, Eq, Hash)]
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
fn IndicatorTable(rows: Signal<Vec<IndicatorRow>>, caption: String) -> impl IntoView {
    view! {
        <Table
            caption=format!("Indicators: {caption}")
            columns=["Indicator", "Target", "Latest value", "RAG", "Since the quarter before"]
        >
            <For each=move || rows.get() key=|row| row.clone() let:i>
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        <a class="govuk-link" href=Route::Indicator(i.id).href()>
                            {i.name}
                        </a>
                    </th>
                    <td class="govuk-table__cell">{i.target}</td>
                    <td class="govuk-table__cell">{i.latest}</td>
                    <td class="govuk-table__cell">{i.rag.map(|r| view! { <RagTag rag=r /> })}</td>
                    <td class="govuk-table__cell">{i.since_previous}</td>
                </tr>
            </For>
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
