//! One indicator: its definition, an accessible chart, and every value in a
//! table beside it.

use leptos::prelude::*;

use crate::model::performance::quarter_code;
use crate::model::{Indicator, Partnership, Polarity};
use crate::nav::Route;
use crate::report::chart::{HEIGHT, LineChart, TargetLine, WIDTH};
use crate::ui::components::{CaptionSize, Missing, SummaryRow, Table};
use crate::ui::plan::NarrativeText;
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

use super::{RagTag, latest_quarter, reporting_quarter, trend_cells};

#[component]
pub fn IndicatorPage(id: String) -> impl IntoView {
    let session = use_session();
    let title = session.plan.with_untracked(|p| p.as_ref().and_then(|p| p.indicators.get(&id)).map(|i| i.name.clone()));
    page_loaded(title.as_deref().unwrap_or("Indicator not found"));
    move || {
        session.plan.with(|p| {
            let p = p.as_ref()?;
            Some(match p.indicators.get(&id) {
                Some(i) => indicator_page(p, i).into_any(),
                None => view! { <Missing what="indicator" /> }.into_any(),
            })
        })
    }
}

fn indicator_page(p: &Partnership, i: &Indicator) -> impl IntoView + use<> {
    let theme = i.theme_id.as_deref().map(|t| p.theme_name(Some(t)).to_string());
    let series = i.series();
    let rows: Vec<_> = series
        .iter()
        .rev()
        .map(|(q, v)| {
            let recorded = i
                .values
                .get(&quarter_code(*q))
                .map(|r| crate::model::theme::join_role(&r.recorded_by, &r.recorded_organisation));
            (q.to_string(), i.format(*v), i.rag_in(*q), trend_cells(i.trend(*q)), recorded.unwrap_or_default())
        })
        .collect();
    let chart = LineChart::new(
        &series
            .iter()
            .map(|(q, v)| (format!("Q{} {}", q.quarter, q.year), *v, i.target_for(*q).ok().map(|t| t.value)))
            .collect::<Vec<_>>(),
    );
    let working = latest_quarter(i).and_then(|q| i.rating(q));
    let better = match i.polarity {
        Polarity::LowerIsBetter => "Lower is better",
        Polarity::HigherIsBetter => "Higher is better",
    };
    let record = Route::RecordValues(i.theme_id.clone().unwrap_or_default(), quarter_code(reporting_quarter(p)));
    let name = i.name.clone();
    let (target, baseline, basis) = (i.target_text(), i.baseline_text(), i.basis.label());
    let source = if i.source.is_empty() { "Not recorded".to_string() } else { i.source.clone() };
    view! {
        <a href=Route::Indicators.href() class="govuk-back-link">
            "All indicators"
        </a>
        <span class="govuk-caption-l">{theme.clone().unwrap_or_else(|| "Indicator".into())}</span>
        <h1 class="govuk-heading-l" tabindex="-1">
            {i.name.clone()}
        </h1>
        <div class="govuk-button-group">
            <a class="govuk-button" href=record.href()>
                "Enter a quarter's values"
            </a>
            <a class="govuk-button govuk-button--secondary" href=Route::IndicatorForm(Some(i.id.clone())).href()>
                "Edit indicator"
            </a>
            <a class="govuk-link app-link--warning" href=Route::DeleteIndicator(i.id.clone()).href()>
                "Delete indicator"
            </a>
        </div>
        <dl class="govuk-summary-list">
            <SummaryRow label="Target">{target}</SummaryRow>
            <SummaryRow label="Baseline">{baseline}</SummaryRow>
            <SummaryRow label="Each value counts">{basis}</SummaryRow>
            <SummaryRow label="Polarity">{better}</SummaryRow>
            <SummaryRow label="Data source">{source}</SummaryRow>
        </dl>
        {(!i.notes.is_blank()).then(|| view! { <NarrativeText text=i.notes.clone() /> })}
        {working
            .map(|r| {
                view! {
                    <h2 class="govuk-heading-m">{format!("How the {} rating was worked out", r.quarter)}</h2>
                    <div class="govuk-inset-text">
                        <p class="govuk-body">
                            <RagTag rag=r.rag />
                            " "
                            {r.explanation}
                        </p>
                        <p class="govuk-body">{r.trend_explanation}</p>
                    </div>
                }
            })}
        <h2 class="govuk-heading-m">"Quarter by quarter"</h2>
        {if rows.is_empty() {
            view! { <p class="govuk-body">"No values have been entered yet."</p> }.into_any()
        } else {
            view! {
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-full">
                        <Chart chart name=name.clone() />
                    </div>
                </div>
                <Table
                    caption=format!("{name}: values by quarter")
                    columns=["Quarter", "Value", "RAG", "Since the quarter before", "Since a year before", "Entered by"]
                    caption_size=CaptionSize::Small
                >
                    {rows
                        .into_iter()
                        .map(|(q, v, rag, (prev, year), who)| {
                            view! {
                                <tr class="govuk-table__row">
                                    <th scope="row" class="govuk-table__header">
                                        {q}
                                    </th>
                                    <td class="govuk-table__cell">{v}</td>
                                    <td class="govuk-table__cell">{rag.map(|rag| view! { <RagTag rag /> })}</td>
                                    <td class="govuk-table__cell">{prev}</td>
                                    <td class="govuk-table__cell">{year}</td>
                                    <td class="govuk-table__cell">{who}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </Table>
            }
                .into_any()
        }}
    }
}

/// A line chart of the values, with the target for each quarter's period
/// dashed. The numbers are in the table below it, which is what screen
/// readers should use.
#[component]
fn Chart(chart: LineChart, name: String) -> impl IntoView {
    let first = chart.points.first().map(|p| p.label.clone()).unwrap_or_default();
    let last = chart.points.last().map(|p| p.label.clone()).unwrap_or_default();
    let summary = format!("Line chart of {name} from {first} to {last}. The values are in the table below.");
    let (left, right) = (chart.left, chart.right);
    let (target_steps, line) = (chart.target_polyline(), chart.polyline());
    view! {
        <figure class="app-chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="chart-title chart-desc"
                focusable="false"
            >
                <title id="chart-title">{format!("{name} by quarter")}</title>
                <desc id="chart-desc">{summary}</desc>
                {chart
                    .ticks
                    .iter()
                    .map(|(y, label)| {
                        view! {
                            <line class="app-chart__grid" x1=left x2=right y1=*y y2=*y />
                            <text class="app-chart__label" x=left - 8.0 y=*y + 4.0 text-anchor="end">
                                {label.clone()}
                            </text>
                        }
                    })
                    .collect_view()}
                {match chart.target {
                    TargetLine::Level(y) => {
                        Some(view! { <line class="app-chart__target" x1=left x2=right y1=y y2=y /> }.into_any())
                    }
                    TargetLine::Steps(_) => {
                        Some(
                            view! {
                                <polyline class="app-chart__target app-chart__target--steps" points=target_steps />
                            }
                                .into_any(),
                        )
                    }
                    TargetLine::None => None,
                }}
                {chart
                    .target_label
                    .map(|l| {
                        view! {
                            <text class="app-chart__label" x=l.x y=l.y text-anchor="middle">
                                {l.text}
                            </text>
                        }
                    })}
                <polyline class="app-chart__line" points=line />
                {chart
                    .points
                    .iter()
                    .map(|p| view! { <circle class="app-chart__point" cx=p.x cy=p.y r="4" /> })
                    .collect_view()}
                {chart
                    .x_labels
                    .into_iter()
                    .map(|l| {
                        view! {
                            <text class="app-chart__label" x=l.x y=l.y text-anchor="middle">
                                {l.text}
                            </text>
                        }
                    })
                    .collect_view()}
            </svg>
        </figure>
    }
}
