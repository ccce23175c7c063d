//! Reading indicator numbers from the document whichever way a client wrote
//! them.
//!
//! autosurgeon writes an `f64` as an Automerge float and reads back only
//! floats. Another Automerge client is not so tidy: the JavaScript library
//! stores a whole number such as `1250` as an integer. Without this, one
//! value typed on such a client would make the whole workspace refuse to
//! open. Integers are therefore read as floats too. A non-finite float from a
//! damaged or hostile file is still read (refusing it would lock the
//! partnership out of its plan); [`super::Indicator`] treats it as missing.

use automerge::ObjId;
use autosurgeon::{Hydrate, HydrateError, Prop, ReadDoc};

/// A number stored as a float or an integer.
struct Number(f64);

impl Hydrate for Number {
    fn hydrate_f64(f: f64) -> Result<Self, HydrateError> {
        Ok(Number(f))
    }

    fn hydrate_int(i: i64) -> Result<Self, HydrateError> {
        // Precision loss beyond 2^53 is irrelevant for counts and rates.
        Ok(Number(i as f64))
    }

    fn hydrate_uint(u: u64) -> Result<Self, HydrateError> {
        Ok(Number(u as f64))
    }
}

pub(super) fn hydrate_number<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<f64, HydrateError> {
    Number::hydrate(doc, obj, prop).map(|n| n.0)
}

pub(super) fn hydrate_optional_number<D: ReadDoc>(
    doc: &D,
    obj: &ObjId,
    prop: Prop<'_>,
) -> Result<Option<f64>, HydrateError> {
    Option::<Number>::hydrate(doc, obj, prop).map(|n| n.map(|n| n.0))
}
