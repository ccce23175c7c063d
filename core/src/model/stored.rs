//! Field helpers for reading what any Automerge client may have written,
//! named in `#[autosurgeon(...)]` attributes on the stored types.
//!
//! Text objects in place of strings are handled for every field by the
//! view the document is read through (`doc::interop::Lenient`). What is left
//! is typed per field:
//!
//! - whole numbers ([`int`], [`uint`], [`int_map`], [`int_maps`]) accept an
//!   integer, an unsigned integer or a float (`@automerge/automerge` writes
//!   a JavaScript number as an integer when it is whole, as a float when
//!   not); a float's fraction is dropped, as JavaScript's `Math.trunc` would;
//! - an item's `id` ([`key`]) is read from a string or text also when an
//!   edit looks the item up to update it in place;
//! - a list of labels ([`reconcile_labels`]) keeps another client's text
//!   elements when the list is saved unchanged.
//!
//! Floats for indicator values are in `performance/number.rs`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use automerge::{ObjId, ObjType, ScalarValue, Value};
use autosurgeon::reconcile::LoadKey;
use autosurgeon::{Hydrate, HydrateError, Prop, ReadDoc, Reconcile, ReconcileError, Reconciler};

/// A whole number stored as any Automerge number type.
struct Whole(i64);

impl Hydrate for Whole {
    fn hydrate_int(i: i64) -> Result<Self, HydrateError> {
        Ok(Whole(i))
    }

    fn hydrate_uint(u: u64) -> Result<Self, HydrateError> {
        i64::try_from(u).map(Whole).map_err(|_| HydrateError::unexpected("a whole number", format!("{u}, too large")))
    }

    fn hydrate_f64(f: f64) -> Result<Self, HydrateError> {
        // i64 covers ±9.2e18; a float beyond it (or NaN) is not a count,
        // a timestamp or a score.
        if f.is_finite() && f.abs() < 9.2e18 {
            Ok(Whole(f.trunc() as i64))
        } else {
            Err(HydrateError::unexpected("a whole number", f.to_string()))
        }
    }
}

/// A whole number (counts, positions, Unix seconds, scores).
pub fn int<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<i64, HydrateError> {
    Whole::hydrate(doc, obj, prop).map(|w| w.0)
}

/// A whole number that cannot be negative (the layout version).
pub fn uint<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<u64, HydrateError> {
    let n = int(doc, obj, prop)?;
    u64::try_from(n).map_err(|_| HydrateError::unexpected("a whole number of 0 or more", n.to_string()))
}

/// A map of whole numbers, such as an issue's scores by criterion.
pub fn int_map<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<BTreeMap<String, i64>, HydrateError> {
    let map: BTreeMap<String, Whole> = Hydrate::hydrate(doc, obj, prop)?;
    Ok(map.into_iter().map(|(k, v)| (k, v.0)).collect())
}

/// A map of maps of whole numbers, such as a workshop's votes by
/// participant and item.
pub fn int_maps<D: ReadDoc>(
    doc: &D,
    obj: &ObjId,
    prop: Prop<'_>,
) -> Result<BTreeMap<String, BTreeMap<String, i64>>, HydrateError> {
    let map: BTreeMap<String, BTreeMap<String, Whole>> = Hydrate::hydrate(doc, obj, prop)?;
    Ok(map.into_iter().map(|(k, inner)| (k, inner.into_iter().map(|(i, v)| (i, v.0)).collect())).collect())
}

/// A string or text's content, or `None` for anything else.
fn content<D: ReadDoc>(doc: &D, obj: &ObjId, prop: &Prop<'_>) -> Result<Option<String>, automerge::AutomergeError> {
    Ok(match doc.get(obj, prop)? {
        Some((Value::Object(ObjType::Text), id)) => Some(doc.text(&id)?),
        Some((Value::Scalar(s), _)) => match s.as_ref() {
            ScalarValue::Str(s) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    })
}

/// An item's `id`, written as a string or as text. Used for `#[key]`
/// fields: autosurgeon reads the key with the field's own hydrate function
/// when it matches an edited item to the one in the document, and without
/// this a text id would make it replace the whole item.
pub fn key<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<String, HydrateError> {
    match content(doc, obj, &prop)? {
        Some(s) => Ok(s),
        None => String::hydrate(doc, obj, prop),
    }
}

/// One label of a list, matched to the document's element by its content
/// whether that element is a string or text.
struct Label<'a>(&'a str);

impl Reconcile for Label<'_> {
    type Key<'k> = Cow<'k, str>;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        reconciler.str(self.0)
    }

    fn key(&self) -> LoadKey<Self::Key<'_>> {
        LoadKey::Found(Cow::Borrowed(self.0))
    }

    fn hydrate_key<'k, D: ReadDoc>(
        doc: &D,
        obj: &ObjId,
        prop: Prop<'_>,
    ) -> Result<LoadKey<Self::Key<'k>>, ReconcileError> {
        Ok(content(doc, obj, &prop)?.map_or(LoadKey::KeyNotFound, |s| LoadKey::Found(Cow::Owned(s))))
    }
}

/// Saves a list of labels (tags, partner names, theme ids) element by
/// element, matching unchanged labels to the document's elements by
/// content, so another client's text elements are kept as they are.
pub fn reconcile_labels<R: Reconciler>(labels: &[String], reconciler: R) -> Result<(), R::Error> {
    let labels: Vec<Label<'_>> = labels.iter().map(|l| Label(l)).collect();
    labels.reconcile(reconciler)
}

/// [`reconcile_labels`] for a list inside an enum variant (a resident's
/// choices), where autosurgeon takes a module rather than a function.
pub mod labels {
    use autosurgeon::reconcile::{LoadKey, NoKey};
    use autosurgeon::{Prop, ReadDoc, ReconcileError, Reconciler};

    pub type Key<'k> = NoKey;

    pub fn reconcile<R: Reconciler>(labels: &[String], reconciler: R) -> Result<(), R::Error> {
        super::reconcile_labels(labels, reconciler)
    }

    pub fn hydrate_key<'k, D: ReadDoc>(
        _doc: &D,
        _obj: &automerge::ObjId,
        _prop: Prop<'_>,
    ) -> Result<LoadKey<Key<'k>>, ReconcileError> {
        Ok(LoadKey::NoKey)
    }

    pub fn key(_labels: &[String]) -> LoadKey<Key<'_>> {
        LoadKey::NoKey
    }
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ROOT};
    use autosurgeon::hydrate_prop;

    use super::*;

    #[derive(Debug, PartialEq, Hydrate)]
    struct Sample {
        #[autosurgeon(hydrate = "int")]
        when: i64,
        #[autosurgeon(hydrate = "uint")]
        version: u64,
        #[autosurgeon(hydrate = "int_map")]
        scores: BTreeMap<String, i64>,
    }

    fn sample(when: ScalarValue, version: ScalarValue, score: ScalarValue) -> Result<Sample, HydrateError> {
        let mut doc = AutoCommit::new();
        let s = doc.put_object(ROOT, "s", ObjType::Map).unwrap();
        doc.put(&s, "when", when).unwrap();
        doc.put(&s, "version", version).unwrap();
        let scores = doc.put_object(&s, "scores", ObjType::Map).unwrap();
        doc.put(&scores, "volume", score).unwrap();
        hydrate_prop(&doc, ROOT, "s")
    }

    #[test]
    fn whole_numbers_are_read_from_every_number_type() {
        let expected = Sample { when: 1_584_705_600, version: 1, scores: BTreeMap::from([("volume".to_string(), 4)]) };
        for (when, version, score) in [
            (ScalarValue::Int(1_584_705_600), ScalarValue::Uint(1), ScalarValue::Int(4)),
            (ScalarValue::Uint(1_584_705_600), ScalarValue::Int(1), ScalarValue::Uint(4)),
            (ScalarValue::F64(1_584_705_600.0), ScalarValue::F64(1.0), ScalarValue::F64(4.0)),
            // A fraction is dropped, as Math.trunc would.
            (ScalarValue::F64(1_584_705_600.75), ScalarValue::F64(1.5), ScalarValue::F64(4.9)),
        ] {
            assert_eq!(sample(when, version, score).unwrap(), expected);
        }
    }

    #[test]
    fn what_is_not_a_whole_number_is_refused() {
        for (when, version) in [
            (ScalarValue::F64(f64::NAN), ScalarValue::Uint(1)),
            (ScalarValue::F64(1e300), ScalarValue::Uint(1)),
            (ScalarValue::Str("yesterday".into()), ScalarValue::Uint(1)),
            (ScalarValue::Uint(u64::MAX), ScalarValue::Uint(1)),
            (ScalarValue::Int(0), ScalarValue::Int(-1)),
        ] {
            assert!(sample(when.clone(), version, ScalarValue::Int(3)).is_err(), "{when:?}");
        }
    }

    #[test]
    fn a_key_is_read_from_a_string_or_text() {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "plain", "action-04").unwrap();
        let text = doc.put_object(ROOT, "text", ObjType::Text).unwrap();
        doc.splice_text(&text, 0, 0, "action-05").unwrap();
        doc.put(ROOT, "number", 5_i64).unwrap();
        assert_eq!(key(&doc, &ROOT, "plain".into()).unwrap(), "action-04");
        assert_eq!(key(&doc, &ROOT, "text".into()).unwrap(), "action-05");
        assert!(key(&doc, &ROOT, "number".into()).is_err());
    }
}
