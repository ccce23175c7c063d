//! The partnership calendar: executive and sub-group meetings, and awareness
//! campaigns such as Hate Crime Awareness Week or the 16 Days of Action,
//! which partners plan their communications around.

use autosurgeon::{Hydrate, Reconcile};

use super::{Date, FieldErrors, Narrative};

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct CalendarEvent {
    #[key]
    #[autosurgeon(hydrate = "crate::model::stored::key")]
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub start: Date,
    /// Last day, for campaigns that run over several days.
    #[autosurgeon(missing = "Default::default")]
    pub end: Option<Date>,
    /// "10:00", local UK time; empty for all-day items.
    pub time: String,
    pub location: String,
    pub notes: Narrative,
    /// The sub-group whose meeting this is, if any.
    #[autosurgeon(missing = "Default::default")]
    pub group_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Reconcile, Hydrate)]
pub enum EventKind {
    #[autosurgeon(rename = "meeting")]
    Meeting,
    #[autosurgeon(rename = "campaign")]
    Campaign,
    #[autosurgeon(rename = "event")]
    Event,
}

/// The latest past meeting of each name, newest first: the points people
/// ask "what has changed since…" about.
pub fn recent_meetings<'a>(events: impl IntoIterator<Item = &'a CalendarEvent>, today: Date) -> Vec<&'a CalendarEvent> {
    let mut past: Vec<&CalendarEvent> =
        events.into_iter().filter(|e| e.kind == EventKind::Meeting && e.start <= today).collect();
    crate::sorting::sort_by_key(&mut past, |e| std::cmp::Reverse(e.start));
    let mut seen = std::collections::BTreeSet::new();
    past.retain(|e| seen.insert(e.title.trim().to_lowercase()));
    past
}

impl EventKind {
    pub const ALL: [EventKind; 3] = [EventKind::Meeting, EventKind::Campaign, EventKind::Event];

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Meeting => "Meeting",
            EventKind::Campaign => "Awareness campaign",
            EventKind::Event => "Community event",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Campaign => "campaign",
            EventKind::Event => "event",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl CalendarEvent {
    /// The last day it covers (the start, for one-day items).
    pub fn last_day(&self) -> Date {
        self.end.unwrap_or(self.start)
    }

    /// "12 October 2019", "12 to 19 October 2019" or with a time "28 January 2020, 10:00".
    pub fn when(&self) -> String {
        let mut text = match self.end.filter(|e| *e != self.start) {
            None => self.start.to_string(),
            Some(end) if end.year() == self.start.year() && end.month() == self.start.month() => {
                format!("{} to {}", self.start.day(), end)
            }
            Some(end) => format!("{} to {}", self.start, end),
        };
        if !self.time.is_empty() {
            text.push_str(&format!(", {}", self.time));
        }
        text
    }
}

/// The event form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventDraft {
    pub title: String,
    pub kind: String,
    pub start: String,
    pub end: String,
    pub time: String,
    pub location: String,
    pub notes: String,
    /// A sub-group id, or empty.
    pub group_id: String,
}

/// An event draft that passed its checks; the id is added by the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidEvent {
    pub title: String,
    pub kind: EventKind,
    pub start: Date,
    pub end: Option<Date>,
    pub time: String,
    pub location: String,
    pub notes: Narrative,
    pub group_id: Option<String>,
}

impl EventDraft {
    /// The form filled in from a saved calendar item, so that saving it
    /// untouched changes nothing.
    pub fn from_event(e: &CalendarEvent) -> EventDraft {
        EventDraft {
            title: e.title.clone(),
            kind: e.kind.code().into(),
            start: e.start.iso(),
            end: e.end.map(|d| d.iso()).unwrap_or_default(),
            time: e.time.clone(),
            location: e.location.clone(),
            notes: e.notes.as_str().to_string(),
            group_id: e.group_id.clone().unwrap_or_default(),
        }
    }

    pub fn validate(&self) -> Result<ValidEvent, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self.title.trim();
        if title.is_empty() {
            errors.add("title", "Enter a title for the meeting or campaign");
        }
        let kind = EventKind::from_code(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "Select what kind of date this is");
        }
        let start = match self.start.trim() {
            "" => {
                errors.add("start", "Enter the date it starts");
                None
            }
            text => text.parse::<Date>().map_err(|e| errors.add("start", e.to_string())).ok(),
        };
        let end = match self.end.trim() {
            "" => None,
            text => text.parse::<Date>().map_err(|e| errors.add("end", e.to_string())).ok(),
        };
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.add("end", "The end date must be the same as or after the start date");
        }
        let time = self.time.trim();
        if !time.is_empty() && !is_clock_time(time) {
            errors.add("time", "Enter a time in 24-hour format, like 09:30 or 14:00");
        }
        match (kind, start) {
            (Some(kind), Some(start)) if errors.is_empty() => Ok(ValidEvent {
                title: title.to_string(),
                kind,
                start,
                end: end.filter(|e| *e != start),
                time: time.to_string(),
                location: self.location.trim().to_string(),
                notes: Narrative::new(self.notes.trim()),
                group_id: Some(self.group_id.trim().to_string()).filter(|g| !g.is_empty()),
            }),
            _ => Err(errors),
        }
    }
}

/// "09:30" or "9:30", hours 0–23.
fn is_clock_time(text: &str) -> bool {
    let Some((h, m)) = text.split_once(':') else { return false };
    let digits = |s: &str, max: u32| s.chars().all(|c| c.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|n| n <= max);
    (1..=2).contains(&h.len()) && m.len() == 2 && digits(h, 23) && digits(m, 59)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_of_each_meeting_is_offered_newest_first() {
        let ws = crate::demo::workspace();
        let plan = ws.partnership();
        let today: Date = "2020-03-05".parse().expect("date");
        let titles: Vec<(String, String)> =
            recent_meetings(plan.events.values(), today).iter().map(|e| (e.title.clone(), e.start.iso())).collect();
        assert_eq!(titles[0].0, "Overview and Scrutiny Board (Crime and Disorder Committee)");
        assert_eq!(titles[1], ("Community Safety Partnership Executive".to_string(), "2020-01-28".to_string()));
        // The December JAG, not the one still to come in March.
        assert!(titles.contains(&("High Town Joint Action Group".to_string(), "2019-12-19".to_string())));
        assert_eq!(titles.len(), 4);
    }

    fn draft() -> EventDraft {
        EventDraft {
            title: "Hate Crime Awareness Week".into(),
            kind: "campaign".into(),
            start: "2019-10-12".into(),
            end: "2019-10-19".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_campaign_spans_its_days() {
        let valid = draft().validate().expect("valid");
        let event = CalendarEvent {
            id: "e".into(),
            title: valid.title,
            kind: valid.kind,
            start: valid.start,
            end: valid.end,
            time: valid.time,
            location: valid.location,
            notes: valid.notes,
            group_id: valid.group_id,
        };
        assert_eq!(event.when(), "12 to 19 October 2019");
        assert_eq!(event.last_day().to_string(), "19 October 2019");
    }

    #[test]
    fn bad_input_gets_one_message_per_field() {
        let bad = EventDraft {
            title: " ".into(),
            kind: "party".into(),
            start: "2019-10-12".into(),
            end: "2019-10-01".into(),
            time: "25:00".into(),
            ..Default::default()
        };
        let errors = bad.validate().expect_err("invalid");
        assert_eq!(errors.get("title"), Some("Enter a title for the meeting or campaign"));
        assert_eq!(errors.get("kind"), Some("Select what kind of date this is"));
        assert_eq!(errors.get("end"), Some("The end date must be the same as or after the start date"));
        assert_eq!(errors.get("time"), Some("Enter a time in 24-hour format, like 09:30 or 14:00"));
        let no_start = EventDraft { start: String::new(), ..draft() };
        assert_eq!(no_start.validate().expect_err("no start").get("start"), Some("Enter the date it starts"));
    }

    #[test]
    fn times_are_24_hour_clock() {
        assert!(is_clock_time("09:30") && is_clock_time("9:30") && is_clock_time("23:59"));
        assert!(!is_clock_time("24:00") && !is_clock_time("9.30") && !is_clock_time("9:3") && !is_clock_time("+9:30"));
    }
}
