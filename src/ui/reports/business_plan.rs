//! The business plan table (seed 003's layout) for a chosen financial year,
//! printed on landscape A4 with each action's title the most prominent
//! text in its row.

use leptos::prelude::*;

use crate::model::FinancialYear;
use crate::model::YearChoice;
use crate::nav::Route;
use crate::report::cover::Paper;
use crate::report::{BusinessPlan, BusinessPlanRow};
use crate::ui::clock;
use crate::ui::components::{BackLink, StatusTag};
use crate::ui::router::page_loaded;
use crate::ui::session::use_session;

use super::ReportControls;
use super::cover::{CoverSection, RunningFooter};

#[component]
pub fn BusinessPlanPage(year: String) -> impl IntoView {
    let session = use_session();
    let table = session.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let choice = YearChoice::new(p, &year, clock::today());
        let table = BusinessPlan::build(p, choice.chosen);
        let block = Paper::BusinessPlan(table.year).cover_block(p);
        Some((table, choice.offered, block))
    });
    let Some((table, years, block)) = table else { return ().into_any() };
    page_loaded(&table.title());
    let (year, route): (FinancialYear, fn(String) -> Route) = (table.year, Route::BusinessPlan);
    let recommendations = block.as_ref().map(|b| b.recommendations.clone()).unwrap_or_default();
    view! {
        <RunningFooter partnership=table.partnership.clone() title=table.title() />
        <BackLink route=Route::Reports text="All reports" />
        <ReportControls years selected=year route />
        // The whole paper prints on landscape pages, so the wide table has room.
        <div class="app-paper--landscape">
            <span class="govuk-caption-l">{table.partnership.clone()}</span>
            <h1 class="govuk-heading-l" tabindex="-1">
                {table.title()}
            </h1>
            <CoverSection paper=Paper::BusinessPlan(year) block recommendations />
            <p class="govuk-body">
                "The key actions and major projects of the partnership for the year, with their leads and the progress "
                "reported between " {table.year.start().to_string()} " and " {table.year.end().to_string()} "."
            </p>
            <BusinessPlanTable rows=table.rows />
        </div>
    }
    .into_any()
}

#[component]
fn BusinessPlanTable(rows: Vec<BusinessPlanRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="govuk-body">"This plan has no actions yet."</p> }.into_any();
    }
    view! {
        <table class="govuk-table app-report-table app-business-plan">
            <caption class="govuk-table__caption govuk-visually-hidden">"Key actions and their progress"</caption>
            <colgroup>
                <col class="app-business-plan__number" />
                <col class="app-business-plan__action" />
                <col class="app-business-plan__leads" />
                <col class="app-business-plan__documents" />
                <col class="app-business-plan__progress" />
            </colgroup>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">
                        "No."
                    </th>
                    <th scope="col" class="govuk-table__header">
                        "Key actions and major projects"
                    </th>
                    <th scope="col" class="govuk-table__header">
                        "Partnership leads"
                    </th>
                    <th scope="col" class="govuk-table__header">
                        "Linked documents"
                    </th>
                    <th scope="col" class="govuk-table__header">
                        "Progress"
                    </th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">{rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}</tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Row(row: BusinessPlanRow) -> impl IntoView {
    let progress = if row.progress.is_empty() {
        view! { <p class="govuk-body-s">"No progress reported this year."</p> }.into_any()
    } else {
        row.progress
            .into_iter()
            .map(|p| {
                view! {
                    <div class="app-report-progress">
                        <p class="govuk-body-s govuk-!-margin-bottom-1">
                            <strong>{p.date.to_string()}</strong>
                            " "
                            <StatusTag status=p.status />
                        </p>
                        {p
                            .text
                            .lines()
                            .filter(|l| !l.trim().is_empty())
                            .map(|l| view! { <p class="govuk-body-s">{l.to_string()}</p> })
                            .collect_view()}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell">{format!("{}.", row.number)}</td>
            <td class="govuk-table__cell">
                // The title leads the row, larger and bolder than its detail.
                <p class="govuk-body govuk-!-font-weight-bold app-report-title">
                    <a class="govuk-link" href=Route::Action(row.action_id.clone()).href()>
                        {row.title.clone()}
                    </a>
                </p>
                {(!row.detail.is_empty())
                    .then(|| {
                        row.detail
                            .lines()
                            .filter(|l| !l.trim().is_empty())
                            .map(|l| view! { <p class="govuk-body-s app-report-detail">{l.to_string()}</p> })
                            .collect_view()
                    })}
                <p class="govuk-body-s">"Status: " <StatusTag status=row.status /></p>
            </td>
            <td class="govuk-table__cell">
                {row.leads.into_iter().map(|l| view! { <p class="govuk-body-s">{l}</p> }).collect_view()}
            </td>
            <td class="govuk-table__cell">
                {row.documents.into_iter().map(|d| view! { <p class="govuk-body-s">{d}</p> }).collect_view()}
            </td>
            <td class="govuk-table__cell">{progress}</td>
        </tr>
    }
}
