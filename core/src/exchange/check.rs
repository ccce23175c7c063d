//! Checking an incoming file apart from using it. The parsers under
//! [`open`](super::open) (Automerge, age) can still panic on crafted bytes,
//! and in the browser a panic aborts the whole wasm instance, so the app
//! runs [`check`] first in its file worker (`file-worker/`), where a crash
//! costs nothing but the worker. A file that passes is then opened on the
//! page by [`open_unlocked`]: the same code on the
//! same bytes, against the same partnership. The worker hands back the
//! bytes inside a passphrase ([`Unlocked`]), so scrypt runs once.
//!
//! ```
//! use safer_plan_core::exchange::check::{Checked, Current, check};
//! use safer_plan_core::exchange::{FileKind, open_unlocked};
//!
//! let mut ws = safer_plan_core::demo::workspace();
//! let file = ws.save();
//! // In the worker: every check `open` makes, nothing kept.
//! let Ok(Checked::Passed { file, kind }) = check(&file, None, Current::None) else { panic!("the demo opens") };
//! assert_eq!(kind, FileKind::Automerge);
//! // On the page: the same checks on the same bytes, now keeping the result.
//! let opened = open_unlocked(&file, None).expect("what passed opens");
//! assert_eq!(opened.workspace.id(), ws.id());
//! ```

use std::borrow::Cow;

use automerge::AutoCommit;

use super::envelope::{Contents, Envelope};
use super::{ExchangeError, FileKind, decoded_changes, open_unlocked, refused_changes, sender, unlock};
use crate::doc::Workspace;

/// A file with its passphrase protection taken off, or a file that had
/// none: what [`open_unlocked`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlocked<'a> {
    /// The `.saferplan` envelope inside the protection, or the file as it is.
    pub bytes: Cow<'a, [u8]>,
    /// The file was protected with a passphrase (only an envelope is
    /// accepted inside one).
    pub protected: bool,
}

impl Unlocked<'_> {
    /// The same, holding its own bytes (to send them on).
    pub fn into_owned(self) -> Unlocked<'static> {
        Unlocked { bytes: Cow::Owned(self.bytes.into_owned()), protected: self.protected }
    }
}

/// The partnership open where the file is being checked.
pub enum Current<'a> {
    /// None is open.
    None,
    /// One is open (its id), but its document was not handed over: a
    /// file of changes to it is answered with
    /// [`Checked::NeedsPartnership`], as the changes can only be checked
    /// by applying them.
    Id(&'a str),
    /// The open partnership's document: a file of changes is applied to a
    /// copy of it, as on the page. It is left as it was.
    Open(&'a mut Workspace),
    /// The open partnership (its id) as the page saved it, loaded but not
    /// read: a file of changes to it is applied to `saved` itself (which
    /// is changed) and only the items the changes touch are read
    /// ([`Workspace::check_changes`]), as the page read the rest when it
    /// opened the partnership. What the file worker uses: reading the
    /// large partnership whole cost as much as applying 1,000 changes.
    Saved { id: &'a str, saved: &'a mut AutoCommit },
}

/// A file that passed the checks so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked<'a> {
    /// Every check [`open`](super::open) makes passed: `file` opens with
    /// [`open_unlocked`] (against the same partnership, for a file of changes).
    Passed { file: Unlocked<'a>, kind: FileKind },
    /// Unlocked, and holding changes to the partnership named in
    /// [`Current::Id`]: check `file` again with [`Current::Open`].
    NeedsPartnership { file: Unlocked<'a> },
}

/// Makes every check [`open`](super::open) makes on `bytes` and keeps
/// nothing: size, passphrase, what the bytes are, the envelope's checksum,
/// a strict Automerge load, the Safer Plan layout and missing earlier
/// changes. Refuses with the error `open` would give.
pub fn check<'a>(
    bytes: &'a [u8],
    passphrase: Option<&str>,
    current: Current<'_>,
) -> Result<Checked<'a>, ExchangeError> {
    let file = unlock(bytes, passphrase)?;
    let current = match current {
        Current::None => None,
        Current::Id(id) if holds_changes_to(&file, id) => return Ok(Checked::NeedsPartnership { file }),
        Current::Id(_) => None,
        Current::Open(ws) => Some(ws),
        Current::Saved { id, saved } => match changes_to(&file, id) {
            Some(envelope) => {
                let changes = decoded_changes(&envelope)?;
                Workspace::check_changes(saved, changes).map_err(|e| refused_changes(e, &sender(&envelope)))?;
                return Ok(Checked::Passed { file, kind: FileKind::Changes });
            }
            None => None,
        },
    };
    let kind = open_unlocked(&file, current)?.kind;
    Ok(Checked::Passed { file, kind })
}

/// Whether `file` is an intact envelope of changes to partnership `id`.
fn holds_changes_to(file: &Unlocked, id: &str) -> bool {
    changes_to(file, id).is_some()
}

/// `file`'s envelope, if it is an intact one of changes to partnership `id`.
fn changes_to(file: &Unlocked, id: &str) -> Option<Envelope> {
    if !Envelope::is_envelope(&file.bytes) {
        return None;
    }
    Envelope::decode(&file.bytes).ok().filter(|e| e.contents == Contents::Changes && e.partnership_id == id)
}

#[cfg(test)]
mod tests;
