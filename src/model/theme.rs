//! A priority theme of the partnership plan and the senior officer who leads it.

use autosurgeon::{Hydrate, Reconcile};

use super::Narrative;

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
