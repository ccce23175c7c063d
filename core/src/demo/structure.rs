//! The demo partnership's members and sub-groups: the responsible
//! authorities of the Crime and Disorder Act 1998, the partners named in the
//! business plan, and the boards that deliver the themes (seeds 001, 003).

use crate::model::{OrganisationDraft, SubGroupDraft};

/// (name, sector code, role in the partnership)
const MEMBERS: [(&str, &str, &str); 10] = [
    ("Luton Council", "council", "Responsible authority"),
    ("Bedfordshire Police", "police", "Responsible authority"),
    ("Bedfordshire Fire and Rescue Service", "fire", "Responsible authority"),
    ("Luton Clinical Commissioning Group", "health", "Responsible authority"),
    ("National Probation Service", "probation", "Responsible authority"),
    ("Bedfordshire Community Rehabilitation Company", "probation", "Responsible authority"),
    ("Office of the Police and Crime Commissioner for Bedfordshire", "other", "Co-operating body"),
    ("Luton Safeguarding Children Board", "other", "Delivery partner"),
    ("Signposts", "voluntary", "Delivery partner: community clean ups"),
    ("Resolutions", "voluntary", "Delivery partner: drug and alcohol treatment"),
];

/// (name, chair as "Role, Organisation", theme ids, purpose)
const SUB_GROUPS: [(&str, &str, &[&str], &str); 6] = [
    (
        "Partnership Delivery Board",
        "Chair of the Partnership Delivery Board (Superintendent), Bedfordshire Police",
        &["town-centre", "reducing-reoffending"],
        "Co-ordinates delivery across the themes and reports to the Community Safety Partnership Executive.",
    ),
    (
        "Organised Crime and County Lines Partnership Board",
        "Strategic Lead for Exploitation, Luton Council",
        &["violence-exploitation", "youth-offending"],
        "Delivers against the 4Ps for organised crime and county lines, with the Violence and Exploitation Reduction Unit.",
    ),
    (
        "MARAC Sub Group",
        "Chair of the MARAC Sub Group, Luton Community Safety Partnership",
        &["domestic-abuse"],
        "Oversees the fortnightly Multi-Agency Risk Assessment Conference.",
    ),
    (
        "Domestic Abuse Development Forum",
        "Head of Strategic Safeguarding, Luton Council",
        &["domestic-abuse"],
        "Drafted the Domestic Abuse Strategy 2020-2023 under the theme lead.",
    ),
    (
        "Luton Drug and Alcohol Partnership Board",
        "Consultant in Public Health, Luton Council",
        &["drugs-alcohol"],
        "Sets key performance indicators and drives the Luton drug and alcohol action plan.",
    ),
    (
        "High Town Joint Action Group",
        "Inspector, Bedfordshire Police",
        &["town-centre"],
        "Runs Operation Octans, the pilot of targeted partnership work in High Town.",
    ),
];

pub(super) fn members() -> impl Iterator<Item = OrganisationDraft> {
    MEMBERS.into_iter().map(|(name, sector, role)| OrganisationDraft {
        name: name.into(),
        sector: sector.into(),
        role: role.into(),
    })
}

pub(super) fn sub_groups() -> impl Iterator<Item = SubGroupDraft> {
    SUB_GROUPS.into_iter().map(|(name, chair, themes, purpose)| SubGroupDraft {
        name: name.into(),
        chair: chair.into(),
        theme_ids: themes.iter().map(|t| t.to_string()).collect(),
        purpose: purpose.into(),
    })
}
