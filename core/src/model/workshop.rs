//! Partner workshops run from a tablet passed round the room: either
//! sense-checking the assessed priorities (each participant rates them, or
//! places a few dots), or problem-solving one priority (root causes, by the
//! problem-analysis triangle of victim, offender and location, then
//! responses, then a vote on the responses).

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};

mod ballot;

pub use ballot::{Allowance, Ballot, MAX_RATING};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum WorkshopFormat {
    #[autosurgeon(rename = "sense-check")]
    SenseCheck,
    #[autosurgeon(rename = "problem-solving")]
    ProblemSolving,
}

/// Where on the problem-analysis triangle a root cause sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Reconcile, Hydrate)]
pub enum Side {
    #[autosurgeon(rename = "victim")]
    Victim,
    #[autosurgeon(rename = "offender")]
    Offender,
    #[autosurgeon(rename = "location")]
    Location,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::Victim, Side::Offender, Side::Location];

    pub fn label(self) -> &'static str {
        match self {
            Side::Victim => "Victim",
            Side::Offender => "Offender",
            Side::Location => "Location",
        }
    }

    /// The prompt shown while causes are captured.
    pub fn prompt(self) -> &'static str {
        match self {
            Side::Victim => "Who is harmed, and what makes them vulnerable?",
            Side::Offender => "Who causes it, and what drives or enables them?",
            Side::Location => "Where and when does it happen, and what about the place allows it?",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub enum ItemKind {
    /// An assessed issue being sense-checked.
    #[autosurgeon(rename = "issue")]
    Issue,
    #[autosurgeon(rename = "cause")]
    Cause(Side),
    #[autosurgeon(rename = "response")]
    Response,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct WorkshopItem {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub kind: ItemKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Workshop {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub title: String,
    pub format: WorkshopFormat,
    /// The priority theme it is about (problem-solving) or feeds.
    #[autosurgeon(missing = "Default::default")]
    pub theme_id: Option<String>,
    /// For a sense-check: the strategic assessment whose issues it lists,
    /// so next year's assessment does not count this year's dots. Absent
    /// in workshops from before it was recorded.
    #[autosurgeon(missing = "Default::default")]
    pub assessment_id: Option<String>,
    /// Dots each participant may place (sense-check by dot vote); 0 means
    /// participants rate every issue 1–5 instead.
    #[autosurgeon(hydrate = "crate::model::stored::int")]
    pub dots: i64,
    #[autosurgeon(missing = "Default::default")]
    pub items: BTreeMap<String, WorkshopItem>,
    /// Participant (a number the tablet gives each person) → item → votes
    /// (dots placed, or a 1–5 rating).
    #[autosurgeon(missing = "Default::default", hydrate = "crate::model::stored::int_maps")]
    pub votes: BTreeMap<String, BTreeMap<String, i64>>,
}

/// One item's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally<'a> {
    pub item: &'a WorkshopItem,
    /// 1 = most support; equal results share a rank.
    pub rank: usize,
    /// Total dots, or the mean rating.
    pub result: f64,
    /// How many participants voted for or rated it.
    pub participants: usize,
}

impl Workshop {
    /// The items participants vote on: issues (sense-check) or responses.
    pub fn votable(&self) -> Vec<&WorkshopItem> {
        let wanted = match self.format {
            WorkshopFormat::SenseCheck => ItemKind::Issue,
            WorkshopFormat::ProblemSolving => ItemKind::Response,
        };
        let mut items: Vec<&WorkshopItem> = self.items.values().filter(|i| i.kind == wanted).collect();
        crate::sorting::sort_by_key(&mut items, |a| a.text.to_lowercase());
        items
    }

    pub fn causes(&self, side: Side) -> Vec<&WorkshopItem> {
        self.items.values().filter(|i| i.kind == ItemKind::Cause(side)).collect()
    }

    /// Whether participants rate every issue instead of placing dots.
    pub fn rating(&self) -> bool {
        self.format == WorkshopFormat::SenseCheck && self.dots == 0
    }

    /// Checks one participant's votes before they are stored: dots within
    /// the allowance, ratings 1–5, only items that exist.
    pub fn check_ballot(&self, ballot: &BTreeMap<String, i64>) -> Result<(), String> {
        if let Some(unknown) = ballot.keys().find(|k| !self.votable().iter().any(|i| &i.id == *k)) {
            return Err(format!("\u{201c}{unknown}\u{201d} is not on this workshop's list"));
        }
        if self.rating() {
            if ballot.values().any(|v| !(1..=5).contains(v)) {
                return Err("Ratings go from 1 to 5".into());
            }
        } else {
            if ballot.values().any(|v| *v < 0) {
                return Err("Dots cannot be taken away".into());
            }
            let placed: i64 = ballot.values().sum();
            let allowed = if self.dots > 0 { self.dots } else { 3 };
            if placed > allowed {
                return Err(format!("You have {allowed} dots to place and placed {placed}"));
            }
        }
        Ok(())
    }

    /// Results, most support first: total dots, or mean rating (ties by
    /// how many took part, then share a rank). Nothing voted → every item
    /// with 0, in name order.
    pub fn tally(&self) -> Vec<Tally<'_>> {
        let rating = self.rating();
        let mut out: Vec<Tally<'_>> = self
            .votable()
            .into_iter()
            .map(|item| {
                let given: Vec<i64> =
                    self.votes.values().filter_map(|b| b.get(&item.id).copied()).filter(|v| *v > 0).collect();
                let result = if rating {
                    if given.is_empty() { 0.0 } else { given.iter().sum::<i64>() as f64 / given.len() as f64 }
                } else {
                    given.iter().sum::<i64>() as f64
                };
                Tally { item, rank: 0, result, participants: given.len() }
            })
            .collect();
        crate::sorting::sort_by(&mut out, |a, b| {
            b.result.total_cmp(&a.result).then(b.participants.cmp(&a.participants))
        });
        for i in 0..out.len() {
            out[i].rank =
                if i > 0 && out[i - 1].result == out[i].result && out[i - 1].participants == out[i].participants {
                    out[i - 1].rank
                } else {
                    i + 1
                };
        }
        out
    }

    pub fn participants(&self) -> usize {
        self.votes.values().filter(|b| b.values().any(|v| *v > 0)).count()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn item(id: &str, kind: ItemKind, text: &str) -> (String, WorkshopItem) {
        (id.to_string(), WorkshopItem { id: id.into(), kind, text: text.into() })
    }

    pub(crate) fn workshop(format: WorkshopFormat, dots: i64) -> Workshop {
        Workshop {
            id: "w".into(),
            title: "High Town Joint Action Group".into(),
            format,
            theme_id: None,
            assessment_id: None,
            dots,
            items: [
                item("a", ItemKind::Issue, "Drug dealing related ASB"),
                item("b", ItemKind::Issue, "On-street sexual exploitation"),
                item("c", ItemKind::Issue, "Fly-tipping and littering"),
                item("r1", ItemKind::Response, "Weekly multi-agency patrol"),
                item("r2", ItemKind::Response, "Fence off Mussons Path"),
                item("v1", ItemKind::Cause(Side::Location), "Unlit alleyways"),
            ]
            .into_iter()
            .collect(),
            votes: BTreeMap::new(),
        }
    }

    fn vote(w: &mut Workshop, who: &str, ballot: &[(&str, i64)]) {
        let ballot: BTreeMap<String, i64> = ballot.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        w.check_ballot(&ballot).expect("a valid ballot");
        w.votes.insert(who.into(), ballot);
    }

    #[test]
    fn dots_are_counted_and_ties_share_a_rank() {
        let mut w = workshop(WorkshopFormat::SenseCheck, 3);
        vote(&mut w, "1", &[("a", 2), ("b", 1)]);
        vote(&mut w, "2", &[("b", 2), ("a", 1)]);
        vote(&mut w, "3", &[("c", 3)]);
        let t: Vec<(&str, usize, f64, usize)> =
            w.tally().iter().map(|t| (t.item.id.as_str(), t.rank, t.result, t.participants)).collect();
        // a and b: 3 dots from two people each; c: 3 dots from one person.
        assert_eq!(t, [("a", 1, 3.0, 2), ("b", 1, 3.0, 2), ("c", 3, 3.0, 1)]);
        assert_eq!(w.participants(), 3);
    }

    #[test]
    fn ratings_are_averaged_over_those_who_rated() {
        let mut w = workshop(WorkshopFormat::SenseCheck, 0);
        vote(&mut w, "1", &[("a", 5), ("b", 2)]);
        vote(&mut w, "2", &[("a", 3)]);
        let t = w.tally();
        assert_eq!((t[0].item.id.as_str(), t[0].result, t[0].participants), ("a", 4.0, 2));
        assert_eq!((t[1].item.id.as_str(), t[1].result), ("b", 2.0));
        assert_eq!((t[2].item.id.as_str(), t[2].result, t[2].participants), ("c", 0.0, 0));
    }

    #[test]
    fn problem_solving_votes_on_responses_only() {
        let mut w = workshop(WorkshopFormat::ProblemSolving, 2);
        assert!(w.check_ballot(&[("a".to_string(), 1)].into()).is_err(), "issues are not votable here");
        vote(&mut w, "1", &[("r2", 2)]);
        assert_eq!(w.tally()[0].item.text, "Fence off Mussons Path");
        assert_eq!(w.causes(Side::Location).len(), 1);
    }

    #[test]
    fn bad_ballots_are_refused_with_a_reason() {
        let w = workshop(WorkshopFormat::SenseCheck, 3);
        let over: BTreeMap<String, i64> = [("a".to_string(), 2), ("b".to_string(), 2)].into();
        assert_eq!(w.check_ballot(&over), Err("You have 3 dots to place and placed 4".to_string()));
        let rated = workshop(WorkshopFormat::SenseCheck, 0);
        assert!(rated.check_ballot(&[("a".to_string(), 6)].into()).is_err());
    }

    #[test]
    fn an_empty_workshop_has_an_empty_result() {
        let mut w = workshop(WorkshopFormat::SenseCheck, 3);
        w.items.clear();
        assert!(w.tally().is_empty());
        assert_eq!(w.participants(), 0);
        let nobody = workshop(WorkshopFormat::SenseCheck, 3);
        assert!(nobody.tally().iter().all(|t| t.result == 0.0 && t.rank == 1));
    }
}
