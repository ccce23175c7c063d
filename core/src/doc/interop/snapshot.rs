//! A whole document read into memory in one pass, for hydrating a whole
//! partnership at Automerge's own speed.
//!
//! autosurgeon's derived readers ask the document for one field at a time
//! (`get(obj, "title")`), and each such lookup seeks through Automerge's
//! columns: on the large partnership (500 actions, 5,000 progress updates)
//! that was 1.2× the time of loading the document itself. [`Snapshot`]
//! walks every object once with `map_range`/`list_range` (Automerge's
//! sequential reads) and then answers the same derived readers from memory,
//! so the model's `Hydrate` impls, the `missing = ...` defaults and the
//! Lenient rules stay the one definition of how a document is read.
//!
//! Maps are listed through the document itself (`map_range` returns
//! Automerge's own iterator type, which nothing outside Automerge can
//! build), so the keys of a collection such as `actions` are read twice;
//! every field of every item is read once.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::RangeBounds;

use automerge::{AutomergeError, ObjId, ObjType, ROOT, Value, ValueRef};
use autosurgeon::ReadDoc;

/// One object's content as the walk found it. Keys are borrowed from the
/// document.
enum Object<'a> {
    /// Entries in key order, as `map_range` gives them (so a key is found
    /// by binary search).
    Map(ObjType, Vec<(Cow<'a, str>, Entry)>),
    List(Vec<Entry>),
    Text(String),
}

/// A value, and a nested object's id (what a reader asks for next). A
/// scalar's own id is not kept: no reader of a partnership uses it, and
/// making one for each of the document's values cost a fifth of the walk.
struct Entry {
    value: Value<'static>,
    id: Option<ObjId>,
}

/// A read-only copy of every object in a document, answering
/// autosurgeon's reads from memory. Anything it does not hold (map
/// ranges, heads, parents) is asked of the document it was made from.
pub struct Snapshot<'a, D> {
    doc: &'a D,
    index: HashMap<ObjId, usize>,
    objects: Vec<Object<'a>>,
}

impl<'a, D: ReadDoc> Snapshot<'a, D> {
    /// Reads every object of `doc` once. The walk keeps its own list of
    /// objects still to read rather than recursing, so a crafted document
    /// nested thousands deep cannot exhaust the stack.
    pub fn new(doc: &'a D) -> Result<Snapshot<'a, D>, AutomergeError> {
        Snapshot::of(doc, vec![(ROOT, ObjType::Map)])
    }

    /// Reads only the objects under `roots` (and `roots` themselves), such
    /// as the items a partner's changes touched; reads of anything else go
    /// to the document.
    pub fn of(doc: &'a D, roots: Vec<(ObjId, ObjType)>) -> Result<Snapshot<'a, D>, AutomergeError> {
        Snapshot::skipping(doc, roots, &HashSet::new())
    }

    /// [`Snapshot::of`], with the maps in `skipped` read as empty (a
    /// collection the caller keeps from an earlier read) and nothing under
    /// them walked.
    pub fn skipping(
        doc: &'a D,
        roots: Vec<(ObjId, ObjType)>,
        skipped: &HashSet<ObjId>,
    ) -> Result<Snapshot<'a, D>, AutomergeError> {
        let mut snapshot = Snapshot { doc, index: HashMap::new(), objects: Vec::new() };
        let mut pending = roots;
        while let Some((obj, kind)) = pending.pop() {
            if snapshot.index.contains_key(&obj) {
                continue;
            }
            if matches!(kind, ObjType::Map | ObjType::Table) && skipped.contains(&obj) {
                snapshot.index.insert(obj, snapshot.objects.len());
                snapshot.objects.push(Object::Map(kind, Vec::new()));
                continue;
            }
            // `id` is the entry's id if it is an object, made only then.
            let mut entry = |value: ValueRef<'_>, id: Option<ObjId>| {
                if let (ValueRef::Object(child), Some(id)) = (&value, &id) {
                    pending.push((id.clone(), *child));
                }
                Entry { value: value.into_value(), id }
            };
            let is_object = |value: &ValueRef<'_>| matches!(value, ValueRef::Object(_));
            let object = match kind {
                ObjType::Map | ObjType::Table => {
                    let mut entries: Vec<(Cow<'a, str>, Entry)> = doc
                        .map_range(&obj, ..)
                        .map(|item| {
                            let id = is_object(&item.value).then(|| item.id());
                            (item.key, entry(item.value, id))
                        })
                        .collect();
                    // Already in order as Automerge lists them; sorting a
                    // sorted list only checks it, and makes the binary
                    // search in `get` right whatever Automerge's order.
                    entries.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
                    Object::Map(kind, entries)
                }
                ObjType::List => Object::List(
                    doc.list_range(&obj, ..)
                        .map(|item| {
                            let id = is_object(&item.value).then(|| item.id());
                            entry(item.value, id)
                        })
                        .collect(),
                ),
                ObjType::Text => Object::Text(doc.text(&obj)?),
            };
            snapshot.index.insert(obj, snapshot.objects.len());
            snapshot.objects.push(object);
        }
        Ok(snapshot)
    }

    fn object(&self, obj: &ObjId) -> Option<&Object<'a>> {
        self.index.get(obj).map(|&i| &self.objects[i])
    }
}

fn found(entry: &Entry) -> (Value<'_>, ObjId) {
    let value = match &entry.value {
        Value::Object(kind) => Value::Object(*kind),
        Value::Scalar(s) => Value::Scalar(Cow::Borrowed(s.as_ref())),
    };
    (value, entry.id.clone().unwrap_or(ROOT))
}

impl<D: ReadDoc> ReadDoc for Snapshot<'_, D> {
    type Parents<'b>
        = D::Parents<'b>
    where
        Self: 'b;

    fn get_heads(&self) -> Vec<automerge::ChangeHash> {
        self.doc.get_heads()
    }

    fn get<P: Into<automerge::Prop>>(
        &self,
        obj: &ObjId,
        prop: P,
    ) -> Result<Option<(Value<'_>, ObjId)>, AutomergeError> {
        let prop = prop.into();
        match (self.object(obj), &prop) {
            (Some(Object::Map(_, entries)), automerge::Prop::Map(key)) => {
                Ok(entries.binary_search_by(|(k, _)| k.as_ref().cmp(key.as_str())).ok().map(|i| found(&entries[i].1)))
            }
            (Some(Object::List(entries)), automerge::Prop::Seq(index)) => Ok(entries.get(*index).map(found)),
            // A character of a text, a key on a list or the like: asked of
            // the document, which answers as it always would.
            _ => self.doc.get(obj, prop),
        }
    }

    fn object_type<O: AsRef<ObjId>>(&self, obj: O) -> Option<ObjType> {
        match self.object(obj.as_ref()) {
            Some(Object::Map(kind, _)) => Some(*kind),
            Some(Object::List(_)) => Some(ObjType::List),
            Some(Object::Text(_)) => Some(ObjType::Text),
            None => self.doc.object_type(obj),
        }
    }

    fn map_range<'b, O, R>(&'b self, obj: O, range: R) -> automerge::iter::MapRange<'b>
    where
        R: RangeBounds<String> + 'b,
        O: AsRef<ObjId>,
    {
        match self.object(obj.as_ref()) {
            // Empty here (a map read as empty on purpose, or one that is):
            // listed as empty, as Automerge lists a range with no keys.
            Some(Object::Map(_, entries)) if entries.is_empty() => {
                self.doc.map_range(obj, String::new()..String::new())
            }
            _ => self.doc.map_range(obj, range),
        }
    }

    fn list_range<O: AsRef<ObjId>, R: RangeBounds<usize>>(&self, obj: O, range: R) -> automerge::iter::ListRange<'_> {
        self.doc.list_range(obj, range)
    }

    fn length<O: AsRef<ObjId>>(&self, obj: O) -> usize {
        match self.object(obj.as_ref()) {
            Some(Object::List(entries)) => entries.len(),
            // A text's length counts in the document's own units.
            _ => self.doc.length(obj),
        }
    }

    fn text<O: AsRef<ObjId>>(&self, obj: O) -> Result<String, AutomergeError> {
        match self.object(obj.as_ref()) {
            Some(Object::Text(text)) => Ok(text.clone()),
            _ => self.doc.text(obj),
        }
    }

    fn parents<O: AsRef<ObjId>>(&self, obj: O) -> Result<Self::Parents<'_>, AutomergeError> {
        self.doc.parents(obj)
    }

    fn is_empty(&self) -> bool {
        self.doc.is_empty()
    }
}
