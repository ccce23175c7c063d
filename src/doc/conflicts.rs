//! Fields two partners changed at the same time. Automerge keeps both
//! values and picks one to show; Safer Plan says so, shows both with who
//! wrote each, and lets someone choose. The choice is an ordinary change
//! that reaches every partner like any other.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{ActorId, ObjType, ReadDoc, ScalarValue, Value};

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

impl Workspace {
    /// Plain fields of one item of a top-level map (such as an action)
    /// that hold two or more values. Lists and text merge on their own.
    pub fn conflicts(&mut self, map_key: &str, item_id: &str) -> Vec<FieldConflict> {
        let Ok(map) = self.map_obj(map_key) else { return Vec::new() };
        let item = match self.doc.get(&map, item_id) {
            Ok(Some((Value::Object(ObjType::Map), id))) => id,
            _ => return Vec::new(),
        };
        let mut raw = Vec::new();
        for field in self.doc.keys(&item).collect::<Vec<_>>() {
            let Ok(values) = self.doc.get_all(&item, field.as_str()) else { continue };
            if values.len() < 2 {
                continue;
            }
            let shown = self.doc.get(&item, field.as_str()).ok().flatten().map(|(_, id)| id);
            let values: Vec<_> = values.into_iter().map(|(v, id)| (v.into_owned(), id)).collect();
            raw.push((field, shown, values));
        }
        if raw.is_empty() {
            return Vec::new();
        }
        let orgs = self.organisations_by_actor();
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
            // Both partners writing the same value is no conflict to settle.
            if values.iter().any(|v| v.value != values[0].value) {
                out.push(FieldConflict { field, values });
            }
        }
        out
    }

    /// Who each actor (device) is, from the organisation in its latest change.
    fn organisations_by_actor(&mut self) -> HashMap<ActorId, String> {
        self.doc
            .get_changes(&[])
            .iter()
            .map(|c| {
                let message = ChangeMessage::decode(c.message().map(|m| m.to_string()).as_deref().unwrap_or_default());
                (c.actor_id().clone(), message.author.organisation)
            })
            .collect()
    }

    /// Settles a conflict by writing the chosen value again, after both.
    pub fn resolve_conflict(
        &mut self,
        stamp: &Stamp,
        map_key: &str,
        item_id: &str,
        field: &str,
        chosen: ScalarValue,
        summary: &str,
    ) -> Result<(), DocError> {
        let map = self.map_obj(map_key)?;
        let item = match self.doc.get(&map, item_id)? {
            Some((Value::Object(ObjType::Map), id)) => id,
            _ => return Err(DocError::NotFound { kind: "item" }),
        };
        let target = format!("{}/{item_id}", super::workspace::item_kind(map_key));
        self.change(stamp, summary, vec![target], |doc| {
            doc.put(&item, field, chosen)?;
            Ok(())
        })?;
        self.partnership = super::interop::partnership(&self.doc)?;
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
        let title = &conflicts[0];
        assert_eq!(title.field, "title");
        let mut seen: Vec<(String, String)> = title.values.iter().map(|v| (v.text(), v.organisation.clone())).collect();
        seen.sort();
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
        assert_eq!(ours.partnership().action("action-04").map(|a| a.title.as_str()), Some("Police title"));
        // The choice travels like any change.
        let mut back = Workspace::load(&ours.save()).expect("file");
        theirs.merge(&mut back).expect("merge");
        assert!(theirs.conflicts("actions", "action-04").is_empty());
        assert_eq!(theirs.partnership(), ours.partnership());
    }
}
