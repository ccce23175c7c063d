//! Which committee paper a cover block belongs to, and the cover as the
//! paper prints it.
//!
//! Each report a partnership sends (the annual overview to scrutiny, the
//! business plan table, a theme lead's quarterly report) is a [`Paper`]: a
//! kind and a period. Its key (`annual/2019-20`,
//! `business-plan/2019-20`, `quarterly/<theme id>/2019-20-Q3`) is where its
//! [`Cover`] is kept in the document, so the cover of each report and
//! period is remembered on its own.

pub use crate::model::cover::Paper;
use crate::model::{Cover, Date, Partnership};

use super::annual::AnnualSection;

impl Paper {
    /// The cover as it prints, or `None` when nobody has written one.
    pub fn cover_block(&self, plan: &Partnership) -> Option<CoverBlock> {
        let cover = self.cover(plan)?;
        let recommendations = match self {
            Paper::Annual(year) => plan.report_note(&AnnualSection::Recommendations.key(*year)).to_string(),
            _ => cover.recommendations.to_string(),
        };
        Some(CoverBlock {
            committee: cover.committee.clone(),
            meeting: cover.meeting,
            report_of: cover.report_of.clone(),
            author_role: cover.author_role.clone(),
            subject: self.title(plan),
            purpose: cover.purpose.to_string(),
            recommendations: Cover::recommendation_lines(&recommendations),
        })
    }
}

/// A cover ready to lay out at the top of a paper.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverBlock {
    pub committee: String,
    pub meeting: Option<Date>,
    pub report_of: String,
    pub author_role: String,
    /// The report's title.
    pub subject: String,
    /// Paragraphs as written (empty when not written).
    pub purpose: String,
    /// One recommendation per entry, numbered when shown.
    pub recommendations: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Stamp;
    use crate::model::{Author, Narrative};
    use crate::model::{CoverDraft, FinancialQuarter, FinancialYear};

    fn cover(committee: &str, meeting: Option<&str>) -> Cover {
        Cover {
            committee: committee.into(),
            meeting: meeting.map(|m| m.parse().expect("date")),
            report_of: "Community Safety Partnership Executive".into(),
            author_role: "Community Safety Partnership Manager".into(),
            purpose: Narrative::new("To review the year."),
            recommendations: Narrative::new("- Note the report"),
        }
    }

    #[test]
    fn keys_round_trip_and_nothing_else_reads_as_a_paper() {
        let q = FinancialQuarter { year: FinancialYear(2019), quarter: 3 };
        for paper in [
            Paper::Annual(FinancialYear(2019)),
            Paper::BusinessPlan(FinancialYear(2020)),
            Paper::Quarterly("domestic-abuse".into(), q),
        ] {
            assert_eq!(Paper::from_key(&paper.key()), Some(paper.clone()), "{}", paper.key());
        }
        assert_eq!(Paper::Quarterly("domestic-abuse".into(), q).key(), "quarterly/domestic-abuse/2019-20-Q3");
        for bad in ["", "annual", "annual/2019", "quarterly//2019-20-Q3", "plan/2019-20", "annual/2019-20/x"] {
            assert_eq!(Paper::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_annual_cover_shows_the_recommendations_section_not_a_copy() {
        let mut ws = crate::demo::workspace();
        let me = Author::new("CSP Manager", "Luton Council");
        let year = FinancialYear(2019);
        let paper = Paper::Annual(year);
        assert_eq!(paper.cover_block(ws.partnership()), None, "nothing written yet");
        ws.write_cover(&Stamp::new(&me, 1), &paper, cover("Scrutiny Committee", Some("2024-01-11"))).expect("cover");
        let key = AnnualSection::Recommendations.key(year);
        let label = AnnualSection::Recommendations.label(year);
        ws.write_report_note(&Stamp::new(&me, 2), &key, &label, "- Endorse the plan\n- Note the year ahead")
            .expect("note");
        let block = paper.cover_block(ws.partnership()).expect("a cover");
        assert_eq!(block.subject, "Annual overview 2019-20");
        assert_eq!(block.recommendations, ["Endorse the plan", "Note the year ahead"]);
        assert_eq!(block.meeting.map(|d| d.to_string()).as_deref(), Some("11 January 2024"));
        assert!(!paper.asks_for_recommendations());

        let plan_paper = Paper::BusinessPlan(year);
        ws.write_cover(&Stamp::new(&me, 3), &plan_paper, cover("CSP Executive", None)).expect("cover");
        let block = plan_paper.cover_block(ws.partnership()).expect("a cover");
        assert_eq!(block.recommendations, ["Note the report"]);
        assert_eq!(plan_paper.label(ws.partnership()), "cover details of the business plan 2019-20");
    }

    #[test]
    fn a_new_period_starts_from_the_latest_cover_of_the_same_report() {
        let mut ws = crate::demo::workspace();
        let me = Author::new("CSP Manager", "Luton Council");
        let q = |quarter| FinancialQuarter { year: FinancialYear(2019), quarter };
        let da = |quarter| Paper::Quarterly("domestic-abuse".into(), q(quarter));
        ws.write_cover(&Stamp::new(&me, 1), &da(1), cover("Executive, July", Some("2019-07-10"))).expect("q1");
        ws.write_cover(&Stamp::new(&me, 2), &da(2), cover("Executive, October", Some("2019-10-09"))).expect("q2");
        ws.write_cover(&Stamp::new(&me, 3), &Paper::Annual(FinancialYear(2019)), cover("Scrutiny", Some("2020-03-02")))
            .expect("annual");
        let next = da(3).draft(ws.partnership());
        assert_eq!(next.committee, "Executive, October");
        assert_eq!((next.meeting.as_str(), next.purpose.as_str()), ("", ""));
        assert_eq!(da(1).draft(ws.partnership()).meeting, "2019-07-10", "its own cover, as stored");
        let other_theme = Paper::Quarterly("extremism".into(), q(3));
        assert_eq!(other_theme.draft(ws.partnership()), CoverDraft::default());
    }
}
