//! Which period a page shows. The reports and the values page take a year
//! or a quarter from their address, fall back to what the partnership is
//! reporting on now, and offer a list to choose from. The rule lives here,
//! worked out from the plan and today's date, so the pages agree with each
//! other and it is tested without a browser.

use super::performance::{parse_financial_year, parse_quarter_code, quarters_for_entry};
use super::{Date, FinancialQuarter, FinancialYear, Partnership};

/// The financial year a yearly report (annual overview, business plan
/// table) shows, and the years its picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearChoice {
    pub chosen: FinancialYear,
    /// Latest first, no repeats: the plan's action plan year, today's year
    /// and every year with a progress update.
    pub offered: Vec<FinancialYear>,
}

impl YearChoice {
    /// `asked` is the year in the address ("2019-20", "2019/20", "2019", or
    /// empty). Chosen: that year if it reads, else the plan's action plan
    /// year, else the financial year `today` falls in.
    pub fn new(plan: &Partnership, asked: &str, today: Date) -> YearChoice {
        let this_year = FinancialYear::of(today);
        let plan_year = parse_financial_year(&plan.plan.action_plan_year);
        let chosen = parse_financial_year(asked).or(plan_year).unwrap_or(this_year);
        let mut offered: Vec<FinancialYear> = plan
            .actions
            .values()
            .flat_map(|a| a.progress.values().map(|u| FinancialYear::of(u.date)))
            .chain(plan_year)
            .chain([this_year])
            .collect();
        crate::sorting::sort_by(&mut offered, |a, b| b.cmp(a));
        offered.dedup();
        YearChoice { chosen, offered }
    }
}

/// The quarter a quarterly page shows, and the quarters its picker offers
/// (latest first, no gaps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterChoice {
    pub chosen: FinancialQuarter,
    pub offered: Vec<FinancialQuarter>,
}

impl QuarterChoice {
    /// For the quarterly theme report. `asked` is the quarter code in the
    /// address ("2019-20-Q3", or empty). Chosen: that quarter, else the last
    /// one ended ([`Partnership::reporting_quarter`]). Offered:
    /// [`Partnership::quarters_in_view`].
    pub fn for_report(plan: &Partnership, asked: &str, today: Date) -> QuarterChoice {
        let chosen = parse_quarter_code(asked).unwrap_or_else(|| plan.reporting_quarter(today));
        QuarterChoice { chosen, offered: plan.quarters_in_view(today) }
    }

    /// For entering a quarter's indicator values. Chosen as for a report;
    /// offered: every quarter a value can be entered for
    /// ([`quarters_for_entry`]), which reaches back to the plan's period and
    /// forward to the quarter `today` falls in.
    pub fn for_entry(plan: &Partnership, asked: &str, today: Date) -> QuarterChoice {
        let chosen = parse_quarter_code(asked).unwrap_or_else(|| plan.reporting_quarter(today));
        QuarterChoice { chosen, offered: quarters_for_entry(plan, chosen, FinancialQuarter::of(today)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::model::action::tests::{action, update};

    fn d(s: &str) -> Date {
        s.parse().expect("test date")
    }

    fn q(code: &str) -> FinancialQuarter {
        parse_quarter_code(code).expect("test quarter")
    }

    fn plan(action_plan_year: &str) -> Partnership {
        let mut p = Partnership::new("p".into(), "Luton CSP".into(), String::new());
        p.plan.action_plan_year = action_plan_year.into();
        p
    }

    /// A plan with one action holding a progress update on each of `dates`.
    fn with_updates(mut p: Partnership, dates: &[&str]) -> Partnership {
        let updates = dates.iter().enumerate().map(|(n, date)| update(&format!("u{n}"), date, Status::OnTrack, 0));
        let action = action(updates.collect());
        p.actions.insert(action.id.clone(), action);
        p
    }

    #[test]
    fn quarters_step_across_the_financial_year_end() {
        assert_eq!(q("2019-20-Q4").next(), q("2020-21-Q1"));
        assert_eq!(q("2019-20-Q1").next(), q("2019-20-Q2"));
        assert_eq!(q("2020-21-Q1").previous(), q("2019-20-Q4"));
        assert_eq!(q("2019-20-Q3").previous(), q("2019-20-Q2"));
        for code in ["2019-20-Q1", "2019-20-Q4", "2024-25-Q2"] {
            assert_eq!(q(code).next().previous(), q(code));
        }
        let across = FinancialQuarter::latest_first(q("2019-20-Q3"), q("2020-21-Q2"));
        assert_eq!(across, vec![q("2020-21-Q2"), q("2020-21-Q1"), q("2019-20-Q4"), q("2019-20-Q3")]);
        assert_eq!(FinancialQuarter::latest_first(q("2019-20-Q3"), q("2019-20-Q3")), vec![q("2019-20-Q3")]);
        assert!(FinancialQuarter::latest_first(q("2020-21-Q1"), q("2019-20-Q4")).is_empty());
    }

    #[test]
    fn a_yearly_report_shows_the_year_asked_else_the_plans_else_todays() {
        let p = plan("2019-20");
        let today = d("2026-11-30");
        assert_eq!(YearChoice::new(&p, "2021-22", today).chosen, FinancialYear(2021));
        assert_eq!(YearChoice::new(&p, "", today).chosen, FinancialYear(2019));
        assert_eq!(YearChoice::new(&p, "not a year", today).chosen, FinancialYear(2019));
        // No action plan year: 30 November 2026 is in 2026-27.
        assert_eq!(YearChoice::new(&plan(""), "", today).chosen, FinancialYear(2026));
        // 31 March 2027 is still 2026-27; 1 April starts 2027-28.
        assert_eq!(YearChoice::new(&plan(""), "", d("2027-03-31")).chosen, FinancialYear(2026));
        assert_eq!(YearChoice::new(&plan(""), "", d("2027-04-01")).chosen, FinancialYear(2027));
    }

    #[test]
    fn a_yearly_report_offers_the_plans_year_todays_and_every_year_with_progress() {
        // Updates in March 2020 (2019-20), May 2020 and June 2020 (both 2020-21).
        let p = with_updates(plan("2019-20"), &["2020-03-31", "2020-05-01", "2020-06-30"]);
        let offered = YearChoice::new(&p, "", d("2022-04-01")).offered;
        assert_eq!(offered, vec![FinancialYear(2022), FinancialYear(2020), FinancialYear(2019)]);
        assert_eq!(YearChoice::new(&plan(""), "", d("2022-04-01")).offered, vec![FinancialYear(2022)]);
    }

    #[test]
    fn the_quarterly_report_shows_the_quarter_asked_else_the_last_one_ended() {
        // A plan for 2019-20 seen on 19 December 2019: Q2 ended on 30 September.
        let p = plan("2019-20");
        let today = d("2019-12-19");
        assert_eq!(QuarterChoice::for_report(&p, "2019-20-Q1", today).chosen, q("2019-20-Q1"));
        assert_eq!(QuarterChoice::for_report(&p, "", today).chosen, q("2019-20-Q2"));
        assert_eq!(QuarterChoice::for_report(&p, "2019-20-Q9", today).chosen, q("2019-20-Q2"));
        // On the last day of a quarter, that quarter has ended.
        assert_eq!(QuarterChoice::for_report(&p, "", d("2019-12-31")).chosen, q("2019-20-Q3"));
        // From the plan year's Q1 to today's quarter, latest first.
        let offered = QuarterChoice::for_report(&p, "", today).offered;
        assert_eq!(offered, vec![q("2019-20-Q3"), q("2019-20-Q2"), q("2019-20-Q1")]);
    }

    #[test]
    fn a_plan_whose_year_has_ended_reports_on_its_q4() {
        // Seen in November 2026, a 2019-20 plan is read as at 31 March 2020.
        let p = plan("2019-20");
        let choice = QuarterChoice::for_report(&p, "", d("2026-11-30"));
        assert_eq!(choice.chosen, q("2019-20-Q4"));
        assert_eq!(choice.offered.first(), Some(&q("2026-27-Q3")), "today's quarter is still offered");
        assert_eq!(choice.offered.last(), Some(&q("2019-20-Q1")));
    }

    #[test]
    fn values_are_entered_for_the_quarter_asked_else_the_last_one_ended() {
        let p = plan("2019-20");
        let today = d("2020-05-14");
        let asked = QuarterChoice::for_entry(&p, "2019-20-Q2", today);
        assert_eq!(asked.chosen, q("2019-20-Q2"));
        // 14 May 2020 is in Q1 2020-21; Q4 2019-20 ended on 31 March.
        let fallen_back = QuarterChoice::for_entry(&p, "", today);
        assert_eq!(fallen_back.chosen, q("2019-20-Q4"));
        assert_eq!(fallen_back.offered.first(), Some(&q("2020-21-Q1")));
        assert_eq!(fallen_back.offered.last(), Some(&q("2019-20-Q1")));
        assert!(fallen_back.offered.windows(2).all(|w| w[1] == w[0].previous()), "no gaps");
    }
}
