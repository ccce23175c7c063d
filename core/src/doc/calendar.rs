//! Calendar intents: add, edit and delete meetings and campaigns.

use super::{DocError, Stamp, Workspace, new_id};
use crate::model::{CalendarEvent, ValidEvent};

impl Workspace {
    pub fn add_event(&mut self, stamp: &Stamp, valid: ValidEvent) -> Result<String, DocError> {
        self.check_group(&valid)?;
        let event = event_from(new_id(), valid);
        let summary = format!("Added {} to the calendar", event.title);
        self.put_event(stamp, &summary, event)
    }

    pub fn edit_event(&mut self, stamp: &Stamp, id: &str, valid: ValidEvent) -> Result<(), DocError> {
        if !self.partnership.events.contains_key(id) {
            return Err(DocError::NotFound { kind: "calendar item" });
        }
        self.check_group(&valid)?;
        let event = event_from(id.to_string(), valid);
        if Some(&event) == self.partnership.events.get(id) {
            return Ok(());
        }
        let summary = format!("Edited the calendar item {}", event.title);
        self.put_event(stamp, &summary, event).map(|_| ())
    }

    pub fn delete_event(&mut self, stamp: &Stamp, id: &str) -> Result<(), DocError> {
        let event = self.partnership.events.get(id).ok_or(DocError::NotFound { kind: "calendar item" })?;
        let summary = format!("Removed {} from the calendar", event.title);
        self.remove_item(stamp, &summary, "events", id)?;
        self.partnership.events.remove(id);
        Ok(())
    }

    fn check_group(&self, valid: &ValidEvent) -> Result<(), DocError> {
        match &valid.group_id {
            Some(g) if !self.partnership.sub_groups.contains_key(g) => Err(DocError::NotFound { kind: "sub-group" }),
            _ => Ok(()),
        }
    }

    fn put_event(&mut self, stamp: &Stamp, summary: &str, event: CalendarEvent) -> Result<String, DocError> {
        let id = event.id.clone();
        self.put_item(stamp, summary, "events", &id, &event)?;
        self.partnership.events.insert(id.clone(), event);
        Ok(id)
    }
}

fn event_from(id: String, v: ValidEvent) -> CalendarEvent {
    CalendarEvent {
        id,
        title: v.title,
        kind: v.kind,
        start: v.start,
        end: v.end,
        time: v.time,
        location: v.location,
        notes: v.notes,
        group_id: v.group_id,
    }
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ROOT};

    use super::*;
    use crate::model::{ActionDraft, Author, EventDraft};

    #[test]
    fn every_demo_item_s_form_saved_untouched_changes_nothing() {
        let mut ws = crate::demo::workspace();
        let me = Stamp::new(&Author::new("CSP Manager", "Luton Council"), 1_700_000_000);
        let heads = ws.heads();
        let actions: Vec<_> = ws.partnership().actions.values().cloned().collect();
        assert!(actions.len() > 10);
        for a in &actions {
            let valid =
                ws.validate_action(&ActionDraft::from_action(a), Some(&a.id)).expect("the saved action is valid");
            ws.edit_action(&me, &a.id, valid).expect("saved");
        }
        let events: Vec<_> = ws.partnership().events.values().cloned().collect();
        assert!(!events.is_empty());
        for e in &events {
            let valid = EventDraft::from_event(e).validate().expect("the saved item is valid");
            ws.edit_event(&me, &e.id, valid).expect("saved");
        }
        assert_eq!(ws.heads(), heads, "nothing was written");
    }

    fn meeting() -> ValidEvent {
        EventDraft {
            title: "CSP Executive".into(),
            kind: "meeting".into(),
            start: "2020-01-28".into(),
            time: "10:00".into(),
            location: "Town Hall".into(),
            ..Default::default()
        }
        .validate()
        .expect("valid meeting")
    }

    #[test]
    fn add_edit_delete_are_each_one_signed_change() {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0));
        let id = ws.add_event(&Stamp::new(&me, 10), meeting()).expect("add");
        let mut moved = meeting();
        moved.time = "14:00".into();
        ws.edit_event(&Stamp::new(&me, 20), &id, moved).expect("edit");
        ws.edit_event(&Stamp::new(&me, 30), &id, ws.partnership().events[&id].clone().into_valid()).expect("no-op");
        assert_eq!(ws.history_of(&format!("event/{id}")).len(), 2, "an unchanged edit makes no change");

        let reloaded = Workspace::load(&ws.save()).expect("load");
        assert_eq!(reloaded.partnership().events[&id].time, "14:00");

        ws.delete_event(&Stamp::new(&me, 40), &id).expect("delete");
        assert!(ws.partnership().events.is_empty());
        let history = ws.history();
        assert_eq!(history[0].summary, "Removed CSP Executive from the calendar");
        assert_eq!(history[0].author, me);
        assert!(matches!(ws.delete_event(&Stamp::new(&me, 50), &id), Err(DocError::NotFound { .. })));
    }

    #[test]
    fn a_document_from_before_the_calendar_opens_and_gains_one() {
        let me = Author::new("CSP Manager", "Luton Council");
        let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me, 0));
        let mut doc = AutoCommit::load(&ws.save()).expect("load");
        doc.delete(ROOT, "events").expect("remove the map");
        let mut old = Workspace::from_doc(doc).expect("an old document still opens");
        assert!(old.partnership().events.is_empty());
        let id = old.add_event(&Stamp::new(&me, 10), meeting()).expect("add to old document");
        let reloaded = Workspace::load(&old.save()).expect("load");
        assert_eq!(reloaded.partnership().events[&id].title, "CSP Executive");
    }

    impl CalendarEvent {
        fn into_valid(self) -> ValidEvent {
            ValidEvent {
                title: self.title,
                kind: self.kind,
                start: self.start,
                end: self.end,
                time: self.time,
                location: self.location,
                notes: self.notes,
                group_id: self.group_id,
            }
        }
    }
}
