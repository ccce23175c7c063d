//! Priority themes: add, edit, reorder and delete, each one signed change.
//!
//! A theme's sub-group is stored where the partnership structure keeps it,
//! in [`SubGroup::theme_ids`], so the theme form and the sub-group form
//! agree; a theme's change rewrites the sub-groups it joins or leaves in
//! the same change. Deleting a theme moves its actions and indicators to
//! the theme the person chose (or to no theme) in that change too, so no
//! partner ever sees them pointing at a theme that is gone.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value};
use autosurgeon::Reconcile;

use super::interop::reconcile_prop;
use super::{DocError, FormError, Stamp, Workspace, new_id};
use crate::model::filter::NO_THEME;
use crate::model::theme::ThemeChoices;
use crate::model::{FieldErrors, SubGroup, Theme, ThemeDraft, ValidTheme};

/// Which way a theme moves in the plan's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

/// Where a deleted theme's actions and indicators go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Cross-cutting: no theme.
    NoTheme,
    Theme(String),
}

impl Destination {
    /// The delete form's radio value: [`NO_THEME`], a theme id, or blank
    /// when nothing was chosen.
    pub fn from_choice(choice: &str) -> Option<Destination> {
        match choice.trim() {
            "" => None,
            NO_THEME => Some(Destination::NoTheme),
            id => Some(Destination::Theme(id.to_string())),
        }
    }
}

impl Workspace {
    /// Checks a theme form against the plan. `editing` is the id of the
    /// theme being edited, whose own name is not "taken".
    pub fn validate_theme(&self, draft: &ThemeDraft, editing: Option<&str>) -> Result<ValidTheme, FieldErrors> {
        let p = &self.partnership;
        let others: Vec<&str> =
            p.themes.values().filter(|t| Some(t.id.as_str()) != editing).map(|t| t.name.as_str()).collect();
        let members: Vec<(&str, &str)> = p.organisations.values().map(|o| (o.id.as_str(), o.name.as_str())).collect();
        let groups: Vec<(&str, &str)> = p.sub_groups.values().map(|g| (g.id.as_str(), g.name.as_str())).collect();
        draft.validate(ThemeChoices { other_theme_names: &others, members: &members, sub_groups: &groups })
    }

    /// The theme form filled from a saved theme, with its sub-group (the
    /// first owning it, by name) and its lead organisation chosen from the
    /// members list when it is a member.
    pub fn theme_draft(&self, id: &str) -> Option<ThemeDraft> {
        let p = &self.partnership;
        let theme = p.theme(id)?;
        let members: Vec<(&str, &str)> = p.organisations.values().map(|o| (o.id.as_str(), o.name.as_str())).collect();
        let group = p.sub_groups_owning(id).first().map(|g| g.id.as_str());
        Some(ThemeDraft::from_theme(theme, group, &members))
    }

    /// The `order` a new theme takes: after every theme there is.
    pub(super) fn next_theme_order(&self) -> i64 {
        self.partnership.themes.values().map(|t| t.order).max().unwrap_or(0) + 1
    }

    /// Adds a priority theme, last in the plan, and puts it in its sub-group.
    pub fn add_theme(&mut self, stamp: &Stamp, draft: &ThemeDraft) -> Result<String, FormError> {
        let valid = self.validate_theme(draft, None)?;
        let theme = Theme::new(new_id(), String::new(), self.next_theme_order());
        let (theme, groups) = self.with_form(theme, valid);
        let summary = format!("Added the theme {}", theme.name);
        let id = theme.id.clone();
        self.write_theme(stamp, &summary, &id, Some(theme), groups)?;
        Ok(id)
    }

    /// Saves the theme form over a theme. An untouched form records nothing.
    pub fn edit_theme(&mut self, stamp: &Stamp, id: &str, draft: &ThemeDraft) -> Result<(), FormError> {
        let existing = self.partnership.themes.get(id).cloned().ok_or(DocError::NotFound { kind: "theme" })?;
        let valid = self.validate_theme(draft, Some(id))?;
        let (theme, groups) = self.with_form(existing.clone(), valid);
        if theme == existing && groups.is_empty() {
            return Ok(());
        }
        let summary = if theme.name == existing.name {
            format!("Edited the theme {}", theme.name)
        } else {
            format!("Edited the theme {} (was {})", theme.name, existing.name)
        };
        let theme = (theme != existing).then_some(theme);
        self.write_theme(stamp, &summary, id, theme, groups)
    }

    /// A theme with the form's values, and the sub-groups that change.
    fn with_form(&self, mut theme: Theme, valid: ValidTheme) -> (Theme, Vec<SubGroup>) {
        theme.name = valid.name;
        theme.lead_role = valid.lead_role;
        theme.lead_organisation = valid.lead_organisation;
        theme.summary = valid.summary;
        theme.aims = valid.aims;
        theme.commitments = valid.commitments;
        theme.measured_through = valid.measured_through;
        let groups = regroup(&self.partnership.sub_groups, &theme.id, valid.sub_group_id.as_deref());
        (theme, groups)
    }

    /// Moves a theme one place up or down the plan. Every theme's `order`
    /// is written again (1, 2, 3…) in the one change: if two partners
    /// reorder at the same time, Automerge settles every `order` field in
    /// favour of the same partner, so the merged plan lists the themes in
    /// one partner's order rather than a mixture with ties. Moving the
    /// first theme up, or the last down, records nothing.
    pub fn move_theme(&mut self, stamp: &Stamp, id: &str, direction: Move) -> Result<(), DocError> {
        let mut ids: Vec<String> = self.partnership.themes_in_order().into_iter().map(|t| t.id.clone()).collect();
        let from = ids.iter().position(|t| t == id).ok_or(DocError::NotFound { kind: "theme" })?;
        let to = match direction {
            Move::Up if from > 0 => from - 1,
            Move::Down if from + 1 < ids.len() => from + 1,
            _ => return Ok(()),
        };
        ids.swap(from, to);
        let orders: BTreeMap<String, i64> = ids.into_iter().zip(1..).collect();
        let name = &self.partnership.themes[id].name;
        let summary = format!("Moved {name} {}", if direction == Move::Up { "up" } else { "down" });
        let themes = self.map_obj("themes")?;
        self.change(stamp, &summary, vec![format!("theme/{id}")], |doc| {
            for (theme, order) in &orders {
                let obj = item_obj(doc, &themes, theme)?;
                doc.put(&obj, "order", *order)?;
            }
            Ok(())
        })?;
        for (theme, order) in orders {
            if let Some(t) = self.partnership.themes.get_mut(&theme) {
                t.order = order;
            }
        }
        Ok(())
    }

    /// Deletes a theme. Its actions and indicators go to `destination` in
    /// the same change, which is required when it has any; sub-groups
    /// stop owning it, and assessed issues linked to it are unlinked (they
    /// stay assessed, and can be made a theme again). Refused, changing
    /// nothing, when no destination is chosen or the chosen theme is gone.
    pub fn delete_theme(&mut self, stamp: &Stamp, id: &str, destination: Option<Destination>) -> Result<(), FormError> {
        let p = &self.partnership;
        let theme = p.themes.get(id).ok_or(DocError::NotFound { kind: "theme" })?;
        let actions: Vec<String> =
            p.actions.values().filter(|a| a.theme_id.as_deref() == Some(id)).map(|a| a.id.clone()).collect();
        let indicators: Vec<String> =
            p.indicators.values().filter(|i| i.theme_id.as_deref() == Some(id)).map(|i| i.id.clone()).collect();
        let attached = attached_words(actions.len(), indicators.len());
        let mut errors = FieldErrors::default();
        let target = match (&attached, destination) {
            (None, _) => None,
            (Some(what), None) => {
                errors.add("destination", format!("Select where its {what} should go"));
                None
            }
            (Some(_), Some(Destination::NoTheme)) => None,
            (Some(_), Some(Destination::Theme(t))) if t == id => {
                errors.add("destination", "Select a theme other than the one you are deleting");
                None
            }
            (Some(_), Some(Destination::Theme(t))) => match p.themes.get(&t) {
                Some(other) => Some(other.clone()),
                None => {
                    errors.add("destination", "The theme you chose no longer exists – select another");
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let summary = match &attached {
            None => format!("Deleted the theme {}", theme.name),
            Some(what) => {
                let to = target.as_ref().map_or("no theme", |t| t.name.as_str());
                format!("Deleted the theme {} ({what} moved to {to})", theme.name)
            }
        };
        let new_theme_id = target.map(|t| t.id);
        let groups: Vec<SubGroup> = regroup(&p.sub_groups, id, None);
        let mut assessments: Vec<_> = p
            .assessments
            .values()
            .filter(|a| a.issues.values().any(|i| i.theme_id.as_deref() == Some(id)))
            .cloned()
            .collect();
        for issue in assessments.iter_mut().flat_map(|a| a.issues.values_mut()) {
            if issue.theme_id.as_deref() == Some(id) {
                issue.theme_id = None;
            }
        }
        let mut targets = vec![format!("theme/{id}")];
        targets.extend(actions.iter().map(|a| format!("action/{a}")));
        targets.extend(indicators.iter().map(|i| format!("indicator/{i}")));
        targets.extend(groups.iter().map(|g| format!("sub-group/{}", g.id)));
        targets.extend(assessments.iter().map(|a| format!("assessment/{}", a.id)));
        let (themes, action_map) = (self.map_obj("themes")?, self.map_obj("actions")?);
        let indicator_map = self.map_obj("indicators").ok();
        let assessment_map = self.map_obj("assessments").ok();
        let group_map = self.map_obj("sub_groups").ok();
        self.change(stamp, &summary, targets, |doc| {
            doc.delete(&themes, id)?;
            for action in &actions {
                let obj = item_obj(doc, &action_map, action)?;
                reconcile_prop(doc, &obj, "theme_id", &new_theme_id)?;
            }
            if let Some(map) = &indicator_map {
                for indicator in &indicators {
                    let obj = item_obj(doc, map, indicator)?;
                    reconcile_prop(doc, &obj, "theme_id", &new_theme_id)?;
                }
            }
            put_items(doc, group_map.as_ref(), &groups, |g| g.id.as_str())?;
            put_items(doc, assessment_map.as_ref(), &assessments, |a| a.id.as_str())?;
            Ok(())
        })?;
        let p = &mut self.partnership;
        p.themes.remove(id);
        for a in p.actions.values_mut().filter(|a| actions.contains(&a.id)) {
            a.theme_id.clone_from(&new_theme_id);
        }
        for i in p.indicators.values_mut().filter(|i| indicators.contains(&i.id)) {
            i.theme_id.clone_from(&new_theme_id);
        }
        p.sub_groups.extend(groups.into_iter().map(|g| (g.id.clone(), g)));
        p.assessments.extend(assessments.into_iter().map(|a| (a.id.clone(), a)));
        Ok(())
    }

    /// Writes a theme (when it changed) and the sub-groups it joins or
    /// leaves as one change, then keeps the hydrated copy in step. The
    /// change is in the theme's history even when only its sub-group moved.
    fn write_theme(
        &mut self,
        stamp: &Stamp,
        summary: &str,
        id: &str,
        theme: Option<Theme>,
        groups: Vec<SubGroup>,
    ) -> Result<(), FormError> {
        let themes = self.map_obj("themes")?;
        let group_map = self.map_obj("sub_groups").ok();
        let mut targets = vec![format!("theme/{id}")];
        targets.extend(groups.iter().map(|g| format!("sub-group/{}", g.id)));
        self.change(stamp, summary, targets, |doc| {
            if let Some(theme) = &theme {
                reconcile_prop(doc, &themes, theme.id.as_str(), theme)?;
            }
            put_items(doc, group_map.as_ref(), &groups, |g| g.id.as_str())
        })?;
        if let Some(theme) = theme {
            self.partnership.themes.insert(theme.id.clone(), theme);
        }
        self.partnership.sub_groups.extend(groups.into_iter().map(|g| (g.id.clone(), g)));
        Ok(())
    }
}

/// The sub-groups whose themes change when a theme's sub-group is set to
/// `chosen`, already changed. A theme the form puts in a sub-group that
/// already owns it keeps every sub-group it has (the structure page can
/// give a theme to several); otherwise it leaves them all and joins
/// `chosen`.
fn regroup(groups: &BTreeMap<String, SubGroup>, theme_id: &str, chosen: Option<&str>) -> Vec<SubGroup> {
    let owns = |g: &SubGroup| g.theme_ids.iter().any(|t| t == theme_id);
    if chosen.is_some_and(|c| groups.get(c).is_some_and(owns)) {
        return Vec::new();
    }
    let mut changed: Vec<SubGroup> = groups
        .values()
        .filter(|g| owns(g))
        .map(|g| {
            let mut g = g.clone();
            g.theme_ids.retain(|t| t != theme_id);
            g
        })
        .collect();
    if let Some(mut joined) = chosen.and_then(|c| groups.get(c)).cloned() {
        joined.theme_ids.push(theme_id.to_string());
        changed.push(joined);
    }
    changed
}

/// "3 actions and 2 indicators", or `None` when there are neither: what a
/// deleted theme leaves behind, in the delete page's and history's words.
pub fn attached_words(actions: usize, indicators: usize) -> Option<String> {
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 {what}")),
        n => Some(format!("{n} {what}s")),
    };
    match (count(actions, "action"), count(indicators, "indicator")) {
        (None, None) => None,
        (Some(a), None) => Some(a),
        (None, Some(i)) => Some(i),
        (Some(a), Some(i)) => Some(format!("{a} and {i}")),
    }
}

/// One item's map inside a top-level map.
fn item_obj(doc: &AutoCommit, map: &ObjId, id: &str) -> Result<ObjId, DocError> {
    match doc.get(map, id)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        _ => Err(DocError::Damaged(format!("the item {id} is missing"))),
    }
}

/// Writes items of a top-level map that an older document may lack; the
/// items always come from that map, so there are none when it is absent.
fn put_items<T: Reconcile>(
    doc: &mut AutoCommit,
    map: Option<&ObjId>,
    items: &[T],
    id: fn(&T) -> &str,
) -> Result<(), DocError> {
    let Some(map) = map else {
        return if items.is_empty() { Ok(()) } else { Err(DocError::Damaged("a list is missing".into())) };
    };
    for item in items {
        reconcile_prop(doc, map, id(item), item)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
