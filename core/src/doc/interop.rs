//! Sharing a document with other Automerge clients: reading what they write
//! and saving without rewriting it.
//!
//! Safer Plan writes short labels (titles, names, ids, statuses, dates) as
//! Automerge strings and long prose as text objects (`docs/FORMAT.md`).
//! Other clients choose differently: `@automerge/automerge` 3.x stores a
//! plain JavaScript string as a *text object*, and a whole number as an
//! integer. Two adapters make that harmless:
//!
//! - [`Lenient`] is the view every hydration goes through: a text object is
//!   read as the string it holds, so any field whose scalar form is a string
//!   (a `String`, a date, a status, an id in a list) accepts either. Numbers
//!   are typed per field in `model::stored`.
//! - [`Preserving`] is the document every reconcile writes through. Saving an
//!   item writes each of its fields; where another client stored an equal
//!   value differently (text for a string, an integer for a float) the write
//!   is skipped, and an edited text field is edited as text
//!   (`update_text`), so the other client's choice survives.
//!
//! ```
//! use automerge::{AutoCommit, ObjType, ROOT, transaction::Transactable};
//! use safer_plan_core::doc::interop::Lenient;
//!
//! let mut doc = AutoCommit::new();
//! let title = doc.put_object(ROOT, "title", ObjType::Text).unwrap();
//! doc.splice_text(&title, 0, 0, "Written by automerge-js").unwrap();
//! let read: String = autosurgeon::hydrate_prop(&Lenient(&doc), &ROOT, "title").unwrap();
//! assert_eq!(read, "Written by automerge-js");
//! ```

use std::borrow::Cow;
use std::ops::RangeBounds;

use automerge::{AutoCommit, AutomergeError, ObjId, ObjType, ScalarValue, Value};
use autosurgeon::{Doc, HydrateError, ReadDoc, Reconcile, ReconcileError};

use crate::model::Partnership;

mod snapshot;
pub use snapshot::Snapshot;

/// A read-only view of a document in which every text object reads as a
/// string scalar holding its content.
pub struct Lenient<'a, D>(pub &'a D);

impl<D: ReadDoc> ReadDoc for Lenient<'_, D> {
    type Parents<'b>
        = D::Parents<'b>
    where
        Self: 'b;

    fn get_heads(&self) -> Vec<automerge::ChangeHash> {
        self.0.get_heads()
    }

    fn get<P: Into<automerge::Prop>>(
        &self,
        obj: &ObjId,
        prop: P,
    ) -> Result<Option<(Value<'_>, ObjId)>, AutomergeError> {
        match self.0.get(obj, prop)? {
            Some((Value::Object(ObjType::Text), id)) => {
                let text = self.0.text(&id)?;
                Ok(Some((Value::Scalar(Cow::Owned(ScalarValue::Str(text.into()))), id)))
            }
            other => Ok(other),
        }
    }

    fn object_type<O: AsRef<ObjId>>(&self, obj: O) -> Option<ObjType> {
        self.0.object_type(obj)
    }

    fn map_range<'b, O, R>(&'b self, obj: O, range: R) -> automerge::iter::MapRange<'b>
    where
        R: RangeBounds<String> + 'b,
        O: AsRef<ObjId>,
    {
        self.0.map_range(obj, range)
    }

    fn list_range<O: AsRef<ObjId>, R: RangeBounds<usize>>(&self, obj: O, range: R) -> automerge::iter::ListRange<'_> {
        self.0.list_range(obj, range)
    }

    fn length<O: AsRef<ObjId>>(&self, obj: O) -> usize {
        self.0.length(obj)
    }

    fn text<O: AsRef<ObjId>>(&self, obj: O) -> Result<String, AutomergeError> {
        self.0.text(obj)
    }

    fn parents<O: AsRef<ObjId>>(&self, obj: O) -> Result<Self::Parents<'_>, AutomergeError> {
        self.0.parents(obj)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The partnership a document holds, read through [`Lenient`] from a
/// [`Snapshot`] of the whole document (one pass over it). Every hydration
/// of a whole partnership goes through here (clippy.toml bans calling
/// `autosurgeon::hydrate` directly). Reads exactly as
/// [`partnership_field_by_field`] does, errors included.
pub fn partnership<D: ReadDoc>(doc: &D) -> Result<Partnership, HydrateError> {
    let snapshot = Snapshot::new(doc)?;
    #[allow(clippy::disallowed_methods)]
    autosurgeon::hydrate(&Lenient(&snapshot))
}

/// The partnership read by autosurgeon straight from the document, one
/// lookup per field: the reference [`partnership`] is tested against, and
/// the "before" of the benchmarks. Several times slower on a large plan.
pub fn partnership_field_by_field<D: ReadDoc>(doc: &D) -> Result<Partnership, HydrateError> {
    #[allow(clippy::disallowed_methods)]
    autosurgeon::hydrate(&Lenient(doc))
}

/// The document Safer Plan writes through: every write of a value another
/// client stored in an equal form is skipped, and edits to text stay text.
pub struct Preserving<'a>(pub &'a mut AutoCommit);

/// Writes `value` at `prop` of `obj` through [`Preserving`]; the one way an
/// intent reconciles an item into the document.
pub fn reconcile_prop<'p, R: Reconcile, O: AsRef<ObjId>, P: Into<autosurgeon::Prop<'p>>>(
    doc: &mut AutoCommit,
    obj: O,
    prop: P,
    value: R,
) -> Result<(), ReconcileError> {
    #[allow(clippy::disallowed_methods)]
    autosurgeon::reconcile_prop(&mut Preserving(doc), obj, prop, value)
}

/// What to do instead of writing `new` over `old`.
enum Instead {
    Skip,
    Write(ScalarValue),
    EditText(ObjId, String),
}

/// The number a scalar holds, exactly, for comparing across types.
fn number(value: &ScalarValue) -> Option<f64> {
    match value {
        // Exact for every count, timestamp and score a plan holds (< 2^53).
        ScalarValue::Int(i) => Some(*i as f64),
        ScalarValue::Uint(u) => Some(*u as f64),
        ScalarValue::F64(f) if f.is_finite() => Some(*f),
        _ => None,
    }
}

fn instead(old: Option<(Value<'_>, ObjId)>, doc: &AutoCommit, new: ScalarValue) -> Result<Instead, AutomergeError> {
    let Some((old, id)) = old else { return Ok(Instead::Write(new)) };
    Ok(match (old, new) {
        (Value::Object(ObjType::Text), ScalarValue::Str(s)) => {
            if automerge::ReadDoc::text(doc, &id)? == s.as_str() {
                Instead::Skip
            } else {
                Instead::EditText(id, s.to_string())
            }
        }
        (Value::Scalar(old), new) if std::mem::discriminant(old.as_ref()) != std::mem::discriminant(&new) => {
            match (number(&old), number(&new)) {
                (Some(a), Some(b)) if a == b => Instead::Skip,
                // An edited number keeps the other client's integer type
                // when the new value is whole.
                (Some(_), Some(b)) if b.fract() == 0.0 && b.abs() < 9.0e15 => match old.as_ref() {
                    ScalarValue::Int(_) => Instead::Write(ScalarValue::Int(b as i64)),
                    ScalarValue::Uint(_) if b >= 0.0 => Instead::Write(ScalarValue::Uint(b as u64)),
                    _ => Instead::Write(new),
                },
                _ => Instead::Write(new),
            }
        }
        (_, new) => Instead::Write(new),
    })
}

impl ReadDoc for Preserving<'_> {
    type Parents<'b>
        = automerge::Parents<'b>
    where
        Self: 'b;

    fn get_heads(&self) -> Vec<automerge::ChangeHash> {
        ReadDoc::get_heads(self.0)
    }

    fn get<P: Into<automerge::Prop>>(
        &self,
        obj: &ObjId,
        prop: P,
    ) -> Result<Option<(Value<'_>, ObjId)>, AutomergeError> {
        ReadDoc::get(self.0, obj, prop)
    }

    fn object_type<O: AsRef<ObjId>>(&self, obj: O) -> Option<ObjType> {
        ReadDoc::object_type(self.0, obj)
    }

    fn map_range<'b, O, R>(&'b self, obj: O, range: R) -> automerge::iter::MapRange<'b>
    where
        R: RangeBounds<String> + 'b,
        O: AsRef<ObjId>,
    {
        ReadDoc::map_range(self.0, obj, range)
    }

    fn list_range<O: AsRef<ObjId>, R: RangeBounds<usize>>(&self, obj: O, range: R) -> automerge::iter::ListRange<'_> {
        ReadDoc::list_range(self.0, obj, range)
    }

    fn length<O: AsRef<ObjId>>(&self, obj: O) -> usize {
        ReadDoc::length(self.0, obj)
    }

    fn text<O: AsRef<ObjId>>(&self, obj: O) -> Result<String, AutomergeError> {
        ReadDoc::text(self.0, obj)
    }

    fn parents<O: AsRef<ObjId>>(&self, obj: O) -> Result<Self::Parents<'_>, AutomergeError> {
        ReadDoc::parents(self.0, obj)
    }

    fn is_empty(&self) -> bool {
        ReadDoc::is_empty(self.0)
    }
}

impl Doc for Preserving<'_> {
    fn put<O: AsRef<ObjId>, P: Into<automerge::Prop>, V: Into<ScalarValue>>(
        &mut self,
        obj: O,
        prop: P,
        value: V,
    ) -> Result<(), AutomergeError> {
        let prop = prop.into();
        let old = automerge::ReadDoc::get(self.0, obj.as_ref(), prop.clone())?;
        match instead(old, self.0, value.into())? {
            Instead::Skip => Ok(()),
            Instead::Write(value) => Doc::put(self.0, obj, prop, value),
            Instead::EditText(text, content) => Doc::update_text(self.0, text, &content),
        }
    }

    fn put_object<O: AsRef<ObjId>, P: Into<automerge::Prop>>(
        &mut self,
        obj: O,
        prop: P,
        value: ObjType,
    ) -> Result<ObjId, AutomergeError> {
        Doc::put_object(self.0, obj, prop, value)
    }

    fn insert<O: AsRef<ObjId>, V: Into<ScalarValue>>(
        &mut self,
        obj: O,
        index: usize,
        value: V,
    ) -> Result<(), AutomergeError> {
        Doc::insert(self.0, obj, index, value)
    }

    fn insert_object<O: AsRef<ObjId>>(
        &mut self,
        obj: O,
        index: usize,
        value: ObjType,
    ) -> Result<ObjId, AutomergeError> {
        Doc::insert_object(self.0, obj, index, value)
    }

    fn increment<O: AsRef<ObjId>, P: Into<automerge::Prop>>(
        &mut self,
        obj: O,
        prop: P,
        value: i64,
    ) -> Result<(), AutomergeError> {
        Doc::increment(self.0, obj, prop, value)
    }

    fn delete<O: AsRef<ObjId>, P: Into<automerge::Prop>>(&mut self, obj: O, prop: P) -> Result<(), AutomergeError> {
        Doc::delete(self.0, obj, prop)
    }

    fn splice_text<O: AsRef<ObjId>>(
        &mut self,
        obj: O,
        pos: usize,
        del: isize,
        text: &str,
    ) -> Result<(), AutomergeError> {
        Doc::splice_text(self.0, obj, pos, del, text)
    }

    fn update_text<O: AsRef<ObjId>>(&mut self, obj: O, text: &str) -> Result<(), AutomergeError> {
        Doc::update_text(self.0, obj, text)
    }

    fn batch_create<O: AsRef<ObjId>, P: Into<automerge::Prop>>(
        &mut self,
        obj: O,
        prop: P,
        value: automerge::hydrate::Value,
        insert: bool,
    ) -> Result<(), AutomergeError> {
        match value {
            // A scalar put goes through the same check as any other.
            automerge::hydrate::Value::Scalar(s) if !insert => self.put(obj, prop, s),
            value => Doc::batch_create(self.0, obj, prop, value, insert),
        }
    }

    fn init_root_from_hydrate(&mut self, value: &automerge::hydrate::Map) -> Result<(), AutomergeError> {
        Doc::init_root_from_hydrate(self.0, value)
    }
}

#[cfg(test)]
mod tests;
