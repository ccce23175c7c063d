//! Who the partnership is: its partner organisations and the sub-groups that
//! deliver the themes (seed 004: each sub-group has a chair, owns priority
//! areas and reports back to the partnership).

use autosurgeon::{Hydrate, Reconcile};

use super::{FieldErrors, Narrative};

/// A member organisation, such as the council, police or a voluntary group.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Organisation {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub name: String,
    pub sector: Sector,
    /// Its part in the partnership: "Responsible authority", "Co-operating body", "Delivery partner"…
    pub role: String,
}

/// The kinds of member the Crime and Disorder Act 1998 names, plus others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Reconcile, Hydrate)]
pub enum Sector {
    #[autosurgeon(rename = "council")]
    Council,
    #[autosurgeon(rename = "police")]
    Police,
    #[autosurgeon(rename = "fire")]
    FireAndRescue,
    #[autosurgeon(rename = "health")]
    Health,
    #[autosurgeon(rename = "probation")]
    Probation,
    #[autosurgeon(rename = "voluntary")]
    Voluntary,
    #[autosurgeon(rename = "other")]
    Other,
}

impl Sector {
    pub const ALL: [Sector; 7] = [
        Sector::Council,
        Sector::Police,
        Sector::FireAndRescue,
        Sector::Health,
        Sector::Probation,
        Sector::Voluntary,
        Sector::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Sector::Council => "Council",
            Sector::Police => "Police",
            Sector::FireAndRescue => "Fire and rescue",
            Sector::Health => "Health",
            Sector::Probation => "Probation",
            Sector::Voluntary => "Voluntary and community sector",
            Sector::Other => "Other",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Sector::Council => "council",
            Sector::Police => "police",
            Sector::FireAndRescue => "fire",
            Sector::Health => "health",
            Sector::Probation => "probation",
            Sector::Voluntary => "voluntary",
            Sector::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A sub-group or board that delivers part of the plan.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct SubGroup {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub name: String,
    pub chair_role: String,
    pub chair_organisation: String,
    /// The priority themes it is responsible for.
    #[autosurgeon(missing = "Default::default", reconcile = "crate::model::stored::reconcile_labels")]
    pub theme_ids: Vec<String>,
    pub purpose: Narrative,
}

impl SubGroup {
    pub fn chair(&self) -> String {
        super::theme::join_role(&self.chair_role, &self.chair_organisation)
    }
}

/// The organisation form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganisationDraft {
    pub name: String,
    pub sector: String,
    pub role: String,
}

impl OrganisationDraft {
    /// `name_taken` says whether another member already has this name.
    pub fn validate(&self, id: String, name_taken: impl Fn(&str) -> bool) -> Result<Organisation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", "Enter the name of the organisation");
        } else if name_taken(name) {
            errors.add("name", format!("{name} is already a member of the partnership"));
        }
        let sector = Sector::from_code(self.sector.trim());
        if sector.is_none() {
            errors.add("sector", "Select the kind of organisation");
        }
        match sector {
            Some(sector) if errors.is_empty() => {
                Ok(Organisation { id, name: name.to_string(), sector, role: self.role.trim().to_string() })
            }
            _ => Err(errors),
        }
    }
}

/// The sub-group form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubGroupDraft {
    pub name: String,
    /// "Role, Organisation", like an action lead.
    pub chair: String,
    pub theme_ids: Vec<String>,
    pub purpose: String,
}

impl SubGroupDraft {
    pub fn validate(&self, id: String, theme_exists: impl Fn(&str) -> bool) -> Result<SubGroup, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add("name", "Enter the name of the sub-group");
        }
        let chair = super::draft::parse_leads(&self.chair);
        if chair.len() > 1 {
            errors.add("chair", "Enter one chair, as role and organisation");
        }
        if self.theme_ids.iter().any(|t| !theme_exists(t)) {
            errors.add("themes", "Select themes from the list");
        }
        let (chair_role, chair_organisation) =
            chair.into_iter().next().map(|l| (l.role, l.organisation)).unwrap_or_default();
        errors.into_result(SubGroup {
            id,
            name: name.to_string(),
            chair_role,
            chair_organisation,
            theme_ids: self.theme_ids.clone(),
            purpose: Narrative::new(self.purpose.trim()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_needs_a_unique_name_and_a_sector() {
        let draft = OrganisationDraft { name: " ".into(), sector: "bank".into(), role: String::new() };
        let errors = draft.validate("o".into(), |_| false).expect_err("invalid");
        assert_eq!(errors.get("name"), Some("Enter the name of the organisation"));
        assert_eq!(errors.get("sector"), Some("Select the kind of organisation"));
        let taken =
            OrganisationDraft { name: "Bedfordshire Police".into(), sector: "police".into(), role: String::new() };
        let errors = taken.validate("o".into(), |n| n == "Bedfordshire Police").expect_err("taken");
        assert_eq!(errors.get("name"), Some("Bedfordshire Police is already a member of the partnership"));
        let ok = OrganisationDraft { role: "Responsible authority".into(), ..taken };
        assert_eq!(ok.validate("o".into(), |_| false).map(|o| o.sector), Ok(Sector::Police));
    }

    #[test]
    fn a_sub_group_has_one_chair_and_real_themes() {
        let draft = SubGroupDraft {
            name: "MARAC Sub Group".into(),
            chair: "Head of Strategic Safeguarding, Luton Council".into(),
            theme_ids: vec!["domestic-abuse".into()],
            purpose: String::new(),
        };
        let group = draft.validate("g".into(), |t| t == "domestic-abuse").expect("valid");
        assert_eq!(group.chair(), "Head of Strategic Safeguarding, Luton Council");
        let two_chairs = SubGroupDraft { chair: "A, B\nC, D".into(), theme_ids: vec!["nope".into()], ..draft };
        let errors = two_chairs.validate("g".into(), |_| false).expect_err("invalid");
        assert_eq!(errors.get("chair"), Some("Enter one chair, as role and organisation"));
        assert_eq!(errors.get("themes"), Some("Select themes from the list"));
    }
}
