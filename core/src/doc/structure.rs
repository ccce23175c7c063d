//! Intents on the partnership's structure: member organisations and
//! sub-groups.

use super::{DocError, Stamp, Workspace, new_id};
use crate::model::{FieldErrors, Organisation, OrganisationDraft, SubGroup, SubGroupDraft};

/// A form that failed its checks, or a change that could not be recorded.
#[derive(Debug)]
pub enum FormError {
    Invalid(FieldErrors),
    Doc(DocError),
}

impl From<DocError> for FormError {
    fn from(e: DocError) -> Self {
        FormError::Doc(e)
    }
}

impl From<FieldErrors> for FormError {
    fn from(e: FieldErrors) -> Self {
        FormError::Invalid(e)
    }
}

impl Workspace {
    /// Adds a member (`id` is `None`) or edits one.
    pub fn save_organisation(
        &mut self,
        stamp: &Stamp,
        id: Option<&str>,
        draft: &OrganisationDraft,
    ) -> Result<String, FormError> {
        if let Some(id) = id
            && !self.partnership.organisations.contains_key(id)
        {
            return Err(DocError::NotFound { kind: "organisation" }.into());
        }
        let orgs = &self.partnership.organisations;
        let org_id = id.map_or_else(new_id, str::to_string);
        let org = draft
            .validate(org_id.clone(), |name| orgs.values().any(|o| o.name.eq_ignore_ascii_case(name) && o.id != org_id))
            .map_err(FormError::Invalid)?;
        if orgs.get(&org_id) == Some(&org) {
            return Ok(org_id);
        }
        let verb = if id.is_some() { "Edited the member" } else { "Added the member" };
        self.put_item(stamp, &format!("{verb} {}", org.name), "organisations", &org_id, &org)?;
        self.partnership.organisations.insert(org_id.clone(), org);
        Ok(org_id)
    }

    pub fn remove_organisation(&mut self, stamp: &Stamp, id: &str) -> Result<(), DocError> {
        let org: &Organisation =
            self.partnership.organisations.get(id).ok_or(DocError::NotFound { kind: "organisation" })?;
        let summary = format!("Removed the member {}", org.name);
        self.remove_item(stamp, &summary, "organisations", id)?;
        self.partnership.organisations.remove(id);
        Ok(())
    }

    /// Adds a sub-group (`id` is `None`) or edits one.
    pub fn save_sub_group(
        &mut self,
        stamp: &Stamp,
        id: Option<&str>,
        draft: &SubGroupDraft,
    ) -> Result<String, FormError> {
        if let Some(id) = id
            && !self.partnership.sub_groups.contains_key(id)
        {
            return Err(DocError::NotFound { kind: "sub-group" }.into());
        }
        let group_id = id.map_or_else(new_id, str::to_string);
        let themes = &self.partnership.themes;
        let group: SubGroup =
            draft.validate(group_id.clone(), |t| themes.contains_key(t)).map_err(FormError::Invalid)?;
        if self.partnership.sub_groups.get(&group_id) == Some(&group) {
            return Ok(group_id);
        }
        let verb = if id.is_some() { "Edited the sub-group" } else { "Added the sub-group" };
        self.put_item(stamp, &format!("{verb} {}", group.name), "sub_groups", &group_id, &group)?;
        self.partnership.sub_groups.insert(group_id.clone(), group);
        Ok(group_id)
    }

    pub fn remove_sub_group(&mut self, stamp: &Stamp, id: &str) -> Result<(), DocError> {
        let group = self.partnership.sub_groups.get(id).ok_or(DocError::NotFound { kind: "sub-group" })?;
        let summary = format!("Removed the sub-group {}", group.name);
        self.remove_item(stamp, &summary, "sub_groups", id)?;
        self.partnership.sub_groups.remove(id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Sector};

    fn me() -> Author {
        Author::new("CSP Manager", "Luton Council")
    }

    #[test]
    fn members_are_added_edited_and_removed_with_their_author() {
        let mut ws = Workspace::create("Luton CSP", "Luton", &Stamp::new(&me(), 0));
        let draft = OrganisationDraft {
            name: "Bedfordshire Police".into(),
            sector: "police".into(),
            role: "Responsible authority".into(),
        };
        let id = ws.save_organisation(&Stamp::new(&me(), 1), None, &draft).expect("add");
        let again = ws.save_organisation(&Stamp::new(&me(), 2), None, &draft);
        assert!(matches!(again, Err(FormError::Invalid(e)) if e.get("name").is_some()), "no duplicate members");
        let renamed = OrganisationDraft { name: "Bedfordshire Police (Luton)".into(), ..draft };
        ws.save_organisation(&Stamp::new(&me(), 3), Some(&id), &renamed).expect("edit");
        let loaded = Workspace::load(&ws.save()).expect("load");
        assert_eq!(loaded.partnership().organisations[&id].sector, Sector::Police);
        assert_eq!(loaded.partnership().organisations[&id].name, "Bedfordshire Police (Luton)");
        ws.remove_organisation(&Stamp::new(&me(), 4), &id).expect("remove");
        let history = ws.history_of(&format!("organisation/{id}"));
        assert_eq!(history.len(), 3);
        assert_eq!(history[0].summary, "Removed the member Bedfordshire Police (Luton)");
        assert_eq!(history[0].author, me());
    }

    #[test]
    fn sub_groups_own_themes() {
        let mut ws = crate::demo::workspace();
        let draft = SubGroupDraft {
            name: "Domestic Abuse Development Forum".into(),
            chair: "Head of Strategic Safeguarding, Luton Council".into(),
            theme_ids: vec!["domestic-abuse".into()],
            purpose: "Drafts the domestic abuse strategy.".into(),
        };
        let id = ws.save_sub_group(&Stamp::new(&me(), 1), None, &draft).expect("add");
        let loaded = Workspace::load(&ws.save()).expect("load");
        assert_eq!(loaded.partnership().sub_groups[&id].theme_ids, ["domestic-abuse"]);
        ws.remove_sub_group(&Stamp::new(&me(), 2), &id).expect("remove");
        assert!(!ws.partnership().sub_groups.contains_key(&id));
        assert!(matches!(ws.remove_sub_group(&Stamp::new(&me(), 3), &id), Err(DocError::NotFound { .. })));
    }
}
