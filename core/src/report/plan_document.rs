//! The partnership plan as a document, in the shape partnerships publish
//! it (seed 001, appendix A to seed 000's committee paper): the vision and
//! the statutory duties it answers, the values, each priority theme with
//! its lead (why it is a priority, what we aim to achieve, what we will do,
//! measured through), and the partnership's structure (members and
//! sub-groups).
//!
//! Everything comes from the plan as stored; nothing here is written
//! specially for the document, so it is always the plan partners agreed.

use crate::model::{Partnership, Theme};

/// What the Crime and Disorder Act 1998 (s.6, as amended by the Police
/// Reform Act 2002 and the Police and Justice Act 2006) requires the
/// responsible authorities to plan for, in seed 000's words. The same for
/// every partnership in England and Wales.
pub const STATUTORY_DUTIES: [&str; 3] =
    ["Reduce crime and anti-social behaviour.", "Reduce re-offending.", "Tackle drug, alcohol and substance misuse."];

/// The whole plan, ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDocument {
    /// "Luton Community Safety Partnership".
    pub partnership: String,
    /// "Community Safety Partnership Plan 2020 – 2024", or a title made
    /// from the partnership's name when the plan has none.
    pub title: String,
    /// "2020 to 2024" (empty when not set).
    pub period: String,
    /// Paragraphs of the vision, as written.
    pub vision: String,
    /// The statutory duties the plan answers, one per entry: the plan's own
    /// words, or [`STATUTORY_DUTIES`] when the plan states none.
    pub duties: Vec<String>,
    /// "Trust", "Accountability", …
    pub values: Vec<String>,
    /// The priority themes in plan order.
    pub themes: Vec<PlanTheme>,
    /// Member organisations: (name, kind of organisation, role in the partnership).
    pub members: Vec<(String, String, String)>,
    pub sub_groups: Vec<PlanSubGroup>,
}

/// One priority theme as the plan presents it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanTheme {
    /// 1 for the first priority.
    pub number: usize,
    pub name: String,
    /// "Head of Youth Offending Service, Luton Council" (empty when none is set).
    pub lead: String,
    /// Why it is a priority: the problem profile in brief.
    pub why: String,
    pub aims: String,
    /// What we will do.
    pub commitments: String,
    /// Measured through: the plan's words.
    pub measured_through: String,
    /// The performance indicators the partnership tracks for it.
    pub indicators: Vec<String>,
}

/// A sub-group or board and what it delivers.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSubGroup {
    pub name: String,
    pub chair: String,
    /// The names of the priority themes it is responsible for, in plan order.
    pub themes: Vec<String>,
    pub purpose: String,
}

/// The plan's duties as written, one per line, with any "- ", "* " or "• "
/// bullet taken off; the Act's duties when the plan states none.
fn duties(written: &str) -> Vec<String> {
    let own: Vec<String> = written
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '*', '\u{2022}']).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if own.is_empty() { STATUTORY_DUTIES.iter().map(ToString::to_string).collect() } else { own }
}

impl PlanDocument {
    /// The document of `plan` as it is stored now.
    pub fn build(plan: &Partnership) -> PlanDocument {
        let title = if plan.plan.title.trim().is_empty() {
            format!("{} plan", plan.name)
        } else {
            plan.plan.title.trim().to_string()
        };
        let themes: Vec<&Theme> = plan.themes_in_order();
        PlanDocument {
            partnership: plan.name.clone(),
            title,
            period: plan.plan.period.trim().to_string(),
            vision: plan.plan.vision.to_string(),
            duties: duties(&plan.plan.duties.to_string()),
            values: plan.plan.values.iter().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect(),
            themes: themes
                .iter()
                .enumerate()
                .map(|(i, t)| PlanTheme {
                    number: i + 1,
                    name: t.name.clone(),
                    lead: t.lead(),
                    why: t.summary.to_string(),
                    aims: t.aims.to_string(),
                    commitments: t.commitments.to_string(),
                    measured_through: t.measured_through.to_string(),
                    indicators: plan.indicators_for_theme(&t.id).into_iter().map(|i| i.name.clone()).collect(),
                })
                .collect(),
            members: plan
                .organisations_in_order()
                .into_iter()
                .map(|o| (o.name.clone(), o.sector.label().to_string(), o.role.clone()))
                .collect(),
            sub_groups: plan
                .sub_groups_in_order()
                .into_iter()
                .map(|g| PlanSubGroup {
                    name: g.name.clone(),
                    chair: g.chair(),
                    themes: themes.iter().filter(|t| g.theme_ids.contains(&t.id)).map(|t| t.name.clone()).collect(),
                    purpose: g.purpose.to_string(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Stamp, Workspace};
    use crate::model::Author;

    #[test]
    fn the_demo_plan_reads_like_seed_001() {
        let ws = crate::demo::workspace();
        let doc = PlanDocument::build(ws.partnership());
        assert_eq!(doc.title, "Community Safety Partnership Plan 2020 \u{2013} 2024");
        assert_eq!(doc.period, "2020 to 2024");
        assert!(doc.vision.starts_with("Luton 2040: no-one in poverty."));
        assert_eq!(doc.duties.len(), 3);
        assert_eq!(doc.values, ["Trust", "Accountability", "Delivery", "Outcomes", "Collaboration"]);
        assert_eq!(doc.themes.len(), 7);
        let youth = doc.themes.iter().find(|t| t.name == "Youth Offending").expect("youth offending");
        assert_eq!(youth.lead, "Head of Youth Offending Service, Luton Council");
        assert!(youth.commitments.starts_with("Maintain a low level of first time entrants"));
        assert!(youth.measured_through.starts_with("The rate of first time entrants"));
        assert_eq!(doc.themes.iter().map(|t| t.number).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(doc.themes.iter().map(|t| t.indicators.len()).sum::<usize>(), 10, "every indicator under its theme");
        assert_eq!(doc.members.len(), 10);
        assert_eq!(doc.members[0], ("Luton Council".into(), "Council".into(), "Responsible authority".into()));
        let marac = doc.sub_groups.iter().find(|g| g.name == "MARAC Sub Group").expect("MARAC");
        assert_eq!(marac.themes, ["Domestic Abuse"]);
        assert_eq!(marac.chair, "Chair of the MARAC Sub Group, Luton Community Safety Partnership");
    }

    #[test]
    fn a_new_partnership_has_a_title_and_the_duties_but_nothing_invented() {
        let ws = Workspace::create("Dunstable CSP", "Central Bedfordshire", &Stamp::new(&Author::new("A", "B"), 0));
        let doc = PlanDocument::build(ws.partnership());
        assert_eq!(doc.title, "Dunstable CSP plan");
        assert_eq!(doc.duties[0], "Reduce crime and anti-social behaviour.");
        assert!(doc.vision.is_empty() && doc.values.is_empty() && doc.themes.is_empty());
        assert!(doc.members.is_empty() && doc.sub_groups.is_empty());
    }

    #[test]
    fn the_plan_s_own_duties_replace_the_act_s_one_per_line_without_bullets() {
        let me = Stamp::new(&Author::new("CSP Manager", "Barking and Dagenham Council"), 0);
        let mut ws = Workspace::create("Barking and Dagenham CSP", "Barking and Dagenham", &me);
        let mut draft = crate::model::PlanDraft::from_plan(&ws.partnership().plan);
        draft.title = "Community Safety Strategy 2022 to 2025".into();
        draft.duties = "- Reduce crime and disorder\n\n\u{2022} Reduce re-offending\n* Prevent serious violence (Police, Crime, Sentencing and Courts Act 2022)\n".into();
        ws.edit_plan(&me, &draft).expect("saved");
        let doc = PlanDocument::build(ws.partnership());
        assert_eq!(
            doc.duties,
            [
                "Reduce crime and disorder",
                "Reduce re-offending",
                "Prevent serious violence (Police, Crime, Sentencing and Courts Act 2022)"
            ]
        );
    }
}
