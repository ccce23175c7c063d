//! Partners who edit their own copies and swap `.saferplan` files end up
//! with the same partnership, whatever order the files arrive in, even when
//! some are delivered twice or lost on the way.
//!
//! Each replica is a partner organisation with its own copy of one demo
//! partnership and its own ledger of what it sent and received. A random
//! schedule edits copies, makes files of changes (or of the whole
//! partnership when nothing has been exchanged yet), and delivers them in a
//! random order. A file that builds on a lost one is refused, and the
//! sender then sends the whole partnership, as the refusal advises.
//! Finally everyone sends everyone the whole partnership until every copy
//! has the same heads (so nothing more can arrive); every copy must then
//! be the same and hold every progress update anyone recorded.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::exchange::ledger::Ledger;
use safer_plan::exchange::{self, ExchangeError, FileKind, Outgoing, make_file};
use safer_plan::model::{Action, Author, Date, Narrative, Partnership, Status, ValidAction, ValidProgress};

/// Partner organisations, one per replica.
const PARTNERS: [(&str, &str); 5] = [
    ("Community Safety Partnership Manager", "Luton Council"),
    ("Inspector", "Bedfordshire Police"),
    ("Head of Service", "Luton Youth Justice Service"),
    ("Senior Probation Officer", "Probation Service"),
    ("Station Commander", "Bedfordshire Fire and Rescue Service"),
];

/// Actions the schedule edits: `action-01` to `action-06`.
const ACTIONS: usize = 6;

const T: i64 = 1_700_000_000;

/// The first six actions of the demo plan (ids, numbers and titles only),
/// saved once: every replica starts from these bytes, so they all share one
/// partnership id and one history. Few actions make partners' edits meet
/// on the same action often. Opening the whole demo takes about 20 ms at
/// the test profile's opt-level, which 1,000 cases of a dozen or more whole
/// files each cannot afford; [`whole_demo_bytes`] covers it in a few cases.
fn demo_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let demo = safer_plan::demo::workspace();
        let full = demo.partnership();
        let mut plan = Partnership::new(full.id.clone(), full.name.clone(), full.area.clone());
        for n in 0..ACTIONS {
            let id = action_id(n);
            let demo_action = full.action(&id).expect("a demo action");
            let action = Action {
                id: id.clone(),
                number: demo_action.number.clone(),
                title: demo_action.title.clone(),
                description: Narrative::default(),
                theme_id: None,
                leads: Vec::new(),
                partners: Vec::new(),
                linked_documents: Vec::new(),
                start: None,
                due: None,
                tags: Vec::new(),
                business_as_usual: false,
                progress: Default::default(),
                created_at: T,
            };
            plan.actions.insert(id, action);
        }
        let manager = Stamp::new(&safer_plan::demo::demo_author(), T);
        Workspace::create_from(plan, "Set up the partnership plan", &manager).save()
    })
}

/// The whole demo partnership, with its history, saved once.
fn whole_demo_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| safer_plan::demo::workspace().save())
}

fn action_id(n: usize) -> String {
    format!("action-{:02}", n % ACTIONS + 1)
}

struct Replica {
    author: Author,
    ws: Workspace,
    ledger: Ledger,
}

impl Replica {
    fn organisation(&self) -> &str {
        &self.author.organisation
    }
}

/// Partners who each opened the whole partnership the council (the first
/// replica) sent them: the council and each partner know the other has it;
/// other pairs have exchanged nothing yet.
fn replicas(n: usize, base: &[u8]) -> Vec<Replica> {
    let mut reps: Vec<Replica> = PARTNERS[..n]
        .iter()
        .map(|(role, org)| Replica {
            author: Author::new(*role, *org),
            ws: exchange::open_file(base).expect("the demo file opens"),
            ledger: Ledger::default(),
        })
        .collect();
    let heads = reps[0].ws.heads();
    let council = reps[0].organisation().to_string();
    for k in 1..n {
        let partner = reps[k].organisation().to_string();
        reps[0].ledger.sent(&partner, &heads, T);
        reps[k].ledger.received(&council, &heads, T);
    }
    reps
}

/// A progress update somebody recorded: it must reach every copy.
#[derive(Debug, Clone)]
struct Committed {
    action_id: String,
    update_id: String,
    narrative: String,
}

#[derive(Debug, Clone)]
enum Step {
    /// A partner retitles an action.
    EditTitle { who: usize, action: usize, words: String },
    /// A partner changes an action's status, which is done by recording a
    /// progress update with the new status (status is not a field of its own).
    SetStatus { who: usize, action: usize, status: Status },
    /// A partner records a progress update with a narrative.
    AddProgress { who: usize, action: usize, status: Status, day: u8, words: String },
    /// `from` makes a file for `to` and puts it in the mailbox.
    Send { from: usize, to: usize },
    /// A file in the mailbox (picked at random) arrives, arrives twice, or
    /// is lost.
    Deliver { pick: usize, fate: Fate },
}

#[derive(Debug, Clone, Copy)]
enum Fate {
    Once,
    Twice,
    Lost,
}

fn status() -> impl Strategy<Value = Status> {
    proptest::sample::select(Status::ALL.to_vec())
}

fn step() -> impl Strategy<Value = Step> {
    let words = "[a-zA-Z0-9 ,.'\u{e9}\u{2013}\u{1f44d}]{1,24}";
    prop_oneof![
        2 => (0..5usize, 0..ACTIONS, words).prop_map(|(who, action, words)| Step::EditTitle { who, action, words }),
        1 => (0..5usize, 0..ACTIONS, status()).prop_map(|(who, action, status)| Step::SetStatus { who, action, status }),
        2 => (0..5usize, 0..ACTIONS, status(), 1..=28u8, words)
            .prop_map(|(who, action, status, day, words)| Step::AddProgress { who, action, status, day, words }),
        // Mostly to the next partner round the table, so one pair swaps
        // several files and some arrive out of order or not at all.
        3 => (0..5usize, prop_oneof![3 => Just(0), 1 => 0..4usize]).prop_map(|(from, to)| Step::Send { from, to }),
        4 => (any::<usize>(), prop_oneof![6 => Just(Fate::Once), 2 => Just(Fate::Twice), 2 => Just(Fate::Lost)])
            .prop_map(|(pick, fate)| Step::Deliver { pick, fate }),
    ]
}

/// The action as it stands, with a new title.
fn retitled(action: &Action, title: String) -> ValidAction {
    ValidAction {
        number: action.number.clone(),
        title,
        description: action.description.clone(),
        theme_id: action.theme_id.clone(),
        leads: action.leads.clone(),
        linked_documents: action.linked_documents.clone(),
        due: action.due,
        partners: action.partners.clone(),
        start: action.start,
        tags: action.tags.clone(),
        business_as_usual: action.business_as_usual,
    }
}

fn add_progress(
    r: &mut Replica,
    action: usize,
    status: Status,
    date: Date,
    narrative: String,
    at: i64,
    committed: &mut Vec<Committed>,
) {
    let id = action_id(action);
    let update = ValidProgress { date, status, narrative: Narrative::new(narrative.clone()) };
    let update_id = r.ws.add_progress(&Stamp::new(&r.author, at), &id, update).expect("progress recorded");
    committed.push(Committed { action_id: id, update_id, narrative });
}

/// A file from `from` for `to`: only the changes `to` lacks when the ledger
/// says what it has, the whole partnership otherwise.
fn file_for(reps: &mut [Replica], from: usize, to: usize, whole: bool, at: i64) -> Vec<u8> {
    let to_org = reps[to].organisation().to_string();
    let r = &mut reps[from];
    let base = if whole { Vec::new() } else { r.ledger.base_for(&to_org) };
    let out = Outgoing { from: &r.author, to: Some(&to_org), base: &base, at, passphrase: None };
    let bytes = make_file(&mut r.ws, &out).expect("file made");
    let heads = r.ws.heads();
    r.ledger.sent(&to_org, &heads, at);
    bytes
}

/// Opens a file on `to`'s device and merges it, as "Open a partner's file"
/// does; returns how many changes it brought. A file of changes that
/// builds on a lost file is refused, and the sender then sends the whole
/// partnership, which must go in.
fn deliver(reps: &mut [Replica], from: usize, to: usize, bytes: &[u8], at: i64) -> Result<usize, TestCaseError> {
    let from_org = reps[from].organisation().to_string();
    let sender = reps[from].author.clone();
    let r = &mut reps[to];
    match exchange::open(bytes, None, Some(&mut r.ws)) {
        Ok(opened) => {
            prop_assert_eq!(opened.from.as_ref(), Some(&sender));
            prop_assert!(!opened.protected);
            let mut incoming = opened.workspace;
            let new = r.ws.merge(&mut incoming).map_err(|e| TestCaseError::fail(format!("merge failed: {e}")))?;
            r.ledger.received(&from_org, &opened.sender_heads, at);
            let reopened = Workspace::load(&r.ws.save()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(
                r.ws.partnership() == reopened.partnership(),
                "the merge left a partnership its document does not hold"
            );
            Ok(new)
        }
        Err(ExchangeError::MissingEarlierChanges { from: name }) => {
            prop_assert_eq!(&name, &from_org);
            let whole = file_for(reps, from, to, true, at);
            let r = &mut reps[to];
            let opened = exchange::open(&whole, None, Some(&mut r.ws))
                .map_err(|e| TestCaseError::fail(format!("the whole partnership was refused: {e}")))?;
            prop_assert_eq!(opened.kind, FileKind::Whole);
            let mut incoming = opened.workspace;
            let new = r.ws.merge(&mut incoming).map_err(|e| TestCaseError::fail(format!("merge failed: {e}")))?;
            r.ledger.received(&from_org, &opened.sender_heads, at);
            Ok(new)
        }
        Err(e) => Err(TestCaseError::fail(format!("file from {from_org} to {} refused: {e}", r.organisation()))),
    }
}

/// Each partner in turn makes a file for every other and it is delivered;
/// returns how many changes they brought.
fn every_partner_sends_everyone(reps: &mut [Replica], whole: bool, at: i64) -> Result<usize, TestCaseError> {
    let mut brought = 0;
    for from in 0..reps.len() {
        for to in (0..reps.len()).filter(|&to| to != from) {
            let bytes = file_for(reps, from, to, whole, at);
            brought += deliver(reps, from, to, &bytes, at)?;
        }
    }
    Ok(brought)
}

fn same_heads(reps: &mut [Replica]) -> bool {
    let mut heads: Vec<_> = reps.iter_mut().map(|r| sorted_heads(&mut r.ws)).collect();
    heads.dedup();
    heads.len() == 1
}

/// Every copy is the same and holds every progress update anyone recorded,
/// and each copy's partnership (kept up to date by reading again only what
/// merged changes touched) is what opening its document afresh reads.
fn converged(reps: &mut [Replica], committed: &[Committed]) -> Result<(), TestCaseError> {
    for r in &reps[1..] {
        prop_assert!(r.ws.partnership() == reps[0].ws.partnership(), "{} differs", r.organisation());
    }
    for r in reps.iter_mut() {
        let reopened = Workspace::load(&r.ws.save()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(
            r.ws.partnership() == reopened.partnership(),
            "{} is not what its document holds",
            r.organisation()
        );
    }
    for r in reps {
        for c in committed {
            let action = r.ws.partnership().action(&c.action_id).expect("action still there");
            let update = action.progress.get(&c.update_id);
            prop_assert!(update.is_some(), "{} lacks update {} on {}", r.organisation(), c.update_id, c.action_id);
            prop_assert_eq!(update.map(|u| u.narrative.as_str()), Some(c.narrative.as_str()));
        }
    }
    Ok(())
}

fn sorted_heads(ws: &mut Workspace) -> Vec<automerge::ChangeHash> {
    let mut heads = ws.heads();
    safer_plan::sorting::sort(&mut heads);
    heads
}

struct Letter {
    from: usize,
    to: usize,
    bytes: Vec<u8>,
}

fn run(base: &[u8], n: usize, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut reps = replicas(n, base);
    let mut mailbox: Vec<Letter> = Vec::new();
    let mut committed: Vec<Committed> = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        let at = T + k as i64;
        match step {
            Step::EditTitle { who, action, words } => {
                let r = &mut reps[who % n];
                let id = action_id(*action);
                let current = r.ws.partnership().action(&id).expect("demo action").clone();
                let title = format!("{} ({}, step {k})", words.trim(), r.organisation());
                r.ws.edit_action(&Stamp::new(&r.author, at), &id, retitled(&current, title)).expect("title edited");
            }
            Step::SetStatus { who, action, status } => {
                let r = &mut reps[who % n];
                let narrative = format!("Status set to {} by {}.", status.label(), r.organisation());
                let date = Date::from_unix_seconds(at);
                add_progress(r, *action, *status, date, narrative, at, &mut committed);
            }
            Step::AddProgress { who, action, status, day, words } => {
                let r = &mut reps[who % n];
                let date = Date::new(2021, 3, *day).expect("valid date");
                add_progress(r, *action, *status, date, words.clone(), at, &mut committed);
            }
            Step::Send { from, to } => {
                let from = from % n;
                // Any partner but the sender.
                let to = (from + 1 + to % (n - 1)) % n;
                let bytes = file_for(&mut reps, from, to, false, at);
                mailbox.push(Letter { from, to, bytes });
            }
            Step::Deliver { pick, fate } => {
                if mailbox.is_empty() {
                    continue;
                }
                let letter = mailbox.swap_remove(pick % mailbox.len());
                let times = match fate {
                    Fate::Lost => 0,
                    Fate::Once => 1,
                    Fate::Twice => 2,
                };
                for time in 0..times {
                    let heads = reps[letter.to].ws.heads();
                    let new = deliver(&mut reps, letter.from, letter.to, &letter.bytes, at)?;
                    if time == 1 {
                        // The same file again (it went in, or was replaced
                        // by the whole partnership the first time).
                        prop_assert_eq!(new, 0, "a file delivered twice brought changes the second time");
                        prop_assert_eq!(&reps[letter.to].ws.heads(), &heads);
                    }
                }
            }
        }
    }

    // Everyone sends everyone the whole partnership, round after round,
    // until every copy has the same heads: another round could then bring
    // nothing, as one more whole file shows.
    let end = T + steps.len() as i64;
    let mut rounds = 0;
    loop {
        rounds += 1;
        prop_assert!(rounds <= n, "copies still differ after {n} rounds of whole files");
        every_partner_sends_everyone(&mut reps, true, end + rounds as i64)?;
        if same_heads(&mut reps) {
            break;
        }
    }
    let last = file_for(&mut reps, n - 1, 0, true, end + n as i64 + 1);
    prop_assert_eq!(deliver(&mut reps, n - 1, 0, &last, end + n as i64 + 1)?, 0, "a whole file brought changes");
    converged(&mut reps, &committed)?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn partners_swapping_files_in_any_order_end_up_with_the_same_partnership(
        n in 3..=5usize,
        steps in proptest::collection::vec(step(), 1..32),
    ) {
        run(demo_bytes(), n, &steps)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn partners_swapping_files_of_the_whole_demo_end_up_with_the_same_partnership(
        n in 3..=5usize,
        steps in proptest::collection::vec(step(), 1..32),
    ) {
        run(whole_demo_bytes(), n, &steps)?;
    }
}

#[test]
fn delivering_the_same_file_twice_changes_nothing() {
    let mut reps = replicas(2, whole_demo_bytes());
    let police = reps[1].author.clone();
    for (k, whole) in [false, true].into_iter().enumerate() {
        let at = T + 10 * k as i64;
        let current = reps[1].ws.partnership().action("action-04").expect("demo action").clone();
        let title = format!("Review the serious youth violence strategy ({})", k + 1);
        reps[1].ws.edit_action(&Stamp::new(&police, at), "action-04", retitled(&current, title)).expect("edited");
        let update = ValidProgress {
            date: Date::new(2021, 3, 1).expect("date"),
            status: Status::AtRisk,
            narrative: Narrative::new(format!("Funding for year {} is not yet agreed.", k + 2)),
        };
        reps[1].ws.add_progress(&Stamp::new(&police, at + 1), "action-04", update).expect("update");

        let file = file_for(&mut reps, 1, 0, whole, at + 2);
        let kind = exchange::open(&file, None, Some(&mut reps[0].ws)).expect("opens").kind;
        assert_eq!(kind, if whole { FileKind::Whole } else { FileKind::Changes });
        assert_eq!(deliver(&mut reps, 1, 0, &file, at + 3).expect("delivered"), 2, "{kind:?}");
        let heads = reps[0].ws.heads();
        let partnership = reps[0].ws.partnership().clone();
        assert_eq!(deliver(&mut reps, 1, 0, &file, at + 4).expect("delivered again"), 0, "{kind:?}");
        assert_eq!(reps[0].ws.heads(), heads);
        assert!(reps[0].ws.partnership() == &partnership);
        assert!(reps[0].ws.partnership() == reps[1].ws.partnership());
        assert_eq!(sorted_heads(&mut reps[0].ws), sorted_heads(&mut reps[1].ws));
    }
}

/// A file of changes that never arrived is sent again once the partner's
/// own file shows they lack it. The ledger records what we sent as if it
/// arrived, and later files build only on that, so without a reply
/// correcting it the lost changes are never resent (unless we edit again,
/// when the partner's device asks for the whole partnership).
#[test]
fn a_lost_file_of_changes_reaches_the_partner_once_they_reply() {
    let mut reps = replicas(2, demo_bytes());
    let council = reps[0].author.clone();
    let current = reps[0].ws.partnership().action("action-01").expect("demo action").clone();
    let title = "Agree the serious violence duty strategy".to_string();
    reps[0].ws.edit_action(&Stamp::new(&council, T), "action-01", retitled(&current, title)).expect("edited");
    let _lost = file_for(&mut reps, 0, 1, false, T + 1);
    let police = reps[1].author.clone();
    let date = Date::new(2021, 3, 1).expect("date");
    let update = ValidProgress { date, status: Status::OnTrack, narrative: Narrative::new("Workshop held.") };
    reps[1].ws.add_progress(&Stamp::new(&police, T + 2), "action-02", update).expect("update");
    for round in 0..2 {
        let at = T + 10 * (round + 1);
        let reply = file_for(&mut reps, 1, 0, false, at);
        deliver(&mut reps, 1, 0, &reply, at).expect("the police's file goes in");
        let file = file_for(&mut reps, 0, 1, false, at + 1);
        deliver(&mut reps, 0, 1, &file, at + 1).expect("the council's file goes in");
    }
    assert!(reps[1].ws.partnership() == reps[0].ws.partnership(), "the council's edit never reached the police");
    assert_eq!(sorted_heads(&mut reps[0].ws), sorted_heads(&mut reps[1].ws));
}
