//! A priority theme of the partnership plan, the senior officer who leads
//! it, and the theme form as typed.
//!
//! Themes are matched by a *name key* ([`name_key`]) rather than their exact
//! spelling, so that "Make a priority theme" on an assessed issue, a second
//! theme typed on the form, or a workshop's sticky note find the theme the
//! plan already has instead of making a near-duplicate.

use autosurgeon::{Hydrate, Reconcile};

use super::{FieldErrors, Narrative};

/// Longest theme name accepted: a priority area is a few words, not a sentence.
pub const MAX_THEME_NAME_CHARS: usize = 150;

/// The lead-organisation choice on the theme form meaning "an organisation
/// that is not a member": the person types its name instead. Member ids are
/// random hex, so they never equal this.
pub const OTHER_ORGANISATION: &str = "other";

/// A priority area such as "Domestic Abuse", with its lead and what the plan
/// says about it (the "what we aim to achieve / what we will do / measured
/// through" blocks of a published CSP plan).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Theme {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub name: String,
    /// Position in the plan (1 = first priority).
    #[autosurgeon(hydrate = "crate::model::stored::int")]
    pub order: i64,
    /// The lead's role, e.g. "Head of Youth Offending Service" — never a
    /// private person's name in shared demo data.
    pub lead_role: String,
    pub lead_organisation: String,
    /// Why this is a priority: the problem profile in brief.
    pub summary: Narrative,
    pub aims: Narrative,
    pub commitments: Narrative,
    pub measured_through: Narrative,
}

impl Theme {
    /// A theme with only its name and place in the plan: no lead yet, and
    /// nothing written about it.
    pub fn new(id: String, name: String, order: i64) -> Theme {
        Theme {
            id,
            name,
            order,
            lead_role: String::new(),
            lead_organisation: String::new(),
            summary: Narrative::default(),
            aims: Narrative::default(),
            commitments: Narrative::default(),
            measured_through: Narrative::default(),
        }
    }

    /// "Head of Youth Offending Service, Luton Council".
    pub fn lead(&self) -> String {
        join_role(&self.lead_role, &self.lead_organisation)
    }
}

/// "Role, Organisation", leaving out whichever part is blank.
pub fn join_role(role: &str, organisation: &str) -> String {
    match (role.trim(), organisation.trim()) {
        ("", org) => org.to_string(),
        (role, "") => role.to_string(),
        (role, org) => format!("{role}, {org}"),
    }
}

/// The key two names of one priority area share, however partners spell it.
///
/// Partnerships write the same theme many ways: "Domestic Abuse" and
/// "Domestic abuse"; "Drugs / alcohol", "Drugs and alcohol" and "Drug &
/// Alcohol"; "Reducing Re-offending" and "Reducing reoffending". The rule,
/// applied to both names before comparing:
///
/// 1. case is ignored;
/// 2. "&", "+", "/", ",", ";" and the word "and" only join a list, so they
///    are dropped;
/// 3. other punctuation and spaces are ignored, so "Re-offending",
///    "Re offending" and "Reoffending" are one word;
/// 4. a plural "s" is dropped from words of four or more letters that do
///    not end in "ss" ("Drugs" = "Drug", "Hate crimes" = "Hate crime", but
///    "Business" and "ASB" stay as they are).
///
/// Abbreviations are not expanded ("ASB" is not "Anti-social behaviour")
/// and word order matters: those are different names a person should link
/// by hand.
pub fn name_key(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w != "and")
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if w.chars().count() >= 4 && !stem.ends_with('s') => stem.to_string(),
            _ => w,
        })
        .collect()
}

/// The theme form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeDraft {
    pub name: String,
    /// "Head of Community Safety".
    pub lead_role: String,
    /// A member organisation's id, [`OTHER_ORGANISATION`], or blank for none.
    pub lead_organisation: String,
    /// The organisation's name when [`OTHER_ORGANISATION`] is chosen.
    pub other_organisation: String,
    /// A sub-group id, or blank for none.
    pub sub_group: String,
    /// Why this is a priority.
    pub summary: String,
    pub aims: String,
    /// What we will do.
    pub commitments: String,
    pub measured_through: String,
}

/// A theme form that passed its checks.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidTheme {
    pub name: String,
    pub lead_role: String,
    pub lead_organisation: String,
    pub sub_group_id: Option<String>,
    pub summary: Narrative,
    pub aims: Narrative,
    pub commitments: Narrative,
    pub measured_through: Narrative,
}

/// What the theme form checks its choices against: the plan's other themes
/// and its members and sub-groups, as `(id, name)` pairs.
#[derive(Debug, Clone, Copy)]
pub struct ThemeChoices<'a> {
    /// Names of the plan's *other* themes (not the one being edited).
    pub other_theme_names: &'a [&'a str],
    pub members: &'a [(&'a str, &'a str)],
    pub sub_groups: &'a [(&'a str, &'a str)],
}

impl ThemeDraft {
    /// The form filled from a saved theme. `sub_group` is the id of the
    /// sub-group shown as owning it; a lead organisation that is a member
    /// (by name, ignoring case) is chosen from the list, any other is typed.
    pub fn from_theme(theme: &Theme, sub_group: Option<&str>, members: &[(&str, &str)]) -> ThemeDraft {
        let org = theme.lead_organisation.trim();
        let member = members.iter().find(|(_, name)| name.eq_ignore_ascii_case(org));
        let (lead_organisation, other_organisation) = match member {
            Some((id, _)) => (id.to_string(), String::new()),
            None if org.is_empty() => (String::new(), String::new()),
            None => (OTHER_ORGANISATION.to_string(), org.to_string()),
        };
        ThemeDraft {
            name: theme.name.clone(),
            lead_role: theme.lead_role.clone(),
            lead_organisation,
            other_organisation,
            sub_group: sub_group.unwrap_or_default().to_string(),
            summary: theme.summary.to_string(),
            aims: theme.aims.to_string(),
            commitments: theme.commitments.to_string(),
            measured_through: theme.measured_through.to_string(),
        }
    }

    pub fn validate(&self, choices: ThemeChoices<'_>) -> Result<ValidTheme, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = name_key(&name);
        if key.is_empty() {
            errors.add("name", "Enter the name of the theme, for example Domestic abuse");
        } else if name.chars().count() > MAX_THEME_NAME_CHARS {
            errors.add("name", format!("Name must be {MAX_THEME_NAME_CHARS} characters or fewer"));
        } else if let Some(same) = choices.other_theme_names.iter().find(|n| name_key(n) == key) {
            errors.add("name", format!("The plan already has the theme {same} – use a different name"));
        }
        let lead_organisation = match self.lead_organisation.trim() {
            "" => String::new(),
            OTHER_ORGANISATION => {
                let typed = self.other_organisation.trim();
                if typed.is_empty() {
                    errors.add("other-organisation", "Enter the name of the lead organisation");
                }
                typed.to_string()
            }
            id => match choices.members.iter().find(|(m, _)| *m == id) {
                Some((_, name)) => name.to_string(),
                None => {
                    errors.add("lead-organisation", "Select the lead organisation from the list");
                    String::new()
                }
            },
        };
        let sub_group_id = Some(self.sub_group.trim()).filter(|g| !g.is_empty()).map(str::to_string);
        if let Some(g) = &sub_group_id
            && !choices.sub_groups.iter().any(|(id, _)| id == g)
        {
            errors.add("sub-group", "Select a sub-group from the list, or none");
        }
        errors.into_result(ValidTheme {
            name,
            lead_role: self.lead_role.trim().to_string(),
            lead_organisation,
            sub_group_id,
            summary: Narrative::new(self.summary.trim()),
            aims: Narrative::new(self.aims.trim()),
            commitments: Narrative::new(self.commitments.trim()),
            measured_through: Narrative::new(self.measured_through.trim()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_partners_spell_differently_share_a_key() {
        let same = [
            ("Domestic abuse", "Domestic Abuse"),
            ("Drugs / alcohol", "Drugs and alcohol"),
            ("Drugs / alcohol", "Drug & Alcohol"),
            ("Violence & Exploitation", "violence and exploitation"),
            ("Reducing Re-offending", "Reducing reoffending"),
            ("Reducing Re-offending", "Reducing re offending"),
            ("Town Centre & Neighbourhood Crime", "Town centre and neighbourhood crimes"),
            ("  Hate   crime ", "Hate crimes"),
            ("Youth Offending.", "youth offending"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} and {b}");
        }
        let different = [
            ("Domestic abuse", "Domestic homicide"),
            ("ASB", "Anti-social behaviour"),
            ("Drugs / alcohol / mental health", "Drugs and alcohol"),
            ("Business crime", "Bus crime"),
        ];
        for (a, b) in different {
            assert_ne!(name_key(a), name_key(b), "{a} and {b}");
        }
        assert_eq!(name_key("Drugs / alcohol"), "drugalcohol");
        assert_eq!(name_key("Business crime"), "businesscrime");
        assert_eq!(name_key("ASB"), "asb");
        assert_eq!(name_key(" & / "), "");
    }

    const MEMBERS: [(&str, &str); 2] = [("m1", "Luton Council"), ("m2", "Bedfordshire Police")];
    const GROUPS: [(&str, &str); 1] = [("g1", "MARAC Sub Group")];

    fn choices<'a>(others: &'a [&'a str]) -> ThemeChoices<'a> {
        ThemeChoices { other_theme_names: others, members: &MEMBERS, sub_groups: &GROUPS }
    }

    #[test]
    fn a_theme_needs_a_new_name_and_real_choices() {
        let draft = ThemeDraft {
            name: "domestic  ABUSE".into(),
            lead_organisation: "gone".into(),
            sub_group: "nope".into(),
            ..Default::default()
        };
        let errors = draft.validate(choices(&["Domestic Abuse"])).expect_err("invalid");
        assert_eq!(errors.get("name"), Some("The plan already has the theme Domestic Abuse – use a different name"));
        assert_eq!(errors.get("lead-organisation"), Some("Select the lead organisation from the list"));
        assert_eq!(errors.get("sub-group"), Some("Select a sub-group from the list, or none"));
        let blank = ThemeDraft { name: " - ".into(), lead_organisation: OTHER_ORGANISATION.into(), ..draft };
        let errors = blank.validate(choices(&[])).expect_err("invalid");
        assert_eq!(errors.get("name"), Some("Enter the name of the theme, for example Domestic abuse"));
        assert_eq!(errors.get("other-organisation"), Some("Enter the name of the lead organisation"));
    }

    #[test]
    fn a_valid_theme_names_its_lead_organisation() {
        let draft = ThemeDraft {
            name: " Domestic  Abuse ".into(),
            lead_role: " Head of Strategic Safeguarding ".into(),
            lead_organisation: "m1".into(),
            sub_group: "g1".into(),
            aims: " Fewer repeat victims. ".into(),
            ..Default::default()
        };
        let valid = draft.validate(choices(&["Extremism"])).expect("valid");
        assert_eq!(valid.name, "Domestic Abuse");
        assert_eq!(valid.lead_role, "Head of Strategic Safeguarding");
        assert_eq!(valid.lead_organisation, "Luton Council");
        assert_eq!(valid.sub_group_id.as_deref(), Some("g1"));
        assert_eq!(valid.aims.as_str(), "Fewer repeat victims.");
        let typed = ThemeDraft {
            lead_organisation: OTHER_ORGANISATION.into(),
            other_organisation: " Refuge ".into(),
            sub_group: String::new(),
            ..draft
        };
        let valid = typed.validate(choices(&[])).expect("valid");
        assert_eq!((valid.lead_organisation.as_str(), valid.sub_group_id), ("Refuge", None));
    }

    #[test]
    fn the_form_is_prefilled_from_the_theme_and_saves_it_unchanged() {
        let theme = Theme {
            id: "t".into(),
            name: "Domestic Abuse".into(),
            order: 1,
            lead_role: "Head of Strategic Safeguarding".into(),
            lead_organisation: "luton council".into(),
            summary: Narrative::new("Why."),
            aims: Narrative::new("Aims."),
            commitments: Narrative::new("We will."),
            measured_through: Narrative::new("Repeat referrals to MARAC."),
        };
        let draft = ThemeDraft::from_theme(&theme, Some("g1"), &MEMBERS);
        assert_eq!((draft.lead_organisation.as_str(), draft.sub_group.as_str()), ("m1", "g1"));
        let valid = draft.validate(choices(&[])).expect("valid");
        assert_eq!(valid.lead_organisation, "Luton Council", "members are named as the members list spells them");
        assert_eq!(valid.measured_through, theme.measured_through);
        let elsewhere = Theme { lead_organisation: "Refuge".into(), ..theme };
        let draft = ThemeDraft::from_theme(&elsewhere, None, &MEMBERS);
        assert_eq!((draft.lead_organisation.as_str(), draft.other_organisation.as_str()), ("other", "Refuge"));
        assert_eq!(draft.validate(choices(&[])).map(|v| v.lead_organisation), Ok("Refuge".to_string()));
    }
}
