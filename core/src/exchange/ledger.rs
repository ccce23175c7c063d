//! What this device last sent each partner organisation and last received
//! from it, so a file of changes can hold only what that partner lacks.
//!
//! The ledger belongs to this device, not the partnership (it says what
//! *this* copy exchanged), so it lives in browser settings beside the
//! workspace rather than in the shared document.

use std::collections::BTreeMap;
use std::str::FromStr;

use automerge::ChangeHash;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    /// Keyed by organisation name as people type it in Settings.
    pub partners: BTreeMap<String, PartnerRecord>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PartnerRecord {
    /// Our heads when we last made a file for them (hex hashes).
    pub sent: Vec<String>,
    pub sent_at: Option<i64>,
    /// Their heads in the last file of theirs we merged.
    pub received: Vec<String>,
    pub received_at: Option<i64>,
}

fn hex(heads: &[ChangeHash]) -> Vec<String> {
    heads.iter().map(ToString::to_string).collect()
}

/// Organisation names as people type them: "Bedfordshire police " and
/// "Bedfordshire Police" are the same partner.
fn key(organisation: &str) -> String {
    organisation.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Ledger {
    pub fn record(&self, organisation: &str) -> Option<&PartnerRecord> {
        self.partners.get(&key(organisation))
    }

    pub fn sent(&mut self, organisation: &str, heads: &[ChangeHash], at: i64) {
        let record = self.partners.entry(key(organisation)).or_default();
        record.sent = hex(heads);
        record.sent_at = Some(at);
    }

    pub fn received(&mut self, organisation: &str, heads: &[ChangeHash], at: i64) {
        if organisation.trim().is_empty() {
            return;
        }
        let record = self.partners.entry(key(organisation)).or_default();
        record.received = hex(heads);
        record.received_at = Some(at);
        // Their file says what they really have. What we sent may have been
        // lost on the way: forget it, so the next file resends it (a file
        // that crossed theirs brings some changes twice, which merging ignores).
        record.sent.clear();
    }

    /// What `organisation` is known to have: everything we sent them and
    /// everything they sent us. Empty when we have never exchanged files,
    /// which means "send the whole partnership".
    pub fn base_for(&self, organisation: &str) -> Vec<ChangeHash> {
        let Some(record) = self.record(organisation) else { return Vec::new() };
        let mut heads: Vec<ChangeHash> =
            record.sent.iter().chain(&record.received).filter_map(|h| ChangeHash::from_str(h).ok()).collect();
        crate::sorting::sort(&mut heads);
        heads.dedup();
        heads
    }

    /// Forgets what was sent to `organisation` (they lost the file, or a
    /// new officer started), so the next file holds everything.
    pub fn forget(&mut self, organisation: &str) {
        self.partners.remove(&key(organisation));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partner_is_known_to_have_what_we_sent_and_what_they_sent() {
        let mut ledger = Ledger::default();
        assert!(ledger.base_for("Bedfordshire Police").is_empty());
        ledger.sent("Bedfordshire Police", &[ChangeHash([1; 32])], 10);
        ledger.received("bedfordshire  police", &[ChangeHash([2; 32]), ChangeHash([1; 32])], 20);
        assert_eq!(ledger.base_for("BEDFORDSHIRE POLICE"), vec![ChangeHash([1; 32]), ChangeHash([2; 32])]);
        let record = ledger.record("Bedfordshire Police").expect("record");
        assert_eq!((record.sent_at, record.received_at), (Some(10), Some(20)));
        // A file we sent after theirs, which they may not have received.
        ledger.sent("Bedfordshire Police", &[ChangeHash([3; 32])], 30);
        assert_eq!(
            ledger.base_for("Bedfordshire Police"),
            vec![ChangeHash([1; 32]), ChangeHash([2; 32]), ChangeHash([3; 32])]
        );
        // Their next file replaces what we assumed.
        ledger.received("Bedfordshire Police", &[ChangeHash([4; 32])], 40);
        assert_eq!(ledger.base_for("Bedfordshire Police"), vec![ChangeHash([4; 32])]);
        ledger.forget("Bedfordshire Police");
        assert!(ledger.base_for("Bedfordshire Police").is_empty());
    }

    #[test]
    fn a_file_from_nobody_in_particular_is_not_recorded() {
        let mut ledger = Ledger::default();
        ledger.received(" ", &[ChangeHash([1; 32])], 1);
        assert!(ledger.partners.is_empty());
    }
}
