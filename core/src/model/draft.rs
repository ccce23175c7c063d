//! What a person typed into a form, and the checks it must pass before it
//! becomes a change to the plan.
//!
//! Messages follow the GOV.UK error-message style: say what to do, not what
//! went wrong ("Enter a title for the action"). Each error names the form
//! field it belongs to so the UI can link the error summary to it.

use super::{Date, Lead, LinkedDocument, Narrative, Status};

/// Longest title accepted; a key action is one sentence, not a report.
pub const MAX_TITLE_CHARS: usize = 300;

/// Errors against named form fields, in the order the fields appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push((field, message.into()));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.0.iter().map(|(f, m)| (*f, m.as_str()))
    }

    /// The message for one field, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }

    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() { Ok(value) } else { Err(self) }
    }

    /// The error summary's links, in field order: each message with the id
    /// of the element its link moves the focus to. That is the field's own
    /// id, except for a set of radios or checkboxes (named in `choices`),
    /// whose first option (`<field>-option`) takes the focus, as the GOV.UK
    /// error summary asks (a fieldset cannot be focused).
    pub fn summary_links(&self, choices: &[&str]) -> Vec<(String, String)> {
        self.iter()
            .map(|(field, message)| {
                let target = if choices.contains(&field) { format!("{field}-option") } else { field.to_string() };
                (target, message.to_string())
            })
            .collect()
    }
}

/// The action form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionDraft {
    pub number: String,
    pub title: String,
    pub description: String,
    /// Empty for "No theme".
    pub theme_id: String,
    /// One lead per line, "Role, Organisation".
    pub leads: String,
    /// One document per line: "Title | location", or just a location.
    pub linked_documents: String,
    /// ISO date from `<input type=date>`, or empty.
    pub due: String,
    /// One organisation per line.
    pub partners: String,
    /// ISO date, or empty.
    pub start: String,
    /// Comma-separated.
    pub tags: String,
    pub business_as_usual: bool,
}

/// An action draft that passed its checks.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidAction {
    pub number: String,
    pub title: String,
    pub description: Narrative,
    pub theme_id: Option<String>,
    pub leads: Vec<Lead>,
    pub linked_documents: Vec<LinkedDocument>,
    pub due: Option<Date>,
    pub partners: Vec<String>,
    pub start: Option<Date>,
    pub tags: Vec<String>,
    pub business_as_usual: bool,
}

impl ActionDraft {
    /// The form filled in from a saved action, so that saving it untouched
    /// changes nothing (dates as `<input type=date>` gives them, one lead,
    /// partner or document per line).
    pub fn from_action(a: &super::Action) -> ActionDraft {
        ActionDraft {
            number: a.number.clone(),
            title: a.title.clone(),
            description: a.description.as_str().to_string(),
            theme_id: a.theme_id.clone().unwrap_or_default(),
            leads: leads_to_text(&a.leads),
            linked_documents: documents_to_text(&a.linked_documents),
            due: a.due.map(|d| d.iso()).unwrap_or_default(),
            partners: a.partners.join("\n"),
            start: a.start.map(|d| d.iso()).unwrap_or_default(),
            tags: a.tags.join(", "),
            business_as_usual: a.business_as_usual,
        }
    }

    /// Checks the draft. `number_taken` says whether another action already
    /// uses a number; `theme_exists` whether a theme id is real.
    pub fn validate(
        &self,
        number_taken: impl Fn(&str) -> bool,
        theme_exists: impl Fn(&str) -> bool,
    ) -> Result<ValidAction, FieldErrors> {
        let mut errors = FieldErrors::default();
        let number = self.number.trim();
        if number.is_empty() {
            errors.add("number", "Enter an action number, like 14 or 2a");
        } else if !is_action_number(number) {
            errors.add("number", "Action number must be a number, optionally followed by a letter, like 14 or 2a");
        } else if number_taken(number) {
            errors.add("number", format!("Action {number} already exists – use a different number"));
        }
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", "Enter a title for the action");
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.add("title", format!("Title must be {MAX_TITLE_CHARS} characters or fewer"));
        }
        let theme_id = Some(self.theme_id.trim()).filter(|t| !t.is_empty());
        if let Some(id) = theme_id
            && !theme_exists(id)
        {
            errors.add("theme", "Select a theme from the list");
        }
        let due = optional_date(&self.due, "due", &mut errors);
        let start = optional_date(&self.start, "start", &mut errors);
        if let (Some(start), Some(due)) = (start, due)
            && start > due
        {
            errors.add("start", "The start date must be the same as or before the due date");
        }
        errors.into_result(ValidAction {
            number: number.to_string(),
            title: title.to_string(),
            description: Narrative::new(self.description.trim()),
            theme_id: theme_id.map(str::to_string),
            leads: parse_leads(&self.leads),
            linked_documents: parse_documents(&self.linked_documents),
            due,
            partners: parse_lines(&self.partners),
            start,
            tags: parse_tags(&self.tags),
            business_as_usual: self.business_as_usual,
        })
    }
}

/// An optional ISO or UK date field; a bad date is an error on `field`.
fn optional_date(text: &str, field: &'static str, errors: &mut FieldErrors) -> Option<Date> {
    match text.trim() {
        "" => None,
        text => text.parse::<Date>().map_err(|e| errors.add(field, e.to_string())).ok(),
    }
}

/// Non-empty trimmed lines, without repeats.
pub fn parse_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(line)) {
            out.push(line.to_string());
        }
    }
    out
}

/// "High Town, VAWG ,  " → ["High Town", "VAWG"], without repeats.
pub fn parse_tags(text: &str) -> Vec<String> {
    parse_lines(&text.replace([',', ';'], "\n"))
}

pub fn is_action_number(s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let rest = &s[digits..];
    digits > 0 && digits <= 4 && rest.chars().count() <= 1 && rest.chars().all(|c| c.is_ascii_alphabetic())
}

/// "Service Manager, Public Protection, Luton Council" → role "Service
/// Manager, Public Protection", organisation "Luton Council".
pub fn parse_leads(text: &str) -> Vec<Lead> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| match line.rsplit_once(',') {
            Some((role, org)) if !org.trim().is_empty() => {
                Lead { role: role.trim().to_string(), organisation: org.trim().to_string() }
            }
            _ => Lead { role: line.trim_end_matches(',').trim().to_string(), organisation: String::new() },
        })
        .collect()
}

/// The inverse of [`parse_leads`], to fill the edit form.
pub fn leads_to_text(leads: &[Lead]) -> String {
    leads.iter().map(Lead::to_string).collect::<Vec<_>>().join("\n")
}

/// "Adult Exploitation Strategy | S:\CSP\AE.pdf", or a bare location whose
/// file name becomes the title.
pub fn parse_documents(text: &str) -> Vec<LinkedDocument> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| match line.split_once('|') {
            Some((title, location)) => {
                LinkedDocument { title: title.trim().to_string(), location: location.trim().to_string() }
            }
            None => {
                let name = line.rsplit(['/', '\\']).find(|p| !p.is_empty()).unwrap_or(line);
                LinkedDocument { title: name.to_string(), location: line.to_string() }
            }
        })
        .collect()
}

pub fn documents_to_text(docs: &[LinkedDocument]) -> String {
    docs.iter()
        .map(|d| if d.location.is_empty() { d.title.clone() } else { format!("{} | {}", d.title, d.location) })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The progress-update form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressDraft {
    /// ISO date.
    pub date: String,
    /// A [`Status::code`], or empty.
    pub status: String,
    pub narrative: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidProgress {
    pub date: Date,
    pub status: Status,
    pub narrative: Narrative,
}

impl ProgressDraft {
    pub fn validate(&self, today: Date) -> Result<ValidProgress, FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = match self.date.trim() {
            "" => {
                errors.add("date", "Enter the date of the update");
                None
            }
            text => match text.parse::<Date>() {
                Ok(d) if d > today => {
                    errors.add("date", "The date of the update must be today or in the past");
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    errors.add("date", e.to_string());
                    None
                }
            },
        };
        let status = Status::from_code(self.status.trim());
        if status.is_none() {
            errors.add("status", "Select the status of the action");
        }
        if self.narrative.trim().is_empty() {
            errors.add("narrative", "Enter what has happened since the last update");
        }
        match (date, status) {
            (Some(date), Some(status)) if errors.is_empty() => {
                Ok(ValidProgress { date, status, narrative: Narrative::new(self.narrative.trim()) })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partners_tags_and_dates_of_an_action() {
        let draft = ActionDraft {
            number: "2a".into(),
            title: "Coercive behaviour campaign".into(),
            partners: "Bedfordshire Police\n\nbedfordshire police\nRefuge".into(),
            tags: "VAWG, Communications;  ,vawg".into(),
            start: "2019-09-01".into(),
            due: "2020-01-31".into(),
            business_as_usual: true,
            ..Default::default()
        };
        let valid = draft.validate(|_| false, |_| true).expect("valid");
        assert_eq!(valid.partners, ["Bedfordshire Police", "Refuge"]);
        assert_eq!(valid.tags, ["VAWG", "Communications"]);
        assert!(valid.business_as_usual);
        let backwards = ActionDraft { start: "2020-02-01".into(), ..draft };
        let errors = backwards.validate(|_| false, |_| true).expect_err("start after due");
        assert_eq!(errors.get("start"), Some("The start date must be the same as or before the due date"));
    }

    #[test]
    fn the_error_summary_links_a_status_to_its_first_option_and_other_fields_to_themselves() {
        let today = Date::new(2020, 3, 31).expect("a real date");
        let errors = ProgressDraft::default().validate(today).expect_err("nothing typed");
        assert_eq!(
            errors.summary_links(&["status"]),
            [
                ("date".to_string(), "Enter the date of the update".to_string()),
                ("status-option".to_string(), "Select the status of the action".to_string()),
                ("narrative".to_string(), "Enter what has happened since the last update".to_string()),
            ]
        );
        assert_eq!(errors.summary_links(&[])[1].0, "status");
        assert!(FieldErrors::default().summary_links(&["status"]).is_empty());
    }

    fn draft(number: &str, title: &str) -> ActionDraft {
        ActionDraft { number: number.into(), title: title.into(), ..Default::default() }
    }

    #[test]
    fn an_empty_title_asks_for_a_title_and_nothing_else() {
        let err = draft("14", "   ").validate(|_| false, |_| true).unwrap_err();
        assert_eq!(err.iter().collect::<Vec<_>>(), [("title", "Enter a title for the action")]);
    }

    #[test]
    fn numbers_are_checked_for_shape_and_reuse() {
        let taken = |n: &str| n == "3";
        assert!(draft("2a", "x").validate(taken, |_| true).is_ok());
        assert_eq!(
            draft("3", "x").validate(taken, |_| true).unwrap_err().get("number"),
            Some("Action 3 already exists – use a different number")
        );
        assert!(draft("three", "x").validate(taken, |_| true).is_err());
        assert!(draft("2ab", "x").validate(taken, |_| true).is_err());
        assert!(draft("", "x").validate(taken, |_| true).is_err());
    }

    #[test]
    fn an_unknown_theme_is_refused() {
        let d = ActionDraft { theme_id: "gone".into(), ..draft("1", "x") };
        assert_eq!(d.validate(|_| false, |_| false).unwrap_err().get("theme"), Some("Select a theme from the list"));
    }

    #[test]
    fn leads_split_at_the_last_comma() {
        let leads = parse_leads("Service Manager, Public Protection, Luton Council\n\nLSCB Business Manager\n");
        assert_eq!(leads[0].role, "Service Manager, Public Protection");
        assert_eq!(leads[0].organisation, "Luton Council");
        assert_eq!(leads[1].role, "LSCB Business Manager");
        assert_eq!(leads[1].organisation, "");
        assert_eq!(parse_leads(&leads_to_text(&leads)), leads);
    }

    #[test]
    fn documents_take_a_title_or_derive_one() {
        let docs = parse_documents("ASB strategy | https://example.org/asb.pdf\nS:\\CSP\\DA Workshop Report.pdf");
        assert_eq!(docs[0].title, "ASB strategy");
        assert_eq!(docs[1].title, "DA Workshop Report.pdf");
        assert_eq!(parse_documents(&documents_to_text(&docs)), docs);
    }

    #[test]
    fn progress_needs_a_past_date_a_status_and_words() {
        let today: Date = "2020-01-31".parse().unwrap();
        let err = ProgressDraft::default().validate(today).unwrap_err();
        assert_eq!(err.iter().map(|(f, _)| f).collect::<Vec<_>>(), ["date", "status", "narrative"]);
        let future = ProgressDraft { date: "2020-02-01".into(), status: "on-track".into(), narrative: "x".into() };
        assert_eq!(
            future.validate(today).unwrap_err().get("date"),
            Some("The date of the update must be today or in the past")
        );
        let ok = ProgressDraft { date: "2020-01-31".into(), status: "complete".into(), narrative: " Done. ".into() };
        let v = ok.validate(today).unwrap();
        assert_eq!((v.status, v.narrative.as_str()), (Status::Complete, "Done."));
    }
}
