//! What a person types to sync through a server, checked into valid
//! values with GOV.UK-worded errors, and the status bar's wording.

use super::{Status, SyncId};
use crate::model::FieldErrors;

/// A sync server's address: `wss://` (encrypted on its way), or `ws://` to
/// this computer only (`localhost`, `127.0.0.1`, `[::1]`), where the stock
/// server runs for a try-out or behind a local proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress {
    url: String,
    host: String,
}

impl ServerAddress {
    /// Reads an address as typed; the error is the form's message.
    pub fn parse(text: &str) -> Result<ServerAddress, String> {
        let url = text.trim();
        if url.is_empty() {
            return Err("Enter the server address, like wss://sync.luton.gov.uk".into());
        }
        let lower = url.to_ascii_lowercase();
        let (secure, rest) = if let Some(rest) = lower.strip_prefix("wss://") {
            (true, rest)
        } else if let Some(rest) = lower.strip_prefix("ws://") {
            (false, rest)
        } else if lower.starts_with("https://") || lower.starts_with("http://") {
            return Err("Enter the server address starting wss:// rather than https://".into());
        } else {
            return Err("Enter the server address starting wss://, like wss://sync.luton.gov.uk".into());
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let valid = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
        if host.is_empty() || !host.chars().all(valid) || url.chars().any(char::is_whitespace) {
            return Err("Enter a server address with no spaces, like wss://sync.luton.gov.uk".into());
        }
        let name = host
            .rsplit_once(':')
            .filter(|(h, port)| !h.is_empty() && port.parse::<u16>().is_ok())
            .map_or(host, |(h, _)| h);
        if !secure && !matches!(name, "localhost" | "127.0.0.1" | "[::1]") {
            return Err("The server address must start wss:// so that the plan is encrypted on its way".into());
        }
        Ok(ServerAddress { url: url.to_string(), host: host.to_string() })
    }

    /// The address to connect to, as typed.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The server's name (and port), for messages: `sync.luton.gov.uk`.
    pub fn host(&self) -> &str {
        &self.host
    }
}

/// The "join a partnership through a sync server" form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JoinDraft {
    pub server: String,
    pub address: String,
}

impl JoinDraft {
    /// Both fields checked; errors keyed `join-server` and `sync-address`
    /// (the ids of the form's fields).
    pub fn validate(&self) -> Result<(ServerAddress, SyncId), FieldErrors> {
        let mut errors = FieldErrors::default();
        let server = ServerAddress::parse(&self.server).map_err(|e| errors.add("join-server", e)).ok();
        let id = SyncId::parse(&self.address).map_err(|e| errors.add("sync-address", e.to_string())).ok();
        match (server, id) {
            (Some(server), Some(id)) if errors.is_empty() => Ok((server, id)),
            _ => Err(errors),
        }
    }
}

/// The status bar's sentence for a connection to `host`.
pub fn status_text(status: &Status, host: &str) -> String {
    match status {
        Status::Connecting => format!("Connecting to {host}\u{2026}"),
        Status::Syncing => format!("Syncing with {host}\u{2026}"),
        Status::InStep => format!("Synced with {host} just now"),
        Status::Offline => {
            "Offline \u{2014} changes are kept on this device and sent when the connection is back".to_string()
        }
        Status::Refused => "The server refused this partnership".to_string(),
        Status::ServerError(reason) => format!("The server ended the connection: {reason}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wss_address_is_kept_as_typed_and_named_by_its_host() {
        let a = ServerAddress::parse("  wss://sync.luton.gov.uk/partnerships ").unwrap();
        assert_eq!(a.url(), "wss://sync.luton.gov.uk/partnerships");
        assert_eq!(a.host(), "sync.luton.gov.uk");
        assert_eq!(ServerAddress::parse("wss://sync.example.org:8443").unwrap().host(), "sync.example.org:8443");
    }

    #[test]
    fn unencrypted_addresses_are_refused_except_to_this_computer() {
        assert_eq!(
            ServerAddress::parse("ws://sync.luton.gov.uk"),
            Err("The server address must start wss:// so that the plan is encrypted on its way".into())
        );
        assert_eq!(ServerAddress::parse("ws://127.0.0.1:3030").unwrap().host(), "127.0.0.1:3030");
        assert!(ServerAddress::parse("ws://localhost:3030").is_ok());
        assert!(ServerAddress::parse("ws://localhost.evil.example:3030").is_err());
    }

    #[test]
    fn other_mistakes_say_what_to_type() {
        assert_eq!(ServerAddress::parse(""), Err("Enter the server address, like wss://sync.luton.gov.uk".into()));
        assert_eq!(
            ServerAddress::parse("https://sync.luton.gov.uk"),
            Err("Enter the server address starting wss:// rather than https://".into())
        );
        assert!(ServerAddress::parse("sync.luton.gov.uk").unwrap_err().contains("starting wss://"));
        assert!(ServerAddress::parse("wss://sync luton").unwrap_err().contains("no spaces"));
        assert!(ServerAddress::parse("wss://").is_err());
    }

    #[test]
    fn the_join_form_reports_both_fields_at_once() {
        let errors = JoinDraft { server: "http://x".into(), address: "automerge:nope0".into() }.validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["join-server", "sync-address"]);
        let id = SyncId::from_bytes([5; 16]);
        let (server, parsed) =
            JoinDraft { server: "wss://sync.luton.gov.uk".into(), address: id.url() }.validate().unwrap();
        assert_eq!((server.host(), parsed), ("sync.luton.gov.uk", id));
    }

    #[test]
    fn the_status_bar_says_what_the_issue_asks() {
        assert_eq!(status_text(&Status::InStep, "sync.luton.gov.uk"), "Synced with sync.luton.gov.uk just now");
        assert_eq!(
            status_text(&Status::Offline, "sync.luton.gov.uk"),
            "Offline — changes are kept on this device and sent when the connection is back"
        );
        assert_eq!(status_text(&Status::Refused, "x"), "The server refused this partnership");
    }
}
