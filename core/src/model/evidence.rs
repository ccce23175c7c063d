//! What partners and residents said about each assessed issue: the
//! sense-check workshops' results and the resident questionnaires'
//! "which of these worry you most?" answers, gathered for the strategic
//! assessment, with a suggested public concern score.
//!
//! Workshops and questionnaires do not store which issue they are about,
//! only its name (a sense-check copies the assessment's issue names; a
//! questionnaire offers the plan's theme names), so issues are matched by
//! name, spelt however partners spell it ([`super::theme::name_key`]: case,
//! spacing, "&"/"and" and plurals aside). An issue promoted to a priority theme
//! also matches that theme's name, which is what residents were shown.

use std::collections::BTreeMap;

use super::Partnership;
use super::assessment::{AssessedIssue, Assessment};
use super::consultation::{Answer, QuestionKind, Questionnaire};
use super::theme::name_key;
use super::workshop::{Workshop, WorkshopFormat};

/// Fewer residents than this answering the worries question and no score
/// is suggested: below ten, one resident moves the share by more than ten
/// percentage points, enough to jump a whole band on their own.
pub const MIN_RESPONDENTS: usize = 10;

/// Where each public concern score starts, as a whole percentage of the
/// residents who answered. Residents may pick several worries, so shares
/// run high: a worry a quarter of people name is "raised at meetings and
/// surveys" (3 on the scale), and only one about two-thirds name is their
/// "top worry" (5). Under 10% counts as rarely raised (1).
const BANDS: [(u32, u8); 4] = [(65, 5), (45, 4), (25, 3), (10, 2)];

/// How one sense-check workshop placed an issue.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopEvidence {
    pub workshop_id: String,
    pub title: String,
    /// 1 = most support; shared with any item on the same result.
    pub rank: usize,
    /// Another item shares the rank.
    pub joint: bool,
    /// How many issues the workshop ranked.
    pub of: usize,
    /// Total dots, or the mean rating when participants rated (see `rated`).
    pub result: f64,
    pub rated: bool,
    /// Participants who put dots on (or rated) this issue.
    pub supporters: usize,
    /// Everyone who voted in the workshop.
    pub participants: usize,
}

impl WorkshopEvidence {
    /// "February partner workshop: ranked joint 2nd of 7 (14 dots from 9 of 12 participants)".
    pub fn describe(&self) -> String {
        let joint = if self.joint { "joint " } else { "" };
        let result = if self.rated {
            format!("average rating {:.1} from {} of {} participants", self.result, self.supporters, self.participants)
        } else {
            let dots = self.result.round() as i64;
            format!(
                "{dots} dot{} from {} of {} participants",
                if dots == 1 { "" } else { "s" },
                self.supporters,
                self.participants
            )
        };
        format!("{}: ranked {joint}{} of {} ({result})", self.title, ordinal(self.rank), self.of)
    }
}

/// How many residents answering one questionnaire picked the issue.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsultationEvidence {
    pub questionnaire_id: String,
    pub title: String,
    pub picked: usize,
    /// Residents who answered the worries question at all.
    pub answered: usize,
}

impl ConsultationEvidence {
    pub fn percent(&self) -> u32 {
        percent(self.picked, self.answered)
    }

    /// "“How safe do you feel in High Town?”: 4 of 12 residents who answered (33%) said this worries them".
    pub fn describe(&self) -> String {
        format!(
            "\u{201c}{}\u{201d}: {} of {} resident{} who answered ({}%) said this worries them",
            self.title,
            self.picked,
            self.answered,
            if self.answered == 1 { "" } else { "s" },
            self.percent()
        )
    }
}

/// Everything gathered about one assessed issue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IssueEvidence {
    pub workshops: Vec<WorkshopEvidence>,
    pub consultations: Vec<ConsultationEvidence>,
}

/// Residents' answers across every questionnaire that offered the issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concern {
    pub picked: usize,
    pub answered: usize,
}

impl Concern {
    pub fn percent(self) -> u32 {
        percent(self.picked, self.answered)
    }

    /// The public concern score (1–5) the share suggests, or `None` when
    /// too few residents answered for the share to mean much.
    pub fn suggested_score(self) -> Option<u8> {
        (self.answered >= MIN_RESPONDENTS).then(|| band(self.percent()))
    }
}

impl IssueEvidence {
    pub fn is_empty(&self) -> bool {
        self.workshops.is_empty() && self.consultations.is_empty()
    }

    /// All questionnaires combined; `None` when none offered the issue or
    /// nobody answered.
    pub fn concern(&self) -> Option<Concern> {
        let picked = self.consultations.iter().map(|c| c.picked).sum();
        let answered = self.consultations.iter().map(|c| c.answered).sum();
        (answered > 0).then_some(Concern { picked, answered })
    }

    pub fn suggested_public_concern(&self) -> Option<u8> {
        self.concern().and_then(Concern::suggested_score)
    }
}

/// Evidence for every issue of the assessment, keyed by issue id.
pub fn for_assessment(assessment: &Assessment, plan: &Partnership) -> BTreeMap<String, IssueEvidence> {
    assessment.issues.values().map(|issue| (issue.id.clone(), for_issue(&assessment.id, issue, plan))).collect()
}

/// Workshops and questionnaires in title order, so the page reads the same
/// on every partner's copy. Only workshops that sense-checked this
/// assessment count (or that predate recording which one they checked).
pub fn for_issue(assessment_id: &str, issue: &AssessedIssue, plan: &Partnership) -> IssueEvidence {
    let mut names = vec![name_key(&issue.name)];
    if let Some(theme) = issue.theme_id.as_deref().and_then(|t| plan.theme(t)) {
        names.push(name_key(&theme.name));
    }
    let mut workshops: Vec<&Workshop> =
        plan.workshops.values().filter(|w| w.assessment_id.as_deref().is_none_or(|a| a == assessment_id)).collect();
    crate::sorting::sort_by_key(&mut workshops, |w| (w.title.to_lowercase(), w.id.clone()));
    let mut questionnaires: Vec<&Questionnaire> = plan.questionnaires.values().collect();
    crate::sorting::sort_by_key(&mut questionnaires, |q| (q.title.to_lowercase(), q.id.clone()));
    IssueEvidence {
        workshops: workshops.into_iter().filter_map(|w| workshop_evidence(w, &names)).collect(),
        consultations: questionnaires.into_iter().filter_map(|q| consultation_evidence(q, &names)).collect(),
    }
}

/// `None` for a problem-solving workshop, one that did not list the issue,
/// or one nobody has voted in yet (every issue would be "joint 1st").
fn workshop_evidence(w: &Workshop, names: &[String]) -> Option<WorkshopEvidence> {
    if w.format != WorkshopFormat::SenseCheck || w.participants() == 0 {
        return None;
    }
    let tally = w.tally();
    let mine = tally.iter().find(|t| names.contains(&name_key(&t.item.text)))?;
    Some(WorkshopEvidence {
        workshop_id: w.id.clone(),
        title: w.title.clone(),
        rank: mine.rank,
        joint: tally.iter().filter(|t| t.rank == mine.rank).count() > 1,
        of: tally.len(),
        result: mine.result,
        rated: w.dots == 0,
        supporters: mine.participants,
        participants: w.participants(),
    })
}

/// Counts the first "pick from a list" question (the standard
/// questionnaire's "Which of these worry you most?"). `None` when it did
/// not offer the issue or nobody has answered it.
fn consultation_evidence(q: &Questionnaire, names: &[String]) -> Option<ConsultationEvidence> {
    let question = q.questions_in_order().into_iter().find(|x| x.kind == QuestionKind::Choices)?;
    let offered = |option: &String| names.contains(&name_key(option));
    if !question.options.iter().any(offered) {
        return None;
    }
    let answers: Vec<&Vec<String>> = q
        .responses
        .values()
        .filter_map(|r| match r.answers.get(&question.id) {
            Some(Answer::Choices(picked)) if !picked.is_empty() => Some(picked),
            _ => None,
        })
        .collect();
    if answers.is_empty() {
        return None;
    }
    Some(ConsultationEvidence {
        questionnaire_id: q.id.clone(),
        title: q.title.clone(),
        // A resident who ticked both the issue and its theme counts once.
        picked: answers.iter().filter(|picked| picked.iter().any(offered)).count(),
        answered: answers.len(),
    })
}

/// Rounded half up, so the score is banded on the figure people see.
fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 0;
    }
    let (part, whole) = (part as u64, whole as u64);
    u32::try_from((200 * part + whole) / (2 * whole)).unwrap_or(u32::MAX)
}

/// The banding in words, for the scoring form.
pub fn banding_explained() -> String {
    let mut from = 0;
    let mut parts: Vec<String> = BANDS
        .iter()
        .rev()
        .map(|(start, score)| {
            let part = format!("{from}\u{2013}{}% is {}", start - 1, score - 1);
            from = *start;
            part
        })
        .collect();
    parts.push(format!("{from}% or more is 5"));
    format!(
        "Suggested from the share of residents who chose it ({}), once at least {MIN_RESPONDENTS} residents have answered.",
        parts.join(", ")
    )
}

fn band(percent: u32) -> u8 {
    BANDS.iter().find(|(from, _)| percent >= *from).map_or(1, |(_, score)| *score)
}

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Theme;
    use crate::model::consultation::Response;
    use crate::model::workshop::{ItemKind, WorkshopItem};

    fn plan() -> Partnership {
        let mut p = Partnership::new("p".into(), "Luton Community Safety Partnership".into(), "Luton".into());
        let theme = Theme::new("t-da".into(), "Domestic Abuse".into(), 1);
        p.themes.insert(theme.id.clone(), theme);
        p
    }

    fn issue(id: &str, name: &str, theme: Option<&str>) -> AssessedIssue {
        AssessedIssue { id: id.into(), name: name.into(), theme_id: theme.map(str::to_string), ..Default::default() }
    }

    /// A sense-check with the given issues (as a sense-check copies them)
    /// and ballots of (issue name, dots).
    fn sense_check(id: &str, title: &str, dots: i64, issues: &[&str], ballots: &[&[(&str, i64)]]) -> Workshop {
        let items: BTreeMap<String, WorkshopItem> = issues
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let id = format!("i{i}");
                (id.clone(), WorkshopItem { id, kind: ItemKind::Issue, text: name.to_string() })
            })
            .collect();
        let id_of = |name: &str| items.values().find(|i| i.text == name).map(|i| i.id.clone()).unwrap_or_default();
        let votes = ballots
            .iter()
            .enumerate()
            .map(|(n, ballot)| (format!("{n:03}"), ballot.iter().map(|(name, v)| (id_of(name), *v)).collect()))
            .collect();
        Workshop {
            id: id.into(),
            title: title.into(),
            format: WorkshopFormat::SenseCheck,
            theme_id: None,
            assessment_id: Some("a".into()),
            dots,
            items,
            votes,
        }
    }

    /// A standard questionnaire offering `options`, with `picks[i]` being
    /// one resident's worries (empty = skipped the question).
    fn questionnaire(id: &str, title: &str, options: &[&str], picks: &[&[&str]]) -> Questionnaire {
        let mut q = Questionnaire::standard(
            id.into(),
            title.into(),
            String::new(),
            options.iter().map(|o| o.to_string()).collect(),
        );
        for (n, picked) in picks.iter().enumerate() {
            let mut answers = BTreeMap::new();
            answers.insert("q1".to_string(), Answer::Scale(3));
            if !picked.is_empty() {
                answers.insert("q2".to_string(), Answer::Choices(picked.iter().map(|p| p.to_string()).collect()));
            }
            let r = Response { id: format!("r{n}"), answers, recorded_at: 0 };
            q.responses.insert(r.id.clone(), r);
        }
        q
    }

    fn with(mut p: Partnership, workshops: Vec<Workshop>, questionnaires: Vec<Questionnaire>) -> Partnership {
        p.workshops = workshops.into_iter().map(|w| (w.id.clone(), w)).collect();
        p.questionnaires = questionnaires.into_iter().map(|q| (q.id.clone(), q)).collect();
        p
    }

    const ISSUES: [&str; 4] = ["Knife crime", "Domestic abuse", "Hate crime", "Drug-related harm"];

    #[test]
    fn a_workshop_places_the_issue_with_shared_ranks_for_ties() {
        let w = sense_check(
            "w",
            "February partner workshop",
            3,
            &ISSUES,
            &[&[("Knife crime", 3)], &[("Domestic abuse", 2), ("Hate crime", 1)], &[("Hate crime", 2)]],
        );
        let p = with(plan(), vec![w], vec![]);
        let knife = for_issue("a", &issue("1", "Knife crime", None), &p);
        let da = for_issue("a", &issue("2", "Domestic abuse", None), &p);
        let hate = for_issue("a", &issue("3", "Hate crime", None), &p);
        // Knife crime and hate crime both have 3 dots, but hate crime from two people.
        assert_eq!((hate.workshops[0].rank, knife.workshops[0].rank, da.workshops[0].rank), (1, 2, 3));
        assert!(!knife.workshops[0].joint);
        assert_eq!(
            hate.workshops[0].describe(),
            "February partner workshop: ranked 1st of 4 (3 dots from 2 of 3 participants)"
        );
        let drugs = for_issue("a", &issue("4", "Drug-related harm", None), &p);
        assert_eq!(
            drugs.workshops[0].describe(),
            "February partner workshop: ranked 4th of 4 (0 dots from 0 of 3 participants)"
        );

        let tied = sense_check(
            "t",
            "March workshop",
            3,
            &ISSUES,
            &[&[("Knife crime", 2), ("Hate crime", 1)], &[("Hate crime", 1), ("Knife crime", 1)]],
        );
        let p = with(plan(), vec![tied], vec![]);
        let knife = &for_issue("a", &issue("1", "Knife crime", None), &p).workshops[0];
        let hate = &for_issue("a", &issue("3", "Hate crime", None), &p).workshops[0];
        assert_eq!((knife.rank, knife.joint, knife.result), (1, false, 3.0));
        assert_eq!((hate.rank, hate.joint), (2, false));
        let level = sense_check("l", "Level", 3, &ISSUES, &[&[("Knife crime", 1), ("Hate crime", 1)]]);
        let p = with(plan(), vec![level], vec![]);
        let knife = &for_issue("a", &issue("1", "Knife crime", None), &p).workshops[0];
        assert_eq!((knife.rank, knife.joint), (1, true));
        assert!(knife.describe().contains("ranked joint 1st of 4 (1 dot from 1 of 1 participants)"));
    }

    #[test]
    fn a_rated_workshop_reports_the_average_rating() {
        let w = sense_check(
            "w",
            "Rating workshop",
            0,
            &ISSUES,
            &[&[("Knife crime", 5)], &[("Knife crime", 4), ("Hate crime", 2)]],
        );
        let p = with(plan(), vec![w], vec![]);
        let knife = &for_issue("a", &issue("1", "Knife crime", None), &p).workshops[0];
        assert_eq!(knife.describe(), "Rating workshop: ranked 1st of 4 (average rating 4.5 from 2 of 2 participants)");
    }

    #[test]
    fn a_workshop_nobody_voted_in_and_a_problem_solving_one_say_nothing() {
        let empty = sense_check("e", "Not yet run", 3, &ISSUES, &[]);
        let mut solving = sense_check("s", "High Town JAG", 3, &ISSUES, &[&[("Knife crime", 3)]]);
        solving.format = WorkshopFormat::ProblemSolving;
        let p = with(plan(), vec![empty, solving], vec![]);
        assert!(for_issue("a", &issue("1", "Knife crime", None), &p).is_empty());
    }

    #[test]
    fn an_issue_nobody_mentions_has_no_evidence_and_no_suggestion() {
        let w = sense_check("w", "Workshop", 3, &ISSUES, &[&[("Knife crime", 3)]]);
        let q = questionnaire("q", "High Town", &["Domestic Abuse"], &[&["Domestic Abuse"]]);
        let p = with(plan(), vec![w], vec![q]);
        let e = for_issue("a", &issue("9", "Fly-tipping", None), &p);
        assert!(e.is_empty());
        assert_eq!((e.concern(), e.suggested_public_concern()), (None, None));
    }

    #[test]
    fn names_match_whatever_the_case_and_spacing() {
        let w = sense_check("w", "Workshop", 3, &["  Knife   Crime "], &[&[("  Knife   Crime ", 1)]]);
        let q = questionnaire("q", "High Town", &["KNIFE crime"], &[&["KNIFE crime"], &["KNIFE crime"]]);
        let p = with(plan(), vec![w], vec![q]);
        let e = for_issue("a", &issue("1", "knife crime", None), &p);
        assert_eq!(e.workshops.len(), 1);
        assert_eq!((e.consultations[0].picked, e.consultations[0].answered), (2, 2));
    }

    #[test]
    fn residents_are_counted_by_the_issue_name_or_its_theme_name() {
        let options = ["Domestic Abuse", "Domestic abuse services", "Town Centre & Neighbourhood Crime"];
        let picks: [&[&str]; 5] = [
            &["Domestic Abuse"],
            &["Town Centre & Neighbourhood Crime"],
            &["Domestic Abuse", "Town Centre & Neighbourhood Crime"],
            &[],
            &["Town Centre & Neighbourhood Crime"],
        ];
        let q = questionnaire("q", "How safe do you feel in High Town?", &options, &picks);
        let p = with(plan(), vec![], vec![q]);
        // By name: "Domestic abuse" matches the option "Domestic Abuse".
        let by_name = for_issue("a", &issue("1", "Domestic abuse", None), &p);
        let c = &by_name.consultations[0];
        assert_eq!((c.picked, c.answered, c.percent()), (2, 4, 50), "the resident who skipped is not counted");
        assert_eq!(
            c.describe(),
            "\u{201c}How safe do you feel in High Town?\u{201d}: 2 of 4 residents who answered (50%) said this worries them"
        );
        // By theme: an issue named differently, promoted to the Domestic Abuse theme.
        let by_theme = for_issue("a", &issue("2", "Violence against women and girls", Some("t-da")), &p);
        assert_eq!((by_theme.consultations[0].picked, by_theme.consultations[0].answered), (2, 4));
        // "Domestic abuse services" is a different option, not a partial match.
        let other = for_issue("a", &issue("3", "Domestic", None), &p);
        assert!(other.is_empty());
        // A theme that no longer exists matches nothing more.
        let gone = for_issue("a", &issue("4", "Violence against women and girls", Some("deleted")), &p);
        assert!(gone.is_empty());
    }

    #[test]
    fn a_resident_ticking_both_the_issue_and_its_theme_counts_once() {
        let q = questionnaire("q", "Lewsey", &["Knife crime", "Domestic Abuse"], &[&["Knife crime", "Domestic Abuse"]]);
        let p = with(plan(), vec![], vec![q]);
        let e = for_issue("a", &issue("1", "Knife crime", Some("t-da")), &p);
        assert_eq!((e.consultations[0].picked, e.consultations[0].answered), (1, 1));
    }

    #[test]
    fn a_questionnaire_with_no_responses_says_nothing() {
        let q = questionnaire("q", "Lewsey Festival", &["Knife crime"], &[]);
        let skipped = questionnaire("s", "Skipped", &["Knife crime"], &[&[], &[]]);
        let p = with(plan(), vec![], vec![q, skipped]);
        assert!(for_issue("a", &issue("1", "Knife crime", None), &p).is_empty());
    }

    #[test]
    fn questionnaires_combine_for_the_suggestion_but_only_once_enough_answered() {
        let a = questionnaire("a", "High Town", &["Knife crime"], &[&["Knife crime"][..]; 4]);
        let b = questionnaire("b", "Lewsey", &["Knife crime", "Fly-tipping"], &[&["Fly-tipping"][..]; 5]);
        let p = with(plan(), vec![], vec![a.clone(), b.clone()]);
        let e = for_issue("a", &issue("1", "Knife crime", None), &p);
        assert_eq!(e.concern(), Some(Concern { picked: 4, answered: 9 }));
        assert_eq!(e.suggested_public_concern(), None, "nine residents are too few");
        let mut b = b;
        let extra = questionnaire("x", "", &["Knife crime", "Fly-tipping"], &[&["Fly-tipping"]]);
        b.responses.extend(extra.responses.into_values().map(|r| ("r-extra".to_string(), r)));
        let p = with(plan(), vec![], vec![a, b]);
        let e = for_issue("a", &issue("1", "Knife crime", None), &p);
        assert_eq!(e.concern(), Some(Concern { picked: 4, answered: 10 }));
        assert_eq!(e.suggested_public_concern(), Some(3), "40%");
        assert_eq!(e.consultations.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["High Town", "Lewsey"]);
    }

    #[test]
    fn the_bands_start_where_documented() {
        let score = |picked, answered| Concern { picked, answered }.suggested_score();
        // (picked of 100, score): each band's last and first percentage.
        for (picked, expected) in
            [(0, 1), (9, 1), (10, 2), (24, 2), (25, 3), (44, 3), (45, 4), (64, 4), (65, 5), (100, 5)]
        {
            assert_eq!(score(picked, 100), Some(expected), "{picked}%");
        }
        // Banded on the rounded percentage shown: 13 of 20 is 65%, 9 of 14 is 64% (64.3).
        assert_eq!(score(13, 20), Some(5));
        assert_eq!(score(9, 14), Some(4));
        // 29 of 200 is 14.5%, shown as 15%.
        assert_eq!(Concern { picked: 29, answered: 200 }.percent(), 15);
        assert_eq!(score(0, MIN_RESPONDENTS), Some(1));
        assert_eq!(score(MIN_RESPONDENTS - 1, MIN_RESPONDENTS - 1), None);
        assert_eq!(
            banding_explained(),
            "Suggested from the share of residents who chose it (0\u{2013}9% is 1, 10\u{2013}24% is 2, \
             25\u{2013}44% is 3, 45\u{2013}64% is 4, 65% or more is 5), once at least 10 residents have answered."
        );
    }

    #[test]
    fn every_issue_of_the_assessment_is_gathered() {
        let w = sense_check("w", "Workshop", 3, &ISSUES, &[&[("Hate crime", 3)]]);
        let p = with(plan(), vec![w], vec![]);
        let assessment = Assessment {
            id: "a".into(),
            year: 2020,
            issues: [issue("1", "Hate crime", None), issue("2", "Fly-tipping", None)]
                .into_iter()
                .map(|i| (i.id.clone(), i))
                .collect(),
        };
        let all = for_assessment(&assessment, &p);
        assert_eq!(all.len(), 2);
        assert_eq!(all["1"].workshops[0].rank, 1);
        assert!(all["2"].is_empty());
    }

    #[test]
    fn ordinals_read_as_english() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].into_iter().map(ordinal).collect();
        assert_eq!(got, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    }

    #[test]
    fn only_workshops_that_sense_checked_this_assessment_count() {
        let ballots: &[&[(&str, i64)]] = &[&[("Knife crime", 3)]];
        let mut last_year = sense_check("w1", "Last year's sense-check", 3, &["Knife crime"], ballots);
        last_year.assessment_id = Some("last-year".into());
        let mut unrecorded = sense_check("w2", "An older sense-check", 3, &["Knife crime"], ballots);
        unrecorded.assessment_id = None;
        let this_year = sense_check("w3", "This year's sense-check", 3, &["Knife crime"], ballots);
        let p = with(plan(), vec![last_year, unrecorded, this_year], Vec::new());
        let titles: Vec<String> =
            for_issue("a", &issue("1", "Knife crime", None), &p).workshops.iter().map(|w| w.title.clone()).collect();
        assert_eq!(titles, ["An older sense-check", "This year's sense-check"]);
    }
}
