//! A partner's file through the file worker: the worker makes every check
//! `exchange::open` makes, and the page opens only a file that passed, from
//! the bytes the worker hands back (those inside a passphrase, so scrypt
//! runs once). A file of changes is checked against the open partnership,
//! which is sent to the worker only when the file turns out to need it.

use leptos::prelude::*;
use safer_plan_file_worker::budget::time_budget;
use safer_plan_file_worker::protocol::{NOT_CHECKED, UNSAFE_FILE};
use safer_plan_file_worker::{ExchangeAnswer, ExchangeRequest, Request, Response};

use crate::exchange::Unlocked;
use crate::ui::file_worker::{Outcome, ask};
use crate::ui::session::Session;

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
    let request = |file: Vec<u8>, passphrase: Option<String>, current: Option<Vec<u8>>| {
        Request::Exchange(ExchangeRequest { file, passphrase, current_id: current_id.clone(), current })
    };
    let first = request(bytes.to_vec(), passphrase, None);
    let answer = match ask(&first, time_budget(seconds), checking).await {
        Outcome::Answer(Response::Exchange(ExchangeAnswer::NeedsPartnership { inside })) => {
            // Changes to the open partnership: check them against it, on
            // the unlocked bytes (no second scrypt).
            let protected = inside.is_some();
            let file = inside.unwrap_or_else(|| bytes.to_vec());
            let Some(current) = session.with_workspace(|ws| ws.save()) else {
                return Verdict::Refused(
                    "The partnership was closed while the file was being checked. Choose the file again; nothing was changed."
                        .into(),
                );
            };
            let second = request(file.clone(), None, Some(current));
            match ask(&second, time_budget(None), checking).await {
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
