//! A theme lead's quarterly accountability report to the partnership
//! executive (seed 000: "theme leads will provide accountability reports to
//! the CSP Executive on a quarterly basis"): the lead's commentary, every
//! action of the theme with its status and latest progress, and what changed
//! since the previous quarter.

use crate::model::performance::Trend;
pub use crate::model::performance::{parse_quarter_code, quarter_code};
use crate::model::{Action, Date, FinancialQuarter, FinancialYear, Indicator, Partnership, Rag, Status, Theme};

#[derive(Debug, Clone, PartialEq)]
pub struct QuarterlyReport {
    pub partnership: String,
    pub theme_id: String,
    pub theme: String,
    pub lead: String,
    pub quarter: FinancialQuarter,
    /// The theme lead's commentary for the quarter (a report note).
    pub commentary: String,
    pub actions: Vec<QuarterLine>,
    pub indicators: Vec<IndicatorLine>,
}

/// An indicator as it stood in the quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub indicator_id: String,
    pub name: String,
    /// The target, with the figure for this quarter's period where it is
    /// shared out or added up (see [`Indicator::target_text_for`]).
    pub target: String,
    /// Formatted with its unit; `None` when the quarter's value is missing.
    pub value: Option<String>,
    pub rag: Option<Rag>,
    pub trend: Trend,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuarterLine {
    pub action_id: String,
    pub number: String,
    pub title: String,
    pub leads: String,
    pub due: Option<Date>,
    /// At the end of the quarter.
    pub status: Status,
    /// At the end of the previous quarter.
    pub previous_status: Status,
    /// Updates dated within the quarter, oldest first.
    pub updates: Vec<(Date, Status, String)>,
}

impl QuarterLine {
    /// How the action moved during the quarter, in words for the report.
    pub fn change(&self) -> String {
        match (self.updates.len(), self.previous_status == self.status) {
            (0, _) => "No update this quarter".to_string(),
            (n, true) => {
                format!("{n} update{}; still {}", if n == 1 { "" } else { "s" }, self.status.label().to_lowercase())
            }
            (n, false) => format!(
                "{n} update{}; {} → {}",
                if n == 1 { "" } else { "s" },
                self.previous_status.label().to_lowercase(),
                self.status.label().to_lowercase()
            ),
        }
    }
}

impl QuarterlyReport {
    /// The name its spreadsheet downloads under, from the theme's name:
    /// "Domestic-Abuse-quarterly-report-2019-20-Q3.csv".
    pub fn csv_file_name(&self) -> String {
        let theme = crate::model::file_stem(&self.theme);
        let theme = if theme.is_empty() { "theme".to_string() } else { theme };
        format!("{theme}-quarterly-report-{}.csv", quarter_code(self.quarter))
    }

    pub fn build(plan: &Partnership, theme: &Theme, quarter: FinancialQuarter) -> QuarterlyReport {
        let (start, end) = bounds(quarter);
        let actions = plan
            .actions_in_order()
            .into_iter()
            .filter(|a| a.theme_id.as_deref() == Some(&theme.id))
            .map(|a| line(a, start, end))
            .collect();
        QuarterlyReport {
            partnership: plan.name.clone(),
            theme_id: theme.id.clone(),
            theme: theme.name.clone(),
            lead: theme.lead(),
            quarter,
            commentary: plan.report_note(&commentary_key(&theme.id, quarter)).to_string(),
            actions,
            indicators: plan.indicators_for_theme(&theme.id).into_iter().map(|i| indicator_line(i, quarter)).collect(),
        }
    }

    pub fn title(&self) -> String {
        format!("{}: quarterly report {}", self.theme, self.quarter)
    }

    /// Counts of actions that changed status, had updates, or had none.
    pub fn summary(&self) -> (usize, usize, usize) {
        let changed = self.actions.iter().filter(|l| l.status != l.previous_status).count();
        let updated = self.actions.iter().filter(|l| !l.updates.is_empty()).count();
        (changed, updated, self.actions.len() - updated)
    }
}

/// Where a theme lead's commentary for a quarter is kept.
pub fn commentary_key(theme_id: &str, quarter: FinancialQuarter) -> String {
    format!("quarterly/{theme_id}/{}", quarter_code(quarter))
}

/// First and last day of a quarter.
pub fn bounds(q: FinancialQuarter) -> (Date, Date) {
    let start = FinancialYear(q.year.0).start();
    let (y, m) = match q.quarter {
        1 => (q.year.0, 4),
        2 => (q.year.0, 7),
        3 => (q.year.0, 10),
        _ => (q.year.0 + 1, 1),
    };
    let first = Date::new(y, m, 1).unwrap_or(start);
    let (ey, em, ed) = match q.quarter {
        1 => (q.year.0, 6, 30),
        2 => (q.year.0, 9, 30),
        3 => (q.year.0, 12, 31),
        _ => (q.year.0 + 1, 3, 31),
    };
    (first, Date::new(ey, em, ed).unwrap_or(first))
}

pub fn indicator_line(i: &Indicator, quarter: FinancialQuarter) -> IndicatorLine {
    IndicatorLine {
        indicator_id: i.id.clone(),
        name: i.name.clone(),
        target: i.target_text_for(quarter),
        value: i.value_in(quarter).map(|v| i.format(v)),
        rag: i.rag_in(quarter),
        trend: i.trend(quarter),
    }
}

fn line(action: &Action, start: Date, end: Date) -> QuarterLine {
    let status_at = |day: Date| {
        action
            .progress
            .values()
            .filter(|u| u.date <= day)
            .max_by_key(|u| (u.date, u.recorded_at))
            .map_or(Status::NotStarted, |u| u.status)
    };
    let day_before = Date::from_unix_seconds((start.days_since_epoch() - 1) * 86_400);
    let mut updates: Vec<_> = action.progress.values().filter(|u| u.date >= start && u.date <= end).collect();
    crate::sorting::sort_by_key(&mut updates, |u| (u.date, u.recorded_at));
    QuarterLine {
        action_id: action.id.clone(),
        number: action.number.clone(),
        title: action.title.clone(),
        leads: action.leads_text(),
        due: action.due,
        status: status_at(end),
        previous_status: status_at(day_before),
        updates: updates.into_iter().map(|u| (u.date, u.status, u.narrative.to_string())).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    fn quarter(code: &str) -> FinancialQuarter {
        parse_quarter_code(code).expect("quarter")
    }

    #[test]
    fn the_spreadsheet_is_named_after_the_theme_not_its_id() {
        let ws = crate::demo::workspace();
        let plan = ws.partnership();
        let theme = plan.theme("drugs-alcohol").expect("theme");
        let quarter = crate::model::performance::parse_quarter_code("2019-20-Q3").expect("quarter");
        let name = QuarterlyReport::build(plan, theme, quarter).csv_file_name();
        assert_eq!(name, "Drugs-alcohol-mental-health-quarterly-report-2019-20-Q3.csv");
    }

    #[test]
    fn quarter_codes_round_trip_and_cross_the_year_end() {
        let q4 = quarter("2019-20-Q4");
        assert_eq!(quarter_code(q4), "2019-20-Q4");
        assert_eq!(quarter("2020-21-Q1").previous(), q4);
        assert_eq!(q4.previous(), quarter("2019-20-Q3"));
        let (start, end) = bounds(q4);
        assert_eq!((start.to_string(), end.to_string()), ("1 January 2020".into(), "31 March 2020".into()));
        assert_eq!(parse_quarter_code("2019-20-Q5"), None);
        assert_eq!(parse_quarter_code("2019-21-Q1"), None);
        assert_eq!(parse_quarter_code("nonsense"), None);
    }

    #[test]
    fn the_domestic_abuse_lead_reports_q4_2019_20() {
        let ws = demo::workspace();
        let p = ws.partnership();
        let theme = p.theme("domestic-abuse").expect("theme");
        let report = QuarterlyReport::build(p, theme, quarter("2019-20-Q4"));
        assert_eq!(report.title(), "Domestic Abuse: quarterly report Q4 2019-20");
        let numbers: Vec<&str> = report.actions.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(numbers, ["6", "7", "9"]);
        let seven = &report.actions[1];
        assert_eq!((seven.previous_status, seven.status), (Status::NotStarted, Status::AtRisk));
        assert_eq!(seven.change(), "1 update; not started → at risk");
        assert_eq!(report.actions[0].change(), "No update this quarter");
        assert_eq!(report.summary(), (1, 1, 2));
        // Q4 values are not in yet: the report says so rather than guessing.
        assert_eq!(report.indicators.len(), 1);
        assert_eq!(report.indicators[0].value, None);
        let q3 = QuarterlyReport::build(p, theme, quarter("2019-20-Q3"));
        let marac = &q3.indicators[0];
        assert_eq!(marac.name, "Repeat referrals to MARAC");
        assert!(marac.value.as_deref().is_some_and(|v| v.ends_with('%')));
        assert!(marac.rag.is_some() && marac.trend.vs_previous_quarter.is_some());
        assert_eq!(marac.target, "At most 28%", "a rate is never shared out");
        let town = QuarterlyReport::build(p, p.theme("town-centre").expect("theme"), quarter("2019-20-Q3"));
        let burglary = town.indicators.iter().find(|l| l.name == "Burglary").expect("burglary");
        assert_eq!(
            (burglary.target.as_str(), burglary.value.as_deref(), burglary.rag),
            (
                "Reduce by 5% on 2018-19 (to 1,558 crimes a year); for Q3 2019-20: at most 389.5 crimes",
                Some("380 crimes"),
                Some(Rag::Green)
            ),
            "the report rates a quarter against a quarter's share, as the indicator page does"
        );
    }

    #[test]
    fn an_empty_theme_gives_an_empty_report() {
        let ws = demo::workspace();
        let p = ws.partnership();
        let theme = p.theme("drugs-alcohol").expect("theme");
        let report = QuarterlyReport::build(p, theme, quarter("2019-20-Q3"));
        assert!(report.actions.is_empty());
        assert_eq!(report.summary(), (0, 0, 0));
        assert_eq!(report.commentary, "");
    }
}
