//! The thirteen key actions of the year three business plan 2019-20, with
//! their leads (by role), linked documents and the progress the leads
//! reported between September 2019 and March 2020.

use crate::model::Status::{self, AtRisk, Complete, NotStarted, OnTrack};

/// One row of the business plan table.
pub(super) struct DemoAction {
    pub number: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub theme: Option<&'static str>,
    pub leads: &'static [(&'static str, &'static str)],
    pub documents: &'static [(&'static str, &'static str)],
    /// Organisations working on it beside the leads.
    pub partners: &'static [&'static str],
    pub tags: &'static [&'static str],
    /// (year, month, day)
    pub due: (i32, u8, u8),
    pub progress: &'static [DemoUpdate],
}

/// A progress report, recorded by the action's first lead.
pub(super) struct DemoUpdate {
    pub date: (i32, u8, u8),
    pub status: Status,
    pub text: &'static str,
}

const COUNCIL: &str = "Luton Council";
const POLICE: &str = "Bedfordshire Police";
const PUBLIC_PROTECTION: (&str, &str) = ("Service Manager \u{2013} Public Protection", COUNCIL);
const SHARED: &str = r"S:\Community Safety\Business plan 2019-20\";

pub(super) const ACTIONS: &[DemoAction] = &[
    DemoAction {
        number: "1",
        title: "Deliver the ongoing Ending Adult Exploitation strategic action plan.",
        description: "Completion of partnership plan 2017-2020 actions.",
        theme: Some("violence-exploitation"),
        leads: &[("Strategic Lead for Exploitation", COUNCIL)],
        documents: &[
            ("Adult Exploitation Strategy", "Adult Exploitation Strategy.pdf"),
            ("CSP Adult Exploitation Action Plan", "CSP Adult Exploitation Action Plan.docx"),
        ],
        partners: &["Bedfordshire Police", "Violence and Exploitation Reduction Unit"],
        tags: &["Exploitation", "VAWG"],
        due: (2020, 3, 31),
        progress: &[DemoUpdate {
            date: (2019, 9, 30),
            status: OnTrack,
            text: "A review was undertaken in September 2019 and a new delivery plan was created to focus the actions \
                   on 5 key areas of activity: targeted communications; strategic lead resource; hotspot operation; \
                   introduction of the new Violence & Exploitation Reduction Unit; Preventing Violence Against Women \
                   & Girls Policy.",
        }],
    },
    DemoAction {
        number: "2",
        title: "Deliver key communications messages for the partnership for 19-20.",
        description: "To include:\n\
            a. Coercive/forced behaviour campaign (Exploitation/Domestic Abuse).\n\
            b. Keep Luton safe, keep Luton tidy (enviro-crime, anti-social behaviour and general messages around \
            safety and confidence).\n\
            c. Community clear ups and opportunities for improved environmental standards.\n\
            d. Geographical priority (to confirm following selection of the location).\n\
            e. Town centre focus.\n\
            f. Domestic abuse 16 days of action (25 November 2019).\n\
            g. Hate crime awareness (12 to 19 October 2019).\n\
            h. Violence against women and girls \u{2013} 16 days of action (25 November 2019).",
        theme: None,
        leads: &[("Communications Officer (Place)", COUNCIL)],
        documents: &[
            ("Communications 19-20", "Communications 19-20.docx"),
            ("Hate Crime Awareness Week timetable", "Hate Crime Awareness Week Timetable.pdf"),
        ],
        partners: &["Bedfordshire Police", "Bedfordshire Domestic Abuse Partnership"],
        tags: &["Communications", "High Town"],
        due: (2020, 3, 31),
        progress: &[
            DemoUpdate {
                date: (2019, 10, 21),
                status: OnTrack,
                text: "g. A number of activities took place during Hate Crime Awareness Week (12 to 19 October), \
                       county wide and locally linked to Many Voices, One Town and Luton in Harmony.\n\
                       c. 78 volunteers took part in the Great British Spring Clean events in 2019 and 434 bags of \
                       rubbish were collected. A clean up in High Town led to a fence on Mussons Path to block off a \
                       popular fly-tipping area.",
            },
            DemoUpdate {
                date: (2020, 1, 24),
                status: OnTrack,
                text: "a. The first two motion videos for the coercive behaviour and forced exploitation campaign \
                       have been approved: one on forced prostitution, one on coercive and controlling behaviour. \
                       They are being prepared for launch in January 2020; storyboarding is under way for the other \
                       subjects.\n\
                       b. The Keep Luton Safe, Keep Luton Tidy Facebook page has grown from 1,119 likes in January \
                       2019 to 2,199, and followers from 1,185 to 2,318.\n\
                       d. High Town was chosen as the geographical priority area; local communications will follow \
                       the action plan.\n\
                       e. Two town centre workshops held. The town centre PSPO is enforced daily and the NET team now \
                       has 8 officers and 1 team leader (12 and 2 at full establishment). The Big Change initiative \
                       has launched, with contactless donation points in The Mall and at the train station.\n\
                       f. Messages ran on council social media throughout the 16 days of action and were shared by \
                       the Bedfordshire Domestic Abuse Partnership.\n\
                       h. Complete \u{2013} champions event launched and events planned for 2020.",
            },
        ],
    },
    DemoAction {
        number: "3",
        title: "Review the anti-social behaviour strategic position. The current strategy ends in 2019.",
        description: "",
        theme: Some("town-centre"),
        leads: &[PUBLIC_PROTECTION],
        documents: &[
            ("Anti-social behaviour strategy 2016-19", "Anti-social behaviour strategy 2016-19.pdf"),
            ("ASB performance", "ASB performance.pdf"),
        ],
        partners: &[],
        tags: &[],
        due: (2020, 3, 31),
        progress: &[DemoUpdate {
            date: (2020, 1, 20),
            status: OnTrack,
            text: "A review of the ASB strategy has taken place. Targets for reducing youth anti-social behaviour and \
                   nuisance motorcycles have been met; this work continues as business as usual and any decline will \
                   be flagged through performance monitoring.\n\
                   Town centre ASB and neighbour-based ASB have not yet met their targets, but we are on target to \
                   meet all of this year's ASB targets (see ASB performance).",
        }],
    },
    DemoAction {
        number: "4",
        title: "Review of the strategic position in relation to youth violence. The current strategy ends in 2020.",
        description: "",
        theme: Some("youth-offending"),
        leads: &[("Head of Youth Offending Service", COUNCIL)],
        documents: &[("Serious youth violence strategy 2017-20", "Serious youth violence strategy 2017-20.pdf")],
        partners: &["Bedfordshire Police", "Violence and Exploitation Reduction Unit", "Luton schools"],
        tags: &["Youth violence", "Knife crime"],
        due: (2020, 3, 31),
        progress: &[DemoUpdate {
            date: (2020, 1, 27),
            status: OnTrack,
            text: "MAGPan remains the intelligence and safeguarding hub for all agencies, so there is a collective \
                   responsibility for young people exploited through gang-associated behaviour.\n\
                   The Amber unit now has a presence in most schools and delivers restorative interventions. Six-week \
                   programmes on knife crime and gangs have run in 3 high schools, 1 primary school and 1 alternative \
                   provision, with 2 more high schools, 2 alternative providers and 2 community sports clubs about to \
                   start.\n\
                   The key stage 2 PSHE programme has rolled out to primary schools. The key stage 3 specialist \
                   intervention has been commissioned for 2020 with funding from the VERU, alongside \u{2018}The \
                   Future Begins Today\u{2019} programme in the YOS.\n\
                   Conversations with groups of 3 to 6 young people in 6 areas of Luton, using a framework of 11 \
                   questions, have led to phase two of the youth voice project in 2020.",
        }],
    },
    DemoAction {
        number: "5",
        title: "Review the findings of the town centre workshop and deliver the recommendations for the CSP.",
        description: "",
        theme: Some("town-centre"),
        leads: &[("Chair of the Partnership Delivery Board (Superintendent)", POLICE)],
        documents: &[],
        partners: &["Business Improvement District", "Homeless Reduction Partnership"],
        tags: &["Town centre", "PSPO"],
        due: (2020, 3, 31),
        progress: &[DemoUpdate {
            date: (2019, 12, 16),
            status: OnTrack,
            text: "A second town centre workshop in November 2019 looked at what \u{2018}good\u{2019} would look like \
                   for the town centre, followed by a partner survey on the town centre PSPO. A fresh perception of \
                   crime survey has been commissioned for January 2020.\n\
                   Links have been made with the Homeless Reduction Partnership, the Rough Sleeping Co-ordination \
                   service, the Business Improvement District, the Responsible Authorities Group and the Luton \
                   Investment Forum & Inclusive Growth Commission.\n\
                   The Big Change brand launched on 16 December 2019. A Town Centre Community Safety Board will be \
                   built into the plans for 2020-2024.",
        }],
    },
    DemoAction {
        number: "6",
        title: "Undertake a 6 month review of the weekly Multi-Agency Risk Assessment process and evaluate \
                performance.",
        description: "",
        theme: Some("domestic-abuse"),
        leads: &[("Chair of the MARAC Sub Group", "Luton Community Safety Partnership")],
        documents: &[],
        partners: &[],
        tags: &[],
        due: (2019, 12, 31),
        progress: &[DemoUpdate {
            date: (2019, 10, 1),
            status: Complete,
            text: "A review of the pilot of the new MARAC model found it was not sustainable for Luton. In April 2019 it \
                   was agreed to move to a fortnightly model, which started in June 2019.\n\
                   Responsibility for the MARAC has moved to the People department within the strategic safeguarding \
                   unit.",
        }],
    },
    DemoAction {
        number: "7",
        title: "Publish the Domestic Homicide review outcomes.",
        description: "",
        theme: Some("domestic-abuse"),
        leads: &[PUBLIC_PROTECTION, ("Domestic Homicide Review Co-ordinator", COUNCIL)],
        documents: &[],
        partners: &[],
        tags: &[],
        due: (2020, 2, 29),
        progress: &[DemoUpdate {
            date: (2020, 1, 22),
            status: AtRisk,
            text: "DHR001/2016 is due for publication in February 2020 once the required notification period to the \
                   family has passed. DHR002/2016 will be re-submitted to the Home Office Quality Assurance panel for \
                   approval.",
        }],
    },
    DemoAction {
        number: "8",
        title: "Deliver and implement a hate crime action plan for Luton.",
        description: "",
        theme: Some("extremism"),
        leads: &[("Luton lead (to be confirmed)", "Bedfordshire Hate Crime Group")],
        documents: &[("Hate Crime Delivery Plan 2019", "Hate Crime Delivery Plan 2019.docx")],
        partners: &[],
        tags: &[],
        due: (2020, 3, 31),
        progress: &[
            DemoUpdate {
                date: (2019, 9, 16),
                status: NotStarted,
                text: "Waiting for a Luton lead to be confirmed by the Bedfordshire Hate Crime Group.",
            },
            DemoUpdate {
                date: (2020, 1, 15),
                status: AtRisk,
                text: "Luton supports the Bedfordshire Hate Crime Action Plan (attached). The actions are due to be \
                       updated at the next Pan Beds meeting at the end of January 2020. A number of activities took \
                       place during Hate Crime Week (see action 2). A Luton lead is still to be confirmed.",
            },
        ],
    },
    DemoAction {
        number: "9",
        title: "Carry out a series of workshops in relation to domestic abuse to inform a wider discussion on the \
                direction of travel for domestic abuse.",
        description: "",
        theme: Some("domestic-abuse"),
        leads: &[("LSCB Business Manager", "Luton Safeguarding Children Board")],
        documents: &[("DA Workshop Report", "DA Workshop Report.pdf")],
        partners: &[],
        tags: &[],
        due: (2019, 12, 31),
        progress: &[DemoUpdate {
            date: (2019, 12, 10),
            status: Complete,
            text: "Completed. An overview of the workshops is attached (DA Workshop Report).",
        }],
    },
    DemoAction {
        number: "10",
        title: "Undertake the full strategic assessment process to support the identification of priorities and \
                action planning.",
        description: "Planning towards the Community Safety Partnership Plan 2020 onwards.",
        theme: None,
        leads: &[("Business Intelligence", COUNCIL)],
        documents: &[],
        partners: &[],
        tags: &[],
        due: (2020, 1, 31),
        progress: &[DemoUpdate { date: (2020, 1, 31), status: Complete, text: "Completed in January 2020." }],
    },
    DemoAction {
        number: "11",
        title: "Undertake a series of events with stakeholders, partners and the public to formulate the plan for \
                2020 onwards.",
        description: "Planning towards the Community Safety Partnership Plan 2020 onwards.",
        theme: None,
        leads: &[("Community Safety Partnership Manager", COUNCIL)],
        documents: &[],
        partners: &[],
        tags: &[],
        due: (2020, 2, 29),
        progress: &[DemoUpdate {
            date: (2020, 2, 3),
            status: Complete,
            text: "Events held from autumn to winter with: High Town operational planning; town centre partners; the \
                   homeless partnership; domestic abuse workshops; the domestic abuse development group; strategic \
                   assessment key partner groups; consultation with partners.\n\
                   Public consultation and engagement on the proposals may take place through implementation.",
        }],
    },
    DemoAction {
        number: "12",
        title: "Ensure sustainability planning for current issues which may not be priorities for 2020 onwards.",
        description: "Planning towards the Community Safety Partnership Plan 2020 onwards.",
        theme: None,
        leads: &[("Chair of the CSP", "Luton Community Safety Partnership"), PUBLIC_PROTECTION],
        documents: &[],
        partners: &[],
        tags: &[],
        due: (2020, 3, 31),
        progress: &[DemoUpdate {
            date: (2020, 1, 28),
            status: Complete,
            text: "Complete \u{2013} a new structure for the CSP is planned for 2020 onwards and was approved at the \
                   CSP Executive on 28 January 2020.",
        }],
    },
    DemoAction {
        number: "13",
        title: "Pilot area for targeted activity \u{2013} adopting a new approach to the work of the Community \
                Safety Partnership.",
        description: "",
        theme: Some("town-centre"),
        leads: &[("Inspector", POLICE), ("Community Safety Officer", COUNCIL)],
        documents: &[],
        partners: &["Bedfordshire Fire and Rescue Service", "Luton Council Environmental Enforcement"],
        tags: &["High Town", "Operation Octans"],
        due: (2020, 3, 31),
        progress: &[
            DemoUpdate {
                date: (2019, 12, 20),
                status: OnTrack,
                text: "An intelligence-led process, taking account of the plan's priorities, identified High Town \
                       ward as the pilot area. Operation Octans oversees the work. The first Joint Action Group met on \
                       19 December at High Town Methodist Church: an overview of crime and the area's history, then \
                       workshops on the root causes of three priorities and possible responses:\n\
                       1. On-street sexual exploitation.\n\
                       2. Drug use and drug dealing related ASB.\n\
                       3. Environmental issues (fly-tipping and littering).",
            },
            DemoUpdate {
                date: (2020, 2, 28),
                status: OnTrack,
                text: "Three formal action plans have been created and all relevant partners have signed up; they \
                       will update the group on 9 March 2020. An evaluation method, including the voice of the \
                       community, is part of the action planning.\n\
                       A multi-agency day of action in High Town on 4 March will let partners tell the public what to \
                       expect in the coming months. Operation Octans is part of a bid to the Home Office Safer \
                       Streets fund.",
            },
        ],
    },
];

/// Where the partnership keeps a linked document on its shared drive.
pub(super) fn location(file: &str) -> String {
    format!("{SHARED}{file}")
}
