//! Asking residents what worries them, at a community event on a tablet:
//! a short questionnaire, anonymous responses, and the counts and averages
//! that feed the strategic assessment.
//!
//! Responses hold no names or contact details unless the organiser adds
//! the contact questions, and then only from residents who agree; a
//! postcode is cut to its district ("LU1 2AB" → "LU1") before it is kept.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile};

mod areas;
mod wording;

pub use wording::{MAX_WORDING_CHARS, WORRY_FIELDS, WordingDraft, example_district, worry_field};

/// One question. The standard set is [`Questionnaire::standard`].
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Question {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    /// For [`QuestionKind::Choices`]: the options (usually the themes).
    #[autosurgeon(missing = "Default::default", reconcile = "crate::model::stored::reconcile_labels")]
    pub options: Vec<String>,
    /// Position in the questionnaire.
    #[autosurgeon(hydrate = "crate::model::stored::int")]
    pub order: i64,
    /// For [`QuestionKind::Choices`]: the organiser's words for an option,
    /// shown to residents instead of it (option → words). Options not
    /// here show as they are. Absent in questionnaires from before
    /// wording existed, which still open.
    #[autosurgeon(missing = "Default::default")]
    pub wording: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum QuestionKind {
    /// 1 (very unsafe) to 5 (very safe).
    #[autosurgeon(rename = "scale")]
    Scale,
    /// Pick any number of the options.
    #[autosurgeon(rename = "choices")]
    Choices,
    #[autosurgeon(rename = "text")]
    FreeText,
    /// Optional; kept as the district only.
    #[autosurgeon(rename = "postcode")]
    PostcodeDistrict,
    /// Yes/no agreement, which the organiser adds before asking anything
    /// personal.
    #[autosurgeon(rename = "consent")]
    Consent,
    /// An email address or phone number, kept only when the resident said
    /// yes to the consent question.
    #[autosurgeon(rename = "contact")]
    Contact,
}

#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct Questionnaire {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub title: String,
    /// Where and when it is used: "High Town day of action, 4 March 2020".
    pub event: String,
    #[autosurgeon(missing = "Default::default")]
    pub questions: BTreeMap<String, Question>,
    #[autosurgeon(missing = "Default::default")]
    pub responses: BTreeMap<String, Response>,
}

/// One resident's answers, keyed by question id.
#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct Response {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub answers: BTreeMap<String, Answer>,
    /// Unix seconds; which device took it is in the change history.
    #[autosurgeon(hydrate = "crate::model::stored::int")]
    pub recorded_at: i64,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub enum Answer {
    Scale(#[autosurgeon(hydrate = "crate::model::stored::int")] i64),
    Choices(#[autosurgeon(reconcile_with = "crate::model::stored::labels")] Vec<String>),
    Text(String),
    District(String),
    Consent(bool),
    Contact(String),
}

/// "LU1 2AB", "lu12ab" or "LU1" → "LU1"; anything that is not a UK
/// postcode or district → `None`, so nothing more precise is ever kept.
pub fn postcode_district(input: &str) -> Option<String> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let is_outward = |s: &str| {
        let b = s.as_bytes();
        let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        (1..=2).contains(&letters)
            && b.len() > letters
            && b[letters].is_ascii_digit()
            && b.len() <= letters + 2
            && b[letters..].iter().all(|c| c.is_ascii_alphanumeric())
    };
    // A full postcode ends in digit + two letters (the inward code).
    let inward_len = 3;
    if compact.len() > inward_len + 1 {
        let (outward, inward) = compact.split_at(compact.len() - inward_len);
        let ib = inward.as_bytes();
        if ib[0].is_ascii_digit() && ib[1].is_ascii_alphabetic() && ib[2].is_ascii_alphabetic() && is_outward(outward) {
            return Some(outward.to_string());
        }
    }
    is_outward(&compact).then_some(compact)
}

impl Questionnaire {
    /// The questions partnerships ask at events, with the plan's themes as
    /// the worries to choose from.
    pub fn standard(id: String, title: String, event: String, themes: Vec<String>) -> Questionnaire {
        let q = |n: i64, kind, text: &str, options: Vec<String>| {
            let id = format!("q{n}");
            (id.clone(), Question { id, kind, text: text.to_string(), options, order: n, wording: BTreeMap::new() })
        };
        Questionnaire {
            id,
            title,
            event,
            questions: [
                q(1, QuestionKind::Scale, "How safe do you feel in your area?", Vec::new()),
                q(2, QuestionKind::Choices, "Which of these worry you most?", themes),
                q(3, QuestionKind::FreeText, "What would make the biggest difference where you live?", Vec::new()),
                q(4, QuestionKind::PostcodeDistrict, "The first part of your postcode (optional)", Vec::new()),
            ]
            .into_iter()
            .collect(),
            responses: BTreeMap::new(),
        }
    }

    /// Adds the two questions for residents who want to hear back: their
    /// agreement first, then how to reach them.
    pub fn ask_for_contact(&mut self) {
        if self.asks_for_contact() {
            return;
        }
        let next = self.questions.values().map(|q| q.order).max().unwrap_or(0) + 1;
        for (order, kind, text) in
            [(next, QuestionKind::Consent, CONSENT_QUESTION), (next + 1, QuestionKind::Contact, CONTACT_QUESTION)]
        {
            let mut id = format!("q{order}");
            while self.questions.contains_key(&id) {
                id.push('x');
            }
            let question = Question {
                id: id.clone(),
                kind,
                text: text.to_string(),
                options: Vec::new(),
                order,
                wording: BTreeMap::new(),
            };
            self.questions.insert(id, question);
        }
    }

    pub fn asks_for_contact(&self) -> bool {
        self.questions.values().any(|q| q.kind == QuestionKind::Contact)
    }

    /// The consent question contact details depend on.
    pub fn consent_question(&self) -> Option<&Question> {
        self.questions_in_order().into_iter().find(|q| q.kind == QuestionKind::Consent)
    }

    /// Contact details residents agreed to leave, oldest first, with when.
    pub fn contacts(&self) -> Vec<(i64, String)> {
        let consent = self.consent_question().map(|q| q.id.as_str());
        let mut out: Vec<(i64, String)> = self
            .responses
            .values()
            .filter(|r| consent.is_some_and(|c| r.answers.get(c) == Some(&Answer::Consent(true))))
            .flat_map(|r| {
                r.answers.values().filter_map(move |a| match a {
                    Answer::Contact(c) => Some((r.recorded_at, c.clone())),
                    _ => None,
                })
            })
            .collect();
        crate::sorting::sort(&mut out);
        out
    }

    pub fn questions_in_order(&self) -> Vec<&Question> {
        let mut qs: Vec<&Question> = self.questions.values().collect();
        crate::sorting::sort_by_key(&mut qs, |q| (q.order, q.id.clone()));
        qs
    }

    /// Why it cannot be opened in kiosk mode, if it cannot.
    pub fn kiosk_problem(&self) -> Option<&'static str> {
        if self.questions.is_empty() {
            Some("This questionnaire has no questions yet. Add at least one question before opening kiosk mode.")
        } else if self.questions.values().any(|q| q.kind == QuestionKind::Choices && q.options.is_empty()) {
            Some("A \u{201c}pick from a list\u{201d} question has nothing to pick from. Add its options first.")
        } else if self.asks_for_contact() && self.consent_question().is_none() {
            Some(
                "The questionnaire asks for contact details without first asking residents to agree. Add the consent question first.",
            )
        } else {
            None
        }
    }

    pub fn summary(&self) -> ConsultationSummary {
        ConsultationSummary::of(self)
    }

    /// The question residents choose their worries in, if it has one.
    pub fn worries_question(&self) -> Option<&Question> {
        self.questions_in_order().into_iter().find(|q| q.kind == QuestionKind::Choices)
    }
}

/// Asked before any contact details, in words a resident at a stall can
/// weigh up: who sees them, what for, and that saying no is fine.
pub const CONSENT_QUESTION: &str = "Would you like the partnership to contact you about what happens next? If you say yes, your email address or phone number is shared with the partnership\u{2019}s member organisations only to reply to you. Leave it blank if not.";
pub const CONTACT_QUESTION: &str = "Your email address or phone number";

/// Counts and averages over every response.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConsultationSummary {
    pub responses: usize,
    /// Mean of the first scale question, and how many answered it.
    pub feeling_safe: Option<(f64, usize)>,
    /// Option → how many picked it, most picked first (ties by name).
    pub worries: Vec<(String, usize)>,
    /// District → (responses, mean feeling of safety if any answered).
    pub by_area: Vec<(String, usize, Option<f64>)>,
    /// Free-text answers, for reading (not counted).
    pub suggestions: Vec<String>,
}

impl ConsultationSummary {
    fn of(q: &Questionnaire) -> ConsultationSummary {
        let scale = q.questions_in_order().into_iter().find(|x| x.kind == QuestionKind::Scale).map(|x| x.id.clone());
        let mut safety = Vec::new();
        let mut worries: BTreeMap<String, usize> = BTreeMap::new();
        let mut areas: BTreeMap<String, (usize, Vec<f64>)> = BTreeMap::new();
        let mut suggestions = Vec::new();
        for r in q.responses.values() {
            let felt = scale.as_ref().and_then(|id| match r.answers.get(id) {
                Some(Answer::Scale(s)) if (1..=5).contains(s) => Some(*s as f64),
                _ => None,
            });
            if let Some(f) = felt {
                safety.push(f);
            }
            let mut district = None;
            for a in r.answers.values() {
                match a {
                    Answer::Choices(picked) => {
                        for p in picked {
                            *worries.entry(p.clone()).or_default() += 1;
                        }
                    }
                    Answer::Text(t) if !t.trim().is_empty() => suggestions.push(t.trim().to_string()),
                    Answer::District(d) if !d.is_empty() => district = Some(d.clone()),
                    _ => {}
                }
            }
            let area = areas.entry(district.unwrap_or_else(|| "Not given".to_string())).or_default();
            area.0 += 1;
            if let Some(f) = felt {
                area.1.push(f);
            }
        }
        let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
        let mut worries: Vec<(String, usize)> = worries.into_iter().collect();
        crate::sorting::sort_by(&mut worries, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ConsultationSummary {
            responses: q.responses.len(),
            feeling_safe: mean(&safety).map(|m| (m, safety.len())),
            worries,
            by_area: areas.into_iter().map(|(k, (n, v))| (k, n, mean(&v))).collect(),
            suggestions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standard() -> Questionnaire {
        Questionnaire::standard(
            "c".into(),
            "How safe do you feel?".into(),
            "High Town day of action".into(),
            vec!["Drug-related ASB".into(), "Fly-tipping".into(), "On-street sexual exploitation".into()],
        )
    }

    fn response(id: &str, safe: Option<i64>, worries: &[&str], district: Option<&str>) -> Response {
        let mut answers = BTreeMap::new();
        if let Some(s) = safe {
            answers.insert("q1".to_string(), Answer::Scale(s));
        }
        answers.insert("q2".to_string(), Answer::Choices(worries.iter().map(|w| w.to_string()).collect()));
        if let Some(d) = district {
            answers.insert("q4".to_string(), Answer::District(d.into()));
        }
        Response { id: id.into(), answers, recorded_at: 0 }
    }

    #[test]
    fn postcodes_are_cut_to_their_district() {
        assert_eq!(postcode_district("LU1 2AB").as_deref(), Some("LU1"));
        assert_eq!(postcode_district("lu12ab").as_deref(), Some("LU1"));
        assert_eq!(postcode_district(" LU4 ").as_deref(), Some("LU4"));
        assert_eq!(postcode_district("EC1A 1BB").as_deref(), Some("EC1A"));
        assert_eq!(postcode_district("SW1A").as_deref(), Some("SW1A"));
        assert_eq!(postcode_district("High Town"), None);
        assert_eq!(postcode_district(""), None);
        assert_eq!(postcode_district("12345"), None);
    }

    #[test]
    fn responses_add_up_by_worry_and_by_area() {
        let mut q = standard();
        for r in [
            response("1", Some(2), &["Drug-related ASB", "Fly-tipping"], Some("LU1")),
            response("2", Some(4), &["Fly-tipping"], Some("LU1")),
            response("3", Some(3), &["Drug-related ASB"], None),
            response("4", None, &[], Some("LU2")),
        ] {
            q.responses.insert(r.id.clone(), r);
        }
        let s = q.summary();
        assert_eq!(s.responses, 4);
        assert_eq!(s.feeling_safe, Some((3.0, 3)));
        assert_eq!(s.worries, [("Drug-related ASB".to_string(), 2), ("Fly-tipping".to_string(), 2)]);
        assert_eq!(
            s.by_area,
            [("LU1".to_string(), 2, Some(3.0)), ("LU2".to_string(), 1, None), ("Not given".to_string(), 1, Some(3.0))]
        );
    }

    #[test]
    fn no_responses_and_no_questions_are_handled() {
        let q = standard();
        assert_eq!(q.summary(), ConsultationSummary::default());
        assert_eq!(q.kiosk_problem(), None);
        let empty = Questionnaire { id: "e".into(), ..Default::default() };
        assert!(empty.kiosk_problem().is_some_and(|m| m.contains("no questions")));
        let mut no_options = standard();
        if let Some(q2) = no_options.questions.get_mut("q2") {
            q2.options.clear();
        }
        assert!(no_options.kiosk_problem().is_some());
    }

    #[test]
    fn contact_questions_come_after_the_rest_with_consent_first_and_only_once() {
        let mut q = standard();
        assert!(!q.asks_for_contact());
        q.ask_for_contact();
        q.ask_for_contact();
        let kinds: Vec<QuestionKind> = q.questions_in_order().iter().map(|x| x.kind).collect();
        assert_eq!(kinds.len(), 6);
        assert_eq!(kinds[4..], [QuestionKind::Consent, QuestionKind::Contact]);
        assert_eq!(q.kiosk_problem(), None);
    }

    #[test]
    fn contact_details_count_only_with_consent_and_never_in_the_results() {
        let mut q = standard();
        q.ask_for_contact();
        let (consent, contact) = ("q5".to_string(), "q6".to_string());
        let mut agreed = response("a", Some(2), &["Fly-tipping"], None);
        agreed.recorded_at = 20;
        agreed.answers.insert(consent.clone(), Answer::Consent(true));
        agreed.answers.insert(contact.clone(), Answer::Contact("resident@example.org".into()));
        let mut declined = response("b", Some(4), &[], None);
        declined.answers.insert(consent, Answer::Consent(false));
        declined.answers.insert(contact, Answer::Contact("should-not-count@example.org".into()));
        q.responses.insert("a".into(), agreed);
        q.responses.insert("b".into(), declined);
        assert_eq!(q.contacts(), vec![(20, "resident@example.org".to_string())]);
        let summary = q.summary();
        assert!(summary.suggestions.is_empty(), "contact details are not suggestions");
        assert_eq!(summary.responses, 2);
    }

    #[test]
    fn a_contact_question_without_consent_cannot_open_in_kiosk_mode() {
        let mut q = standard();
        q.ask_for_contact();
        q.questions.retain(|_, x| x.kind != QuestionKind::Consent);
        assert!(q.kiosk_problem().is_some_and(|m| m.contains("consent")));
        assert!(q.contacts().is_empty());
    }
}
