//! The plan form: the partnership plan's title, period, vision, statutory
//! duties, values and the year of its action plan, as typed, and the checks
//! they pass before they change the plan.

use super::draft::parse_lines;
use super::performance::parse_financial_year;
use super::{FieldErrors, Narrative, PlanSummary};

/// Longest plan title accepted.
pub const MAX_PLAN_TITLE_CHARS: usize = 300;
/// The longest plan period accepted, in years. Community safety plans run
/// three or four years; ten leaves room for a long-term strategy.
pub const MAX_PLAN_YEARS: i32 = 10;

/// The plan form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanDraft {
    pub title: String,
    /// "2020 to 2024", "2020–2024", "2020-24"…
    pub period: String,
    /// The financial year of the action plan in force: "2019-20".
    pub action_plan_year: String,
    pub vision: String,
    pub duties: String,
    /// One value per line.
    pub values: String,
}

impl PlanDraft {
    /// The form filled from the saved plan: saving it untouched gives the
    /// same plan back, so it records no change.
    pub fn from_plan(plan: &PlanSummary) -> PlanDraft {
        PlanDraft {
            title: plan.title.clone(),
            period: plan.period.clone(),
            action_plan_year: plan.action_plan_year.clone(),
            vision: plan.vision.to_string(),
            duties: plan.duties.to_string(),
            values: plan.values.join("\n"),
        }
    }

    /// The plan as the form describes it: the period written "2020 to 2024"
    /// and the year "2019-20" however they were typed.
    pub fn validate(&self) -> Result<PlanSummary, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add(
                "title",
                "Enter the title of the plan, for example Community Safety Partnership Plan 2020 to 2024",
            );
        } else if title.chars().count() > MAX_PLAN_TITLE_CHARS {
            errors.add("title", format!("Title must be {MAX_PLAN_TITLE_CHARS} characters or fewer"));
        }
        let period = match self.period.trim() {
            "" => String::new(),
            typed => match parse_period(typed) {
                Ok((from, to)) => format!("{from} to {to}"),
                Err(message) => {
                    errors.add("period", message);
                    String::new()
                }
            },
        };
        let action_plan_year = match self.action_plan_year.trim() {
            "" => String::new(),
            typed => match parse_financial_year(typed) {
                Some(year) => year.to_string(),
                None => {
                    errors.add("action-plan-year", "Enter the action plan year as a financial year, like 2019-20");
                    String::new()
                }
            },
        };
        errors.into_result(PlanSummary {
            title: title.to_string(),
            period,
            action_plan_year,
            vision: Narrative::new(self.vision.trim()),
            duties: Narrative::new(self.duties.trim()),
            values: parse_lines(&self.values),
        })
    }
}

/// Reads a plan period as partnerships write it — "2020 to 2024",
/// "2020–2024", "2020 - 2024", "2020-24" or "2020/24" — as its first and
/// last calendar years. The error is a sentence for the form.
pub fn parse_period(text: &str) -> Result<(i32, i32), &'static str> {
    const SHAPE: &str = "Enter the period of the plan as two years, like 2020 to 2024";
    let text = text.trim();
    let (first, second) = text.split_once(" to ").or_else(|| text.split_once(['-', '–', '—', '/'])).ok_or(SHAPE)?;
    let (first, second) = (first.trim(), second.trim());
    let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2999).contains(y));
    let from = year(first).filter(|_| first.len() == 4).ok_or(SHAPE)?;
    let to = match second.len() {
        4 => year(second).ok_or(SHAPE)?,
        // "2020-24": the same century, or the next one for "2098-02".
        2 => {
            let short: i32 = second.parse().map_err(|_| SHAPE)?;
            let to = from - from.rem_euclid(100) + short;
            if to < from { to + 100 } else { to }
        }
        _ => return Err(SHAPE),
    };
    if to <= from {
        return Err("The plan must end in a later year than it starts");
    }
    if to - from > MAX_PLAN_YEARS {
        return Err("The plan period must be 10 years or fewer");
    }
    Ok((from, to))
}

impl PlanSummary {
    /// The first and last years of the plan's period, when it has one.
    pub fn period_years(&self) -> Option<(i32, i32)> {
        parse_period(&self.period).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_however_partnerships_write_them() {
        for typed in ["2020 to 2024", "2020–2024", "2020 - 2024", "2020-24", "2020/24", " 2020 — 2024 "] {
            assert_eq!(parse_period(typed), Ok((2020, 2024)), "{typed}");
        }
        assert_eq!(parse_period("2098-02"), Ok((2098, 2102)));
        assert_eq!(parse_period("2024 to 2020"), Err("The plan must end in a later year than it starts"));
        assert_eq!(parse_period("2020 to 2040"), Err("The plan period must be 10 years or fewer"));
        for bad in ["2020", "twenty to 2024", "20-24", "2020 to 24 25"] {
            assert_eq!(parse_period(bad), Err("Enter the period of the plan as two years, like 2020 to 2024"), "{bad}");
        }
    }

    fn luton() -> PlanDraft {
        PlanDraft {
            title: " Community Safety Partnership Plan 2020 – 2024 ".into(),
            period: "2020–2024".into(),
            action_plan_year: "2019/20".into(),
            vision: "Luton 2040: no-one in poverty.".into(),
            duties: "- Reduce crime and anti-social behaviour\n- Reduce re-offending".into(),
            values: "Trust\n\n trust\nAccountability ".into(),
        }
    }

    #[test]
    fn a_plan_is_stored_in_one_spelling() {
        let plan = luton().validate().expect("valid");
        assert_eq!(plan.title, "Community Safety Partnership Plan 2020 – 2024");
        assert_eq!(plan.period, "2020 to 2024");
        assert_eq!(plan.period_years(), Some((2020, 2024)));
        assert_eq!(plan.action_plan_year, "2019-20");
        assert_eq!(plan.values, ["Trust", "Accountability"]);
        assert_eq!(plan.duties.paragraphs().count(), 2);
        assert_eq!(PlanDraft::from_plan(&plan).validate(), Ok(plan), "an untouched form gives the same plan");
    }

    #[test]
    fn a_bad_year_or_period_is_refused_with_a_reason() {
        let draft = PlanDraft {
            title: String::new(),
            period: "from 2020".into(),
            action_plan_year: "2019-21".into(),
            ..luton()
        };
        let errors = draft.validate().expect_err("invalid");
        assert_eq!(errors.iter().map(|(f, _)| f).collect::<Vec<_>>(), ["title", "period", "action-plan-year"]);
        assert_eq!(
            errors.get("action-plan-year"),
            Some("Enter the action plan year as a financial year, like 2019-20")
        );
        let blank = PlanDraft { period: String::new(), action_plan_year: String::new(), ..luton() };
        let plan = blank.validate().expect("period and year may be left blank");
        assert_eq!((plan.period.as_str(), plan.action_plan_year.as_str()), ("", ""));
    }
}
