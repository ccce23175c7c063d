//! Keeping the hydrated partnership in step with its document after a
//! partner's changes arrive, by reading again only what they touched.
//!
//! Automerge describes what changes did as patches, each naming the path
//! from the root to the object it changed (`actions` → `action-07` →
//! `progress` → …). The first two steps of that path say which top-level
//! field and which of its items changed; [`refresh`] reads those items again
//! (through a [`Snapshot`] of just them) and keeps every other item of the
//! partnership as it was, which the document still holds unchanged. A
//! preview of a partner's file of 10 changes so reads 10 items, not the
//! whole plan; a change the path does not place (a list at the top, say)
//! reads the whole partnership, as before.
//!
//! The result is exactly what reading the whole document would give,
//! refusals included: an item is read by the same derived reader, fields
//! are read in the order the derived reader reads them (so the first
//! problem found is the one it would name), and an item nothing touched
//! read without problems before. `core/tests/hydration.rs` checks this
//! against whole reads of documents another tool edited at random.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use automerge::{ObjType, Patch, PatchAction, Prop, ROOT, Value};
use autosurgeon::{Hydrate, HydrateError, MaybeMissing, ReadDoc, hydrate_prop};

use super::interop::{Lenient, Snapshot, partnership};
use crate::model::{Action, Partnership, stored};

/// What a set of patches changed, in terms of the partnership's fields.
#[derive(Debug, Default, PartialEq)]
pub struct Touched {
    /// A change no path places: read the whole partnership.
    everything: bool,
    /// Top-level fields to read again whole (`name`, `plan`, or a map
    /// such as `events` made or replaced).
    fields: BTreeSet<String>,
    /// Items of a top-level map to read again, or to drop if gone, by
    /// field (`actions` → `{action-07}`).
    items: BTreeMap<String, BTreeSet<String>>,
    /// The keys of each such item that patches changed or reached into
    /// (`(actions, action-07)` → `{title}`); [`WHOLE`] when the item itself
    /// was put or deleted, or a patch on it names no key. An item's nested
    /// collection no key names (an action's `progress` when only its title
    /// changed) is kept as it was rather than read again.
    within: BTreeMap<(String, String), BTreeSet<String>>,
}

/// In [`Touched::within`]: the whole item changed.
const WHOLE: &str = "";

/// The map key a patch on an object changed, if it changed one.
fn key(action: &PatchAction) -> Option<&String> {
    match action {
        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => Some(key),
        PatchAction::Increment { prop: Prop::Map(key), .. } | PatchAction::Conflict { prop: Prop::Map(key) } => {
            Some(key)
        }
        _ => None,
    }
}

impl Touched {
    /// What `patches` (from `diff` over the changes applied) touched.
    pub fn from_patches(patches: &[Patch]) -> Touched {
        let mut touched = Touched::default();
        for patch in patches {
            match (patch.path.as_slice(), key(&patch.action)) {
                ([], Some(field)) => {
                    touched.fields.insert(field.to_string());
                }
                ([(_, Prop::Map(field))], Some(item)) => touched.item(field, item, WHOLE),
                ([(_, Prop::Map(field)), (_, Prop::Map(item))], Some(key))
                | ([(_, Prop::Map(field)), (_, Prop::Map(item)), (_, Prop::Map(key)), ..], _) => {
                    touched.item(field, item, key)
                }
                ([(_, Prop::Map(field)), (_, Prop::Map(item)), ..], _) => touched.item(field, item, WHOLE),
                ([(_, Prop::Map(field)), ..], _) => {
                    touched.fields.insert(field.clone());
                }
                _ => touched.everything = true,
            }
        }
        touched
    }

    /// Records that `key` of item `item` of `field` changed ([`WHOLE`]: the item).
    fn item(&mut self, field: &str, item: &str, key: &str) {
        self.items.entry(field.to_string()).or_default().insert(item.to_string());
        self.within.entry((field.to_string(), item.to_string())).or_default().insert(key.to_string());
    }

    /// Whether no patch reached `key` of item `item` of `field` (or the
    /// item as a whole): what it holds there is as it was.
    fn left_alone(&self, field: &str, item: &str, key: &str) -> bool {
        self.within
            .get(&(field.to_string(), item.to_string()))
            .is_some_and(|keys| !keys.contains(key) && !keys.contains(WHOLE))
    }

    /// The map at `path` from the root (`["actions", "<id>"]`, `["plan"]`)
    /// and everything in it.
    pub fn at(path: &[&str]) -> Touched {
        let mut touched = Touched::default();
        match path {
            [] => touched.everything = true,
            [field] => {
                touched.fields.insert(field.to_string());
            }
            [field, item, ..] => touched.item(field, item, WHOLE),
        }
        touched
    }

    fn field(&self, field: &str) -> bool {
        self.fields.contains(field) || self.items.contains_key(field)
    }
}

/// A field the derived reader reads with `hydrate_prop`.
fn read<T: Hydrate, D: ReadDoc>(doc: &D, field: &str) -> Result<T, HydrateError> {
    hydrate_prop(doc, &ROOT, field)
}

/// A field marked `missing = "Default::default"`: its default when absent.
fn read_or_default<T: Hydrate + Default, D: ReadDoc>(doc: &D, field: &str) -> Result<T, HydrateError> {
    Ok(hydrate_prop::<_, MaybeMissing<T>, _, _>(doc, &ROOT, field)?.unwrap_or_else(T::default))
}

/// A nested collection of a top-level map's items that is kept from the
/// item as it was when no patch reached it: its key in the item, and how
/// to move it from the old item to the one read again.
struct Kept<T> {
    key: &'static str,
    carry: fn(from: &mut T, to: &mut T),
}

/// An action's progress updates: most of an action, and left alone when
/// a partner only retitled it or changed its dates.
const PROGRESS: Kept<Action> =
    Kept { key: "progress", carry: |from, to| to.progress = std::mem::take(&mut from.progress) };

/// Brings one top-level map up to date: whole if the map itself changed,
/// otherwise item by item, keeping each item's `kept` collection when
/// nothing reached it.
/// `checking`: only whether the touched items read matters (see
/// [`check_touched`]), so a kept collection no patch reached is skipped
/// even for an item `map` does not hold.
fn refresh_map<T: Hydrate, D: ReadDoc>(
    map: &mut BTreeMap<String, T>,
    doc: &D,
    field: &str,
    touched: &Touched,
    missing_is_empty: bool,
    checking: bool,
    kept: Option<&Kept<T>>,
) -> Result<(), HydrateError> {
    let whole = |doc: &D| {
        let view = &Lenient(doc);
        if missing_is_empty { read_or_default(view, field) } else { read(view, field) }
    };
    if touched.fields.contains(field) {
        *map = whole(doc)?;
        return Ok(());
    }
    let Some(keys) = touched.items.get(field) else { return Ok(()) };
    let obj = match doc.get(&ROOT, field)? {
        Some((Value::Object(ObjType::Map | ObjType::Table), obj)) => obj,
        // Not a map now, yet the field itself was not replaced: let the
        // whole field's reader say what is wrong.
        _ => {
            *map = whole(doc)?;
            return Ok(());
        }
    };
    let mut roots = Vec::new();
    // Kept collections are read as empty, then carried over.
    let mut skipped = HashSet::new();
    let mut carried = BTreeSet::new();
    for key in keys {
        let Some((Value::Object(kind), id)) = doc.get(&obj, key.as_str())? else { continue };
        if let Some(kept) =
            kept.filter(|k| (checking || map.contains_key(key)) && touched.left_alone(field, key, k.key))
            && let Some((Value::Object(ObjType::Map | ObjType::Table), nested)) = doc.get(&id, kept.key)?
        {
            skipped.insert(nested);
            carried.insert(key);
        }
        roots.push((id, kind));
    }
    let snapshot = Snapshot::skipping(doc, roots, &skipped)?;
    let view = Lenient(&snapshot);
    for key in keys {
        match view.get(&obj, key.as_str())? {
            None => {
                map.remove(key);
            }
            Some(_) => {
                let mut item = T::hydrate(&view, &obj, key.as_str().into())?;
                if let (Some(kept), Some(old)) = (kept.filter(|_| carried.contains(key)), map.get_mut(key)) {
                    (kept.carry)(old, &mut item);
                }
                map.insert(key.clone(), item);
            }
        }
    }
    Ok(())
}

/// `before` (the partnership `doc` held before the patched changes) with
/// every field and item `touched` names read again from `doc`.
pub fn refresh<D: ReadDoc>(before: &Partnership, doc: &D, touched: &Touched) -> Result<Partnership, HydrateError> {
    refresh_or_check(before, doc, touched, false)
}

/// Whether [`refresh`] from the partnership `doc` held before the patched
/// changes would read, without that partnership: every field and item
/// `touched` names is read from `doc`, except an action's progress updates
/// no patch reached, which were read when the partnership before was (the
/// same ones `refresh` carries over). The error is the one `refresh` gives.
/// What the file worker checks a partner's changes with, on a document it
/// keeps loaded but never read whole.
pub fn check_touched<D: ReadDoc>(doc: &D, touched: &Touched) -> Result<(), HydrateError> {
    let nothing = Partnership::new(String::new(), String::new(), String::new());
    refresh_or_check(&nothing, doc, touched, true).map(|_| ())
}

fn refresh_or_check<D: ReadDoc>(
    before: &Partnership,
    doc: &D,
    touched: &Touched,
    checking: bool,
) -> Result<Partnership, HydrateError> {
    if touched.everything {
        return partnership(doc);
    }
    let mut p = before.clone();
    // Every field named, so a new field cannot be left out of here.
    let Partnership {
        format,
        format_version,
        id,
        name,
        area,
        plan,
        themes,
        actions,
        events,
        organisations,
        sub_groups,
        report_notes,
        indicators,
        assessments,
        questionnaires,
        workshops,
        covers,
        sync_id,
    } = &mut p;
    let view = &Lenient(doc);
    // In the derived reader's order, with its rules for each field.
    if touched.field("format") {
        *format = read(view, "format")?;
    }
    if touched.field("format_version") {
        *format_version = stored::uint(view, &ROOT, "format_version".into())?;
    }
    for (value, field) in [(id, "id"), (name, "name"), (area, "area")] {
        if touched.field(field) {
            *value = read(view, field)?;
        }
    }
    if touched.field("plan") {
        *plan = read(view, "plan")?;
    }
    refresh_map(themes, doc, "themes", touched, false, checking, None)?;
    refresh_map(actions, doc, "actions", touched, false, checking, Some(&PROGRESS))?;
    refresh_map(events, doc, "events", touched, true, checking, None)?;
    refresh_map(organisations, doc, "organisations", touched, true, checking, None)?;
    refresh_map(sub_groups, doc, "sub_groups", touched, true, checking, None)?;
    refresh_map(report_notes, doc, "report_notes", touched, true, checking, None)?;
    refresh_map(indicators, doc, "indicators", touched, true, checking, None)?;
    refresh_map(assessments, doc, "assessments", touched, true, checking, None)?;
    refresh_map(questionnaires, doc, "questionnaires", touched, true, checking, None)?;
    refresh_map(workshops, doc, "workshops", touched, true, checking, None)?;
    refresh_map(covers, doc, "covers", touched, true, checking, None)?;
    if touched.field("sync_id") {
        *sync_id = read_or_default(view, "sync_id")?;
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Stamp, Workspace};
    use crate::model::{ActionDraft, Author, Narrative, Status, ValidProgress};

    fn me() -> Stamp {
        Stamp::new(&Author::new("CSP Manager", "Luton Council"), 1_700_000_000)
    }

    /// What `intent` touched, from the patches Automerge recorded.
    fn touched_by(ws: &mut Workspace, intent: impl FnOnce(&mut Workspace)) -> Touched {
        ws.doc.update_diff_cursor();
        intent(ws);
        let patches = ws.doc.diff_incremental();
        ws.doc.reset_diff_cursor();
        Touched::from_patches(&patches)
    }

    /// What `touched` names, leaving out which keys of each item.
    fn named(touched: &Touched) -> Touched {
        Touched {
            everything: touched.everything,
            fields: touched.fields.clone(),
            items: touched.items.clone(),
            within: BTreeMap::new(),
        }
    }

    fn items(field: &str, keys: &[&str]) -> Touched {
        let keys = keys.iter().map(|k| k.to_string()).collect();
        Touched { items: BTreeMap::from([(field.to_string(), keys)]), ..Touched::default() }
    }

    #[test]
    fn an_edited_action_or_a_new_update_on_it_touches_that_action_only() {
        let mut ws = crate::demo::workspace();
        let touched = touched_by(&mut ws, |ws| {
            let draft = ActionDraft { number: "4".into(), title: "Review the strategy".into(), ..Default::default() };
            let valid = ws.validate_action(&draft, Some("action-04")).expect("valid");
            ws.edit_action(&me(), "action-04", valid).expect("edited");
        });
        assert_eq!(named(&touched), items("actions", &["action-04"]));
        assert!(touched.left_alone("actions", "action-04", "progress"), "a retitled action keeps its updates");
        assert!(!touched.left_alone("actions", "action-04", "title"));
        let touched = touched_by(&mut ws, |ws| {
            let update = ValidProgress {
                date: "2020-02-20".parse().expect("date"),
                status: Status::AtRisk,
                narrative: Narrative::new("Funding is not yet agreed."),
            };
            ws.add_progress(&me(), "action-07", update).expect("added");
        });
        assert_eq!(named(&touched), items("actions", &["action-07"]));
        assert!(!touched.left_alone("actions", "action-07", "progress"));
    }

    #[test]
    fn a_renamed_partnership_touches_its_name_and_a_deleted_action_its_key() {
        let mut ws = crate::demo::workspace();
        let touched = touched_by(&mut ws, |ws| ws.rename(&me(), "Luton and Dunstable CSP").expect("renamed"));
        assert_eq!(touched, Touched { fields: BTreeSet::from(["name".to_string()]), ..Touched::default() });
        let touched = touched_by(&mut ws, |ws| ws.delete_action(&me(), "action-13").expect("deleted"));
        assert_eq!(named(&touched), items("actions", &["action-13"]));
        assert!(!touched.left_alone("actions", "action-13", "progress"), "a deleted action is gone whole");
    }

    #[test]
    fn a_path_names_the_item_or_the_field_it_starts_with() {
        assert_eq!(named(&Touched::at(&["actions", "action-04"])), items("actions", &["action-04"]));
        assert!(!Touched::at(&["actions", "action-04"]).left_alone("actions", "action-04", "progress"));
        assert_eq!(named(&Touched::at(&["indicators", "asb", "values"])), items("indicators", &["asb"]));
        assert_eq!(
            Touched::at(&["plan"]),
            Touched { fields: BTreeSet::from(["plan".to_string()]), ..Touched::default() }
        );
        assert_eq!(Touched::at(&[]), Touched { everything: true, ..Touched::default() });
    }

    #[test]
    fn reading_again_what_was_touched_gives_what_a_whole_read_gives() {
        let mut ws = crate::demo::workspace();
        let before = ws.partnership().clone();
        let touched = touched_by(&mut ws, |ws| {
            ws.rename(&me(), "Luton and Dunstable CSP").expect("renamed");
            ws.delete_action(&me(), "action-13").expect("deleted");
        });
        let refreshed = refresh(&before, &ws.doc, &touched).expect("reads");
        assert_eq!(refreshed.name, "Luton and Dunstable CSP");
        assert!(!refreshed.actions.contains_key("action-13"));
        assert_eq!(refreshed.actions.len(), before.actions.len() - 1);
        assert_eq!(refreshed, partnership(&ws.doc).expect("reads"));
    }

    #[test]
    fn a_retitled_action_keeps_its_updates_as_they_were_and_reads_as_a_whole_read_would() {
        let mut ws = crate::demo::workspace();
        let before = ws.partnership().clone();
        let updates = before.actions["action-07"].progress.len();
        assert!(updates > 0, "the demo's action 7 has updates");
        let touched = touched_by(&mut ws, |ws| {
            let number = ws.partnership().actions["action-07"].number.clone();
            let draft = ActionDraft { number, title: "Publish both reviews".into(), ..Default::default() };
            let valid = ws.validate_action(&draft, Some("action-07")).expect("valid");
            ws.edit_action(&me(), "action-07", valid).expect("edited");
        });
        let refreshed = refresh(&before, &ws.doc, &touched).expect("reads");
        assert_eq!(refreshed.actions["action-07"].title, "Publish both reviews");
        assert_eq!(refreshed.actions["action-07"].progress.len(), updates);
        assert_eq!(refreshed, partnership(&ws.doc).expect("reads"));
    }
}
