//! The bookkeeping around "Send your changes": from what this device has
//! exchanged with a partner (the [`Ledger`]), which changes a file for them
//! holds, what the file is called, and what the page says about earlier
//! exchanges. Plain types, so the rules are tested without a browser; the
//! page makes the file ([`super::make_file`]) and the app state writes the
//! ledger after it has gone.

use automerge::ChangeHash;

use super::ledger::Ledger;
use crate::model::Date;

/// A file about to be made, for one partner organisation or for anyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFor {
    /// The organisation it is for, as picked on the page; `None`: anyone.
    pub to: Option<String>,
    /// Changes the recipient is known to have: the file holds only what
    /// came after them. Empty: the whole partnership.
    pub base: Vec<ChangeHash>,
}

impl FileFor {
    /// `to` is the organisation picked ("" for anyone). `whole` is set when
    /// the person asks for the whole partnership again (a partner lost an
    /// earlier file). Otherwise a file for a partner this device has
    /// exchanged with holds only what they lack ([`Ledger::base_for`]).
    pub fn new(ledger: &Ledger, to: &str, whole: bool) -> FileFor {
        let to = Some(to.to_string()).filter(|t| !t.trim().is_empty());
        let base = match &to {
            Some(org) if !whole => ledger.base_for(org),
            _ => Vec::new(),
        };
        FileFor { to, base }
    }

    /// Whether the file holds the whole partnership, and so is also a
    /// backup of it.
    pub fn is_whole(&self) -> bool {
        self.base.is_empty()
    }

    /// The file's name, from the partnership's file stem, who it is for and
    /// the day it is made: "luton-csp-changes-for-bedfordshire-police-2019-12-19.saferplan",
    /// "luton-csp-for-bedfordshire-police-…" (the whole partnership, for a
    /// partner) or "luton-csp-whole-…" (for anyone).
    pub fn file_name(&self, stem: &str, today: Date) -> String {
        let what = match &self.to {
            Some(org) if !self.is_whole() => format!("changes-for-{}", slug(org)),
            Some(org) => format!("for-{}", slug(org)),
            None => "whole".to_string(),
        };
        format!("{stem}-{what}-{}.saferplan", today.iso())
    }
}

impl Ledger {
    /// Whether this device has exchanged a file with `organisation` (the
    /// page then asks whether to send only the changes or everything).
    pub fn exchanged_with(&self, organisation: &str) -> bool {
        self.record(organisation).is_some()
    }

    /// What the page says under the recipient: when a file was last sent to
    /// and received from `organisation`, as UK dates, or that the first
    /// file will hold the whole partnership.
    pub fn history_line(&self, organisation: &str) -> String {
        match self.record(organisation) {
            None => format!(
                "You have not exchanged files with {organisation} on this device yet, so the file will hold the whole partnership."
            ),
            Some(r) => {
                let when = |t: Option<i64>| t.map_or("never".to_string(), |t| Date::from_unix_seconds(t).to_string());
                format!(
                    "Last file sent to {organisation}: {}. Last file received from {organisation}: {}.",
                    when(r.sent_at),
                    when(r.received_at)
                )
            }
        }
    }
}

/// A file's size as the confirmation says it: "512 bytes", or whole
/// kilobytes rounded up ("2 KB" for 1,025 bytes).
pub fn size_text(bytes: usize) -> String {
    if bytes < 1024 { format!("{bytes} bytes") } else { format!("{} KB", bytes.div_ceil(1024)) }
}

/// An organisation's name as part of a file name: "Bedfordshire Police
/// (East)" becomes "bedfordshire-police-east".
fn slug(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICE: &str = "Bedfordshire Police";

    fn day(s: &str) -> Date {
        s.parse().expect("test date")
    }

    /// 19 December 2019, midday, in Unix seconds.
    const DEC_19: i64 = 1_576_756_800;

    #[test]
    fn a_first_file_for_a_partner_holds_the_whole_partnership() {
        let ledger = Ledger::default();
        let file = FileFor::new(&ledger, POLICE, false);
        assert_eq!(file, FileFor { to: Some(POLICE.into()), base: vec![] });
        assert!(file.is_whole());
        assert_eq!(
            file.file_name("luton-csp", day("2019-12-19")),
            "luton-csp-for-bedfordshire-police-2019-12-19.saferplan"
        );
        assert!(!ledger.exchanged_with(POLICE));
        assert_eq!(
            ledger.history_line(POLICE),
            "You have not exchanged files with Bedfordshire Police on this device yet, so the file will hold the whole partnership."
        );
    }

    #[test]
    fn a_later_file_holds_only_what_the_partner_lacks_unless_they_ask_for_everything() {
        let mut ledger = Ledger::default();
        ledger.sent(POLICE, &[ChangeHash([1; 32])], DEC_19);
        let file = FileFor::new(&ledger, "bedfordshire  police", false);
        assert_eq!(file.base, vec![ChangeHash([1; 32])]);
        assert!(!file.is_whole());
        assert_eq!(
            file.file_name("luton-csp", day("2019-12-20")),
            "luton-csp-changes-for-bedfordshire-police-2019-12-20.saferplan"
        );
        let again = FileFor::new(&ledger, POLICE, true);
        assert!(again.is_whole(), "the whole partnership, for a partner who lost a file");
        assert!(again.file_name("luton-csp", day("2019-12-20")).starts_with("luton-csp-for-bedfordshire-police-"));
        assert!(ledger.exchanged_with(POLICE));
        assert_eq!(
            ledger.history_line(POLICE),
            "Last file sent to Bedfordshire Police: 19 December 2019. Last file received from Bedfordshire Police: never."
        );
        ledger.received(POLICE, &[ChangeHash([2; 32])], DEC_19 + 86_400);
        assert_eq!(
            ledger.history_line(POLICE),
            "Last file sent to Bedfordshire Police: 19 December 2019. Last file received from Bedfordshire Police: 20 December 2019."
        );
    }

    #[test]
    fn a_file_for_anyone_is_a_whole_copy() {
        let mut ledger = Ledger::default();
        ledger.sent(POLICE, &[ChangeHash([1; 32])], DEC_19);
        for to in ["", "  "] {
            let file = FileFor::new(&ledger, to, false);
            assert_eq!(file, FileFor { to: None, base: vec![] });
            assert_eq!(file.file_name("luton-csp", day("2020-04-01")), "luton-csp-whole-2020-04-01.saferplan");
        }
    }

    #[test]
    fn names_become_safe_file_name_parts() {
        assert_eq!(slug("Bedfordshire Police (East)"), "bedfordshire-police-east");
        assert_eq!(slug("  Luton & Dunstable NHS  "), "luton-dunstable-nhs");
    }

    #[test]
    fn sizes_read_in_bytes_then_whole_kilobytes() {
        assert_eq!(size_text(512), "512 bytes");
        assert_eq!(size_text(1023), "1023 bytes");
        assert_eq!(size_text(1024), "1 KB");
        assert_eq!(size_text(1025), "2 KB");
    }
}
