//! The [`Workspace`]: one partnership's Automerge document and the only way
//! to change it.
//!
//! Every public method that changes data is one user intent and makes exactly
//! one Automerge change whose message names the author (see
//! [`super::ChangeMessage`]). The workspace keeps a hydrated copy of the
//! document ([`Partnership`]) for reading; each intent edits a copy of the
//! affected item, reconciles only that item into the document, commits, and
//! then swaps the copy in, so a failed change leaves both untouched.
//!
//! ```
//! use safer_plan_core::doc::{Stamp, Workspace};
//! use safer_plan_core::model::{ActionDraft, Author};
//!
//! let me = Author::new("Alex Example", "Luton Council");
//! let mut ws = Workspace::create("Luton Community Safety Partnership", "Luton", &Stamp::new(&me, 0));
//! let draft = ActionDraft { number: "1".into(), title: "Review the ASB strategy".into(), ..Default::default() };
//! let valid = ws.validate_action(&draft, None).unwrap();
//! let id = ws.add_action(&Stamp::new(&me, 60), valid).unwrap();
//! assert_eq!(ws.partnership().action(&id).unwrap().title, "Review the ASB strategy");
//! assert_eq!(ws.history()[0].author, me);
//! ```

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{AutoCommit, ChangeHash, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value};
use autosurgeon::{Reconcile, reconcile};

use super::history::HistoryCache;
use super::interop::{Lenient, reconcile_prop};

use super::{ChangeKind, ChangeMessage, DocError};
use crate::model::{
    Action, ActionDraft, Author, FORMAT, FORMAT_VERSION, FieldErrors, Partnership, ProgressUpdate, Theme, ValidAction,
    ValidProgress,
};

/// Who is making a change and when (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub author: Author,
    pub at: i64,
}

impl Stamp {
    pub fn new(author: &Author, at: i64) -> Stamp {
        Stamp { author: author.clone(), at }
    }
}

pub struct Workspace {
    pub(super) doc: AutoCommit,
    pub(super) partnership: Partnership,
    /// The change log read so far, for History (`history.rs`).
    pub(super) history: HistoryCache,
}

/// A fresh random identifier for a partnership, theme, action or update.
pub fn new_id() -> String {
    let mut bytes = [0u8; 8];
    // Without an entropy source the browser is unusable anyway; a clock-free
    // fallback would risk two partners minting the same id.
    getrandom::fill(&mut bytes).expect("the platform provides random numbers");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Workspace {
    /// A new, empty partnership.
    pub fn create(name: &str, area: &str, stamp: &Stamp) -> Workspace {
        let partnership = Partnership::new(new_id(), name.trim().to_string(), area.trim().to_string());
        Workspace::create_from(partnership, "Created the partnership", stamp)
    }

    /// A workspace whose first change writes a whole prepared partnership
    /// (used by the demo and by tests).
    pub fn create_from(partnership: Partnership, summary: &str, stamp: &Stamp) -> Workspace {
        let mut doc = AutoCommit::new();
        // Reconciling a plain struct into an empty document cannot fail.
        reconcile(&mut doc, &partnership).expect("a new document accepts any partnership");
        let message = ChangeMessage::new(summary, &stamp.author, vec!["partnership".into()]);
        doc.commit_with(CommitOptions::default().with_message(message.encode()).with_time(stamp.at));
        Workspace { doc, partnership, history: HistoryCache::default() }
    }

    /// Opens a document, checking it really is a Safer Plan workspace this
    /// version can read.
    pub fn from_doc(doc: AutoCommit) -> Result<Workspace, DocError> {
        let partnership = Workspace::check(&doc)?;
        Ok(Workspace { doc, partnership, history: HistoryCache::default() })
    }

    /// What a document must be before this version keeps it (the rules of
    /// `docs/FORMAT.md`): `format` is "safer-plan" (a string or text), its
    /// `format_version` a number no higher than this build's, and the whole
    /// partnership reads. Returns the partnership it holds.
    pub(super) fn check(doc: &AutoCommit) -> Result<Partnership, DocError> {
        Workspace::check_layout(doc)?;
        Ok(super::interop::partnership(doc)?)
    }

    /// [`Workspace::check`]'s rules for the root (`format`,
    /// `format_version`), without reading the partnership.
    pub(super) fn check_layout(doc: &AutoCommit) -> Result<(), DocError> {
        let root = Lenient(doc);
        match autosurgeon::ReadDoc::get(&root, &ROOT, "format")? {
            Some((Value::Scalar(s), _)) if s.as_str() == Some(FORMAT) => {}
            _ => return Err(DocError::NotAWorkspace),
        }
        match doc.get(ROOT, "format_version")? {
            Some((Value::Scalar(s), _)) => match version(&s) {
                Some(v) if v <= FORMAT_VERSION => {}
                Some(found) => return Err(DocError::NewerVersion { found }),
                None => return Err(DocError::Damaged("the layout version is not a number".into())),
            },
            _ => return Err(DocError::Damaged("the layout version is missing".into())),
        }
        Ok(())
    }

    /// Opens a saved document (strict: a damaged or partial file is refused).
    pub fn load(bytes: &[u8]) -> Result<Workspace, DocError> {
        let doc = AutoCommit::load(bytes).map_err(|e| DocError::Damaged(e.to_string()))?;
        Workspace::from_doc(doc)
    }

    pub fn partnership(&self) -> &Partnership {
        &self.partnership
    }

    pub fn id(&self) -> &str {
        &self.partnership.id
    }

    /// The whole document, compressed.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The whole document without compression, for checking what bytes it holds.
    pub fn save_uncompressed(&mut self) -> Vec<u8> {
        self.doc.save_nocompress()
    }

    /// Changes made after `heads`, in Automerge's incremental format.
    pub fn save_after(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    pub(crate) fn doc_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    // ---- intents -------------------------------------------------------

    pub fn rename(&mut self, stamp: &Stamp, name: &str) -> Result<(), FieldErrors> {
        let name = name.trim();
        if name.is_empty() {
            let mut e = FieldErrors::default();
            e.add("name", "Enter a name for the partnership");
            return Err(e);
        }
        if name == self.partnership.name {
            return Ok(());
        }
        let summary = format!("Renamed the partnership to {name}");
        self.change(stamp, &summary, vec!["partnership".into()], |doc| {
            doc.put(ROOT, "name", name)?;
            Ok(())
        })
        .map_err(internal_field_error)?;
        self.partnership.name = name.to_string();
        Ok(())
    }

    /// Checks an action form against the current plan. `editing` is the id
    /// of the action being edited, whose own number is not "taken".
    pub fn validate_action(&self, draft: &ActionDraft, editing: Option<&str>) -> Result<ValidAction, FieldErrors> {
        let actions = &self.partnership.actions;
        draft.validate(
            |n| actions.values().any(|a| a.number.eq_ignore_ascii_case(n) && Some(a.id.as_str()) != editing),
            |t| self.partnership.themes.contains_key(t),
        )
    }

    pub fn add_action(&mut self, stamp: &Stamp, valid: ValidAction) -> Result<String, DocError> {
        let action = Action {
            id: new_id(),
            number: valid.number,
            title: valid.title,
            description: valid.description,
            theme_id: valid.theme_id,
            leads: valid.leads,
            partners: valid.partners,
            linked_documents: valid.linked_documents,
            start: valid.start,
            due: valid.due,
            tags: valid.tags,
            business_as_usual: valid.business_as_usual,
            progress: Default::default(),
            created_at: stamp.at,
        };
        let summary = format!("Added {}: {}", action.label().to_lowercase(), action.title);
        self.put_action(stamp, ChangeKind::AddAction, &summary, action)
    }

    pub fn edit_action(&mut self, stamp: &Stamp, id: &str, valid: ValidAction) -> Result<(), DocError> {
        let mut action = self.existing_action(id)?.clone();
        action.number = valid.number;
        action.title = valid.title;
        action.description = valid.description;
        action.theme_id = valid.theme_id;
        action.leads = valid.leads;
        action.linked_documents = valid.linked_documents;
        action.due = valid.due;
        action.partners = valid.partners;
        action.start = valid.start;
        action.tags = valid.tags;
        action.business_as_usual = valid.business_as_usual;
        if Some(&action) == self.partnership.actions.get(id) {
            return Ok(());
        }
        let summary = format!("Edited {}", action.label().to_lowercase());
        self.put_action(stamp, ChangeKind::EditAction, &summary, action).map(|_| ())
    }

    pub fn delete_action(&mut self, stamp: &Stamp, id: &str) -> Result<(), DocError> {
        let action = self.existing_action(id)?;
        let summary = format!("Deleted {}: {}", action.label().to_lowercase(), action.title);
        let actions = self.map_obj("actions")?;
        self.change_as(stamp, ChangeKind::DeleteAction, &summary, vec![format!("action/{id}")], |doc| {
            doc.delete(&actions, id)?;
            Ok(())
        })?;
        self.partnership.actions.remove(id);
        Ok(())
    }

    pub fn add_progress(&mut self, stamp: &Stamp, action_id: &str, valid: ValidProgress) -> Result<String, DocError> {
        let mut action = self.existing_action(action_id)?.clone();
        let update = ProgressUpdate {
            id: new_id(),
            date: valid.date,
            status: valid.status,
            narrative: valid.narrative,
            author_name: stamp.author.name.clone(),
            author_organisation: stamp.author.organisation.clone(),
            recorded_at: stamp.at,
        };
        let update_id = update.id.clone();
        let summary =
            format!("Added a progress update to {} ({})", action.label().to_lowercase(), update.status.label());
        action.progress.insert(update_id.clone(), update);
        self.put_action(stamp, ChangeKind::AddProgress, &summary, action)?;
        Ok(update_id)
    }

    pub fn put_theme(&mut self, stamp: &Stamp, theme: Theme) -> Result<(), DocError> {
        let verb = if self.partnership.themes.contains_key(&theme.id) { "Edited" } else { "Added" };
        let summary = format!("{verb} the theme {}", theme.name);
        let themes = self.map_obj("themes")?;
        self.change(stamp, &summary, vec![format!("theme/{}", theme.id)], |doc| {
            reconcile_prop(doc, &themes, theme.id.as_str(), &theme)?;
            Ok(())
        })?;
        self.partnership.themes.insert(theme.id.clone(), theme);
        Ok(())
    }

    // ---- plumbing -------------------------------------------------------

    pub(super) fn existing_action(&self, id: &str) -> Result<&Action, DocError> {
        self.partnership.actions.get(id).ok_or(DocError::NotFound { kind: "action" })
    }

    pub(super) fn put_action(
        &mut self,
        stamp: &Stamp,
        kind: ChangeKind,
        summary: &str,
        action: Action,
    ) -> Result<String, DocError> {
        let actions = self.map_obj("actions")?;
        let id = action.id.clone();
        self.change_as(stamp, kind, summary, vec![format!("action/{id}")], |doc| {
            reconcile_prop(doc, &actions, id.as_str(), &action)?;
            Ok(())
        })?;
        self.partnership.actions.insert(id.clone(), action);
        Ok(id)
    }

    /// The object id of a top-level map such as `actions`.
    pub(super) fn map_obj(&self, key: &str) -> Result<ObjId, DocError> {
        match self.doc.get(ROOT, key)? {
            Some((Value::Object(ObjType::Map), id)) => Ok(id),
            _ => Err(DocError::Damaged(format!("the {key} list is missing"))),
        }
    }

    /// Writes one item into a top-level map as one change. Documents made
    /// before that map existed gain it with the first item; new documents
    /// always start with every map, so partners never create it twice.
    pub(super) fn put_item<T: Reconcile>(
        &mut self,
        stamp: &Stamp,
        summary: &str,
        map_key: &str,
        item_id: &str,
        item: &T,
    ) -> Result<(), DocError> {
        self.put_item_as(stamp, ChangeKind::Other, summary, map_key, item_id, item)
    }

    /// [`Workspace::put_item`] recording what the change did.
    pub(super) fn put_item_as<T: Reconcile>(
        &mut self,
        stamp: &Stamp,
        kind: ChangeKind,
        summary: &str,
        map_key: &str,
        item_id: &str,
        item: &T,
    ) -> Result<(), DocError> {
        let existing = self.map_obj(map_key).ok();
        let target = format!("{}/{item_id}", item_kind(map_key));
        self.change_as(stamp, kind, summary, vec![target], |doc| {
            let map = match existing {
                Some(obj) => obj,
                None => doc.put_object(ROOT, map_key, ObjType::Map)?,
            };
            reconcile_prop(doc, &map, item_id, item)?;
            Ok(())
        })
    }

    /// Deletes one item from a top-level map as one change.
    pub(super) fn remove_item(
        &mut self,
        stamp: &Stamp,
        summary: &str,
        map_key: &str,
        item_id: &str,
    ) -> Result<(), DocError> {
        let map = self.map_obj(map_key)?;
        let target = format!("{}/{item_id}", item_kind(map_key));
        self.change(stamp, summary, vec![target], |doc| {
            doc.delete(&map, item_id)?;
            Ok(())
        })
    }

    /// Runs `edit` as one change signed by `stamp`, or rolls it back.
    pub(super) fn change(
        &mut self,
        stamp: &Stamp,
        summary: &str,
        targets: Vec<String>,
        edit: impl FnOnce(&mut AutoCommit) -> Result<(), DocError>,
    ) -> Result<(), DocError> {
        self.change_as(stamp, ChangeKind::Other, summary, targets, edit)
    }

    /// [`Workspace::change`] recording what the change did, for changes the
    /// app recognises later (History's restore and undo, a file's preview).
    pub(super) fn change_as(
        &mut self,
        stamp: &Stamp,
        kind: ChangeKind,
        summary: &str,
        targets: Vec<String>,
        edit: impl FnOnce(&mut AutoCommit) -> Result<(), DocError>,
    ) -> Result<(), DocError> {
        self.change_of_kind(stamp, ChangeMessage::new(summary, &stamp.author, targets).with_kind(kind), edit)
    }

    /// [`Workspace::change`] with a whole message, for changes that record
    /// their [`super::ChangeKind`].
    pub(super) fn change_of_kind(
        &mut self,
        stamp: &Stamp,
        message: ChangeMessage,
        edit: impl FnOnce(&mut AutoCommit) -> Result<(), DocError>,
    ) -> Result<(), DocError> {
        if let Err(e) = edit(&mut self.doc) {
            self.doc.rollback();
            return Err(e);
        }
        self.doc.commit_with(CommitOptions::default().with_message(message.encode()).with_time(stamp.at));
        Ok(())
    }
}

/// A layout version written as any kind of number (another client may
/// write `1` as an integer or a float); `None` for anything else.
fn version(value: &ScalarValue) -> Option<u64> {
    match value {
        ScalarValue::Uint(v) => Some(*v),
        ScalarValue::Int(v) => u64::try_from(*v).ok(),
        ScalarValue::F64(v) if v.fract() == 0.0 && *v >= 0.0 && *v < 1e15 => Some(*v as u64),
        _ => None,
    }
}

/// The history target prefix for items of a top-level map: `events` → `event`.
pub(super) fn item_kind(map_key: &str) -> &str {
    match map_key {
        "sub_groups" => "sub-group",
        key => key.strip_suffix('s').unwrap_or(key),
    }
}

fn internal_field_error(e: DocError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("name", e.to_string());
    errors
}
