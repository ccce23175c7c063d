//! Each indicator intent is one change signed by its author; documents from
//! before indicators, and numbers written by other Automerge clients, open.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ROOT, ReadDoc, ScalarValue};

use super::*;
use crate::model::Author;
use crate::model::performance::{QuarterValueDraft, parse_quarter_code};

fn analyst() -> Author {
    Author::new("Community Safety Analyst", "Bedfordshire Police")
}

fn manager() -> Author {
    Author::new("CSP Manager", "Luton Council")
}

fn fresh() -> Workspace {
    Workspace::create("Luton CSP", "Luton", &Stamp::new(&manager(), 0))
}

fn burglary() -> IndicatorDraft {
    IndicatorDraft {
        name: "Burglary".into(),
        unit: "crimes".into(),
        polarity: "lower-is-better".into(),
        baseline: "1,200".into(),
        baseline_period: "2018-19".into(),
        target_kind: "percent-change".into(),
        target: "-5".into(),
        frequency: "quarterly".into(),
        basis: "per-quarter".into(),
        span: "year".into(),
        source: "Bedfordshire Police crime data".into(),
        ..Default::default()
    }
}

fn value(quarter: &str, value: &str) -> ValidQuarterValue {
    let draft = QuarterValueDraft { quarter: quarter.into(), value: value.into(), note: " Provisional ".into() };
    draft.validate().expect("valid value")
}

#[test]
fn adding_editing_recording_and_deleting_are_each_one_signed_change() {
    let mut ws = fresh();
    let id = ws.save_indicator(&Stamp::new(&manager(), 10), None, &burglary()).expect("add");
    let target = format!("indicator/{id}");
    let edited = IndicatorDraft { name: "Burglary (residential)".into(), ..burglary() };
    ws.save_indicator(&Stamp::new(&manager(), 20), Some(&id), &edited).expect("edit");
    ws.record_value(&Stamp::new(&analyst(), 30), &id, value("2019-20-Q3", "1,150")).expect("record");
    let recorded = &ws.partnership().indicators[&id].values["2019-20-Q3"];
    assert_eq!((recorded.value, recorded.note.as_str()), (1150.0, "Provisional"));
    assert_eq!((recorded.recorded_by.as_str(), recorded.recorded_at), ("Community Safety Analyst", 30));
    ws.delete_indicator(&Stamp::new(&manager(), 40), &id).expect("delete");
    assert!(ws.partnership().indicators.is_empty());

    let history = ws.history_of(&target);
    let lines: Vec<(&str, &Author)> = history.iter().map(|h| (h.summary.as_str(), &h.author)).collect();
    assert_eq!(
        lines,
        [
            ("Deleted the indicator Burglary (residential) and its values", &manager()),
            ("Recorded Q3 2019-20 for Burglary (residential)", &analyst()),
            ("Edited the indicator Burglary (residential)", &manager()),
            ("Added the indicator Burglary", &manager()),
        ]
    );
    assert_eq!(ws.history().len(), 5, "the partnership's creation plus four intents");
}

#[test]
fn recording_a_quarter_again_replaces_its_value() {
    let mut ws = fresh();
    let id = ws.save_indicator(&Stamp::new(&manager(), 10), None, &burglary()).expect("add");
    ws.record_value(&Stamp::new(&analyst(), 20), &id, value("2019-20-Q3", "1150")).expect("record");
    ws.record_value(&Stamp::new(&manager(), 30), &id, value("Q3 2019-20", "1148")).expect("correct");
    let loaded = Workspace::load(&ws.save()).expect("load");
    let indicator = &loaded.partnership().indicators[&id];
    assert_eq!(indicator.values.len(), 1);
    let q3 = parse_quarter_code("2019-20-Q3").expect("quarter");
    assert_eq!(indicator.value_in(q3), Some(1148.0));
    assert_eq!(indicator.values["2019-20-Q3"].recorded_organisation, "Luton Council");
}

#[test]
fn refused_forms_and_no_op_saves_change_nothing() {
    let mut ws = fresh();
    let id = ws.save_indicator(&Stamp::new(&manager(), 10), None, &burglary()).expect("add");
    let heads = ws.heads();
    // Saving the form unchanged, as read back from the indicator, is not a change.
    let same = IndicatorDraft::from_indicator(&ws.partnership().indicators[&id]);
    assert_eq!(ws.save_indicator(&Stamp::new(&manager(), 20), Some(&id), &same).ok(), Some(id.clone()));
    let nameless = IndicatorDraft { name: " ".into(), ..burglary() };
    let invalid = ws.save_indicator(&Stamp::new(&manager(), 30), Some(&id), &nameless);
    assert!(matches!(invalid, Err(FormError::Invalid(e)) if e.get("name") == Some("Enter a name for the indicator")));
    let ghost = ws.save_indicator(&Stamp::new(&manager(), 40), Some("ghost"), &burglary());
    assert!(matches!(ghost, Err(FormError::Doc(DocError::NotFound { kind: "indicator" }))));
    let q3 = parse_quarter_code("2019-20-Q3").expect("quarter");
    assert!(ws.record_values(&Stamp::new(&analyst(), 50), q3, &[]).is_ok(), "nothing typed, nothing recorded");
    let unknown = ws.record_value(&Stamp::new(&analyst(), 60), "ghost", value("2019-20-Q3", "1"));
    assert!(matches!(unknown, Err(DocError::NotFound { .. })));
    assert!(matches!(ws.delete_indicator(&Stamp::new(&manager(), 70), "ghost"), Err(DocError::NotFound { .. })));
    assert_eq!(ws.heads(), heads);
}

/// Issue 16: the edit page once filled the baseline in with the two decimals
/// shown on screen, so saving an untouched indicator with a baseline of a
/// third wrote 0.33 as an edit. Through `from_indicator` it writes nothing.
#[test]
fn saving_an_untouched_indicator_whose_baseline_is_a_third_writes_nothing() {
    let mut ws = fresh();
    let third = IndicatorDraft { baseline: (1.0_f64 / 3.0).to_string(), ..burglary() };
    let id = ws.save_indicator(&Stamp::new(&manager(), 10), None, &third).expect("add");
    assert_eq!(ws.partnership().indicators[&id].baseline, Some(1.0 / 3.0));
    let heads = ws.heads();
    let untouched = IndicatorDraft::from_indicator(&ws.partnership().indicators[&id]);
    ws.save_indicator(&Stamp::new(&manager(), 20), Some(&id), &untouched).expect("save");
    assert_eq!(ws.heads(), heads, "an untouched form is not a change");
    assert_eq!(ws.partnership().indicators[&id].baseline, Some(1.0 / 3.0));
    // The screen's rounding, had it been used, would have been an edit.
    let rounded = IndicatorDraft { baseline: crate::model::performance::format_number(1.0 / 3.0), ..untouched };
    ws.save_indicator(&Stamp::new(&manager(), 30), Some(&id), &rounded).expect("save");
    assert_eq!(ws.partnership().indicators[&id].baseline, Some(0.33));
    assert_ne!(ws.heads(), heads);
}

/// A workspace saved before indicators existed has no `indicators` map.
fn without_indicators(ws: &mut Workspace) -> Workspace {
    let mut doc = AutoCommit::load(&ws.save()).expect("load");
    doc.delete(ROOT, "indicators").expect("remove the map");
    assert!(doc.get(ROOT, "indicators").expect("read").is_none());
    Workspace::from_doc(doc).expect("an old document still opens")
}

#[test]
fn a_document_from_before_indicators_opens_and_gains_them() {
    let mut old = without_indicators(&mut fresh());
    assert!(old.partnership().indicators.is_empty());
    let id = old.save_indicator(&Stamp::new(&manager(), 10), None, &burglary()).expect("add to an old document");
    old.record_value(&Stamp::new(&analyst(), 20), &id, value("2019-20-Q1", "300")).expect("record");
    let reloaded = Workspace::load(&old.save()).expect("load");
    assert_eq!(reloaded.partnership().indicators[&id].values.len(), 1);
}

/// The map at a path of keys from the root, as another client would find it.
fn object_at(doc: &AutoCommit, path: &[&str]) -> ObjId {
    path.iter().fold(ROOT, |obj, key| doc.get(&obj, *key).ok().flatten().map(|(_, o)| o).expect("the path exists"))
}

#[test]
fn whole_numbers_written_by_another_automerge_client_are_read() {
    let mut ws = fresh();
    let id = ws.save_indicator(&Stamp::new(&manager(), 10), None, &burglary()).expect("add");
    ws.record_value(&Stamp::new(&analyst(), 20), &id, value("2019-20-Q1", "300")).expect("record");
    let mut doc = AutoCommit::load(&ws.save()).expect("load");
    // The JavaScript library stores 1250 as an integer, not a float.
    let indicator = object_at(&doc, &["indicators", &id]);
    doc.put(&indicator, "baseline", ScalarValue::Int(1250)).expect("put");
    let q1 = object_at(&doc, &["indicators", &id, "values", "2019-20-Q1"]);
    doc.put(&q1, "value", ScalarValue::Uint(310)).expect("put");
    doc.commit();
    let loaded = Workspace::from_doc(doc).expect("integers are numbers too");
    let i = &loaded.partnership().indicators[&id];
    assert_eq!(i.baseline, Some(1250.0));
    assert_eq!(i.value_in(parse_quarter_code("2019-20-Q1").expect("quarter")), Some(310.0));
    assert_eq!(i.target_value(), Ok(1187.5));
}

#[test]
fn a_value_that_is_not_a_number_in_a_damaged_file_counts_as_missing() {
    let mut ws = fresh();
    let id = ws.save_indicator(&Stamp::new(&manager(), 10), None, &burglary()).expect("add");
    ws.record_value(&Stamp::new(&analyst(), 20), &id, value("2019-20-Q1", "300")).expect("record");
    let mut doc = AutoCommit::load(&ws.save()).expect("load");
    let q1 = object_at(&doc, &["indicators", &id, "values", "2019-20-Q1"]);
    doc.put(&q1, "value", ScalarValue::F64(f64::NAN)).expect("put");
    doc.commit();
    let loaded = Workspace::from_doc(doc).expect("the plan still opens");
    let i = &loaded.partnership().indicators[&id];
    let q = parse_quarter_code("2019-20-Q1").expect("quarter");
    assert_eq!((i.value_in(q), i.rag_in(q)), (None, None));
    assert!(i.is_missing(q) && i.series().is_empty());
}

#[test]
fn an_indicator_from_before_bases_opens_rated_as_it_was() {
    let mut ws = fresh();
    let id = ws.save_indicator(&Stamp::new(&manager(), 10), None, &burglary()).expect("add");
    ws.record_value(&Stamp::new(&analyst(), 20), &id, value("2019-20-Q1", "1,150")).expect("record");
    assert_eq!(
        ws.partnership().indicators[&id].rag_in(parse_quarter_code("2019-20-Q1").expect("q")),
        Some(crate::model::Rag::Red),
        "a quarter's 1,150 against 285, a quarter's share of 1,140 a year"
    );
    let mut doc = AutoCommit::load(&ws.save()).expect("load");
    let indicator = object_at(&doc, &["indicators", &id]);
    assert!(
        doc.get(&indicator, "basis").expect("read").is_some() && doc.get(&indicator, "span").expect("read").is_some()
    );
    doc.delete(&indicator, "basis").expect("remove");
    doc.delete(&indicator, "span").expect("remove");
    doc.commit();
    let old = Workspace::from_doc(doc).expect("an indicator without a basis still opens");
    let i = &old.partnership().indicators[&id];
    assert_eq!(
        (i.basis, i.span),
        (crate::model::performance::Basis::PerQuarter, crate::model::performance::Span::Quarter)
    );
    // As before bases: 1,150 against 1,140 as it stands (no longer shared out), so amber.
    let q1 = parse_quarter_code("2019-20-Q1").expect("quarter");
    assert_eq!(i.rag_in(q1), Some(crate::model::Rag::Amber));
    // Saving its form untouched is still no change.
    let mut old = old;
    let heads = old.heads();
    let same = IndicatorDraft::from_indicator(&old.partnership().indicators[&id]);
    old.save_indicator(&Stamp::new(&manager(), 30), Some(&id), &same).expect("same");
    assert_eq!(old.heads(), heads);
}
