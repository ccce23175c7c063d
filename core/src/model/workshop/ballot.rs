//! One participant's ballot while they hold the tablet: the dots they have
//! placed (or the ratings they have given) before they press save.
//!
//! The limits live here rather than in the page so that "+" can be
//! switched off the moment no dots are left, and the counter can never
//! show a negative number: the same rules [`Workshop::check_ballot`]
//! applies when the ballot is stored.

use std::collections::BTreeMap;

use super::Workshop;

/// Highest rating a participant can give an issue.
pub const MAX_RATING: i64 = 5;

/// What a ballot counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowance {
    /// This many dots to spread over the items, several on one if they like.
    Dots(i64),
    /// A rating from 1 to [`MAX_RATING`] for each item.
    Rating,
}

/// A participant's marks, item id → dots placed or rating given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    allowance: Allowance,
    marks: BTreeMap<String, i64>,
}

impl Ballot {
    /// An empty ballot for the workshop: its dots, or ratings when it is a
    /// rating sense-check. A workshop set up with no dots for a vote on
    /// responses gives each participant 3.
    pub fn for_workshop(workshop: &Workshop) -> Ballot {
        let allowance = if workshop.rating() {
            Allowance::Rating
        } else {
            Allowance::Dots(if workshop.dots > 0 { workshop.dots } else { 3 })
        };
        Ballot { allowance, marks: BTreeMap::new() }
    }

    pub fn allowance(&self) -> Allowance {
        self.allowance
    }

    /// Dots placed or rating given on one item (0 when none).
    pub fn count(&self, item: &str) -> i64 {
        self.marks.get(item).copied().unwrap_or(0)
    }

    /// Dots placed on all items together.
    pub fn placed(&self) -> i64 {
        self.marks.values().sum()
    }

    /// Dots still to place, never below 0; `None` for a rating ballot.
    pub fn left(&self) -> Option<i64> {
        match self.allowance {
            Allowance::Dots(n) => Some((n - self.placed()).max(0)),
            Allowance::Rating => None,
        }
    }

    /// Whether "+" can add to the item: a dot is left, or the rating is below 5.
    pub fn can_add(&self, item: &str) -> bool {
        match self.allowance {
            Allowance::Dots(_) => self.left().is_some_and(|left| left > 0),
            Allowance::Rating => self.count(item) < MAX_RATING,
        }
    }

    /// Whether "−" can take from the item.
    pub fn can_take(&self, item: &str) -> bool {
        self.count(item) > 0
    }

    /// Adds a dot (or a rating point); does nothing when it cannot.
    pub fn add(&mut self, item: &str) {
        if self.can_add(item) {
            *self.marks.entry(item.to_string()).or_default() += 1;
        }
    }

    /// Takes a dot (or a rating point) away; does nothing at 0.
    pub fn take(&mut self, item: &str) {
        if let Some(n) = self.marks.get_mut(item)
            && *n > 0
        {
            *n -= 1;
            if *n == 0 {
                self.marks.remove(item);
            }
        }
    }

    /// The marks to store, leaving out items with none.
    pub fn votes(&self) -> BTreeMap<String, i64> {
        self.marks.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::workshop;
    use super::*;
    use crate::model::workshop::WorkshopFormat;

    #[test]
    fn plus_stops_when_the_dots_run_out_and_the_counter_never_goes_negative() {
        let w = workshop(WorkshopFormat::SenseCheck, 3);
        let mut ballot = Ballot::for_workshop(&w);
        assert_eq!(ballot.left(), Some(3));
        ballot.add("a");
        ballot.add("b");
        ballot.add("b");
        assert_eq!(ballot.left(), Some(0));
        assert!(!ballot.can_add("c"), "no dots left for another issue");
        assert!(!ballot.can_add("a"), "nor for one already chosen");
        ballot.add("c");
        assert_eq!((ballot.count("c"), ballot.placed(), ballot.left()), (0, 3, Some(0)));
        assert!(w.check_ballot(&ballot.votes()).is_ok(), "what the page allows, saving accepts");
        ballot.take("b");
        assert_eq!(ballot.left(), Some(1));
        assert!(ballot.can_add("c"));
        ballot.take("c");
        ballot.take("c");
        assert_eq!((ballot.count("c"), ballot.left()), (0, Some(1)));
        assert!(!ballot.can_take("c"));
        assert_eq!(ballot.votes(), [("a".to_string(), 1), ("b".to_string(), 1)].into());
    }

    #[test]
    fn ratings_go_from_1_to_5_on_each_issue() {
        let w = workshop(WorkshopFormat::SenseCheck, 0);
        let mut ballot = Ballot::for_workshop(&w);
        assert_eq!((ballot.allowance(), ballot.left()), (Allowance::Rating, None));
        for _ in 0..7 {
            ballot.add("a");
        }
        ballot.add("b");
        assert_eq!((ballot.count("a"), ballot.count("b")), (5, 1));
        assert!(!ballot.can_add("a") && ballot.can_add("b"));
        assert!(w.check_ballot(&ballot.votes()).is_ok());
    }

    #[test]
    fn a_vote_on_responses_without_a_number_of_dots_gives_three() {
        let w = workshop(WorkshopFormat::ProblemSolving, 0);
        assert_eq!(Ballot::for_workshop(&w).allowance(), Allowance::Dots(3));
    }
}
