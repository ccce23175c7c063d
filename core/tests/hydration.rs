//! The partnership read in one pass (`doc::interop::partnership`, through a
//! `Snapshot` of the document) is exactly what autosurgeon reads field by
//! field (`partnership_field_by_field`), the reference: for the demo, the
//! large partnership, documents from other clients, and documents another
//! tool has edited at random — fields deleted (an older document), strings
//! written as text and numbers as any number type (the Lenient rules),
//! values of the wrong type put anywhere (refused the same way, never a
//! panic).

use std::sync::OnceLock;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, Prop, ROOT, ReadDoc, ScalarValue, Value};
use proptest::prelude::*;
use safer_plan_core::doc::interop::{partnership, partnership_field_by_field};
use safer_plan_core::doc::{DocError, Stamp, Workspace};
use safer_plan_core::model::cover::Paper;
use safer_plan_core::model::workshop::{ItemKind, Side, WorkshopFormat};
use safer_plan_core::model::{Author, Cover, Date, FinancialYear, Narrative, Partnership};

type Read = Result<Partnership, DocError>;

/// Both readers on one document.
fn both(doc: &AutoCommit) -> (Read, Read) {
    (partnership(doc).map_err(DocError::from), partnership_field_by_field(doc).map_err(DocError::from))
}

fn stamp() -> Stamp {
    Stamp::new(&Author::new("Community Safety Officer", "Luton Council"), 1_600_000_000)
}

/// The demo with every kind of item the model holds: a problem-solving
/// workshop with a root cause, a questionnaire asking for contact details
/// with a response, a report note and a committee paper's cover.
fn rich_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut ws = safer_plan_core::demo::workspace();
        let me = stamp();
        let theme = ws.partnership().themes_in_order()[3].id.clone();
        let w =
            ws.add_workshop(&me, "High Town JAG", WorkshopFormat::ProblemSolving, Some(theme), 3).expect("workshop");
        ws.add_workshop_item(&me, &w, ItemKind::Cause(Side::Location), "Unlit alleyways").expect("cause");
        let q = ws.add_questionnaire(&me, "How safe do you feel?", "Day of action").expect("questionnaire");
        ws.ask_for_contact(&me, &q).expect("contact questions");
        let typed = [
            ("q1".to_string(), vec!["2".to_string()]),
            ("q4".to_string(), vec!["LU1 3AB".to_string()]),
            ("q5".to_string(), vec!["yes".to_string()]),
            ("q6".to_string(), vec!["resident@example.org".to_string()]),
        ]
        .into();
        ws.record_response(&me, &q, &typed).expect("response");
        ws.write_report_note(&me, "annual/2019-20/recommendations", "recommendations", "Fund the MARAC.")
            .expect("note");
        let cover = Cover {
            committee: "Overview and Scrutiny Board".into(),
            meeting: Some(Date::new(2020, 6, 2).expect("date")),
            report_of: "Community Safety Partnership Executive".into(),
            author_role: "Community Safety Partnership Manager".into(),
            purpose: Narrative::new("To report the year's progress."),
            recommendations: Narrative::default(),
        };
        ws.write_cover(&me, &Paper::Annual(FinancialYear(2019)), cover).expect("cover");
        ws.save()
    })
}

fn rich() -> AutoCommit {
    AutoCommit::load(rich_bytes()).expect("loads")
}

#[test]
fn the_demo_with_every_kind_of_item_reads_the_same_both_ways() {
    let doc = rich();
    let (one_pass, reference) = both(&doc);
    let p = one_pass.expect("reads");
    assert_eq!(Ok(&p), reference.as_ref());
    // Worked example: what the fixture put in is what comes out.
    assert_eq!(p.actions.len(), 13);
    assert_eq!(p.workshops.values().filter(|w| w.title == "High Town JAG").count(), 1);
    assert_eq!(p.report_notes["annual/2019-20/recommendations"].as_str(), "Fund the MARAC.");
    assert_eq!(p.covers["annual/2019-20"].meeting, Date::new(2020, 6, 2).ok());
}

#[test]
fn the_large_partnership_reads_the_same_both_ways() {
    let bytes = safer_plan_core::demo::large::large_workspace(1_579_089_600).save();
    let doc = AutoCommit::load(&bytes).expect("loads");
    let (one_pass, reference) = both(&doc);
    let p = one_pass.expect("reads");
    assert_eq!((p.actions.len(), p.indicators.len()), (500, 200));
    assert_eq!(p.actions.values().map(|a| a.progress.len()).sum::<usize>(), 5_000);
    assert!(Ok(&p) == reference.as_ref());
}

#[test]
fn documents_from_other_clients_read_the_same_both_ways() {
    for name in ["js-edit-action-title.automerge", "bloom-fp-tabA.automerge", "bloom-fp-tabB.automerge"] {
        let path = format!("{}/../tests/fixtures/realworld/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let doc = AutoCommit::load(&bytes).expect("loads");
        let (one_pass, reference) = both(&doc);
        assert!(one_pass.is_ok(), "{name}: {one_pass:?}");
        assert!(one_pass == reference, "{name}");
    }
}

#[test]
fn a_document_nested_deeper_than_any_stack_is_read_without_overflowing() {
    let mut doc = rich();
    let mut obj = doc.put_object(ROOT, "left by another tool", ObjType::Map).expect("map");
    for _ in 0..100_000 {
        obj = doc.put_object(&obj, "deeper", ObjType::Map).expect("map");
    }
    doc.commit();
    let (one_pass, reference) = both(&doc);
    assert!(one_pass.is_ok());
    assert!(one_pass == reference);
}

/// A place in the document: a map key or a list index in an object.
#[derive(Debug, Clone)]
struct Slot {
    obj: ObjId,
    prop: Prop,
    value: Value<'static>,
}

/// Every map entry and list element of the rich demo, text objects left
/// whole (a Narrative is one slot).
fn slots() -> &'static [Slot] {
    static SLOTS: OnceLock<Vec<Slot>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let doc = rich();
        let mut out = Vec::new();
        let mut pending = vec![(ROOT, ObjType::Map)];
        while let Some((obj, kind)) = pending.pop() {
            let entries: Vec<(Prop, Value<'static>, ObjId)> = match kind {
                ObjType::Map | ObjType::Table => doc
                    .map_range(&obj, ..)
                    .map(|i| {
                        let id = i.id();
                        (Prop::Map(i.key.to_string()), i.value.into_value(), id)
                    })
                    .collect(),
                ObjType::List => doc
                    .list_range(&obj, ..)
                    .map(|i| {
                        let id = i.id();
                        (Prop::Seq(i.index), i.value.into_value(), id)
                    })
                    .collect(),
                ObjType::Text => Vec::new(),
            };
            for (prop, value, id) in entries {
                if let Value::Object(child) = value {
                    pending.push((id, child));
                }
                out.push(Slot { obj: obj.clone(), prop, value });
            }
        }
        out
    })
}

/// What another tool does to one slot.
#[derive(Debug, Clone)]
enum Edit {
    /// Left out, as in a document older than the field.
    Delete,
    /// The same string written as a text object (automerge-js does this).
    SameAsText,
    /// The same number written as an integer, unsigned integer or float.
    SameNumberAs(u8),
    /// Any scalar in its place.
    Put(ScalarValue),
    /// A text object with this content.
    Text(String),
    /// An empty map, or an empty list.
    Object(bool),
    /// A new key beside it, which no reader asks for.
    Beside(String, ScalarValue),
}

fn scalar() -> impl Strategy<Value = ScalarValue> {
    prop_oneof![
        "[a-z0-9 -]{0,12}".prop_map(|s| ScalarValue::Str(s.into())),
        Just(ScalarValue::Str("2020-01-28".into())),
        Just(ScalarValue::Str("on-track".into())),
        any::<i64>().prop_map(ScalarValue::Int),
        (-3i64..30).prop_map(ScalarValue::Int),
        any::<u64>().prop_map(ScalarValue::Uint),
        any::<f64>().prop_map(ScalarValue::F64),
        (-3.0f64..30.0).prop_map(ScalarValue::F64),
        Just(ScalarValue::F64(f64::NAN)),
        any::<bool>().prop_map(ScalarValue::Boolean),
        Just(ScalarValue::Null),
        any::<i64>().prop_map(ScalarValue::Timestamp),
        any::<i64>().prop_map(ScalarValue::counter),
        proptest::collection::vec(any::<u8>(), 0..4).prop_map(ScalarValue::Bytes),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => Just(Edit::Delete),
        3 => Just(Edit::SameAsText),
        2 => (0u8..3).prop_map(Edit::SameNumberAs),
        3 => scalar().prop_map(Edit::Put),
        1 => "[a-z ]{0,12}".prop_map(Edit::Text),
        1 => any::<bool>().prop_map(Edit::Object),
        1 => ("[a-z_]{1,8}", scalar()).prop_map(|(k, v)| Edit::Beside(k, v)),
    ]
}

fn number_as(value: &Value<'_>, kind: u8) -> Option<ScalarValue> {
    let n = match value {
        Value::Scalar(s) => match s.as_ref() {
            ScalarValue::Int(i) => *i as f64,
            ScalarValue::Uint(u) => *u as f64,
            ScalarValue::F64(f) => *f,
            _ => return None,
        },
        Value::Object(_) => return None,
    };
    Some(match kind {
        0 => ScalarValue::Int(n as i64),
        1 => ScalarValue::Uint(n as u64),
        _ => ScalarValue::F64(n),
    })
}

/// Makes `edit` at `slot`; `false` when it does not apply there (a text
/// is not a number, an element an earlier edit removed is gone).
fn apply(doc: &mut AutoCommit, slot: &Slot, edit: &Edit) -> bool {
    let Slot { obj, prop, value } = slot;
    let put = |doc: &mut AutoCommit, v: ScalarValue| doc.put(obj, prop.clone(), v).is_ok();
    match edit {
        Edit::Delete => doc.delete(obj, prop.clone()).is_ok(),
        Edit::SameAsText => match value {
            Value::Scalar(s) => match s.as_ref() {
                ScalarValue::Str(text) => {
                    let text = text.to_string();
                    doc.put_object(obj, prop.clone(), ObjType::Text)
                        .and_then(|t| doc.splice_text(&t, 0, 0, &text))
                        .is_ok()
                }
                _ => false,
            },
            Value::Object(_) => false,
        },
        Edit::SameNumberAs(kind) => number_as(value, *kind).is_some_and(|n| put(doc, n)),
        Edit::Put(v) => put(doc, v.clone()),
        Edit::Text(text) => {
            doc.put_object(obj, prop.clone(), ObjType::Text).and_then(|t| doc.splice_text(&t, 0, 0, text)).is_ok()
        }
        Edit::Object(map) => doc.put_object(obj, prop.clone(), if *map { ObjType::Map } else { ObjType::List }).is_ok(),
        Edit::Beside(key, v) => {
            matches!(prop, Prop::Map(_)) && doc.put(obj, format!("{key}_extra").as_str(), v.clone()).is_ok()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_document_another_tool_edited_reads_the_same_both_ways(
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), edit()), 1..5),
    ) {
        let slots = slots();
        let mut doc = rich();
        for (at, edit) in &edits {
            apply(&mut doc, &slots[at.index(slots.len())], edit);
        }
        doc.commit();
        let (one_pass, reference) = both(&doc);
        prop_assert!(same(&one_pass, &reference), "one pass {:?}\nreference {:?}", one_pass.as_ref().err(), reference.as_ref().err());
    }
}

/// A partner's document: the rich demo with `edits` made by another tool,
/// one change each; and the changes.
fn partner_changes(edits: &[(proptest::sample::Index, Edit)]) -> Vec<automerge::Change> {
    let slots = slots();
    let mut doc = rich();
    let base = doc.get_heads();
    for (at, edit) in edits {
        apply(&mut doc, &slots[at.index(slots.len())], edit);
        doc.commit();
    }
    doc.get_changes(&base)
}

/// The same partnership, or the same refusal. Compared by their `Debug`
/// text, which shows every field, because another tool may write NaN into a
/// number and NaN is never `==` to itself, though both readers read it alike.
fn same(a: &Read, b: &Read) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

/// A workspace's partnership, or why it would not open.
fn opened(ws: Result<Workspace, DocError>) -> Read {
    ws.map(|ws| ws.partnership().clone())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// A preview reads again only what the partner's changes touched: it
    /// must hold what opening the whole document would.
    #[test]
    fn a_preview_of_a_partner_s_changes_reads_as_the_whole_document_would(
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), edit()), 1..5),
    ) {
        let changes = partner_changes(&edits);
        let mut ours = Workspace::load(rich_bytes()).expect("opens");
        let preview = opened(ours.with_changes(changes.clone()));
        let mut whole = rich();
        whole.apply_changes(changes).expect("applies");
        let expected = opened(Workspace::from_doc(whole));
        prop_assert!(same(&preview, &expected), "preview {:?}\nwhole {:?}", preview.as_ref().err(), expected.as_ref().err());
    }

    /// The file worker's check of the same changes, on the saved document
    /// it keeps and never read whole, passes exactly when the preview opens
    /// and refuses with the preview's words.
    #[test]
    fn the_file_worker_s_check_refuses_exactly_what_the_preview_refuses(
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), edit()), 1..5),
    ) {
        let changes = partner_changes(&edits);
        let mut ours = Workspace::load(rich_bytes()).expect("opens");
        let preview = ours.with_changes(changes.clone()).map(|_| ());
        let mut kept = AutoCommit::load(rich_bytes()).expect("loads");
        let checked = Workspace::check_changes(&mut kept, changes);
        prop_assert_eq!(checked, preview);
    }

    /// Merging a partner's copy into one with changes of its own reads
    /// again only what either side changed.
    #[test]
    fn a_merge_reads_as_the_whole_merged_document_would(
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), edit()), 1..5),
        action in 0..13usize,
    ) {
        let mut partner = rich();
        partner.apply_changes(partner_changes(&edits)).expect("applies");
        let Ok(mut incoming) = Workspace::from_doc(partner.fork()) else { return Ok(()) };
        let mut ours = Workspace::load(rich_bytes()).expect("opens");
        let id = ours.partnership().actions.keys().nth(action).cloned().expect("13 actions");
        let update = safer_plan_core::model::ValidProgress {
            date: Date::new(2020, 3, 2).expect("date"),
            status: safer_plan_core::model::Status::AtRisk,
            narrative: Narrative::new("Funding is not yet agreed."),
        };
        ours.add_progress(&stamp(), &id, update).expect("recorded");
        let mut whole = AutoCommit::load(&ours.save()).expect("loads");
        whole.merge(&mut partner).expect("merges");
        let expected = opened(Workspace::from_doc(whole));
        let heads = ours.heads();
        match ours.merge(&mut incoming) {
            Ok(_) => prop_assert!(same(&Ok(ours.partnership().clone()), &expected)),
            Err(e) => {
                prop_assert_eq!(Err(e), expected.map(|_| ()));
                prop_assert_eq!(ours.heads(), heads, "a refused merge leaves our copy as it was");
            }
        }
    }
}
