//! The cover block of a committee paper: which body the report goes to, the
//! meeting date, who it is the report of, the author's role, its purpose
//! and what the committee is asked to do (seed 000's "DATE OF MEETING /
//! REPORT OF / REPORT AUTHOR / PURPOSE / RECOMMENDATIONS" block).
//!
//! A cover is kept in the document per report and period (see
//! [`Paper`]), as one typed item in the `covers` map,
//! so saving the form is one signed change and every partner prints the
//! same cover. It is typed rather than a set of report notes because its
//! short fields (committee, roles, date) are labels a person should settle
//! when two partners change them at once, not text to interleave; the two
//! long fields are [`Narrative`]s so concurrent edits to them merge.

use autosurgeon::{Hydrate, Reconcile};

use super::performance::{parse_financial_year, parse_quarter_code, quarter_code};
use super::{Date, FieldErrors, FinancialQuarter, FinancialYear, Narrative, Partnership};

/// Longest committee name, role or "report of" accepted: a line on a cover,
/// not a paragraph.
pub const MAX_COVER_LINE_CHARS: usize = 200;

/// A report's cover block as stored.
#[derive(Debug, Clone, Default, PartialEq, Reconcile, Hydrate)]
pub struct Cover {
    /// The body the report goes to: "Overview and Scrutiny Board (Crime
    /// and Disorder Committee)".
    pub committee: String,
    /// The day of the meeting, if known.
    #[autosurgeon(missing = "Default::default")]
    pub meeting: Option<Date>,
    /// Whose report it is: "Community Safety Partnership Executive".
    pub report_of: String,
    /// The author's role (never a private person's name in shared data):
    /// "Community Safety Partnership Manager".
    pub author_role: String,
    /// Why the report comes to the committee.
    #[autosurgeon(missing = "Default::default")]
    pub purpose: Narrative,
    /// What the committee is asked to do, one per line. Always empty for
    /// the annual overview, whose recommendations are its own section.
    #[autosurgeon(missing = "Default::default")]
    pub recommendations: Narrative,
}

impl Cover {
    /// Recommendations as separate lines, without any bullet or numbering
    /// the author typed, for showing as a numbered list.
    pub fn recommendation_lines(text: &str) -> Vec<String> {
        text.lines()
            .map(|l| l.trim().trim_start_matches(['-', '•', '*']).trim())
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The cover form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoverDraft {
    pub committee: String,
    /// ISO date from `<input type=date>` (UK order is read too), or empty.
    pub meeting: String,
    pub report_of: String,
    pub author_role: String,
    pub purpose: String,
    pub recommendations: String,
}

impl CoverDraft {
    /// The form for an existing cover, exactly as stored, so saving it
    /// untouched changes nothing.
    pub fn from_cover(cover: &Cover) -> CoverDraft {
        CoverDraft {
            committee: cover.committee.clone(),
            meeting: cover.meeting.map(Date::iso).unwrap_or_default(),
            report_of: cover.report_of.clone(),
            author_role: cover.author_role.clone(),
            purpose: cover.purpose.to_string(),
            recommendations: cover.recommendations.to_string(),
        }
    }

    /// A new cover's form started from the last one written for the same
    /// kind of report: the committee, "report of" and author rarely change
    /// between meetings, while the date, purpose and recommendations do.
    pub fn following(previous: &Cover) -> CoverDraft {
        CoverDraft {
            committee: previous.committee.clone(),
            report_of: previous.report_of.clone(),
            author_role: previous.author_role.clone(),
            ..CoverDraft::default()
        }
    }

    /// Checks the form. The committee is required (a cover says where the
    /// paper goes); everything else may be left blank.
    ///
    /// # Errors
    /// GOV.UK-worded messages against `committee`, `meeting`, `report_of`
    /// and `author_role`.
    pub fn validate(&self) -> Result<Cover, FieldErrors> {
        let mut errors = FieldErrors::default();
        let committee = self.committee.trim();
        if committee.is_empty() {
            errors.add("committee", "Enter the committee or board the report goes to");
        }
        for (field, value, what) in [
            ("committee", committee, "Committee"),
            ("report_of", self.report_of.trim(), "Report of"),
            ("author_role", self.author_role.trim(), "Author's role"),
        ] {
            if value.chars().count() > MAX_COVER_LINE_CHARS {
                errors.add(field, format!("{what} must be {MAX_COVER_LINE_CHARS} characters or fewer"));
            }
        }
        let meeting = match self.meeting.trim() {
            "" => None,
            text => match text.parse::<Date>() {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.add("meeting", "Meeting date must be a real date, for example 2 March 2020");
                    None
                }
            },
        };
        errors.into_result(Cover {
            committee: committee.to_string(),
            meeting,
            report_of: self.report_of.trim().to_string(),
            author_role: self.author_role.trim().to_string(),
            purpose: Narrative::new(self.purpose.trim()),
            recommendations: Narrative::new(self.recommendations.trim()),
        })
    }
}

/// A report that goes to a committee as a paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paper {
    /// The annual overview to the scrutiny committee.
    Annual(FinancialYear),
    /// The year's business plan table, for the partnership executive.
    BusinessPlan(FinancialYear),
    /// A theme lead's quarterly accountability report: (theme id, quarter).
    Quarterly(String, FinancialQuarter),
}

impl Paper {
    /// Where its cover is kept: `annual/2019-20`.
    pub fn key(&self) -> String {
        match self {
            Paper::Annual(year) => format!("annual/{year}"),
            Paper::BusinessPlan(year) => format!("business-plan/{year}"),
            Paper::Quarterly(theme, quarter) => format!("quarterly/{theme}/{}", quarter_code(*quarter)),
        }
    }

    /// Reads a key written by [`Paper::key`]; anything else (including
    /// another spelling of the same period) is `None`.
    pub fn from_key(key: &str) -> Option<Paper> {
        let parts: Vec<&str> = key.split('/').collect();
        let paper = match parts.as_slice() {
            ["annual", year] => parse_financial_year(year).map(Paper::Annual),
            ["business-plan", year] => parse_financial_year(year).map(Paper::BusinessPlan),
            ["quarterly", theme, quarter] if !theme.is_empty() => {
                parse_quarter_code(quarter).map(|q| Paper::Quarterly((*theme).to_string(), q))
            }
            _ => None,
        };
        paper.filter(|p| p.key() == key)
    }

    /// The start of the key shared by every period of the same kind of
    /// report (every quarter of one theme counts as the same kind).
    pub(crate) fn kind_prefix(&self) -> String {
        match self {
            Paper::Annual(_) => "annual/".to_string(),
            Paper::BusinessPlan(_) => "business-plan/".to_string(),
            Paper::Quarterly(theme, _) => format!("quarterly/{theme}/"),
        }
    }

    /// The report's title, which the cover calls its subject.
    pub fn title(&self, plan: &Partnership) -> String {
        match self {
            Paper::Annual(year) => format!("Annual overview {year}"),
            Paper::BusinessPlan(year) => format!("Business plan {year}"),
            Paper::Quarterly(theme, quarter) => {
                format!("{}: quarterly report {quarter}", plan.theme(theme).map_or("Theme", |t| t.name.as_str()))
            }
        }
    }

    /// How the history names its cover: "cover details of the annual overview 2019-20".
    pub fn label(&self, plan: &Partnership) -> String {
        let title = self.title(plan);
        let mut chars = title.chars();
        let title = chars.next().map(|c| c.to_lowercase().chain(chars).collect::<String>()).unwrap_or_default();
        format!("cover details of the {title}")
    }

    /// Whether the cover form asks for recommendations. The annual overview
    /// keeps its recommendations as its own section (written on its page),
    /// so the cover shows that section instead of a second copy.
    pub fn asks_for_recommendations(&self) -> bool {
        !matches!(self, Paper::Annual(_))
    }

    /// The stored cover, if one was written.
    pub fn cover<'a>(&self, plan: &'a Partnership) -> Option<&'a Cover> {
        plan.covers.get(&self.key())
    }

    /// The form to show: this paper's cover as stored, else one started
    /// from the latest cover of the same kind of report (by meeting date,
    /// then key), else blank.
    pub fn draft(&self, plan: &Partnership) -> CoverDraft {
        if let Some(cover) = self.cover(plan) {
            return CoverDraft::from_cover(cover);
        }
        let prefix = self.kind_prefix();
        plan.covers
            .iter()
            .filter(|(key, _)| key.starts_with(&prefix))
            .max_by_key(|(key, cover)| (cover.meeting, key.as_str()))
            .map(|(_, cover)| CoverDraft::following(cover))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_000() -> CoverDraft {
        CoverDraft {
            committee: " Overview and Scrutiny Board (Crime and Disorder Committee) ".into(),
            meeting: "2020-03-02".into(),
            report_of: "Community Safety Partnership Executive".into(),
            author_role: "Community Safety Partnership Manager".into(),
            purpose: "To review and comment on the Community Safety Partnership Plan for 2020 – 2024.".into(),
            recommendations: "- Endorse the Community Safety Partnership Plan 2020 2024\n\n(ii) note the model".into(),
        }
    }

    #[test]
    fn a_cover_in_the_shape_of_seed_000_is_accepted_and_trimmed() {
        let cover = seed_000().validate().expect("valid");
        assert_eq!(cover.committee, "Overview and Scrutiny Board (Crime and Disorder Committee)");
        assert_eq!(cover.meeting.map(|d| d.to_string()).as_deref(), Some("2 March 2020"));
        assert_eq!(
            Cover::recommendation_lines(cover.recommendations.as_str()),
            ["Endorse the Community Safety Partnership Plan 2020 2024", "(ii) note the model"]
        );
        assert_eq!(CoverDraft::from_cover(&cover).validate(), Ok(cover), "an untouched form round-trips");
    }

    #[test]
    fn a_cover_needs_a_committee_and_a_real_meeting_date() {
        let draft = CoverDraft { committee: "  ".into(), meeting: "31/02/2020".into(), ..seed_000() };
        let errors = draft.validate().expect_err("invalid");
        assert_eq!(errors.get("committee"), Some("Enter the committee or board the report goes to"));
        assert_eq!(errors.get("meeting"), Some("Meeting date must be a real date, for example 2 March 2020"));
        let long = CoverDraft { report_of: "x".repeat(201), ..seed_000() };
        assert_eq!(
            long.validate().expect_err("too long").get("report_of"),
            Some("Report of must be 200 characters or fewer")
        );
        let uk_order = CoverDraft { meeting: "11/01/2024".into(), ..seed_000() };
        assert_eq!(uk_order.validate().map(|c| c.meeting.map(Date::iso)), Ok(Some("2024-01-11".to_string())));
    }

    #[test]
    fn the_next_cover_keeps_who_and_where_but_not_what_or_when() {
        let last = seed_000().validate().expect("valid");
        let next = CoverDraft::following(&last);
        assert_eq!(next.committee, last.committee);
        assert_eq!(next.author_role, "Community Safety Partnership Manager");
        assert_eq!((next.meeting.as_str(), next.purpose.as_str(), next.recommendations.as_str()), ("", "", ""));
    }
}
