//! Free text that two partners may edit at the same time.
//!
//! A [`Narrative`] is stored as an Automerge text object, so concurrent edits to
//! different parts of a progress narrative both survive a merge instead of one
//! partner's words replacing the other's. Short labels (titles, names) are
//! plain strings on purpose: two different titles are a conflict a person
//! should resolve, not something to interleave.
//!
//! Writing a new value diffs it against the stored text inside Automerge
//! (`update_text`), which counts positions in Automerge's own text encoding;
//! that is why this type exists instead of `autosurgeon::Text`, whose splice
//! positions are UTF-8 byte offsets.

use std::fmt;

use autosurgeon::reconcile::TextReconciler;
use autosurgeon::{Hydrate, HydrateError, ReadDoc, Reconcile, Reconciler};

#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Narrative(String);

impl Narrative {
    pub fn new(text: impl Into<String>) -> Narrative {
        Narrative(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }

    /// Paragraphs as the author separated them with blank lines or single
    /// line breaks, for rendering as `<p>` elements.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.0.lines().map(str::trim).filter(|l| !l.is_empty())
    }
}

impl fmt::Debug for Narrative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Narrative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Narrative {
    fn from(s: &str) -> Self {
        Narrative(s.to_string())
    }
}

impl From<String> for Narrative {
    fn from(s: String) -> Self {
        Narrative(s)
    }
}

impl Reconcile for Narrative {
    type Key<'a> = autosurgeon::reconcile::NoKey;

    fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
        let mut text = reconciler.text()?;
        text.update(&self.0)
    }
}

impl Hydrate for Narrative {
    fn hydrate_text<D: ReadDoc>(doc: &D, obj: &automerge::ObjId) -> Result<Self, HydrateError> {
        Ok(Narrative(doc.text(obj)?))
    }

    // Another Automerge client may have written the field as a plain string.
    fn hydrate_string(s: &'_ str) -> Result<Self, HydrateError> {
        Ok(Narrative(s.to_string()))
    }

    // ...or left it out (or null): nothing written yet (docs/FORMAT.md).
    fn hydrate_none() -> Result<Self, HydrateError> {
        Ok(Narrative::default())
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use automerge::{AutoCommit, ROOT};
    use autosurgeon::{hydrate_prop, reconcile_prop};

    #[test]
    fn concurrent_edits_to_one_narrative_both_survive() {
        let mut police = AutoCommit::new();
        let start = Narrative::new("MARAC moved to a fortnightly model.");
        reconcile_prop(&mut police, ROOT, "n", &start).unwrap();
        let mut council = police.fork();

        let p = Narrative::new("Update: MARAC moved to a fortnightly model.");
        reconcile_prop(&mut police, ROOT, "n", &p).unwrap();
        let c = Narrative::new("MARAC moved to a fortnightly model in June 2019 — £0 cost.");
        reconcile_prop(&mut council, ROOT, "n", &c).unwrap();

        police.merge(&mut council).unwrap();
        let merged: Narrative = hydrate_prop(&police, ROOT, "n").unwrap();
        assert_eq!(merged.as_str(), "Update: MARAC moved to a fortnightly model in June 2019 — £0 cost.");
    }

    #[test]
    fn reads_a_plain_string_written_by_another_client() {
        let mut doc = AutoCommit::new();
        automerge::transaction::Transactable::put(&mut doc, ROOT, "n", "plain").unwrap();
        let n: Narrative = hydrate_prop(&doc, ROOT, "n").unwrap();
        assert_eq!(n.as_str(), "plain");
    }

    #[test]
    fn an_absent_or_null_narrative_is_empty() {
        let mut doc = AutoCommit::new();
        automerge::transaction::Transactable::put(&mut doc, ROOT, "null", automerge::ScalarValue::Null).unwrap();
        for key in ["absent", "null"] {
            let n: Narrative = hydrate_prop(&doc, ROOT, key).unwrap();
            assert!(n.as_str().is_empty());
        }
    }

    #[test]
    fn paragraphs_skip_blank_lines() {
        let n = Narrative::new("First.\n\n  Second.\n");
        assert_eq!(n.paragraphs().collect::<Vec<_>>(), ["First.", "Second."]);
    }
}
