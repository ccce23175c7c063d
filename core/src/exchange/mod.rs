//! Partners exchange workspace files. Before anything is stored, an incoming
//! file is checked (size first, then a passphrase if it is protected, then
//! what the bytes really are, then the envelope's checksum, a strict
//! Automerge load and the Safer Plan layout), and what merging it would
//! change is summarised in plain English by organisation.
//!
//! Three kinds of file are read: a `.saferplan` exchange file
//! ([`envelope`]) holding the whole partnership or only the changes a
//! partner lacks, optionally protected with a passphrase ([`passphrase`]);
//! and a plain `.automerge` document from any Automerge tool.
//!
//! [`open`] is [`unlock`] (size, passphrase) then [`open_unlocked`] (the
//! rest). [`check`] makes the same checks keeping nothing, for the app's
//! file worker to run before the page opens a file.

pub mod backup;
pub mod check;
pub mod envelope;
pub mod ledger;
pub mod passphrase;
pub mod qr;
pub mod redact;
pub mod share;

use std::borrow::Cow;

use automerge::{Change, ChangeHash};
use thiserror::Error;

use crate::doc::{ChangeKind, DocError, HistoryEntry, Workspace};
use crate::model::Author;
pub use check::Unlocked;
use envelope::{Contents, Envelope, EnvelopeError};

/// Largest exchange file accepted, checked before parsing: a four-year plan
/// with its full history is a few megabytes.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExchangeError {
    #[error("The file is empty. Ask the partner to send it again.")]
    Empty,
    #[error(
        "The file is {size_mb} MB, larger than the 50 MB a Safer Plan file can be. Ask the partner to check they sent the right file."
    )]
    TooLarge { size_mb: usize },
    #[error("This is {0}, not a Safer Plan file. Ask the partner to send it from the Share page in Safer Plan.")]
    WrongKind(&'static str),
    #[error("This file is damaged or incomplete, so nothing was changed. Ask the partner to send it again.")]
    Damaged,
    #[error("This file is not a Safer Plan workspace, so nothing was changed.")]
    NotAWorkspace,
    #[error(
        "This file was saved by a newer version of Safer Plan. Update Safer Plan on this device, then open it again."
    )]
    NewerVersion,
    #[error("This file has parts Safer Plan cannot read ({0}), so nothing was changed.")]
    WrongTypes(String),
    #[error("This file is protected with a passphrase. Enter the passphrase you agreed with your partners.")]
    NeedsPassphrase,
    #[error("That passphrase does not open this file. Check it with the partner who sent it; nothing was changed.")]
    WrongPassphrase,
    #[error(
        "This file was protected with settings too demanding for this device to open. Ask the partner to protect it in Safer Plan."
    )]
    TooDemanding,
    #[error(
        "Opening this file needs {needed_mb} MB of memory, more than this device can give Safer Plan. Ask the partner to protect it again from Safer Plan's Share page, or open it with age on a computer."
    )]
    NotEnoughMemory { needed_mb: u64 },
    #[error(
        "This file holds only recent changes to {name}, which is not the partnership open now. Open {name} first; if it is not on this device, ask {from} to send the whole partnership."
    )]
    ChangesForAnotherPartnership { name: String, from: String },
    #[error(
        "This file builds on earlier changes from {from} that this device has not received, so nothing was changed. Ask {from} to send the whole partnership instead."
    )]
    MissingEarlierChanges { from: String },
    #[error("Something went wrong making the file: {0}")]
    Internal(String),
}

/// What an opened file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A `.saferplan` file with the whole partnership.
    Whole,
    /// A `.saferplan` file with only recent changes.
    Changes,
    /// A plain Automerge document.
    Automerge,
}

/// A checked incoming file, not yet stored anywhere.
pub struct Opened {
    /// The sender's copy: for a file of changes, this device's copy with
    /// the changes applied.
    pub workspace: Workspace,
    pub kind: FileKind,
    /// Who made the file, when it says.
    pub from: Option<Author>,
    /// What the sender had: recorded in the [`ledger::Ledger`] on merge.
    pub sender_heads: Vec<ChangeHash>,
    pub protected: bool,
}

/// Checks and opens a whole-partnership file without storing anything.
pub fn open_file(bytes: &[u8]) -> Result<Workspace, ExchangeError> {
    open(bytes, None, None).map(|o| o.workspace)
}

/// Checks and opens any exchange file. `current` is the partnership open
/// on this device, which a file of changes applies to.
pub fn open(bytes: &[u8], passphrase: Option<&str>, current: Option<&mut Workspace>) -> Result<Opened, ExchangeError> {
    open_unlocked(&unlock(bytes, passphrase)?, current)
}

/// The first checks on an incoming file, its size and its passphrase:
/// the bytes inside the protection (or the file as it is, if it has none).
/// What [`check::check`] hands back, so the page need not run scrypt again.
pub fn unlock<'a>(bytes: &'a [u8], passphrase: Option<&str>) -> Result<Unlocked<'a>, ExchangeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ExchangeError::TooLarge { size_mb: bytes.len().div_ceil(1024 * 1024) });
    }
    // `Automerge::load(&[])` succeeds with an empty document: refuse it here.
    if bytes.is_empty() {
        return Err(ExchangeError::Empty);
    }
    if !passphrase::is_protected(bytes) {
        return Ok(Unlocked { bytes: Cow::Borrowed(bytes), protected: false });
    }
    // Spaces are part of a passphrase; one of nothing but spaces is none.
    let passphrase = passphrase.filter(|p| !p.trim().is_empty()).ok_or(ExchangeError::NeedsPassphrase)?;
    let plain = passphrase::unprotect(bytes, passphrase)?;
    Ok(Unlocked { bytes: Cow::Owned(plain), protected: true })
}

/// The rest of [`open`]'s checks, on a file [`unlock`] returned: what the
/// bytes are, the envelope's checksum, a strict Automerge load, the layout
/// and any missing earlier changes.
pub fn open_unlocked(file: &Unlocked, current: Option<&mut Workspace>) -> Result<Opened, ExchangeError> {
    let bytes = file.bytes.as_ref();
    if file.protected {
        // Only a Safer Plan envelope is accepted inside: a protected file
        // inside a protected file is not something Safer Plan makes.
        if !Envelope::is_envelope(bytes) {
            return Err(ExchangeError::NotAWorkspace);
        }
        return open_envelope(bytes, current).map(|o| Opened { protected: true, ..o });
    }
    if Envelope::is_envelope(bytes) {
        return open_envelope(bytes, current);
    }
    if let Some(kind) = other_kind(bytes) {
        return Err(ExchangeError::WrongKind(kind));
    }
    let workspace = load_document(bytes)?;
    Ok(Opened { workspace, kind: FileKind::Automerge, from: None, sender_heads: Vec::new(), protected: false })
}

fn load_document(bytes: &[u8]) -> Result<Workspace, ExchangeError> {
    Ok(Workspace::load(bytes)?)
}

/// A document that would not open, as said about a partner's file. Told
/// apart by kind: a value of the wrong type names what was found.
impl From<DocError> for ExchangeError {
    fn from(e: DocError) -> Self {
        match e {
            DocError::NotAWorkspace => ExchangeError::NotAWorkspace,
            DocError::NewerVersion { .. } => ExchangeError::NewerVersion,
            DocError::WrongTypes(reason) => ExchangeError::WrongTypes(reason),
            _ => ExchangeError::Damaged,
        }
    }
}

impl From<EnvelopeError> for ExchangeError {
    fn from(e: EnvelopeError) -> Self {
        match e {
            EnvelopeError::Damaged => ExchangeError::Damaged,
            EnvelopeError::NewerVersion => ExchangeError::NewerVersion,
        }
    }
}

/// Who sent `envelope`, as refusals name them.
fn sender(envelope: &Envelope) -> String {
    let organisation = &envelope.from.organisation;
    if organisation.trim().is_empty() { "the partner".to_string() } else { organisation.clone() }
}

/// The changes in a file of changes, each decoded (refused as damaged if
/// one is not an Automerge change).
fn decoded_changes(envelope: &Envelope) -> Result<Vec<Change>, ExchangeError> {
    envelope.parts.iter().map(|part| Change::try_from(part.as_slice()).map_err(|_| ExchangeError::Damaged)).collect()
}

/// A file of changes that would not apply, as said about a partner's file.
fn refused_changes(e: DocError, sender: &str) -> ExchangeError {
    match e {
        DocError::MissingEarlierChanges => ExchangeError::MissingEarlierChanges { from: sender.to_string() },
        other => other.into(),
    }
}

fn open_envelope(bytes: &[u8], current: Option<&mut Workspace>) -> Result<Opened, ExchangeError> {
    let envelope = Envelope::decode(bytes)?;
    let from = envelope.from.clone();
    let sender = sender(&envelope);
    let workspace = match envelope.contents {
        Contents::Whole => {
            let [document] = envelope.parts.as_slice() else { return Err(ExchangeError::Damaged) };
            let workspace = load_document(document)?;
            // The envelope and the document inside must agree.
            if workspace.id() != envelope.partnership_id {
                return Err(ExchangeError::Damaged);
            }
            workspace
        }
        Contents::Changes => {
            let current = current.filter(|c| c.id() == envelope.partnership_id).ok_or_else(|| {
                ExchangeError::ChangesForAnotherPartnership {
                    name: envelope.partnership_name.clone(),
                    from: sender.clone(),
                }
            })?;
            let changes = decoded_changes(&envelope)?;
            current.with_changes(changes).map_err(|e| refused_changes(e, &sender))?
        }
    };
    let kind = match envelope.contents {
        Contents::Whole => FileKind::Whole,
        Contents::Changes => FileKind::Changes,
    };
    Ok(Opened { workspace, kind, from: Some(from), sender_heads: envelope.sender_heads, protected: false })
}

/// What to put in an outgoing file.
pub struct Outgoing<'a> {
    pub from: &'a Author,
    /// The partner organisation it is for; `None` for anyone.
    pub to: Option<&'a str>,
    /// What the recipient is known to have; empty sends the whole partnership.
    pub base: &'a [ChangeHash],
    pub at: i64,
    /// Protect the file with this passphrase.
    pub passphrase: Option<&'a str>,
}

/// Makes a `.saferplan` file from this workspace, protected with
/// `out.passphrase` if one is given: [`make_envelope`], then
/// [`passphrase::protect`].
pub fn make_file(ws: &mut Workspace, out: &Outgoing) -> Result<Vec<u8>, ExchangeError> {
    let bytes = make_envelope(ws, out);
    match out.passphrase {
        Some(p) => passphrase::protect(&bytes, p),
        None => Ok(bytes),
    }
}

/// The `.saferplan` envelope for `out`, never protected (`out.passphrase`
/// is not read). The app makes this on the page and protects it in its
/// file worker, so the page's wasm holds no age or scrypt code.
pub fn make_envelope(ws: &mut Workspace, out: &Outgoing) -> Vec<u8> {
    let (contents, parts) = if out.base.is_empty() {
        (Contents::Whole, vec![ws.save()])
    } else {
        (Contents::Changes, ws.changes_since(out.base))
    };
    let envelope = Envelope {
        contents,
        partnership_id: ws.id().to_string(),
        partnership_name: ws.partnership().name.clone(),
        from: out.from.clone(),
        to: out.to.unwrap_or_default().to_string(),
        sent_at: out.at,
        sender_heads: ws.heads(),
        parts,
    };
    envelope.encode()
}

/// Files people send by mistake, recognised by their first bytes.
fn other_kind(bytes: &[u8]) -> Option<&'static str> {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    match bytes {
        [b'%', b'P', b'D', b'F', ..] => Some("a PDF"),
        [b'P', b'K', 3, 4, ..] if has(b"word/") => Some("a Word document"),
        [b'P', b'K', 3, 4, ..] if has(b"xl/") => Some("an Excel workbook"),
        [b'P', b'K', ..] => Some("a zip file"),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => Some("a text file"),
        [0xEF, 0xBB, 0xBF, ..] => Some("a text file"),
        _ if bytes.iter().take(64).all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace()) => Some("a text file"),
        _ => None,
    }
}

/// What merging an incoming file would bring, grouped by organisation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IncomingSummary {
    /// (organisation, what it changed), in order of first appearance.
    pub by_organisation: Vec<(String, Counts)>,
    /// Every change, oldest first, for the item list under the summary.
    pub changes: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub actions_added: usize,
    pub actions_updated: usize,
    pub actions_deleted: usize,
    pub progress_added: usize,
    pub indicator_values: usize,
    pub other: usize,
}

impl Counts {
    /// "3 actions updated, 1 progress update added, 2 indicator values entered".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut say = |n: usize, one: &str, many: &str| {
            if n > 0 {
                parts.push(if n == 1 { one.replace('#', "1") } else { many.replace('#', &n.to_string()) });
            }
        };
        say(self.actions_added, "1 action added", "# actions added");
        say(self.actions_updated, "1 action updated", "# actions updated");
        say(self.actions_deleted, "1 action deleted", "# actions deleted");
        say(self.progress_added, "1 progress update added", "# progress updates added");
        say(self.indicator_values, "1 indicator value entered", "# indicator values entered");
        say(self.other, "1 other change", "# other changes");
        if parts.is_empty() { "nothing new".to_string() } else { parts.join(", ") }
    }
}

impl IncomingSummary {
    pub fn between(current: &mut Workspace, incoming: &mut Workspace) -> IncomingSummary {
        let changes = current.changes_from(incoming);
        let mut out = IncomingSummary { by_organisation: Vec::new(), changes: Vec::new() };
        for change in &changes {
            let org = if change.author.organisation.is_empty() {
                "Unknown organisation".to_string()
            } else {
                change.author.organisation.clone()
            };
            let index = match out.by_organisation.iter().position(|(o, _)| *o == org) {
                Some(i) => i,
                None => {
                    out.by_organisation.push((org, Counts::default()));
                    out.by_organisation.len() - 1
                }
            };
            let counts = &mut out.by_organisation[index].1;
            let many = change.targets.len().max(1);
            match change.meaning() {
                ChangeKind::AddProgress => counts.progress_added += 1,
                ChangeKind::AddAction => counts.actions_added += 1,
                ChangeKind::ImportActions => counts.actions_added += many,
                ChangeKind::EditAction => counts.actions_updated += 1,
                ChangeKind::DeleteAction => counts.actions_deleted += 1,
                ChangeKind::RecordValues | ChangeKind::ImportValues => counts.indicator_values += many,
                _ => counts.other += 1,
            }
        }
        out.changes = changes;
        out
    }

    /// "Probation: 3 actions updated, 1 progress update added".
    pub fn lines(&self) -> Vec<String> {
        self.by_organisation.iter().map(|(org, c)| format!("{org}: {}", c.describe())).collect()
    }
}

#[cfg(test)]
mod tests;
