//! Where the person is in the app: the pages, as hash routes.
//!
//! Routes live in the URL fragment (`#/actions/…`) so that any static file
//! server, a USB stick or the offline cache can serve the app without
//! rewrite rules, and the browser's back button works. Parsing is plain code,
//! tested natively.

use crate::model::filter::ActionSort;
use crate::model::{ActionFilter, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Choose or create a workspace.
    Workspaces,
    NewWorkspace,
    RenameWorkspace(String),
    DeleteWorkspace(String),
    /// The plan at a glance: themes and their actions.
    Plan,
    /// Edit the plan's title, period, vision, duties, values and year.
    EditPlan,
    /// The whole plan as a document to print (seed 001's shape).
    PlanDocument,
    Theme(String),
    /// Add (`None`) or edit a priority theme.
    ThemeForm(Option<String>),
    /// Delete a theme, choosing where its actions and indicators go.
    DeleteTheme(String),
    Actions(ActionFilter),
    NewAction,
    Action(String),
    EditAction(String),
    AddProgress(String),
    DeleteAction(String),
    History,
    /// Performance indicators, by theme.
    Indicators,
    Indicator(String),
    /// Define (`None`) or edit an indicator.
    IndicatorForm(Option<String>),
    DeleteIndicator(String),
    /// Enter a quarter's values: (theme id, quarter code); empty = choose.
    RecordValues(String, String),
    /// Share with partners: download this partnership, open a partner's file.
    Share,
    /// Make a copy without chosen sensitive text, to share outside.
    RedactedCopy,
    /// The strategic assessment for a year ("" = the latest).
    Assessment(String),
    /// Score an issue: (assessment id, issue id or "new").
    AssessedIssue(String, String),
    /// Resident questionnaires and what they found.
    Consultations,
    /// A questionnaire in kiosk mode, for residents to fill in one by one.
    Kiosk(String),
    /// Start kiosk mode on a questionnaire, choosing a PIN to leave it.
    StartKiosk(String),
    /// Word the worries residents choose from on a questionnaire.
    WorryWording(String),
    /// Partner workshops: list and set up.
    Workshops,
    /// Run one workshop on a tablet.
    Workshop(String),
    /// Confirm deleting one progress update: (action id, update id).
    DeleteProgress(String, String),
    /// Excel and CSV: download the plan, import a tracker.
    Spreadsheets,
    /// The plan at a glance and what needs chasing, for a quarter
    /// ("2019-20-Q3"; empty for the plan's current quarter).
    Dashboard(String),
    /// Open a partner's file (or a backup) as a partnership on this device.
    OpenFile,
    /// Member organisations and sub-groups.
    Structure,
    /// Add (`None`) or edit a member organisation.
    MemberForm(Option<String>),
    RemoveMember(String),
    SubGroupForm(Option<String>),
    RemoveSubGroup(String),
    /// Meetings and awareness campaigns.
    Calendar,
    NewEvent,
    EditEvent(String),
    DeleteEvent(String),
    /// The reports the partnership sends to others.
    Reports,
    /// The business plan table for a financial year ("2019-20"; empty for
    /// the plan's current action plan year).
    BusinessPlan(String),
    /// A theme lead's quarterly report: (theme id, quarter code such as
    /// "2019-20-Q3"); empty parts mean "choose for me".
    QuarterlyReport(String, String),
    /// Write a theme lead's commentary: (theme id, quarter code).
    EditCommentary(String, String),
    /// The annual overview to scrutiny for a financial year (empty: the plan's year).
    AnnualReport(String),
    /// Write one section of the annual overview: (year, section code).
    EditAnnualSection(String, String),
    /// Write a report's cover block, by the report's key such as
    /// "annual/2019-20" (see `report::cover::Paper::key`).
    EditCover(String),
    Settings,
    /// Deliberately fails, so support staff (and the end-to-end tests) can
    /// check that a crash shows the recovery page rather than freezing.
    CrashTest,
    /// Times the heavy work (reports, imports) on a large generated
    /// partnership in this browser, for support staff and benchmarks (the
    /// page titled "Performance check"; not the performance indicators).
    SpeedCheck,
    NotFound,
}

impl Route {
    /// Pages that work without an open workspace.
    pub fn needs_workspace(&self) -> bool {
        !matches!(
            self,
            Route::Workspaces
                | Route::NewWorkspace
                | Route::RenameWorkspace(_)
                | Route::DeleteWorkspace(_)
                | Route::Settings
                | Route::Share
                | Route::OpenFile
                | Route::CrashTest
                | Route::SpeedCheck
                | Route::NotFound
        )
    }

    /// Whether a location hash is a page address at all. In-page anchors
    /// such as the skip link's `#main-content` are not.
    pub fn is_route_hash(hash: &str) -> bool {
        hash.is_empty() || hash == "#" || hash.starts_with("#/")
    }

    /// Reads a location hash such as `#/actions?status=at-risk`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Plan,
            ["workspaces"] => Route::Workspaces,
            ["workspaces", "new"] => Route::NewWorkspace,
            ["workspaces", id, "rename"] => Route::RenameWorkspace(decode(id)),
            ["workspaces", id, "delete"] => Route::DeleteWorkspace(decode(id)),
            ["plan"] => Route::Plan,
            ["plan", "edit"] => Route::EditPlan,
            ["themes", "new"] => Route::ThemeForm(None),
            ["plan", "document"] => Route::PlanDocument,
            ["themes", id] => Route::Theme(decode(id)),
            ["themes", id, "edit"] => Route::ThemeForm(Some(decode(id))),
            ["themes", id, "delete"] => Route::DeleteTheme(decode(id)),
            ["actions"] => Route::Actions(parse_filter(query)),
            ["actions", "new"] => Route::NewAction,
            ["actions", id] => Route::Action(decode(id)),
            ["actions", id, "edit"] => Route::EditAction(decode(id)),
            ["actions", id, "progress"] => Route::AddProgress(decode(id)),
            ["actions", id, "delete"] => Route::DeleteAction(decode(id)),
            ["history"] => Route::History,
            ["dashboard"] => Route::Dashboard(query_value(query, "quarter")),
            ["open"] => Route::OpenFile,
            ["spreadsheets"] => Route::Spreadsheets,
            ["share"] => Route::Share,
            ["share", "redacted"] => Route::RedactedCopy,
            ["assessment"] => Route::Assessment(query_value(query, "year")),
            ["assessment", a, "issues", i] => Route::AssessedIssue(decode(a), decode(i)),
            ["consultation"] => Route::Consultations,
            ["consultation", id, "kiosk"] => Route::Kiosk(decode(id)),
            ["consultation", id, "start"] => Route::StartKiosk(decode(id)),
            ["consultation", id, "worries"] => Route::WorryWording(decode(id)),
            ["workshops"] => Route::Workshops,
            ["workshops", id] => Route::Workshop(decode(id)),
            ["actions", id, "progress", update, "delete"] => Route::DeleteProgress(decode(id), decode(update)),
            ["indicators"] => Route::Indicators,
            ["indicators", "new"] => Route::IndicatorForm(None),
            ["indicators", "record"] => Route::RecordValues(query_value(query, "theme"), query_value(query, "quarter")),
            ["indicators", id] => Route::Indicator(decode(id)),
            ["indicators", id, "edit"] => Route::IndicatorForm(Some(decode(id))),
            ["indicators", id, "delete"] => Route::DeleteIndicator(decode(id)),
            ["structure"] => Route::Structure,
            ["structure", "members", "new"] => Route::MemberForm(None),
            ["structure", "members", id] => Route::MemberForm(Some(decode(id))),
            ["structure", "members", id, "remove"] => Route::RemoveMember(decode(id)),
            ["structure", "sub-groups", "new"] => Route::SubGroupForm(None),
            ["structure", "sub-groups", id] => Route::SubGroupForm(Some(decode(id))),
            ["structure", "sub-groups", id, "remove"] => Route::RemoveSubGroup(decode(id)),
            ["calendar"] => Route::Calendar,
            ["calendar", "new"] => Route::NewEvent,
            ["calendar", id, "edit"] => Route::EditEvent(decode(id)),
            ["calendar", id, "delete"] => Route::DeleteEvent(decode(id)),
            ["reports"] => Route::Reports,
            ["reports", "quarterly"] => {
                Route::QuarterlyReport(query_value(query, "theme"), query_value(query, "quarter"))
            }
            ["reports", "quarterly", theme, quarter] => Route::EditCommentary(decode(theme), decode(quarter)),
            ["reports", "annual"] => Route::AnnualReport(query_value(query, "year")),
            ["reports", "annual", year, section] => Route::EditAnnualSection(decode(year), decode(section)),
            ["reports", "business-plan"] => Route::BusinessPlan(query_value(query, "year")),
            ["reports", "cover"] => Route::EditCover(query_value(query, "report")),
            ["settings"] => Route::Settings,
            ["support", "crash-test"] => Route::CrashTest,
            ["support", "performance"] => Route::SpeedCheck,
            _ => Route::NotFound,
        }
    }

    /// The `href` for a link to this page.
    pub fn href(&self) -> String {
        let path = match self {
            Route::Workspaces => "/workspaces".to_string(),
            Route::NewWorkspace => "/workspaces/new".to_string(),
            Route::RenameWorkspace(id) => format!("/workspaces/{}/rename", encode(id)),
            Route::DeleteWorkspace(id) => format!("/workspaces/{}/delete", encode(id)),
            Route::Plan => "/".to_string(),
            Route::EditPlan => "/plan/edit".to_string(),
            Route::PlanDocument => "/plan/document".to_string(),
            Route::Theme(id) => format!("/themes/{}", encode(id)),
            Route::ThemeForm(None) => "/themes/new".to_string(),
            Route::ThemeForm(Some(id)) => format!("/themes/{}/edit", encode(id)),
            Route::DeleteTheme(id) => format!("/themes/{}/delete", encode(id)),
            Route::Actions(filter) => {
                let q = filter_query(filter);
                if q.is_empty() { "/actions".to_string() } else { format!("/actions?{q}") }
            }
            Route::NewAction => "/actions/new".to_string(),
            Route::Action(id) => format!("/actions/{}", encode(id)),
            Route::EditAction(id) => format!("/actions/{}/edit", encode(id)),
            Route::AddProgress(id) => format!("/actions/{}/progress", encode(id)),
            Route::DeleteAction(id) => format!("/actions/{}/delete", encode(id)),
            Route::History => "/history".to_string(),
            Route::Dashboard(quarter) if quarter.is_empty() => "/dashboard".to_string(),
            Route::Dashboard(quarter) => format!("/dashboard?quarter={}", encode(quarter)),
            Route::OpenFile => "/open".to_string(),
            Route::Spreadsheets => "/spreadsheets".to_string(),
            Route::Share => "/share".to_string(),
            Route::RedactedCopy => "/share/redacted".to_string(),
            Route::Assessment(year) if year.is_empty() => "/assessment".to_string(),
            Route::Assessment(year) => format!("/assessment?year={}", encode(year)),
            Route::AssessedIssue(a, i) => format!("/assessment/{}/issues/{}", encode(a), encode(i)),
            Route::Consultations => "/consultation".to_string(),
            Route::Kiosk(id) => format!("/consultation/{}/kiosk", encode(id)),
            Route::StartKiosk(id) => format!("/consultation/{}/start", encode(id)),
            Route::WorryWording(id) => format!("/consultation/{}/worries", encode(id)),
            Route::Workshops => "/workshops".to_string(),
            Route::Workshop(id) => format!("/workshops/{}", encode(id)),
            Route::DeleteProgress(id, update) => format!("/actions/{}/progress/{}/delete", encode(id), encode(update)),
            Route::Indicators => "/indicators".to_string(),
            Route::Indicator(id) => format!("/indicators/{}", encode(id)),
            Route::IndicatorForm(None) => "/indicators/new".to_string(),
            Route::IndicatorForm(Some(id)) => format!("/indicators/{}/edit", encode(id)),
            Route::DeleteIndicator(id) => format!("/indicators/{}/delete", encode(id)),
            Route::RecordValues(theme, quarter) => {
                format!("/indicators/record?theme={}&quarter={}", encode(theme), encode(quarter))
            }
            Route::Structure => "/structure".to_string(),
            Route::MemberForm(None) => "/structure/members/new".to_string(),
            Route::MemberForm(Some(id)) => format!("/structure/members/{}", encode(id)),
            Route::RemoveMember(id) => format!("/structure/members/{}/remove", encode(id)),
            Route::SubGroupForm(None) => "/structure/sub-groups/new".to_string(),
            Route::SubGroupForm(Some(id)) => format!("/structure/sub-groups/{}", encode(id)),
            Route::RemoveSubGroup(id) => format!("/structure/sub-groups/{}/remove", encode(id)),
            Route::Calendar => "/calendar".to_string(),
            Route::NewEvent => "/calendar/new".to_string(),
            Route::EditEvent(id) => format!("/calendar/{}/edit", encode(id)),
            Route::DeleteEvent(id) => format!("/calendar/{}/delete", encode(id)),
            Route::Reports => "/reports".to_string(),
            Route::QuarterlyReport(theme, quarter) => {
                let mut parts = Vec::new();
                if !theme.is_empty() {
                    parts.push(format!("theme={}", encode(theme)));
                }
                if !quarter.is_empty() {
                    parts.push(format!("quarter={}", encode(quarter)));
                }
                if parts.is_empty() {
                    "/reports/quarterly".to_string()
                } else {
                    format!("/reports/quarterly?{}", parts.join("&"))
                }
            }
            Route::EditCommentary(theme, quarter) => {
                format!("/reports/quarterly/{}/{}", encode(theme), encode(quarter))
            }
            Route::AnnualReport(year) if year.is_empty() => "/reports/annual".to_string(),
            Route::AnnualReport(year) => format!("/reports/annual?year={}", encode(year)),
            Route::EditAnnualSection(year, section) => {
                format!("/reports/annual/{}/{}", encode(year), encode(section))
            }
            Route::BusinessPlan(year) if year.is_empty() => "/reports/business-plan".to_string(),
            Route::BusinessPlan(year) => format!("/reports/business-plan?year={}", encode(year)),
            Route::EditCover(report) => format!("/reports/cover?report={}", encode(report)),
            Route::Settings => "/settings".to_string(),
            Route::CrashTest => "/support/crash-test".to_string(),
            Route::SpeedCheck => "/support/performance".to_string(),
            Route::NotFound => "/not-found".to_string(),
        };
        format!("#{path}")
    }
}

/// One value from a `key=value&…` query, decoded; empty when absent.
fn query_value(query: &str, key: &str) -> String {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| decode(v))
        .unwrap_or_default()
}

fn parse_filter(query: &str) -> ActionFilter {
    let mut filter = ActionFilter::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        match k {
            "theme" => filter.theme_id = v,
            "status" => filter.status = Status::from_code(&v),
            "lead" => filter.lead = v,
            "q" => filter.text = v,
            "mine" => filter.mine = v == "1",
            "sort" => filter.sort = ActionSort::from_code(&v).unwrap_or_default(),
            _ => {}
        }
    }
    filter
}

fn filter_query(f: &ActionFilter) -> String {
    let mut parts = Vec::new();
    if !f.theme_id.is_empty() {
        parts.push(format!("theme={}", encode(&f.theme_id)));
    }
    if let Some(s) = f.status {
        parts.push(format!("status={}", s.code()));
    }
    if !f.lead.is_empty() {
        parts.push(format!("lead={}", encode(&f.lead)));
    }
    if !f.text.is_empty() {
        parts.push(format!("q={}", encode(&f.text)));
    }
    if f.mine {
        parts.push("mine=1".to_string());
    }
    if f.sort != ActionSort::default() {
        parts.push(format!("sort={}", f.sort.code()));
    }
    parts.join("&")
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Reverses [`encode`]; `+` is a space, as forms send it. Invalid escapes are
/// kept as typed rather than failing.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_their_links() {
        let filter = ActionFilter {
            theme_id: "t1".into(),
            status: Some(Status::AtRisk),
            lead: "Luton Council".into(),
            text: "town centre & PSPO".into(),
            mine: true,
            sort: ActionSort::LastUpdate,
        };
        for route in [
            Route::Workspaces,
            Route::NewWorkspace,
            Route::RenameWorkspace("w 1".into()),
            Route::DeleteWorkspace("w1".into()),
            Route::Plan,
            Route::PlanDocument,
            Route::Theme("abc".into()),
            Route::EditPlan,
            Route::ThemeForm(None),
            Route::ThemeForm(Some("domestic abuse".into())),
            Route::DeleteTheme("t1".into()),
            Route::Actions(ActionFilter::default()),
            Route::Actions(filter),
            Route::NewAction,
            Route::Action("a1".into()),
            Route::EditAction("a1".into()),
            Route::AddProgress("a1".into()),
            Route::DeleteAction("a1".into()),
            Route::History,
            Route::Dashboard(String::new()),
            Route::Dashboard("2019-20-Q4".into()),
            Route::OpenFile,
            Route::Spreadsheets,
            Route::Share,
            Route::RedactedCopy,
            Route::Assessment(String::new()),
            Route::Assessment("2019".into()),
            Route::AssessedIssue("a 1".into(), "new".into()),
            Route::Consultations,
            Route::Kiosk("q1".into()),
            Route::StartKiosk("q 1".into()),
            Route::WorryWording("q1".into()),
            Route::Workshops,
            Route::Workshop("w 1".into()),
            Route::DeleteProgress("a 1".into(), "u1".into()),
            Route::Indicators,
            Route::Indicator("i1".into()),
            Route::IndicatorForm(None),
            Route::IndicatorForm(Some("i1".into())),
            Route::DeleteIndicator("i1".into()),
            Route::RecordValues("town-centre".into(), "2019-20-Q4".into()),
            Route::Structure,
            Route::MemberForm(None),
            Route::MemberForm(Some("o 1".into())),
            Route::RemoveMember("o1".into()),
            Route::SubGroupForm(None),
            Route::SubGroupForm(Some("g1".into())),
            Route::RemoveSubGroup("g1".into()),
            Route::Calendar,
            Route::NewEvent,
            Route::EditEvent("e1".into()),
            Route::DeleteEvent("e1".into()),
            Route::Reports,
            Route::BusinessPlan(String::new()),
            Route::BusinessPlan("2019-20".into()),
            Route::QuarterlyReport(String::new(), String::new()),
            Route::QuarterlyReport("town-centre".into(), String::new()),
            Route::QuarterlyReport("town-centre".into(), "2019-20-Q3".into()),
            Route::EditCommentary("town-centre".into(), "2019-20-Q3".into()),
            Route::AnnualReport(String::new()),
            Route::AnnualReport("2019-20".into()),
            Route::EditAnnualSection("2019-20".into(), "year-ahead".into()),
            Route::EditCover("annual/2019-20".into()),
            Route::EditCover("quarterly/domestic-abuse/2019-20-Q3".into()),
            Route::Settings,
            Route::CrashTest,
            Route::SpeedCheck,
        ] {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn plan_and_theme_pages_have_readable_addresses() {
        assert_eq!(Route::EditPlan.href(), "#/plan/edit");
        assert_eq!(Route::parse("#/themes/new"), Route::ThemeForm(None));
        assert_eq!(Route::ThemeForm(Some("t 1".into())).href(), "#/themes/t%201/edit");
        assert_eq!(Route::parse("#/themes/t1/delete"), Route::DeleteTheme("t1".into()));
        assert!(Route::EditPlan.needs_workspace() && Route::ThemeForm(None).needs_workspace());
    }

    #[test]
    fn a_cover_form_address_keeps_its_report_key_in_one_query_value() {
        let route = Route::EditCover("quarterly/domestic-abuse/2019-20-Q3".into());
        assert_eq!(route.href(), "#/reports/cover?report=quarterly%2Fdomestic-abuse%2F2019-20-Q3");
        assert_eq!(Route::parse("#/plan/document"), Route::PlanDocument);
        assert_eq!(Route::parse("#/consultation/abc/start"), Route::StartKiosk("abc".into()));
    }

    #[test]
    fn in_page_anchors_are_not_routes() {
        assert!(Route::is_route_hash("#/actions"));
        assert!(Route::is_route_hash(""));
        assert!(!Route::is_route_hash("#main-content"));
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(Route::parse(""), Route::Plan);
        assert_eq!(Route::parse("#/"), Route::Plan);
    }

    #[test]
    fn decoding_tolerates_bad_escapes() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%C2%A3"), "£");
        assert_eq!(decode("%é%"), "%é%");
    }
}
