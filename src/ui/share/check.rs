//! A partner's file through the file worker: the worker makes every check
//! `exchange::open` makes, and the page opens only a file that passed, from
//! the bytes the worker hands back (those inside a passphrase, so scrypt
//! runs once). A file of changes is checked against the open partnership:
//! the copy the worker keeps (sent when the Share page opened,
//! [`keep_open_partnership`]) brought up to date with the page's changes
//! since, or, if the worker keeps none, the partnership saved and sent
//! whole.

use leptos::prelude::*;
use safer_plan_file_worker::budget::time_budget;
use safer_plan_file_worker::protocol::{NOT_CHECKED, UNSAFE_FILE};
use safer_plan_file_worker::{
    ExchangeAnswer, ExchangeRequest, KeepRequest, KeptCopy, Partnership, Request, Response, heads_to_bytes,
};

use crate::doc::Workspace;
use crate::exchange::Unlocked;
use crate::ui::file_worker::{self, Outcome, ask};
use crate::ui::paint::after_next_paint;
use crate::ui::session::Session;

/// Has the file worker load and keep the open partnership once the page
/// has painted, so that a partner's file of changes chosen afterwards is
/// checked without the partnership being saved and loaded again.
pub fn keep_open_partnership(session: Session) {
    // After the paint: saving the large partnership takes the page a
    // moment, which the Share page's first draw should not wait for.
    after_next_paint(move || {
        let Some(id) = session.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        file_worker::keep(&id, || {
            session.with_workspace(|ws| KeepRequest {
                id: ws.id().to_string(),
                heads: heads_to_bytes(&ws.heads()),
                document: ws.save(),
            })
        });
    });
}

/// The open partnership for the worker: the changes its kept copy lacks,
/// when it keeps this one, or else the whole document.
fn partnership_for_worker(ws: &mut Workspace, kept: Option<&KeptCopy>) -> Partnership {
    match kept.filter(|k| k.id == ws.id()) {
        Some(kept) => {
            let changes = ws.changes_since(&kept.heads);
            Partnership::kept(changes, &ws.heads())
        }
        None => Partnership::Saved(ws.save()),
    }
}

/// What the checks made of a file.
pub enum Verdict {
    /// Passed: open it with `open_unlocked`.
    Passed(Unlocked<'static>),
    /// Protected: ask for the passphrase. `work_factor`: scrypt's.
    NeedsPassphrase {
        work_factor: Option<u8>,
    },
    WrongPassphrase,
    /// Refused, with the sentence to show.
    Refused(String),
    /// The worker stopped on it, or could not check it: show this sentence
    /// as it is.
    NotRead(&'static str),
}

/// Checks `bytes` (with `passphrase`, if typed) in the worker. `seconds`:
/// how long scrypt will take on this device, for a protected file being
/// opened. `checking` shows "Checking the file…" if this takes a while.
pub async fn check_file(
    session: Session,
    bytes: &[u8],
    passphrase: Option<String>,
    seconds: Option<f64>,
    checking: RwSignal<bool>,
) -> Verdict {
    let current_id = session.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    let request = |file: Vec<u8>, passphrase: Option<String>, current: Partnership| {
        Request::Exchange(ExchangeRequest { file, passphrase, current_id: current_id.clone(), current })
    };
    let first = request(bytes.to_vec(), passphrase, Partnership::NotSent);
    let answer = match ask(&first, time_budget(seconds), checking).await {
        Outcome::Answer(Response::Exchange(ExchangeAnswer::NeedsPartnership { inside })) => {
            // Changes to the open partnership: check them against it, on
            // the unlocked bytes (no second scrypt).
            let protected = inside.is_some();
            let file = inside.unwrap_or_else(|| bytes.to_vec());
            let kept = file_worker::kept().await;
            let closed = || {
                Verdict::Refused(
                    "The partnership was closed while the file was being checked. Choose the file again; nothing was changed."
                        .into(),
                )
            };
            let Some(current) = session.with_workspace(|ws| partnership_for_worker(ws, kept.as_ref())) else {
                return closed();
            };
            let on_kept = matches!(current, Partnership::Kept { .. });
            let mut second = ask(&request(file.clone(), None, current), time_budget(None), checking).await;
            if on_kept && matches!(second, Outcome::Answer(Response::Exchange(ExchangeAnswer::NeedsPartnership { .. })))
            {
                // The worker no longer keeps it (ended, or its copy could
                // not follow the page's): send it whole.
                let Some(saved) = session.with_workspace(|ws| ws.save()) else { return closed() };
                second =
                    ask(&request(file.clone(), None, Partnership::Saved(saved)), time_budget(None), checking).await;
            }
            match second {
                Outcome::Answer(Response::Exchange(ExchangeAnswer::Passed { .. })) => {
                    return Verdict::Passed(Unlocked { bytes: file.into(), protected });
                }
                other => other,
            }
        }
        other => other,
    };
    match answer {
        Outcome::Answer(Response::Exchange(answer)) => match answer {
            ExchangeAnswer::Passed { inside } => Verdict::Passed(match inside {
                Some(inside) => Unlocked { bytes: inside.into(), protected: true },
                None => Unlocked { bytes: bytes.to_vec().into(), protected: false },
            }),
            ExchangeAnswer::NeedsPassphrase { work_factor } => Verdict::NeedsPassphrase { work_factor },
            ExchangeAnswer::WrongPassphrase => Verdict::WrongPassphrase,
            ExchangeAnswer::Refused(reason) => Verdict::Refused(reason),
            // Asked for the partnership twice: not something the worker does.
            ExchangeAnswer::NeedsPartnership { .. } => Verdict::NotRead(NOT_CHECKED),
        },
        Outcome::Answer(_) | Outcome::Unavailable => Verdict::NotRead(NOT_CHECKED),
        Outcome::Stopped => Verdict::NotRead(UNSAFE_FILE),
    }
}
