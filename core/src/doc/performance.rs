//! Intents on performance indicators: define, edit, delete, and record a
//! quarter's values (all of a theme's indicators in one change, as a theme
//! lead enters them).

use super::interop::reconcile_prop;
use automerge::transaction::Transactable;
use automerge::{ObjType, ROOT};

use std::collections::BTreeMap;

use super::{ChangeKind, DocError, FormError, Stamp, Workspace, new_id};
use crate::model::import::ImportedValue;
use crate::model::performance::ValidQuarterValue;
use crate::model::performance::quarter_code;
use crate::model::{FinancialQuarter, Indicator, IndicatorDraft, QuarterValue};

/// One value typed in for one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueEntry {
    pub indicator_id: String,
    pub value: f64,
    pub note: String,
}

impl Workspace {
    /// Adds an indicator (`id` is `None`) or edits one, keeping its values.
    pub fn save_indicator(
        &mut self,
        stamp: &Stamp,
        id: Option<&str>,
        draft: &IndicatorDraft,
    ) -> Result<String, FormError> {
        let existing = match id {
            Some(id) => Some(self.partnership.indicators.get(id).ok_or(DocError::NotFound { kind: "indicator" })?),
            None => None,
        };
        let indicator_id = id.map_or_else(new_id, str::to_string);
        let themes = &self.partnership.themes;
        let mut indicator =
            draft.validate(indicator_id.clone(), |t| themes.contains_key(t)).map_err(FormError::Invalid)?;
        if let Some(existing) = existing {
            indicator.values = existing.values.clone();
            if *existing == indicator {
                return Ok(indicator_id);
            }
        }
        let verb = if id.is_some() { "Edited the indicator" } else { "Added the indicator" };
        self.put_item(stamp, &format!("{verb} {}", indicator.name), "indicators", &indicator_id, &indicator)?;
        self.partnership.indicators.insert(indicator_id.clone(), indicator);
        Ok(indicator_id)
    }

    pub fn delete_indicator(&mut self, stamp: &Stamp, id: &str) -> Result<(), DocError> {
        let indicator = self.partnership.indicators.get(id).ok_or(DocError::NotFound { kind: "indicator" })?;
        let summary = format!("Deleted the indicator {} and its values", indicator.name);
        self.remove_item(stamp, &summary, "indicators", id)?;
        self.partnership.indicators.remove(id);
        Ok(())
    }

    /// Records one checked value for one indicator and quarter (replacing
    /// any already there) as one change signed by `stamp`.
    pub fn record_value(
        &mut self,
        stamp: &Stamp,
        indicator_id: &str,
        valid: ValidQuarterValue,
    ) -> Result<(), DocError> {
        let entry = ValueEntry { indicator_id: indicator_id.to_string(), value: valid.value, note: valid.note };
        self.record_values(stamp, valid.quarter, &[entry]).map(|_| ())
    }

    /// Records values for one quarter (replacing any already there) as one
    /// change, and says how many were recorded. An entry identical to the
    /// value and note already stored is left alone, so saving a theme's form
    /// with one box changed neither rewrites the others nor signs them with
    /// someone else's name; with nothing changed there is no change at all.
    /// Entries for unknown indicators are refused before anything is
    /// written.
    pub fn record_values(
        &mut self,
        stamp: &Stamp,
        quarter: FinancialQuarter,
        entries: &[ValueEntry],
    ) -> Result<usize, DocError> {
        let code = quarter_code(quarter);
        let held = |e: &ValueEntry| {
            let stored = self.partnership.indicators.get(&e.indicator_id).and_then(|i| i.values.get(&code));
            stored.is_some_and(|v| v.value == e.value && v.note == e.note.trim())
        };
        let changed: Vec<&ValueEntry> = entries.iter().filter(|e| !held(e)).collect();
        let values: Vec<(&str, FinancialQuarter, f64, &str)> =
            changed.iter().map(|e| (e.indicator_id.as_str(), quarter, e.value, e.note.as_str())).collect();
        let summary = match changed.as_slice() {
            [one] => {
                let name =
                    self.partnership.indicators.get(&one.indicator_id).map_or("an indicator", |i| i.name.as_str());
                format!("Recorded {quarter} for {name}")
            }
            many => format!("Recorded {quarter} values for {} indicators", many.len()),
        };
        self.write_values(stamp, ChangeKind::RecordValues, &summary, &values)?;
        Ok(changed.len())
    }

    /// Adds values read from a spreadsheet, for any indicators and quarters,
    /// as one change.
    pub fn import_values(&mut self, stamp: &Stamp, source: &str, values: &[ImportedValue]) -> Result<(), DocError> {
        let entries: Vec<(&str, FinancialQuarter, f64, &str)> =
            values.iter().map(|v| (v.indicator_id.as_str(), v.quarter, v.value, "")).collect();
        let n = values.len();
        let summary = format!("Imported {n} indicator value{} from {source}", if n == 1 { "" } else { "s" });
        self.write_values(stamp, ChangeKind::ImportValues, &summary, &entries)
    }

    /// Writes (indicator, quarter, value, note) entries as one change,
    /// replacing values already there; refuses them all if any indicator is
    /// unknown or any value is not a finite number.
    fn write_values(
        &mut self,
        stamp: &Stamp,
        kind: ChangeKind,
        summary: &str,
        entries: &[(&str, FinancialQuarter, f64, &str)],
    ) -> Result<(), DocError> {
        if entries.is_empty() {
            return Ok(());
        }
        let mut updated: BTreeMap<String, Indicator> = BTreeMap::new();
        for (id, quarter, value, note) in entries {
            if !value.is_finite() {
                return Err(DocError::Internal("a value is not a number".into()));
            }
            if !updated.contains_key(*id) {
                let found = self.partnership.indicators.get(*id).ok_or(DocError::NotFound { kind: "indicator" })?;
                updated.insert(id.to_string(), found.clone());
            }
            if let Some(indicator) = updated.get_mut(*id) {
                indicator.values.insert(
                    quarter_code(*quarter),
                    QuarterValue {
                        value: *value,
                        note: note.trim().to_string(),
                        recorded_by: stamp.author.name.clone(),
                        recorded_organisation: stamp.author.organisation.clone(),
                        recorded_at: stamp.at,
                    },
                );
            }
        }
        let targets = updated.keys().map(|id| format!("indicator/{id}")).collect();
        let existing = self.map_obj("indicators").ok();
        self.change_as(stamp, kind, summary, targets, |doc| {
            let map = match existing {
                Some(obj) => obj,
                None => doc.put_object(ROOT, "indicators", ObjType::Map)?,
            };
            for indicator in updated.values() {
                reconcile_prop(doc, &map, indicator.id.as_str(), indicator)?;
            }
            Ok(())
        })?;
        self.partnership.indicators.extend(updated);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Author;
    use crate::model::performance::parse_quarter_code;

    /// After the demo's own changes, so history lists these first.
    const T: i64 = 1_700_000_000;

    fn me() -> Author {
        Author::new("Community Safety Analyst", "Bedfordshire Police")
    }

    fn draft(name: &str) -> IndicatorDraft {
        IndicatorDraft {
            name: name.into(),
            theme_id: "town-centre".into(),
            unit: "crimes".into(),
            polarity: "lower-is-better".into(),
            baseline: "1200".into(),
            baseline_period: "2018-19".into(),
            target_kind: "percent-change".into(),
            target: "-5".into(),
            basis: "per-quarter".into(),
            span: "year".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_theme_leads_quarter_is_one_signed_change() {
        let mut ws = crate::demo::workspace();
        let a = ws.save_indicator(&Stamp::new(&me(), T + 1), None, &draft("Burglary (test)")).expect("add");
        let b = ws.save_indicator(&Stamp::new(&me(), T + 2), None, &draft("Criminal damage (test)")).expect("add");
        let q3 = parse_quarter_code("2019-20-Q3").expect("quarter");
        let entries = [
            ValueEntry { indicator_id: a.clone(), value: 290.0, note: "Provisional".into() },
            ValueEntry { indicator_id: b.clone(), value: 410.0, note: String::new() },
        ];
        let before = ws.history().len();
        ws.record_values(&Stamp::new(&me(), T + 3), q3, &entries).expect("record");
        let history = ws.history();
        assert_eq!(history.len(), before + 1);
        assert_eq!(history[0].summary, "Recorded Q3 2019-20 values for 2 indicators");
        assert_eq!(history[0].author, me());
        // Correcting a value replaces it.
        let fix = [ValueEntry { indicator_id: a.clone(), value: 288.0, note: String::new() }];
        ws.record_values(&Stamp::new(&me(), T + 4), q3, &fix).expect("correct");
        let loaded = Workspace::load(&ws.save()).expect("load");
        let burglary = &loaded.partnership().indicators[&a];
        assert_eq!(burglary.value_in(q3), Some(288.0));
        assert_eq!(burglary.values["2019-20-Q3"].recorded_organisation, "Bedfordshire Police");
        // Saving the theme's form again with one box changed records only that box.
        let again = [
            ValueEntry { indicator_id: a.clone(), value: 288.0, note: String::new() },
            ValueEntry { indicator_id: b.clone(), value: 409.0, note: String::new() },
        ];
        let lead = Author::new("Chief Inspector", "Bedfordshire Police");
        assert_eq!(ws.record_values(&Stamp::new(&lead, T + 5), q3, &again).ok(), Some(1));
        assert_eq!(ws.history()[0].summary, "Recorded Q3 2019-20 for Criminal damage (test)");
        assert_eq!(ws.partnership().indicators[&a].values["2019-20-Q3"].recorded_at, T + 4, "untouched, unsigned");
        assert_eq!(ws.partnership().indicators[&b].values["2019-20-Q3"].recorded_by, "Chief Inspector");
        let heads = ws.heads();
        assert_eq!(ws.record_values(&Stamp::new(&lead, T + 6), q3, &again).ok(), Some(0), "nothing changed");
        assert_eq!(ws.heads(), heads);
        // Editing the definition keeps the values.
        let renamed = IndicatorDraft { name: "Burglary (all)".into(), ..draft("x") };
        ws.save_indicator(&Stamp::new(&me(), T + 7), Some(&a), &renamed).expect("edit");
        assert_eq!(ws.partnership().indicators[&a].value_in(q3), Some(288.0));
    }

    #[test]
    fn unknown_indicators_and_bad_numbers_change_nothing() {
        let mut ws = crate::demo::workspace();
        let a = ws.save_indicator(&Stamp::new(&me(), T + 1), None, &draft("Burglary (test)")).expect("add");
        let q3 = parse_quarter_code("2019-20-Q3").expect("quarter");
        let heads = ws.heads();
        let bad = [
            ValueEntry { indicator_id: a.clone(), value: 1.0, note: String::new() },
            ValueEntry { indicator_id: "ghost".into(), value: 1.0, note: String::new() },
        ];
        assert!(matches!(ws.record_values(&Stamp::new(&me(), T + 2), q3, &bad), Err(DocError::NotFound { .. })));
        let nan = [ValueEntry { indicator_id: a.clone(), value: f64::NAN, note: String::new() }];
        assert!(ws.record_values(&Stamp::new(&me(), T + 3), q3, &nan).is_err());
        assert_eq!(ws.heads(), heads);
        assert_eq!(ws.partnership().indicators[&a].value_in(q3), None);
        ws.delete_indicator(&Stamp::new(&me(), T + 4), &a).expect("delete");
        assert!(!ws.partnership().indicators.contains_key(&a));
    }
}

#[cfg(test)]
mod intent_tests;
