//! How the questionnaire speaks to residents: the organiser's wording of
//! each worry they choose from, and the postcode question's example.
//!
//! The worries are the plan's priority themes, whose names are written for
//! partners ("Managing Offenders"), not for a resident at a stall. The
//! organiser words each one; residents see the wording, while the answer
//! keeps the theme's name, so results and the strategic assessment still
//! match answers to themes. A worry never reworded shows the theme's name.

use std::collections::BTreeMap;

use super::{Question, QuestionKind};
use crate::model::FieldErrors;

/// Longest wording accepted: one line a resident can take in at a glance.
pub const MAX_WORDING_CHARS: usize = 120;

/// Form field ids for the worries, in the order they are listed. A
/// questionnaire offers the plan's themes (seven in the demo); errors for
/// any beyond the last id are reported against the last field.
pub const WORRY_FIELDS: [&str; 16] = [
    "worry-1", "worry-2", "worry-3", "worry-4", "worry-5", "worry-6", "worry-7", "worry-8", "worry-9", "worry-10",
    "worry-11", "worry-12", "worry-13", "worry-14", "worry-15", "worry-16",
];

/// The form field for the worry at `index` (0-based).
pub fn worry_field(index: usize) -> &'static str {
    WORRY_FIELDS[index.min(WORRY_FIELDS.len() - 1)]
}

/// What older questionnaires stored at the end of the postcode question,
/// before the example came from the partnership's area.
const LEGACY_POSTCODE_EXAMPLE: &str = ", such as LU1";

impl Question {
    /// The words residents see for one of the options.
    pub fn shown<'a>(&'a self, option: &'a str) -> &'a str {
        self.wording.get(option).map(String::as_str).filter(|w| !w.trim().is_empty()).unwrap_or(option)
    }

    /// Whether the organiser has reworded any option.
    pub fn is_reworded(&self) -> bool {
        self.options.iter().any(|o| self.shown(o) != o)
    }

    /// The question as residents read it. Questionnaires set up before the
    /// postcode example followed the partnership's area carried Luton's
    /// example in the question itself; it is left off, and the hint gives
    /// the right one.
    pub fn resident_text(&self) -> &str {
        match self.kind {
            QuestionKind::PostcodeDistrict => self.text.strip_suffix(LEGACY_POSTCODE_EXAMPLE).unwrap_or(&self.text),
            _ => &self.text,
        }
    }
}

/// The worry-wording form: for each option in order, what the organiser typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordingDraft(pub Vec<(String, String)>);

impl WordingDraft {
    /// The form for a question, each field holding the words residents see now.
    pub fn from_question(question: &Question) -> WordingDraft {
        WordingDraft(question.options.iter().map(|o| (o.clone(), question.shown(o).to_string())).collect())
    }

    /// Checks the form against the question's options and returns the
    /// wording to store: only options whose words differ from the theme's
    /// name (a blank field means "use the theme's name").
    ///
    /// # Errors
    /// Against `worry-N`: words too long, the same words for two worries,
    /// or an option the question does not offer (a form out of date).
    pub fn validate(&self, question: &Question) -> Result<BTreeMap<String, String>, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut wording = BTreeMap::new();
        let mut seen: Vec<String> = Vec::new();
        for (i, (option, typed)) in self.0.iter().enumerate() {
            let field = worry_field(i);
            if !question.options.contains(option) {
                errors
                    .add(field, format!("\u{201c}{option}\u{201d} is no longer on the questionnaire. Reload the page"));
                continue;
            }
            let words = typed.split_whitespace().collect::<Vec<_>>().join(" ");
            let shown = if words.is_empty() { option.clone() } else { words };
            if shown.chars().count() > MAX_WORDING_CHARS {
                errors.add(field, format!("Words for {option} must be {MAX_WORDING_CHARS} characters or fewer"));
            } else if seen.iter().any(|s| s.eq_ignore_ascii_case(&shown)) {
                errors.add(
                    field,
                    format!("Words for {option} are the same as another worry\u{2019}s. Word each one differently"),
                );
            }
            seen.push(shown.clone());
            if shown != *option {
                wording.insert(option.clone(), shown);
            }
        }
        errors.into_result(wording)
    }
}

/// An example postcode district for a partnership's area, for the
/// postcode question's hint ("For example, LU1"), or `None` when the area
/// is not one this list knows, so no resident is shown another town's.
///
/// Matched on the area's name without words such as "Borough", "City of"
/// or "District Council", against the post towns of the UK's postcode
/// areas (Royal Mail's postcode area list) and a few council areas named
/// otherwise.
pub fn example_district(area: &str) -> Option<&'static str> {
    let wanted = normalise_area(area);
    if wanted.is_empty() {
        return None;
    }
    super::areas::POSTCODE_AREAS.iter().find(|(name, _)| normalise_area(name) == wanted).map(|(_, district)| *district)
}

/// Lower case, "&" as "and", without words that only say what kind of
/// council or place it is.
fn normalise_area(area: &str) -> String {
    const NOISE: [&str; 14] = [
        "city",
        "of",
        "the",
        "borough",
        "district",
        "council",
        "county",
        "metropolitan",
        "royal",
        "london",
        "community",
        "safety",
        "partnership",
        "csp",
    ];
    area.to_lowercase()
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !NOISE.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::Questionnaire;
    use super::*;

    fn worries() -> Question {
        let q = Questionnaire::standard(
            "c".into(),
            "How safe do you feel?".into(),
            String::new(),
            vec!["Managing Offenders".into(), "Domestic Abuse".into(), "Extremism".into()],
        );
        q.questions["q2"].clone()
    }

    #[test]
    fn residents_see_the_organisers_words_and_answers_keep_the_theme() {
        let mut q = worries();
        assert_eq!(q.shown("Managing Offenders"), "Managing Offenders", "the theme's name until reworded");
        assert!(!q.is_reworded());
        let mut draft = WordingDraft::from_question(&q);
        draft.0[0].1 = "  People  leaving prison and reoffending ".into();
        draft.0[2].1 = String::new();
        q.wording = draft.validate(&q).expect("valid");
        assert_eq!(
            q.wording,
            [("Managing Offenders".to_string(), "People leaving prison and reoffending".to_string())].into()
        );
        assert_eq!(q.shown("Managing Offenders"), "People leaving prison and reoffending");
        assert_eq!(q.shown("Extremism"), "Extremism", "blank means the theme's name");
        assert!(q.is_reworded());
        assert_eq!(
            WordingDraft::from_question(&q).validate(&q),
            Ok(q.wording.clone()),
            "an untouched form saves the same"
        );
    }

    #[test]
    fn wording_must_be_short_distinct_and_for_a_worry_on_the_list() {
        let q = worries();
        let draft = WordingDraft(vec![
            ("Managing Offenders".into(), "x".repeat(121)),
            ("Domestic Abuse".into(), "extremism".into()),
            ("Extremism".into(), String::new()),
            ("Knife crime".into(), "Knives".into()),
        ]);
        let errors = draft.validate(&q).expect_err("invalid");
        assert_eq!(errors.get("worry-1"), Some("Words for Managing Offenders must be 120 characters or fewer"));
        assert_eq!(
            errors.get("worry-3"),
            Some("Words for Extremism are the same as another worry\u{2019}s. Word each one differently")
        );
        assert_eq!(
            errors.get("worry-4"),
            Some("\u{201c}Knife crime\u{201d} is no longer on the questionnaire. Reload the page")
        );
        assert_eq!(worry_field(40), "worry-16");
    }

    #[test]
    fn the_postcode_example_follows_the_area_and_is_left_out_when_unknown() {
        assert_eq!(example_district("Luton"), Some("LU1"));
        assert_eq!(example_district("Luton Borough Council"), Some("LU1"));
        assert_eq!(example_district("City of Bradford"), Some("BD1"));
        assert_eq!(example_district("Barking & Dagenham"), Some("IG11"));
        assert_eq!(example_district("Uttlesford District"), Some("CB11"));
        assert_eq!(example_district("Bedford"), Some("MK40"));
        assert_eq!(example_district("Central Bedfordshire"), None, "not Bedford's");
        assert_eq!(example_district("Atlantis"), None);
        assert_eq!(example_district(""), None);
    }

    #[test]
    fn old_questionnaires_lose_luton_from_the_postcode_question() {
        let mut q = Questionnaire::standard("c".into(), "T".into(), String::new(), vec![]).questions["q4"].clone();
        assert_eq!(q.resident_text(), "The first part of your postcode (optional)");
        q.text = "The first part of your postcode (optional), such as LU1".into();
        assert_eq!(q.resident_text(), "The first part of your postcode (optional)");
        q.kind = QuestionKind::FreeText;
        assert!(q.resident_text().ends_with("LU1"), "only the postcode question");
    }
}
