//! `docs/FORMAT.md` is the document layout for other tools; these tests
//! keep it true. A partnership using every field (the demo plus the few
//! things the demo lacks) is walked key by key: every key it holds must be
//! in FORMAT.md's tables, written the way the table says, and every row of
//! the tables must be found in it. What the tables say about absent fields
//! is tried by deleting each one; what the page says about other clients'
//! representations is tried by rewriting every string as text and every
//! whole number as an integer.

use std::collections::{BTreeMap, BTreeSet};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, Prop, ROOT, ReadDoc, ScalarValue, Value};
use safer_plan::doc::{Stamp, Workspace};
use safer_plan::model::consultation::Answer;
use safer_plan::model::performance::{Frequency, Indicator, Polarity};
use safer_plan::model::workshop::{ItemKind, Side, Workshop, WorkshopFormat, WorkshopItem};
use safer_plan::model::{Cover, Date, Narrative, Partnership};

const KINDS: [&str; 9] = ["string", "text", "int", "uint", "float", "bool", "null", "map", "list"];

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    /// `<...>`: any key of a map keyed by id, code or name.
    Any,
    /// `[]`: any element of a list.
    Index,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Absent {
    Required,
    Optional,
    /// An element or entry, or one of several: nothing to try.
    NotApplicable,
}

#[derive(Debug)]
struct Row {
    path: String,
    pattern: Vec<Seg>,
    written: BTreeSet<String>,
    absent: Absent,
}

fn rows() -> Vec<Row> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md")).expect("FORMAT.md");
    let mut rows = Vec::new();
    // Rows of the tables headed "Key path", which end at a blank line.
    let mut in_table = false;
    for line in doc.lines() {
        in_table = (in_table || line.starts_with("| Key path")) && !line.trim().is_empty();
        if !in_table || !line.starts_with("| `") {
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let path = cells[1].trim_matches('`').to_string();
        let mut pattern = Vec::new();
        for part in path.split('.') {
            match part.strip_suffix("[]") {
                _ if part.starts_with('<') => pattern.push(Seg::Any),
                Some(name) => {
                    pattern.push(Seg::Key(name.to_string()));
                    pattern.push(Seg::Index);
                }
                None => pattern.push(Seg::Key(part.to_string())),
            }
        }
        let written = cells[2].split('`').skip(1).step_by(2).filter(|k| KINDS.contains(k)).map(String::from).collect();
        let absent = if cells[4].starts_with("required") {
            Absent::Required
        } else if cells[4].starts_with('\u{2014}') {
            Absent::NotApplicable
        } else {
            Absent::Optional
        };
        rows.push(Row { path, pattern, written, absent });
    }
    rows
}

/// A key as found in the document.
#[derive(Debug, Clone)]
enum Found {
    Key(String),
    Index(usize),
}

fn matches(pattern: &[Seg], path: &[Found]) -> bool {
    pattern.len() == path.len()
        && pattern.iter().zip(path).all(|(p, f)| match (p, f) {
            (Seg::Key(k), Found::Key(f)) => k == f,
            (Seg::Any, Found::Key(_)) | (Seg::Index, Found::Index(_)) => true,
            _ => false,
        })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Object(ObjType::Map | ObjType::Table) => "map",
        Value::Object(ObjType::List) => "list",
        Value::Object(ObjType::Text) => "text",
        Value::Scalar(s) => match s.as_ref() {
            ScalarValue::Str(_) => "string",
            ScalarValue::Int(_) => "int",
            ScalarValue::Uint(_) => "uint",
            ScalarValue::F64(_) => "float",
            ScalarValue::Boolean(_) => "bool",
            ScalarValue::Null => "null",
            _ => "something else",
        },
    }
}

/// Every key in the document: its path, how it is written, where it is.
fn walk(doc: &AutoCommit, obj: &ObjId, path: &[Found], out: &mut Vec<(Vec<Found>, &'static str, ObjId, Prop)>) {
    let props: Vec<Prop> = match doc.object_type(obj) {
        Ok(ObjType::List) => (0..doc.length(obj)).map(Prop::Seq).collect(),
        _ => doc.keys(obj).map(Prop::Map).collect(),
    };
    for prop in props {
        let Some((value, id)) = doc.get(obj, prop.clone()).expect("readable") else { continue };
        let mut here = path.to_vec();
        here.push(match &prop {
            Prop::Map(k) => Found::Key(k.clone()),
            Prop::Seq(i) => Found::Index(*i),
        });
        out.push((here.clone(), kind(&value), obj.clone(), prop));
        if matches!(value, Value::Object(ObjType::Map | ObjType::List)) {
            walk(doc, &id, &here, out);
        }
    }
}

/// The demo partnership with what the demo itself never holds: a report
/// note, an indicator with no theme, baseline or target, a problem-solving
/// workshop with a root cause, a resident who agreed to be contacted, a
/// worry reworded for residents and a committee paper's cover block.
fn everything() -> Vec<u8> {
    let demo = safer_plan::demo::workspace();
    let mut p: Partnership = demo.partnership().clone();
    p.report_notes.insert("annual/2019-20/recommendations".into(), Narrative::new("Endorse the plan."));
    let bare = Indicator {
        id: "indicator-bare".into(),
        name: "Residents feeling safe after dark".into(),
        theme_id: None,
        unit: "%".into(),
        polarity: Polarity::HigherIsBetter,
        baseline: None,
        baseline_period: String::new(),
        target: None,
        frequency: Frequency::Annual,
        basis: Default::default(),
        span: Default::default(),
        source: String::new(),
        notes: Narrative::default(),
        values: BTreeMap::new(),
    };
    p.indicators.insert(bare.id.clone(), bare);
    let cause =
        WorkshopItem { id: "cause-1".into(), kind: ItemKind::Cause(Side::Location), text: "Poor lighting".into() };
    let workshop = Workshop {
        id: "workshop-ps".into(),
        title: "Town centre problem-solving".into(),
        format: WorkshopFormat::ProblemSolving,
        theme_id: p.themes.keys().next().cloned(),
        assessment_id: None,
        dots: 3,
        items: BTreeMap::from([(cause.id.clone(), cause)]),
        votes: BTreeMap::new(),
    };
    p.workshops.insert(workshop.id.clone(), workshop);
    let questionnaire = p.questionnaires.values_mut().next().expect("the demo has a questionnaire");
    let response = questionnaire.responses.values_mut().next().expect("and responses");
    response.answers.insert("consent".into(), Answer::Consent(true));
    response.answers.insert("contact".into(), Answer::Contact("resident@example.org".into()));
    let worries = questionnaire.worries_question().map(|q| q.id.clone()).expect("the standard worries question");
    let question = questionnaire.questions.get_mut(&worries).expect("worries");
    let option = question.options.first().cloned().expect("options");
    question.wording.insert(option, "Crime in my street".into());
    p.covers.insert(
        "annual/2019-20".into(),
        Cover {
            committee: "Overview and Scrutiny Board".into(),
            meeting: Some(Date::new(2020, 7, 14).expect("a date")),
            report_of: "Community Safety Partnership Executive".into(),
            author_role: "Community Safety Partnership Manager".into(),
            purpose: Narrative::new("To report the partnership's work in 2019-20."),
            recommendations: Narrative::new("Note the report."),
        },
    );
    let me = Stamp::new(&safer_plan::demo::demo_author(), 1_700_000_000);
    Workspace::create_from(p, "Everything the format holds", &me).save()
}

#[test]
fn every_key_the_app_writes_is_in_format_md_written_as_it_says_and_every_row_is_real() {
    let rows = rows();
    assert!(rows.len() > 150, "FORMAT.md's tables were read ({} rows)", rows.len());
    let doc = AutoCommit::load(&everything()).expect("loads");
    let mut found = Vec::new();
    walk(&doc, &ROOT, &[], &mut found);
    let mut seen = vec![false; rows.len()];
    for (path, kind, ..) in &found {
        let shown: Vec<String> = path
            .iter()
            .map(|f| match f {
                Found::Key(k) => k.clone(),
                Found::Index(i) => i.to_string(),
            })
            .collect();
        let shown = shown.join(".");
        let Some(i) = rows.iter().position(|r| matches(&r.pattern, path)) else {
            panic!("{shown} is not in docs/FORMAT.md");
        };
        assert!(rows[i].written.contains(*kind), "{shown} is written as {kind}; FORMAT.md says {:?}", rows[i].written);
        seen[i] = true;
    }
    let unseen: Vec<&str> = rows.iter().zip(&seen).filter(|(_, s)| !**s).map(|(r, _)| r.path.as_str()).collect();
    assert!(unseen.is_empty(), "FORMAT.md lists keys the app never writes: {unseen:?}");
}

#[test]
fn what_format_md_says_about_absent_fields_is_true() {
    let bytes = everything();
    let doc = AutoCommit::load(&bytes).expect("loads");
    let mut found = Vec::new();
    walk(&doc, &ROOT, &[], &mut found);
    for row in rows().into_iter().filter(|r| r.absent != Absent::NotApplicable) {
        let (_, _, obj, prop) =
            found.iter().find(|(path, ..)| matches(&row.pattern, path)).expect("every row is in the document");
        let mut without = AutoCommit::load(&bytes).expect("loads");
        without.delete(obj, prop.clone()).expect("delete");
        without.commit();
        let opened = Workspace::from_doc(without);
        match row.absent {
            Absent::Required => assert!(opened.is_err(), "{} is required, yet the plan opened without it", row.path),
            _ => assert!(opened.is_ok(), "{} may be absent, yet: {:?}", row.path, opened.err()),
        }
    }
}

#[test]
fn every_string_as_text_and_every_whole_number_as_an_integer_reads_the_same() {
    let bytes = everything();
    let expected = Workspace::load(&bytes).expect("opens").partnership().clone();
    let mut doc = AutoCommit::load(&bytes).expect("loads");
    let mut found = Vec::new();
    walk(&doc, &ROOT, &[], &mut found);
    let mut rewritten = 0;
    for (_, kind, obj, prop) in found {
        let Some((Value::Scalar(value), _)) = doc.get(&obj, prop.clone()).expect("readable") else { continue };
        match (kind, value.into_owned()) {
            ("string", ScalarValue::Str(s)) => {
                let text = match prop {
                    Prop::Map(key) => doc.put_object(&obj, key, ObjType::Text),
                    Prop::Seq(i) => doc.put_object(&obj, i, ObjType::Text),
                }
                .expect("text");
                doc.splice_text(&text, 0, 0, &s).expect("splice");
            }
            ("float", ScalarValue::F64(f)) if f.fract() == 0.0 => doc.put(&obj, prop, f as i64).expect("int"),
            ("uint", ScalarValue::Uint(u)) => doc.put(&obj, prop, u as i64).expect("int"),
            _ => continue,
        }
        rewritten += 1;
    }
    doc.commit();
    assert!(rewritten > 500, "{rewritten} values rewritten");
    let ws = Workspace::from_doc(doc).expect("a partnership written with text and integers opens");
    assert_eq!(ws.partnership(), &expected);
}

#[test]
fn every_change_kind_the_app_writes_is_in_format_md() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md")).expect("FORMAT.md");
    for kind in safer_plan::doc::ChangeKind::ALL.into_iter().filter(|k| *k != safer_plan::doc::ChangeKind::Other) {
        assert!(doc.contains(&format!("`{}`", kind.code())), "the change kind {} is not in FORMAT.md", kind.code());
    }
}
