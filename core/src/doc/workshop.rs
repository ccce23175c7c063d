//! Workshops in the document: set up, captured causes and responses, and
//! each participant's votes, one change each, so a facilitator's tablet
//! can share the results like any other change.

use std::collections::BTreeMap;

use super::{DocError, Stamp, Workspace, new_id};
use crate::model::FieldErrors;
use crate::model::workshop::{ItemKind, Workshop, WorkshopFormat, WorkshopItem};

impl Workspace {
    /// A sense-check workshop starts with the latest assessment's issues;
    /// a problem-solving one starts empty, about one priority theme.
    pub fn add_workshop(
        &mut self,
        stamp: &Stamp,
        title: &str,
        format: WorkshopFormat,
        theme_id: Option<String>,
        dots: i64,
    ) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = title.trim();
        if title.is_empty() {
            errors.add("title", "Enter a title, for example High Town Joint Action Group");
        }
        if format == WorkshopFormat::ProblemSolving
            && theme_id.as_ref().is_none_or(|t| !self.partnership.themes.contains_key(t))
        {
            errors.add("theme", "Choose the priority the workshop will work on");
        }
        if !(0..=10).contains(&dots) {
            errors.add("dots", "Give each participant between 1 and 10 dots, or 0 to rate every issue");
        }
        let latest = self.partnership.assessments_latest_first().first().map(|a| (*a).clone());
        let (items, assessment_id): (BTreeMap<String, WorkshopItem>, Option<String>) = match (format, latest) {
            (WorkshopFormat::SenseCheck, Some(a)) => {
                let items = a
                    .ranked(None)
                    .iter()
                    .map(|r| {
                        let id = new_id();
                        (id.clone(), WorkshopItem { id, kind: ItemKind::Issue, text: r.issue.name.clone() })
                    })
                    .collect();
                (items, Some(a.id.clone()))
            }
            _ => (BTreeMap::new(), None),
        };
        if format == WorkshopFormat::SenseCheck && items.is_empty() {
            errors.add("format", "There is no strategic assessment to sense-check yet. Score some issues first.");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let workshop = Workshop {
            id: new_id(),
            title: title.to_string(),
            format,
            theme_id,
            assessment_id,
            dots,
            items,
            votes: BTreeMap::new(),
        };
        let id = workshop.id.clone();
        self.put_item(stamp, &format!("Set up the workshop {title}"), "workshops", &id, &workshop).map_err(field)?;
        self.partnership.workshops.insert(id.clone(), workshop);
        Ok(id)
    }

    /// Captures a root cause or a possible response.
    pub fn add_workshop_item(
        &mut self,
        stamp: &Stamp,
        workshop_id: &str,
        kind: ItemKind,
        text: &str,
    ) -> Result<(), FieldErrors> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            let mut e = FieldErrors::default();
            e.add("text", "Write the idea before adding it");
            return Err(e);
        }
        let mut w = self
            .partnership
            .workshops
            .get(workshop_id)
            .cloned()
            .ok_or_else(|| field(DocError::NotFound { kind: "workshop" }))?;
        let what = match kind {
            ItemKind::Cause(side) => format!("a root cause ({})", side.label().to_lowercase()),
            ItemKind::Response => "a possible response".to_string(),
            ItemKind::Issue => "an issue".to_string(),
        };
        let item = WorkshopItem { id: new_id(), kind, text };
        w.items.insert(item.id.clone(), item);
        self.put_item(stamp, &format!("Added {what} in the workshop {}", w.title), "workshops", workshop_id, &w)
            .map_err(field)?;
        self.partnership.workshops.insert(workshop_id.to_string(), w);
        Ok(())
    }

    /// Stores one participant's dots or ratings; returns their number.
    pub fn record_ballot(
        &mut self,
        stamp: &Stamp,
        workshop_id: &str,
        ballot: BTreeMap<String, i64>,
    ) -> Result<usize, String> {
        let mut w = self.partnership.workshops.get(workshop_id).cloned().ok_or("That workshop no longer exists")?;
        w.check_ballot(&ballot)?;
        let ballot: BTreeMap<String, i64> = ballot.into_iter().filter(|(_, v)| *v > 0).collect();
        if ballot.is_empty() {
            return Err("Place at least one dot, or rate at least one issue".into());
        }
        let number = w.votes.len() + 1;
        // Two tablets may both record "participant 3": the random suffix
        // keeps both when their results are merged.
        w.votes.insert(format!("{number:03}-{}", new_id()), ballot);
        let summary = format!("Recorded participant {number}'s votes in the workshop {}", w.title);
        self.put_item(stamp, &summary, "workshops", workshop_id, &w).map_err(|e| e.to_string())?;
        self.partnership.workshops.insert(workshop_id.to_string(), w);
        Ok(number)
    }
}

fn field(e: DocError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("title", e.to_string());
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;
    use crate::model::workshop::Side;

    fn me() -> Stamp {
        Stamp::new(&Author::new("Community Safety Officer", "Luton Council"), 1_600_000_000)
    }

    #[test]
    fn a_sense_check_starts_from_the_assessment_and_counts_each_participant() {
        let mut ws = crate::demo::workspace();
        let id =
            ws.add_workshop(&me(), "February partner workshop", WorkshopFormat::SenseCheck, None, 3).expect("set up");
        let w = &ws.partnership().workshops[&id];
        assert_eq!(w.votable().len(), 7, "the 2020-21 issues");
        let knife = w.votable().iter().find(|i| i.text == "Knife crime").map(|i| i.id.clone()).expect("knife crime");
        assert_eq!(ws.record_ballot(&me(), &id, [(knife.clone(), 3)].into()), Ok(1));
        assert_eq!(ws.record_ballot(&me(), &id, [(knife.clone(), 2)].into()), Ok(2));
        assert!(ws.record_ballot(&me(), &id, [(knife.clone(), 4)].into()).is_err(), "over the allowance");
        assert!(ws.record_ballot(&me(), &id, BTreeMap::new()).is_err(), "an empty ballot");
        let loaded = Workspace::load(&ws.save()).expect("reload");
        let tally = loaded.partnership().workshops[&id].tally();
        assert_eq!((tally[0].item.text.as_str(), tally[0].result, tally[0].participants), ("Knife crime", 5.0, 2));
    }

    #[test]
    fn problem_solving_needs_a_priority_and_captures_causes_and_responses() {
        let mut ws = crate::demo::workspace();
        let errors = ws.add_workshop(&me(), "", WorkshopFormat::ProblemSolving, None, 3).expect_err("refused");
        assert!(errors.get("title").is_some() && errors.get("theme").is_some());
        let theme = ws.partnership().themes_in_order()[3].id.clone();
        let id =
            ws.add_workshop(&me(), "High Town JAG", WorkshopFormat::ProblemSolving, Some(theme), 3).expect("set up");
        ws.add_workshop_item(&me(), &id, ItemKind::Cause(Side::Location), "Unlit alleyways off Mussons Path")
            .expect("cause");
        ws.add_workshop_item(&me(), &id, ItemKind::Response, "Fence off Mussons Path").expect("response");
        assert!(ws.add_workshop_item(&me(), &id, ItemKind::Response, "  ").is_err());
        let w = &ws.partnership().workshops[&id];
        assert_eq!(w.causes(Side::Location).len(), 1);
        assert_eq!(w.votable().len(), 1);
    }
}
