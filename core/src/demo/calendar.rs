//! The demo partnership's calendar for 2019-20: the executive and scrutiny
//! meetings, the High Town Joint Action Group, and the awareness campaigns
//! its communications plan worked to (seeds 000 and 003).

use crate::model::EventDraft;

/// (title, kind, start, end, time, location)
const EVENTS: [(&str, &str, &str, &str, &str, &str); 8] = [
    ("Hate Crime Awareness Week", "campaign", "2019-10-12", "2019-10-19", "", "Bedfordshire"),
    ("16 Days of Action against domestic abuse", "campaign", "2019-11-25", "2019-12-10", "", "Luton"),
    ("Town centre partners workshop", "meeting", "2019-11-14", "", "13:30", "Luton Town Hall"),
    ("High Town Joint Action Group", "meeting", "2019-12-19", "", "18:00", "High Town Methodist Church"),
    ("Community Safety Partnership Executive", "meeting", "2020-01-28", "", "10:00", "Luton Town Hall"),
    (
        "Overview and Scrutiny Board (Crime and Disorder Committee)",
        "meeting",
        "2020-03-02",
        "",
        "18:30",
        "Luton Town Hall",
    ),
    ("High Town multi-agency day of action", "event", "2020-03-04", "", "10:00", "High Town"),
    ("High Town Joint Action Group", "meeting", "2020-03-09", "", "18:00", "High Town Methodist Church"),
];

pub(super) fn events() -> impl Iterator<Item = EventDraft> {
    EVENTS.into_iter().map(|(title, kind, start, end, time, location)| EventDraft {
        title: title.into(),
        kind: kind.into(),
        start: start.into(),
        end: end.into(),
        time: time.into(),
        location: location.into(),
        notes: String::new(),
        group_id: String::new(),
    })
}
