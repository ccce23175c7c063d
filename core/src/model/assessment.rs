//! The strategic assessment: the issues a partnership considers, scored on
//! a documented harm matrix, ranked, and compared with last year's
//! assessment ("how they have changed from the previous year").
//!
//! Each criterion is scored 1 (low) to 5 (high); a score left blank is
//! `None`. An issue's score is the weighted sum of its criteria, victim harm
//! being the mean of its three parts. An issue with blank scores is ranked
//! after every fully scored one, so a half-finished assessment never lifts
//! an issue above one the partners finished.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};

use super::Narrative;

/// One criterion of the matrix, with the question and scale shown on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Criterion {
    PhysicalHarm,
    PsychologicalHarm,
    FinancialHarm,
    CommunityHarm,
    Volume,
    Trend,
    PublicConcern,
    Capacity,
}

impl Criterion {
    pub const ALL: [Criterion; 8] = [
        Criterion::PhysicalHarm,
        Criterion::PsychologicalHarm,
        Criterion::FinancialHarm,
        Criterion::CommunityHarm,
        Criterion::Volume,
        Criterion::Trend,
        Criterion::PublicConcern,
        Criterion::Capacity,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Criterion::PhysicalHarm => "physical_harm",
            Criterion::PsychologicalHarm => "psychological_harm",
            Criterion::FinancialHarm => "financial_harm",
            Criterion::CommunityHarm => "community_harm",
            Criterion::Volume => "volume",
            Criterion::Trend => "trend",
            Criterion::PublicConcern => "public_concern",
            Criterion::Capacity => "capacity",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Criterion::PhysicalHarm => "Harm to victims: physical",
            Criterion::PsychologicalHarm => "Harm to victims: psychological",
            Criterion::FinancialHarm => "Harm to victims: financial",
            Criterion::CommunityHarm => "Harm to the community",
            Criterion::Volume => "Volume and frequency",
            Criterion::Trend => "Trend",
            Criterion::PublicConcern => "Public concern",
            Criterion::Capacity => "Partnership's capacity to act",
        }
    }

    /// What 1 and 5 mean, shown beside the scores.
    pub fn scale(self) -> &'static str {
        match self {
            Criterion::PhysicalHarm => "1 = no injury; 3 = injury needing treatment; 5 = serious injury or death",
            Criterion::PsychologicalHarm => "1 = passing upset; 3 = lasting distress; 5 = long-term trauma",
            Criterion::FinancialHarm => {
                "1 = no loss; 3 = loss a victim notices; 5 = loss of home, business or livelihood"
            }
            Criterion::CommunityHarm => {
                "1 = affects individuals only; 3 = a street or estate; 5 = the whole town's confidence"
            }
            Criterion::Volume => "1 = a handful of incidents a year; 3 = weekly; 5 = daily, across the area",
            Criterion::Trend => "1 = falling fast; 3 = steady; 5 = rising fast",
            Criterion::PublicConcern => {
                "1 = rarely raised; 3 = raised at meetings and surveys; 5 = residents' top worry"
            }
            Criterion::Capacity => {
                "1 = little the partnership can add; 3 = joint work would help; 5 = only joint work will solve it"
            }
        }
    }

    /// How much the criterion counts. Victim harm's three parts share one
    /// weight of 3 (their mean counts three times).
    pub fn weight(self) -> f64 {
        match self {
            Criterion::PhysicalHarm | Criterion::PsychologicalHarm | Criterion::FinancialHarm => 1.0,
            Criterion::CommunityHarm | Criterion::Volume => 2.0,
            Criterion::Trend | Criterion::PublicConcern | Criterion::Capacity => 1.0,
        }
    }
}

/// The highest possible score: 5 on every criterion.
pub const MAX_SCORE: f64 = 5.0 * 10.0;

/// One issue under consideration, with its scores (1–5; absent = blank).
#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct AssessedIssue {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    /// "Knife crime", "Town-centre anti-social behaviour".
    pub name: String,
    /// Keyed by [`Criterion::key`].
    #[autosurgeon(missing = "Default::default", hydrate = "crate::model::stored::int_map")]
    pub scores: BTreeMap<String, i64>,
    pub notes: Narrative,
    /// The priority theme it became, once promoted.
    #[autosurgeon(missing = "Default::default")]
    pub theme_id: Option<String>,
}

impl AssessedIssue {
    pub fn score(&self, c: Criterion) -> Option<u8> {
        self.scores.get(c.key()).and_then(|s| u8::try_from(*s).ok()).filter(|s| (1..=5).contains(s))
    }

    pub fn missing(&self) -> Vec<Criterion> {
        Criterion::ALL.into_iter().filter(|c| self.score(*c).is_none()).collect()
    }

    /// Weighted total out of [`MAX_SCORE`], blanks counting as nothing.
    pub fn total(&self) -> f64 {
        let victim: Vec<f64> = [Criterion::PhysicalHarm, Criterion::PsychologicalHarm, Criterion::FinancialHarm]
            .into_iter()
            .filter_map(|c| self.score(c).map(f64::from))
            .collect();
        let victim_harm = if victim.is_empty() { 0.0 } else { 3.0 * victim.iter().sum::<f64>() / victim.len() as f64 };
        let rest: f64 = [
            Criterion::CommunityHarm,
            Criterion::Volume,
            Criterion::Trend,
            Criterion::PublicConcern,
            Criterion::Capacity,
        ]
        .into_iter()
        .filter_map(|c| self.score(c).map(|s| f64::from(s) * c.weight()))
        .sum();
        victim_harm + rest
    }

    /// The combined harm (victims and community), which breaks ties.
    fn harm(&self) -> f64 {
        [Criterion::PhysicalHarm, Criterion::PsychologicalHarm, Criterion::FinancialHarm, Criterion::CommunityHarm]
            .into_iter()
            .filter_map(|c| self.score(c).map(f64::from))
            .sum()
    }
}

/// One year's assessment.
#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct Assessment {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    /// The financial year it informs, e.g. 2020 for 2020-21.
    #[autosurgeon(hydrate = "crate::model::stored::int")]
    pub year: i64,
    #[autosurgeon(missing = "Default::default")]
    pub issues: BTreeMap<String, AssessedIssue>,
}

/// An issue's place in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked<'a> {
    pub issue: &'a AssessedIssue,
    /// 1 = highest; issues with equal scores share a rank.
    pub rank: usize,
    pub total: f64,
    pub complete: bool,
    /// Against the previous year's assessment, matched by name.
    pub change: Movement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    New,
    Up(usize),
    Down(usize),
    Same,
    /// No previous assessment to compare with.
    NotCompared,
}

impl Movement {
    pub fn describe(self) -> String {
        match self {
            Movement::New => "New this year".into(),
            Movement::Up(n) => format!("Up {n}"),
            Movement::Down(n) => format!("Down {n}"),
            Movement::Same => "No change".into(),
            Movement::NotCompared => String::new(),
        }
    }
}

/// A score as the ranking table shows it (one decimal place), for
/// deciding ties: two issues both shown as 39.0 are level.
fn tenths(score: f64) -> i64 {
    (score * 10.0).round() as i64
}

fn same_issue(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

impl Assessment {
    /// Issues ranked: fully scored first by total, then incompletely
    /// scored ones the same way. Issues whose scores are equal as shown
    /// (to one decimal place) share a rank, whatever their harm; within a
    /// tie the one with more harm is listed first.
    pub fn ranked<'a>(&'a self, previous: Option<&Assessment>) -> Vec<Ranked<'a>> {
        let mut issues: Vec<&AssessedIssue> = self.issues.values().collect();
        crate::sorting::sort_by(&mut issues, |a, b| {
            let (ca, cb) = (a.missing().is_empty(), b.missing().is_empty());
            cb.cmp(&ca)
                .then(b.total().total_cmp(&a.total()))
                .then(b.harm().total_cmp(&a.harm()))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        let before = previous.map(|p| p.ranked(None));
        let mut out: Vec<Ranked<'a>> = Vec::with_capacity(issues.len());
        for (i, issue) in issues.into_iter().enumerate() {
            let complete = issue.missing().is_empty();
            let total = issue.total();
            let rank = match out.last() {
                Some(prev) if prev.complete == complete && tenths(prev.total) == tenths(total) => prev.rank,
                _ => i + 1,
            };
            let change = match &before {
                None => Movement::NotCompared,
                Some(list) => match list.iter().find(|r| same_issue(&r.issue.name, &issue.name)) {
                    None => Movement::New,
                    Some(old) if old.rank > rank => Movement::Up(old.rank - rank),
                    Some(old) if old.rank < rank => Movement::Down(rank - old.rank),
                    Some(_) => Movement::Same,
                },
            };
            out.push(Ranked { issue, rank, total, complete, change });
        }
        out
    }

    /// Issues last year's assessment had that this one does not.
    pub fn dropped<'a>(&self, previous: &'a Assessment) -> Vec<&'a AssessedIssue> {
        previous.issues.values().filter(|old| !self.issues.values().any(|i| same_issue(&i.name, &old.name))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(id: &str, name: &str, scores: &[(Criterion, i64)]) -> AssessedIssue {
        AssessedIssue {
            id: id.into(),
            name: name.into(),
            scores: scores.iter().map(|(c, s)| (c.key().to_string(), *s)).collect(),
            ..Default::default()
        }
    }

    fn all(score: i64) -> Vec<(Criterion, i64)> {
        Criterion::ALL.iter().map(|c| (*c, score)).collect()
    }

    fn assessment(year: i64, issues: Vec<AssessedIssue>) -> Assessment {
        Assessment { id: format!("a{year}"), year, issues: issues.into_iter().map(|i| (i.id.clone(), i)).collect() }
    }

    #[test]
    fn the_matrix_weights_victim_harm_as_one_criterion_worth_three() {
        assert_eq!(issue("x", "X", &all(5)).total(), MAX_SCORE);
        assert_eq!(issue("x", "X", &all(1)).total(), 10.0);
        let mut scores = all(1);
        scores[0] = (Criterion::PhysicalHarm, 4); // victim mean (4+1+1)/3 = 2
        assert_eq!(issue("x", "X", &scores).total(), 10.0 + 3.0);
        scores.push((Criterion::Volume, 3)); // replaces volume 1 → 3, weight 2
        assert_eq!(issue("x", "X", &scores).total(), 13.0 + 4.0);
    }

    #[test]
    fn out_of_range_scores_count_as_blank() {
        let bad = issue("x", "X", &[(Criterion::Volume, 9), (Criterion::Trend, 0)]);
        assert_eq!(bad.score(Criterion::Volume), None);
        assert_eq!(bad.missing().len(), 8);
        assert_eq!(bad.total(), 0.0);
    }

    #[test]
    fn issues_rank_by_score_ties_share_a_rank_and_blanks_come_last() {
        let mut knife = all(4);
        knife.push((Criterion::Trend, 5));
        let a = assessment(
            2020,
            vec![
                issue("1", "Domestic abuse", &all(4)),
                issue("2", "Knife crime", &knife),
                issue("3", "Town-centre ASB", &all(4)),
                issue("4", "Drug-related harm", &all(5)[..7]), // capacity left blank
                issue("5", "Fly-tipping", &all(2)),
            ],
        );
        let ranked = a.ranked(None);
        let order: Vec<(&str, usize)> = ranked.iter().map(|r| (r.issue.name.as_str(), r.rank)).collect();
        assert_eq!(
            order,
            [
                ("Knife crime", 1),
                ("Domestic abuse", 2),
                ("Town-centre ASB", 2),
                ("Fly-tipping", 4),
                ("Drug-related harm", 5)
            ]
        );
        assert!(!ranked[4].complete, "a half-scored issue is never lifted above a finished one");
        assert_eq!(ranked[0].change, Movement::NotCompared);
    }

    #[test]
    fn issues_level_on_score_share_a_rank_even_when_harm_differs() {
        use Criterion::*;
        let scores = |s: [i64; 8]| Criterion::ALL.into_iter().zip(s).collect::<Vec<(Criterion, i64)>>();
        // 15 victim harm + 8 community + 6 volume + 10 = 39, harm 19.
        let violent = issue("1", "Serious violence", &scores([5, 5, 5, 4, 3, 4, 3, 3]));
        // 9 victim harm + 10 community + 10 volume + 10 = 39, harm 14.
        let asb = issue("2", "Anti-social behaviour", &scores([3, 3, 3, 5, 5, 4, 3, 3]));
        let lower = issue("3", "Shoplifting", &scores([1, 1, 3, 2, 5, 4, 3, 3]));
        assert_eq!((violent.total(), asb.total()), (39.0, 39.0));
        assert_eq!(lower.score(FinancialHarm), Some(3));
        let a = assessment(2020, vec![asb, violent, lower]);
        let order: Vec<(&str, usize, f64)> =
            a.ranked(None).iter().map(|r| (r.issue.name.as_str(), r.rank, r.total)).collect();
        assert_eq!(
            order,
            [("Serious violence", 1, 39.0), ("Anti-social behaviour", 1, 39.0), ("Shoplifting", 3, 29.0)]
        );
    }

    #[test]
    fn movement_against_last_year_is_matched_by_name() {
        let last = assessment(
            2019,
            vec![
                issue("a", "Knife crime", &all(3)),
                issue("b", "domestic  abuse", &all(4)),
                issue("c", "Hate crime", &all(2)),
            ],
        );
        let this = assessment(
            2020,
            vec![
                issue("1", "Knife crime", &all(5)),
                issue("2", "Domestic abuse", &all(4)),
                issue("3", "Exploitation", &all(1)),
            ],
        );
        let ranked = this.ranked(Some(&last));
        let moves: Vec<(&str, Movement)> = ranked.iter().map(|r| (r.issue.name.as_str(), r.change)).collect();
        assert_eq!(
            moves,
            [("Knife crime", Movement::Up(1)), ("Domestic abuse", Movement::Down(1)), ("Exploitation", Movement::New)]
        );
        assert_eq!(this.dropped(&last).iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["Hate crime"]);
        assert_eq!(Movement::Up(2).describe(), "Up 2");
    }

    #[test]
    fn an_empty_assessment_ranks_nothing() {
        assert!(assessment(2020, vec![]).ranked(None).is_empty());
    }
}
