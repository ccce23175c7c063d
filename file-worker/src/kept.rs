//! The open partnership, kept loaded between requests. Loading the large
//! partnership (174 KB saved, 5,000 progress updates) costs the worker
//! about a second, several times what checking a partner's 1,000 changes
//! against it costs; the page sends it when the Share page opens
//! ([`Request::Keep`](crate::Request::Keep)), and each file of changes is
//! then checked on a copy of it brought up to the page's heads.

use std::cell::RefCell;

use automerge::{AutoCommit, Change};

use crate::protocol::{KeepRequest, heads_from_bytes};

thread_local! {
    /// The partnership's id and its document, as of the page's last request.
    static KEPT: RefCell<Option<(String, AutoCommit)>> = const { RefCell::new(None) };
}

/// Loads and keeps `r`'s partnership in place of any kept before: `false`
/// (and nothing kept) if it does not load or does not reach `r.heads`.
pub fn keep(r: &KeepRequest) -> bool {
    let doc = AutoCommit::load(&r.document).ok().and_then(|mut doc| reaches(&mut doc, &r.heads).then_some(doc));
    let kept = doc.is_some();
    KEPT.with_borrow_mut(|k| *k = doc.map(|doc| (r.id.clone(), doc)));
    kept
}

/// A copy of the kept partnership `id`, brought up to the page's `heads`
/// by `changes` (the page's own since the worker's last request, in
/// Automerge's change format), to check a file of changes on. The kept
/// document keeps `changes`, so the next request sends only newer ones.
/// `None` if `id` is not kept, a change does not decode or apply, or the
/// copy does not reach `heads` (the page's document lost changes the
/// worker has, as when a refused sync message is rolled back): nothing is
/// kept then, and the page sends the whole partnership.
pub fn copy(id: &str, changes: &[serde_bytes::ByteBuf], heads: &[serde_bytes::ByteBuf]) -> Option<AutoCommit> {
    KEPT.with_borrow_mut(|kept| {
        let (_, doc) = kept.as_mut().filter(|(kept_id, _)| kept_id == id)?;
        let decoded: Option<Vec<Change>> = changes.iter().map(|c| Change::try_from(c.as_slice()).ok()).collect();
        let brought_up = decoded.is_some_and(|changes| doc.apply_changes(changes).is_ok()) && reaches(doc, heads);
        if !brought_up {
            *kept = None;
            return None;
        }
        Some(doc.fork())
    })
}

/// Whether `doc`'s heads are exactly `heads` (in any order).
fn reaches(doc: &mut AutoCommit, heads: &[serde_bytes::ByteBuf]) -> bool {
    let (Some(mut wanted), mut have) = (heads_from_bytes(heads), doc.get_heads()) else { return false };
    safer_plan_core::sorting::sort(&mut wanted);
    safer_plan_core::sorting::sort(&mut have);
    wanted == have
}
