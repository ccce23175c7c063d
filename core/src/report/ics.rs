//! The partnership calendar as an iCalendar (`.ics`) file, which Outlook and
//! other calendar apps open and import.
//!
//! Meetings with a time are written in floating local time (no time zone),
//! which calendar apps show at that clock time wherever the partner is — for
//! partnerships that all sit in the UK, that is the meeting's own time, with
//! no time-zone table to get wrong. All-day items and campaigns are dates.
//!
//! The `icalendar` crate (0.17) builds the calendar and escapes text, but
//! its line folding breaks RFC 5545 §3.1: continuation lines come out at 76
//! octets (75 plus the leading space), and a fold can fall between a `\`
//! and the character it escapes. It also leaves a carriage return in text
//! as it is. So text is given to it with its line breaks normalised to
//! `\n` (which it escapes), and its output is unfolded and folded again
//! here ([`fold_lines`]): at most 75 octets a line including the
//! continuation space, never inside a UTF-8 character or an escape.

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
    calendar.name(&one_line(&plan.name)).description(&format!("Meetings and campaigns of {}", one_line(&plan.name)));
    for event in plan.events_in_order() {
        calendar.push(entry(plan, event, stamp));
    }
    fold_lines(&calendar.done().to_string())
}

/// The most octets in a content line, not counting its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Text with every kind of line break as `\n`, which iCalendar escapes.
fn normalise_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A name or title on one line.
fn one_line(text: &str) -> String {
    normalise_breaks(text).split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Unfolds iCalendar text and folds every content line again so that no
/// line is longer than [`MAX_LINE_OCTETS`] octets, the continuation's
/// leading space included; a fold never splits a UTF-8 character or a
/// backslash escape. Lines end with CRLF.
pub fn fold_lines(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 70 * 3);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut used = 0;
        let mut chars = line.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            // An escape and the character it escapes stay on one line.
            let end = match (c, chars.peek()) {
                ('\\', Some(&(next_at, next))) => {
                    chars.next();
                    next_at + next.len_utf8()
                }
                _ => at + c.len_utf8(),
            };
            let piece = &line[at..end];
            if used + piece.len() > MAX_LINE_OCTETS {
                out.push_str("\r\n ");
                used = 1;
            }
            out.push_str(piece);
            used += piece.len();
        }
        out.push_str("\r\n");
    }
    out
}

fn entry(plan: &Partnership, item: &CalendarEvent, stamp: DateTime<chrono::Utc>) -> Event {
    let mut event = Event::new();
    // A stable UID lets a re-imported file update entries instead of
    // duplicating them.
    event.uid(&format!("{}-{}@saferplan", plan.id, item.id)).timestamp(stamp).summary(&one_line(&item.title));
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
        event.location(&one_line(&item.location));
    }
    let mut description = item.kind.label().to_string();
    if !item.notes.is_blank() {
        description.push_str("\n\n");
        description.push_str(&normalise_breaks(item.notes.as_str()));
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

    /// The RFC 5545 §3.1 checks every exported calendar must pass.
    fn assert_rfc5545_lines(ics: &str) {
        assert!(ics.ends_with("\r\n"));
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line:?}", line.len());
            assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
            let trailing = line.len() - line.trim_end_matches('\\').len();
            assert!(trailing % 2 == 0, "a fold inside an escape: {line:?}");
        }
    }

    fn unfolded(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn a_142_character_title_folds_to_lines_of_75_octets_at_most() {
        // calendar-summary-150-octets.ics: what icalendar wrote, with a 76-octet continuation.
        let fixture = include_str!("../../../tests/fixtures/realworld/calendar-summary-150-octets.ics");
        assert!(fixture.lines().any(|l| l.len() > MAX_LINE_OCTETS), "the fixture shows the fault");
        let refolded = fold_lines(fixture);
        assert_rfc5545_lines(&refolded);
        assert_eq!(unfolded(&refolded), unfolded(fixture), "nothing is lost or changed");
        assert!(refolded.contains(&format!("SUMMARY:{}\r\n {}\r\n", "A".repeat(67), "A".repeat(74))));
    }

    #[test]
    fn folds_never_split_a_character_or_an_escape_and_line_breaks_are_escaped() {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0));
        let title = format!(
            "{}; Hate Crime Awareness Week \u{2013} caf\u{e9} stall, High Town {}",
            "é".repeat(37),
            "\u{1f3f3}".repeat(9)
        );
        let draft = EventDraft {
            title: title.clone(),
            kind: "event".into(),
            start: "2019-10-12".into(),
            notes: "First line\r\nSecond line, with commas; and semicolons\rThird line \\ with a backslash".into(),
            location: "High Town Methodist Church,\r\nLuton".into(),
            ..Default::default()
        };
        ws.add_event(&Stamp::new(&me, 1), draft.validate().expect("valid")).expect("add");
        let ics = calendar_ics(ws.partnership(), 1_600_000_000);
        assert_rfc5545_lines(&ics);
        let flat = unfolded(&ics);
        assert!(flat.contains(&format!("SUMMARY:{}\r\n", title.replace(',', "\\,").replace(';', "\\;"))), "{flat}");
        assert!(flat.contains(
            "DESCRIPTION:Community event\\n\\nFirst line\\nSecond line\\, with commas\\; and semicolons\\nThird line \\\\ with a backslash\r\n"
        ), "{flat}");
        assert!(flat.contains("LOCATION:High Town Methodist Church\\, Luton\r\n"), "{flat}");
    }

    #[test]
    fn a_fold_falls_before_an_escape_or_a_wide_character_rather_than_inside_it() {
        // 74 octets, then an escape: the escape goes whole onto the next line.
        let line = format!("SUMMARY:{}\\,b", "a".repeat(66));
        assert_eq!(fold_lines(&line), format!("SUMMARY:{}\r\n \\,b\r\n", "a".repeat(66)));
        // 74 octets, then a 2-octet character.
        let line = format!("SUMMARY:{}\u{e9}", "a".repeat(66));
        assert_eq!(fold_lines(&line), format!("SUMMARY:{}\r\n \u{e9}\r\n", "a".repeat(66)));
    }

    #[test]
    fn entries_keep_the_same_uid_between_exports() {
        let ws = calendar();
        let uids = |ics: &str| ics.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect::<Vec<_>>();
        assert_eq!(uids(&calendar_ics(ws.partnership(), 1)), uids(&calendar_ics(ws.partnership(), 2)));
    }
}
