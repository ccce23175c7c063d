//! The seven priority themes of the Community Safety Partnership Plan
//! 2020–2024, as the plan and the theme leads' slides describe them.
//! Leads are named by role and organisation only.

use crate::model::{Narrative, Theme};

pub(super) fn themes() -> Vec<Theme> {
    vec![
        theme(
            "violence-exploitation",
            "Violence & Exploitation",
            ("Strategic Lead for Exploitation", "Luton Council"),
            "The Serious and Organised Crime Local Profile, produced in partnership, identifies organised crime groups \
             involved in firearms and drugs, including county lines; urban street gangs with similar criminality but \
             greater risk; and the vulnerabilities and exploitation that follow, including modern slavery and human \
             trafficking.",
            "Prevent violence and exploitation, reduce the harm caused and so improve health and wellbeing across \
             Bedfordshire.\nDeliver a demonstrable improvement through better identification, prevention and early \
             intervention, while maintaining Pursue activity against the greatest threats.",
            "Use data and intelligence (the strategic needs assessment) to set short and long-term priorities.\n\
             Identify the actions needed to address the \u{201c}causes of the causes\u{201d}.\n\
             Keep a strong focus on primary, secondary and tertiary prevention.\n\
             Co-ordinate a multi-agency approach to protecting and supporting children and young people involved in, \
             or at risk of, serious violence and exploitation, with the Violence and Exploitation Reduction Unit.\n\
             Deliver against the 4Ps through the Organised Crime and County Lines Partnership Board.",
            "Violence with injury, knife crime and possession of weapon offences.\n\
             Referrals for criminal and sexual exploitation, and modern slavery.\n\
             Missing person episodes.",
        ),
        theme(
            "youth-offending",
            "Youth Offending",
            ("Head of Youth Offending Service", "Luton Council"),
            "Intervening earlier to address risk and vulnerability stops young people at risk of offending from \
             becoming established offenders, improving their life chances and reducing the harm caused to others. \
             Breaking the cycle of re-offending, particularly where it has become prolific, means safer communities \
             and fewer victims.",
            "Working closely with Children's Services and other partners, improve the life chances of children and \
             young people in Luton: emotional health, participation in education, training and employment, \
             attainment for those with barriers to learning, and family relationships.\n\
             Reduce re-offending by young people, with a particular focus on the small proportion who commit a \
             disproportionate amount of crime in Luton.",
            "Maintain a low level of first time entrants (including looked after children and other vulnerable groups) \
             into the youth justice system through the joint decision-making partnership groups.\n\
             Develop responses to re-offending that recognise those who persistently offend have overwhelmingly \
             experienced the most damaging upbringings, treating repeat offending as a sign of safeguarding need.",
            "The rate of first time entrants to the criminal justice system.\n\
             The number of young people re-offending, particularly among those committing the most youth crime.",
        ),
        theme(
            "extremism",
            "Extremism",
            ("Prevent Co-ordinator", "Luton Council"),
            "Luton is a Prevent priority area. Extremism of every kind, and the hate crime and intolerance that feed \
             it, damage community cohesion and put vulnerable people at risk of being drawn into terrorism.",
            "Stop people being drawn into terrorism or supporting it, and build communities that are confident in \
             challenging hate and intolerance.",
            "Meet the Prevent duty across the council and partners, with training for frontline staff.\n\
             Run the Channel panel to support people referred as vulnerable to radicalisation.\n\
             Work with the Bedfordshire Hate Crime Group on the hate crime action plan and Hate Crime Awareness Week.",
            "Prevent training completed by frontline staff.\n\
             Prevent referrals and Channel cases supported.\n\
             Hate crimes reported, and the proportion of repeat victims.",
        ),
        theme(
            "town-centre",
            "Town Centre & Neighbourhood Crime",
            ("Chief Inspector, Community Policing", "Bedfordshire Police"),
            "Town centre anti-social behaviour and neighbour-based anti-social behaviour are the two areas where \
             targets have not yet been met. Residents' perception of the town centre lags behind what frontline \
             officers see.",
            "Local problem solving for local problems, and a town centre where residents, businesses and visitors \
             feel safe.",
            "Re-integrate tactical tasking within a partnership setting.\n\
             Take place-based approaches, retaining and increasing opportunities for co-location.\n\
             Increase case conferencing around vulnerable individuals.\n\
             Co-produce solutions with local stakeholders and communities.\n\
             Establish a Town Centre Community Safety Board.",
            "Town centre anti-social behaviour incidents.\n\
             Burglary and criminal damage.\n\
             Residents' perception of safety in the town centre (perception of crime survey).",
        ),
        theme(
            "reducing-reoffending",
            "Reducing Re-offending",
            ("Head of Luton Probation Delivery Unit", "National Probation Service"),
            "The Bedfordshire Reducing Reoffending Strategy aims to reduce crime, prevent harm and repeat \
             victimisation by responding to local crime and need, and by making sure offenders have fair access to \
             the services that best support their desistance from crime.",
            "Fewer people re-offending, with those leaving custody housed and supported into work, treatment and \
             stable lives.",
            "Improve access to housing for people leaving custody, and make sure all statutory partners use the Duty \
             to Refer.\n\
             Further develop and map Integrated Offender Management cohorts to manage risk and impact on \
             communities.\n\
             Improve access to every reducing re-offending pathway: drugs and alcohol; education, training and \
             employment; finance, budgeting and debt; children and families.\n\
             Support and develop pathways for women offenders and for veterans.",
            "Proven re-offending rate of the Integrated Offender Management cohort.\n\
             People leaving custody with settled accommodation.",
        ),
        theme(
            "drugs-alcohol",
            "Drugs / alcohol / mental health",
            ("Consultant in Public Health", "Luton Council"),
            "People who misuse drugs or alcohol are at greater risk of physical and mental ill health. Problems are \
             increasingly complex, with many people presenting with co-occurring conditions. There has been a national \
             rise in drug-related deaths and a small local increase in 2019, and a considerable amount of crime, \
             including serious organised crime, is linked to drugs and alcohol.",
            "Reduce the harm drugs and alcohol cause to people who use them, their children and the wider community.",
            "Form a Luton Drug and Alcohol Partnership Board with Public Health, the NHS, police, prisons, probation, \
             adult and young people's safeguarding and the third sector.\n\
             The Board will set key performance indicators and drive the Luton drug and alcohol action plan.\n\
             Report progress to the Community Safety Partnership and the Health and Wellbeing Board.",
            "Alcohol-related hospital admissions.\n\
             Drug-related deaths.\n\
             Successful completions of drug and alcohol treatment.",
        ),
        theme(
            "domestic-abuse",
            "Domestic Abuse",
            ("Head of Strategic Safeguarding", "Luton Council"),
            "Our vision is for Luton to be a place where young people, women and men can live free of fear, violence \
             and abuse. Analysis of domestic abuse across partners shows the need for healthy relationship education \
             and a co-ordination resource, phased over years one to three.",
            "Collate and use data from all partners to understand need and provision in Luton.\n\
             Promote a culture of zero tolerance of domestic abuse and harmful practices in every community.\n\
             Strengthen our response to challenging, disrupting and holding perpetrators to account.",
            "Develop learning material on healthy relationships for schools, colleges and universities.\n\
             Strengthen early intervention, including programmes that model respectful relationships.\n\
             Make sure the new requirements of the Domestic Abuse Bill are implemented across the council and \
             partners.\n\
             Train frontline practitioners to recognise abuse and offer support, including risk assessment.\n\
             Co-ordinate services and pathways for victims based on the different types of domestic abuse.",
            "Repeat referrals to the MARAC.\n\
             Domestic abuse incidents and crimes reported.\n\
             Frontline practitioners trained.",
        ),
    ]
}

fn theme(
    id: &str,
    name: &str,
    (role, organisation): (&str, &str),
    summary: &str,
    aims: &str,
    commitments: &str,
    measured_through: &str,
) -> Theme {
    // The plan lists themes in the order they are declared above.
    let order = super::THEME_ORDER.iter().position(|t| *t == id).map_or(99, |i| i as i64 + 1);
    Theme {
        id: id.to_string(),
        name: name.to_string(),
        order,
        lead_role: role.to_string(),
        lead_organisation: organisation.to_string(),
        summary: Narrative::new(summary),
        aims: Narrative::new(aims),
        commitments: Narrative::new(commitments),
        measured_through: Narrative::new(measured_through),
    }
}
