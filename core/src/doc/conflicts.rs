//! Fields two partners changed at the same time. Automerge keeps both
//! values and picks one to show; Safer Plan says so, shows both with who
//! wrote each, and lets someone choose. The choice is an ordinary change
//! that reaches every partner like any other.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{ActorId, ObjType, ReadDoc, ScalarValue, Value, ValueRef};

use super::refresh::{Touched, refresh};
use super::{ChangeMessage, DocError, Stamp, Workspace};

/// One field with more than one current value.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    /// The document key, e.g. `title`.
    pub field: String,
    pub values: Vec<ConflictValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConflictValue {
    pub value: ScalarValue,
    /// The organisation whose change wrote it, if it said.
    pub organisation: String,
    /// Whether this is the value the plan shows now.
    pub shown: bool,
}

impl ConflictValue {
    /// The value as text: a string as it is, a number or yes/no spelt out.
    pub fn text(&self) -> String {
        match &self.value {
            ScalarValue::Str(s) => s.to_string(),
            ScalarValue::Boolean(b) => if *b { "Yes" } else { "No" }.to_string(),
            ScalarValue::Null => String::new(),
            other => other.to_string(),
        }
    }
}

/// The top-level maps whose items can hold conflicting fields, in the
/// order "Needs attention" lists them.
pub const CONFLICT_MAPS: [&str; 6] = ["actions", "themes", "indicators", "events", "organisations", "sub_groups"];

/// One item with fields changed by two partners at once.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemConflicts {
    /// One of [`CONFLICT_MAPS`], or `plan` for the plan itself (whose
    /// `item_id` is empty).
    pub map_key: &'static str,
    pub item_id: String,
    pub fields: Vec<FieldConflict>,
}

/// A field's name, the value shown now, and every value with its writer.
type RawConflict = (String, Option<automerge::ObjId>, Vec<(Value<'static>, automerge::ObjId)>);

/// Names the organisation behind each value and drops fields where every
/// partner wrote the same value (no conflict to settle).
fn with_organisations(raw: Vec<RawConflict>, orgs: &HashMap<ActorId, String>) -> Vec<FieldConflict> {
    let mut out = Vec::new();
    for (field, shown, values) in raw {
        let values: Vec<ConflictValue> = values
            .into_iter()
            .filter_map(|(value, id)| {
                let Value::Scalar(s) = value else { return None };
                let organisation = match &id {
                    automerge::ObjId::Id(_, actor, _) => orgs.get(actor).cloned().unwrap_or_default(),
                    automerge::ObjId::Root => String::new(),
                };
                Some(ConflictValue { value: s.into_owned(), organisation, shown: Some(&id) == shown.as_ref() })
            })
            .collect();
        if values.iter().any(|v| v.value != values[0].value) {
            out.push(FieldConflict { field, values });
        }
    }
    out
}

impl Workspace {
    /// Plain fields of one item of a top-level map (such as an action)
    /// that hold two or more values. Lists and text merge on their own.
    pub fn conflicts(&mut self, map_key: &str, item_id: &str) -> Vec<FieldConflict> {
        self.conflicts_at(&[map_key, item_id])
    }

    /// Plain fields of the map at `path` from the document root that hold
    /// two or more values: `["actions", id]` for an action, `["themes", id]`
    /// for a theme, `["plan"]` for the plan itself.
    pub fn conflicts_at(&mut self, path: &[&str]) -> Vec<FieldConflict> {
        let raw = self.raw_conflicts(path);
        if raw.is_empty() {
            return Vec::new();
        }
        let orgs = self.organisations_by_actor();
        with_organisations(raw, &orgs)
    }

    /// Every item with fields two partners changed at once, across the maps
    /// in [`CONFLICT_MAPS`] and the plan itself, for the dashboard's "Needs
    /// attention" list and the message after a merge. Items come in map
    /// order, then by id; the plan (map key `plan`, no id) comes first.
    pub fn all_conflicts(&mut self) -> Vec<ItemConflicts> {
        let mut raw = Vec::new();
        let plan = self.raw_conflicts(&["plan"]);
        if !plan.is_empty() {
            raw.push(("plan", String::new(), plan));
        }
        for map_key in CONFLICT_MAPS {
            let Ok(map) = self.map_obj(map_key) else { continue };
            // One pass over the map for its items' ids, rather than a
            // lookup per item: the dashboard reads this after every change.
            let items: Vec<(String, automerge::ObjId)> = self
                .doc
                .map_range(&map, ..)
                .filter(|entry| matches!(entry.value, ValueRef::Object(ObjType::Map)))
                .map(|entry| {
                    let id = entry.id();
                    (entry.key.into_owned(), id)
                })
                .collect();
            for (id, item) in items {
                let found = self.raw_conflicts_in(&item);
                if !found.is_empty() {
                    raw.push((map_key, id, found));
                }
            }
        }
        if raw.is_empty() {
            return Vec::new();
        }
        let orgs = self.organisations_by_actor();
        raw.into_iter()
            .map(|(map_key, item_id, found)| ItemConflicts {
                map_key,
                item_id,
                fields: with_organisations(found, &orgs),
            })
            .filter(|c| !c.fields.is_empty())
            .collect()
    }

    /// Fields of the map at `path` with several values, before
    /// organisations are looked up (which reads the whole change log, so is
    /// done once).
    fn raw_conflicts(&mut self, path: &[&str]) -> Vec<RawConflict> {
        match self.object_at(path) {
            Some(item) => self.raw_conflicts_in(&item),
            None => Vec::new(),
        }
    }

    /// [`Workspace::raw_conflicts`] of one map object. Automerge flags the
    /// keys holding several values as it walks the map once, so only those
    /// are read again; a lookup per key made the dashboard's scan of a
    /// large plan several times slower.
    fn raw_conflicts_in(&self, item: &automerge::ObjId) -> Vec<RawConflict> {
        let conflicted: Vec<String> =
            self.doc.map_range(item, ..).filter(|entry| entry.conflict).map(|entry| entry.key.into_owned()).collect();
        let mut raw = Vec::new();
        for field in conflicted {
            let Ok(values) = self.doc.get_all(item, field.as_str()) else { continue };
            if values.len() < 2 {
                continue;
            }
            let shown = self.doc.get(item, field.as_str()).ok().flatten().map(|(_, id)| id);
            let values: Vec<_> = values.into_iter().map(|(v, id)| (v.into_owned(), id)).collect();
            raw.push((field, shown, values));
        }
        raw
    }

    /// The map object at `path` from the root, if every step is a map.
    fn object_at(&self, path: &[&str]) -> Option<automerge::ObjId> {
        let mut obj = automerge::ROOT;
        for key in path {
            obj = match self.doc.get(&obj, *key) {
                Ok(Some((Value::Object(ObjType::Map), id))) => id,
                _ => return None,
            };
        }
        Some(obj)
    }

    /// Who each actor (device) is, from the organisation in its latest change.
    fn organisations_by_actor(&mut self) -> HashMap<ActorId, String> {
        // The changes' metadata, in causal order, without rebuilding each
        // change from the op columns as `get_changes` would.
        self.doc
            .get_changes_meta(&[])
            .into_iter()
            .map(|meta| {
                let message = ChangeMessage::decode(meta.message.as_deref().unwrap_or_default());
                (meta.actor.into_owned(), message.author.organisation)
            })
            .collect()
    }

    /// Settles a conflict on an item of a top-level map by writing the
    /// chosen value again, after both.
    pub fn resolve_conflict(
        &mut self,
        stamp: &Stamp,
        map_key: &str,
        item_id: &str,
        field: &str,
        chosen: ScalarValue,
        summary: &str,
    ) -> Result<(), DocError> {
        self.resolve_conflict_at(stamp, &[map_key, item_id], field, chosen, summary)
    }

    /// Settles a conflict on the map at `path` (see [`Workspace::conflicts_at`]).
    /// The change's target is the item (`theme/<id>`) or, for the plan, `plan`.
    pub fn resolve_conflict_at(
        &mut self,
        stamp: &Stamp,
        path: &[&str],
        field: &str,
        chosen: ScalarValue,
        summary: &str,
    ) -> Result<(), DocError> {
        let item = self.object_at(path).ok_or(DocError::NotFound { kind: "item" })?;
        let target = match path {
            [map_key, item_id] => format!("{}/{item_id}", super::workspace::item_kind(map_key)),
            other => other.join("/"),
        };
        self.change(stamp, summary, vec![target], |doc| {
            doc.put(&item, field, chosen)?;
            Ok(())
        })?;
        // Only the item at `path` changed: read it again.
        self.partnership = refresh(&self.partnership, &self.doc, &Touched::at(path))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionDraft, Author};

    fn retitle(ws: &mut Workspace, who: &Author, title: &str, at: i64) {
        let draft = ActionDraft { number: "4".into(), title: title.into(), ..Default::default() };
        let valid = ws.validate_action(&draft, Some("action-04")).expect("valid");
        ws.edit_action(&Stamp::new(who, at), "action-04", valid).expect("edit");
    }

    #[test]
    fn two_partners_titles_are_both_shown_until_one_is_chosen() {
        let police = Author::new("Inspector", "Bedfordshire Police");
        let council = Author::new("CSP Manager", "Luton Council");
        let mut ours = crate::demo::workspace();
        let mut theirs = Workspace::load(&ours.save()).expect("copy");
        assert!(ours.conflicts("actions", "action-04").is_empty());
        retitle(&mut ours, &council, "Council's title", 10);
        retitle(&mut theirs, &police, "Police title", 11);
        let mut incoming = Workspace::load(&theirs.save()).expect("file");
        ours.merge(&mut incoming).expect("merge");

        let conflicts = ours.conflicts("actions", "action-04");
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let everywhere = ours.all_conflicts();
        assert_eq!(everywhere.len(), 1, "only action 4 needs attention: {everywhere:?}");
        assert_eq!((everywhere[0].map_key, everywhere[0].item_id.as_str()), ("actions", "action-04"));
        assert_eq!(everywhere[0].fields, conflicts);
        let title = &conflicts[0];
        assert_eq!(title.field, "title");
        let mut seen: Vec<(String, String)> = title.values.iter().map(|v| (v.text(), v.organisation.clone())).collect();
        crate::sorting::sort(&mut seen);
        assert_eq!(
            seen,
            [
                ("Council's title".to_string(), "Luton Council".to_string()),
                ("Police title".to_string(), "Bedfordshire Police".to_string())
            ]
        );
        assert_eq!(title.values.iter().filter(|v| v.shown).count(), 1);
        let shown = title.values.iter().find(|v| v.shown).map(ConflictValue::text);
        assert_eq!(shown.as_deref(), ours.partnership().action("action-04").map(|a| a.title.as_str()));

        ours.resolve_conflict(
            &Stamp::new(&council, 12),
            "actions",
            "action-04",
            "title",
            ScalarValue::Str("Police title".into()),
            "Chose the title of action 4",
        )
        .expect("resolve");
        assert!(ours.conflicts("actions", "action-04").is_empty());
        assert!(ours.all_conflicts().is_empty());
        assert_eq!(ours.partnership().action("action-04").map(|a| a.title.as_str()), Some("Police title"));
        // The choice travels like any change.
        let mut back = Workspace::load(&ours.save()).expect("file");
        theirs.merge(&mut back).expect("merge");
        assert!(theirs.conflicts("actions", "action-04").is_empty());
        assert_eq!(theirs.partnership(), ours.partnership());
    }

    #[test]
    fn a_theme_lead_and_the_plan_period_changed_by_two_partners_are_shown_and_settled() {
        use crate::model::PlanDraft;
        let police = Author::new("Inspector", "Bedfordshire Police");
        let council = Author::new("CSP Manager", "Luton Council");
        let mut ours = crate::demo::workspace();
        let mut theirs = Workspace::load(&ours.save()).expect("copy");
        for (ws, who, role, period, at) in [
            (&mut ours, &council, "Head of Safeguarding", "2021 to 2024", 1_704_067_210),
            (&mut theirs, &police, "Detective Inspector", "2020 to 2025", 1_704_067_211),
        ] {
            let draft = ws.theme_draft("domestic-abuse").expect("draft");
            ws.edit_theme(
                &Stamp::new(who, at),
                "domestic-abuse",
                &crate::model::ThemeDraft { lead_role: role.into(), ..draft },
            )
            .expect("edit");
            let plan = PlanDraft { period: period.into(), ..PlanDraft::from_plan(&ws.partnership().plan) };
            ws.edit_plan(&Stamp::new(who, at), &plan).expect("plan");
        }
        let mut incoming = Workspace::load(&theirs.save()).expect("file");
        ours.merge(&mut incoming).expect("merge");

        let lead = ours.conflicts_at(&["themes", "domestic-abuse"]);
        assert_eq!(lead.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(), ["lead_role"]);
        let mut seen: Vec<(String, String)> =
            lead[0].values.iter().map(|v| (v.text(), v.organisation.clone())).collect();
        crate::sorting::sort(&mut seen);
        assert_eq!(
            seen,
            [
                ("Detective Inspector".to_string(), "Bedfordshire Police".to_string()),
                ("Head of Safeguarding".to_string(), "Luton Council".to_string())
            ]
        );
        let plan = ours.conflicts_at(&["plan"]);
        assert_eq!(plan.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(), ["period"]);
        ours.resolve_conflict_at(
            &Stamp::new(&council, 1_704_067_212),
            &["plan"],
            "period",
            ScalarValue::Str("2020 to 2025".into()),
            "Chose the plan period",
        )
        .expect("settled");
        ours.resolve_conflict_at(
            &Stamp::new(&council, 1_704_067_213),
            &["themes", "domestic-abuse"],
            "lead_role",
            ScalarValue::Str("Detective Inspector".into()),
            "Chose the lead of Domestic Abuse",
        )
        .expect("settled");
        assert!(ours.conflicts_at(&["plan"]).is_empty() && ours.conflicts_at(&["themes", "domestic-abuse"]).is_empty());
        assert_eq!(ours.partnership().plan.period, "2020 to 2025");
        assert_eq!(
            ours.partnership().theme("domestic-abuse").map(|t| t.lead_role.as_str()),
            Some("Detective Inspector")
        );
        assert!(ours.history_of("plan")[0].summary == "Chose the plan period");
        assert!(ours.history_of("theme/domestic-abuse")[0].summary == "Chose the lead of Domestic Abuse");
    }
}
