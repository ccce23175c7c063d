//! The partnership calendar as an iCalendar (`.ics`) file, which Outlook and
//! other calendar apps open and import.
//!
//! Meetings with a time are written in floating local time (no time zone),
//! which calendar apps show at that clock time wherever the partner is — for
//! partnerships that all sit in the UK, that is the meeting's own time, with
//! no time-zone table to get wrong. All-day items and campaigns are dates.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::model::{CalendarEvent, Date, EventKind, Partnership};

/// How long a meeting is shown for; the calendar records only its start.
const MEETING_LENGTH_MINUTES: i64 = 120;

/// The whole calendar. `exported_at` (Unix seconds) stamps every entry, as
/// the format requires.
pub fn calendar_ics(plan: &Partnership, exported_at: i64) -> String {
    let stamp = DateTime::from_timestamp(exported_at, 0).unwrap_or_default();
    let mut calendar = Calendar::new();
    calendar.name(&plan.name).description(&format!("Meetings and campaigns of {}", plan.name));
    for event in plan.events_in_order() {
        calendar.push(entry(plan, event, stamp));
    }
    calendar.done().to_string()
}

fn entry(plan: &Partnership, item: &CalendarEvent, stamp: DateTime<chrono::Utc>) -> Event {
    let mut event = Event::new();
    // A stable UID lets a re-imported file update entries instead of
    // duplicating them.
    event.uid(&format!("{}-{}@saferplan", plan.id, item.id)).timestamp(stamp).summary(&item.title);
    let start = naive(item.start);
    match (parse_time(&item.time), item.kind) {
        (Some(time), _) => {
            let begins = start.and_time(time);
            event.starts(begins).ends(begins + Duration::minutes(MEETING_LENGTH_MINUTES));
        }
        (None, _) => {
            // All-day ends are exclusive: the day after the last day.
            event.all_day(start);
            event.ends(naive(item.last_day()) + Duration::days(1));
        }
    }
    if !item.location.is_empty() {
        event.location(&item.location);
    }
    let mut description = item.kind.label().to_string();
    if !item.notes.is_blank() {
        description.push_str("\n\n");
        description.push_str(item.notes.as_str());
    }
    event.description(&description);
    if item.kind == EventKind::Campaign {
        event.add_property("TRANSP", "TRANSPARENT");
    }
    event.done()
}

fn naive(d: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), u32::from(d.month()), u32::from(d.day())).unwrap_or_default()
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.split_once(':')?;
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Stamp, Workspace};
    use crate::model::{Author, EventDraft};

    fn calendar() -> Workspace {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0));
        for (title, kind, start, end, time) in [
            ("CSP Executive", "meeting", "2020-01-28", "", "10:00"),
            ("Hate Crime Awareness Week", "campaign", "2019-10-12", "2019-10-19", ""),
            ("Town centre day of action, with partners; bring leaflets", "event", "2020-03-04", "", ""),
        ] {
            let draft = EventDraft {
                title: title.into(),
                kind: kind.into(),
                start: start.into(),
                end: end.into(),
                time: time.into(),
                location: "High Town Methodist Church".into(),
                ..Default::default()
            };
            ws.add_event(&Stamp::new(&me, 1), draft.validate().expect("valid")).expect("add");
        }
        ws
    }

    #[test]
    fn writes_meetings_with_times_and_campaigns_as_whole_days() {
        let ws = calendar();
        let ics = calendar_ics(ws.partnership(), 1_600_000_000);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
        assert!(ics.contains("DTSTART:20200128T100000\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20200128T120000\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20191012\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20191020\r\n"), "the end of an all-day span is exclusive");
        assert!(ics.contains("DTSTAMP:20200913T122640Z\r\n"));
        assert!(
            ics.contains("SUMMARY:Town centre day of action\\, with partners\\; bring leaflets"),
            "text is escaped"
        );
        assert!(ics.lines().all(|l| l.len() <= 75), "long lines are folded");
    }

    #[test]
    fn entries_keep_the_same_uid_between_exports() {
        let ws = calendar();
        let uids = |ics: &str| ics.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect::<Vec<_>>();
        assert_eq!(uids(&calendar_ics(ws.partnership(), 1)), uids(&calendar_ics(ws.partnership(), 2)));
    }
}
