//! Strategic assessments and resident consultation in the document: one
//! change per saved issue, promotion or response.

use std::collections::BTreeMap;

use super::{DocError, Stamp, Workspace, new_id};
use crate::model::assessment::{AssessedIssue, Assessment, Criterion};
use crate::model::consultation::{Answer, QuestionKind, Questionnaire, Response, postcode_district};
use crate::model::{FieldErrors, Narrative, Theme};

/// An issue as typed on the scoring form: scores as "1"–"5" or blank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IssueDraft {
    pub name: String,
    pub scores: BTreeMap<String, String>,
    pub notes: String,
    /// The priority theme it comes under (a theme id), or blank for none.
    pub theme: String,
}

/// The longest free-text answer kept from a kiosk.
pub const MAX_ANSWER_CHARS: usize = 1_000;
/// Longer than any email address or phone number.
const MAX_CONTACT_CHARS: usize = 254;

impl Workspace {
    /// Starts the assessment for a financial year (e.g. 2020 for 2020-21).
    pub fn add_assessment(&mut self, stamp: &Stamp, year: i64) -> Result<String, DocError> {
        if let Some(existing) = self.partnership.assessments.values().find(|a| a.year == year) {
            return Ok(existing.id.clone());
        }
        let assessment = Assessment { id: new_id(), year, issues: BTreeMap::new() };
        let summary = format!("Started the strategic assessment for {year}-{:02}", (year + 1) % 100);
        self.put_item(stamp, &summary, "assessments", &assessment.id.clone(), &assessment)?;
        let id = assessment.id.clone();
        self.partnership.assessments.insert(id.clone(), assessment);
        Ok(id)
    }

    /// Adds (`issue_id` = None) or rescores an issue.
    pub fn save_assessed_issue(
        &mut self,
        stamp: &Stamp,
        assessment_id: &str,
        issue_id: Option<&str>,
        draft: &IssueDraft,
    ) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::default();
        let Some(assessment) = self.partnership.assessments.get(assessment_id) else {
            errors.add("name", "That assessment no longer exists");
            return Err(errors);
        };
        let name = draft.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            errors.add("name", "Enter the issue, for example Knife crime");
        } else if assessment
            .issues
            .values()
            .any(|i| i.name.eq_ignore_ascii_case(&name) && Some(i.id.as_str()) != issue_id)
        {
            errors.add("name", "This assessment already has an issue with that name");
        }
        let theme = draft.theme.trim();
        if !theme.is_empty() && !self.partnership.themes.contains_key(theme) {
            errors.add("theme", "Choose a priority theme from the list, or none");
        }
        let mut scores = BTreeMap::new();
        for c in Criterion::ALL {
            let typed = draft.scores.get(c.key()).map(|s| s.trim()).unwrap_or_default();
            match typed {
                "" => {}
                s => match s.parse::<i64>() {
                    Ok(n) if (1..=5).contains(&n) => {
                        scores.insert(c.key().to_string(), n);
                    }
                    _ => errors.add(c.key(), format!("{} must be a score from 1 to 5", c.label())),
                },
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut assessment = assessment.clone();
        let existing = issue_id.and_then(|id| assessment.issues.get(id)).cloned();
        let issue = AssessedIssue {
            id: existing.as_ref().map_or_else(new_id, |i| i.id.clone()),
            name: name.clone(),
            scores,
            notes: Narrative::new(draft.notes.trim()),
            theme_id: (!theme.is_empty()).then(|| theme.to_string()),
        };
        if existing.as_ref() == Some(&issue) {
            return Ok(issue.id);
        }
        let verb = if existing.is_some() { "Rescored" } else { "Added" };
        let summary = format!("{verb} {name} in the {} strategic assessment", year_label(assessment.year));
        let id = issue.id.clone();
        assessment.issues.insert(id.clone(), issue);
        self.write_assessment(stamp, &summary, assessment).map_err(|e| {
            let mut errors = FieldErrors::default();
            errors.add("name", e.to_string());
            errors
        })?;
        Ok(id)
    }

    /// A copy of an assessment to change and write back.
    fn assessment_copy(&self, id: &str) -> Result<Assessment, DocError> {
        self.partnership.assessments.get(id).cloned().ok_or(DocError::NotFound { kind: "assessment" })
    }

    fn write_assessment(&mut self, stamp: &Stamp, summary: &str, assessment: Assessment) -> Result<(), DocError> {
        let id = assessment.id.clone();
        self.put_item(stamp, summary, "assessments", &id, &assessment)?;
        self.partnership.assessments.insert(id, assessment);
        Ok(())
    }

    /// Makes an assessed issue a priority theme of the plan (last in
    /// order), linked both ways, as one change. When the plan already has
    /// the theme under another spelling ("Domestic Abuse" for the issue
    /// "Domestic abuse", see [`crate::model::theme::name_key`]) the issue is
    /// linked to it instead, so promoting never makes a second theme.
    pub fn promote_issue(&mut self, stamp: &Stamp, assessment_id: &str, issue_id: &str) -> Result<String, DocError> {
        let mut assessment = self.assessment_copy(assessment_id)?;
        let issue = assessment.issues.get_mut(issue_id).ok_or(DocError::NotFound { kind: "issue" })?;
        if let Some(theme) = issue.theme_id.clone().filter(|t| self.partnership.themes.contains_key(t)) {
            return Ok(theme);
        }
        if let Some(existing) = self.partnership.theme_named(&issue.name).map(|t| t.id.clone()) {
            self.link_issue_to_theme(stamp, assessment_id, issue_id, &existing)?;
            return Ok(existing);
        }
        let mut theme = Theme::new(new_id(), issue.name.clone(), self.next_theme_order());
        theme.summary = issue.notes.clone();
        issue.theme_id = Some(theme.id.clone());
        let summary = format!("Made {} a priority theme, from the strategic assessment", theme.name);
        let (themes, assessments) = (self.map_obj("themes")?, self.map_obj("assessments").ok());
        let targets = vec![format!("theme/{}", theme.id), format!("assessment/{assessment_id}")];
        self.change(stamp, &summary, targets, |doc| {
            use automerge::transaction::Transactable;
            super::interop::reconcile_prop(doc, &themes, theme.id.as_str(), &theme)?;
            let assessments = match assessments {
                Some(obj) => obj,
                None => doc.put_object(automerge::ROOT, "assessments", automerge::ObjType::Map)?,
            };
            super::interop::reconcile_prop(doc, &assessments, assessment_id, &assessment)?;
            Ok(())
        })?;
        let theme_id = theme.id.clone();
        self.partnership.themes.insert(theme_id.clone(), theme);
        self.partnership.assessments.insert(assessment_id.to_string(), assessment);
        Ok(theme_id)
    }

    /// Puts an assessed issue under a priority theme the plan already has,
    /// as one change: what "Link to Domestic Abuse" does when the issue
    /// matches a theme by name.
    pub fn link_issue_to_theme(
        &mut self,
        stamp: &Stamp,
        assessment_id: &str,
        issue_id: &str,
        theme_id: &str,
    ) -> Result<(), DocError> {
        let theme = self.partnership.themes.get(theme_id).ok_or(DocError::NotFound { kind: "theme" })?;
        let mut assessment = self.assessment_copy(assessment_id)?;
        let issue = assessment.issues.get_mut(issue_id).ok_or(DocError::NotFound { kind: "issue" })?;
        if issue.theme_id.as_deref() == Some(theme_id) {
            return Ok(());
        }
        issue.theme_id = Some(theme_id.to_string());
        let summary = format!(
            "Linked {} in the {} strategic assessment to the theme {}",
            issue.name,
            year_label(assessment.year),
            theme.name
        );
        self.write_assessment(stamp, &summary, assessment)
    }

    /// Adds a questionnaire with the standard questions, the plan's themes
    /// being the worries to pick from.
    pub fn add_questionnaire(&mut self, stamp: &Stamp, title: &str, event: &str) -> Result<String, FieldErrors> {
        let title = title.trim();
        if title.is_empty() {
            let mut e = FieldErrors::default();
            e.add("title", "Enter a title residents will see, for example How safe do you feel in High Town?");
            return Err(e);
        }
        let themes = self.partnership.themes_in_order().iter().map(|t| t.name.clone()).collect();
        let q = Questionnaire::standard(new_id(), title.to_string(), event.trim().to_string(), themes);
        let id = q.id.clone();
        self.put_item(stamp, &format!("Set up the questionnaire {title}"), "questionnaires", &id, &q).map_err(|e| {
            let mut errors = FieldErrors::default();
            errors.add("title", e.to_string());
            errors
        })?;
        self.partnership.questionnaires.insert(id.clone(), q);
        Ok(id)
    }

    /// Adds the consent and contact questions, for an event where residents
    /// may want to hear back.
    pub fn ask_for_contact(&mut self, stamp: &Stamp, questionnaire_id: &str) -> Result<(), DocError> {
        let mut q = self.existing_questionnaire(questionnaire_id)?.clone();
        if q.asks_for_contact() {
            return Ok(());
        }
        q.ask_for_contact();
        let summary = format!("Added contact questions to {}", q.title);
        self.put_item(stamp, &summary, "questionnaires", questionnaire_id, &q)?;
        self.partnership.questionnaires.insert(questionnaire_id.to_string(), q);
        Ok(())
    }

    /// Stores one resident's answers, keeping only what the questionnaire
    /// asks and only a postcode's district.
    pub fn record_response(
        &mut self,
        stamp: &Stamp,
        questionnaire_id: &str,
        typed: &BTreeMap<String, Vec<String>>,
    ) -> Result<(), DocError> {
        let q = self.existing_questionnaire(questionnaire_id)?;
        // Contact details are kept only from a resident who said yes.
        let agreed = q
            .consent_question()
            .is_some_and(|c| typed.get(&c.id).and_then(|v| v.first()).is_some_and(|v| v.trim() == "yes"));
        let mut answers = BTreeMap::new();
        for question in q.questions.values() {
            let values = typed.get(&question.id).cloned().unwrap_or_default();
            let first = values.first().map(|v| v.trim().to_string()).unwrap_or_default();
            let answer = match question.kind {
                QuestionKind::Scale => first.parse::<i64>().ok().filter(|n| (1..=5).contains(n)).map(Answer::Scale),
                QuestionKind::Choices => {
                    let picked: Vec<String> = values.into_iter().filter(|v| question.options.contains(v)).collect();
                    (!picked.is_empty()).then_some(Answer::Choices(picked))
                }
                QuestionKind::FreeText => {
                    (!first.is_empty()).then(|| Answer::Text(first.chars().take(MAX_ANSWER_CHARS).collect()))
                }
                QuestionKind::PostcodeDistrict => postcode_district(&first).map(Answer::District),
                QuestionKind::Consent => Some(Answer::Consent(first == "yes")),
                QuestionKind::Contact => (agreed && !first.is_empty())
                    .then(|| Answer::Contact(first.chars().take(MAX_CONTACT_CHARS).collect())),
            };
            if let Some(a) = answer {
                answers.insert(question.id.clone(), a);
            }
        }
        let mut q = q.clone();
        let response = Response { id: new_id(), answers, recorded_at: stamp.at };
        q.responses.insert(response.id.clone(), response);
        let summary = format!("Recorded a resident's response to {}", q.title);
        self.put_item(stamp, &summary, "questionnaires", questionnaire_id, &q)?;
        self.partnership.questionnaires.insert(questionnaire_id.to_string(), q);
        Ok(())
    }
}

/// "2020-21".
pub fn year_label(year: i64) -> String {
    format!("{year}-{:02}", (year + 1).rem_euclid(100))
}

#[cfg(test)]
mod tests;
