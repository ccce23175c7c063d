//! Long lists drawn a step at a time: the first 50 rows, then "Show the
//! next 50 …" and "Show all …" buttons, with a count of what is shown.
//!
//! Why not GOV.UK pagination: these lists are read top to bottom (a plan in
//! business-plan order, a partner's changes oldest first), and almost every
//! one fits in the first step; a long one grows in place, where the person
//! was reading, instead of sending them to a page 2 whose contents shift
//! when an item is added. What is not yet drawn is still counted, searched
//! and merged: only the drawing waits.

/// How many rows a list shows first, and adds each time the person asks
/// for more.
pub const STEP: usize = 50;

/// What a list holds, as its count and buttons name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

/// The action list's rows.
pub const ACTIONS: Noun = Noun { one: "action", many: "actions" };

/// The changes listed under a partner's file, or an action's history.
pub const CHANGES: Noun = Noun { one: "change", many: "changes" };

/// The count above a list: `shown` rows of the `matched` that passed the
/// filters, out of `total`. "Showing the first 50 of 500 actions".
pub fn showing(shown: usize, matched: usize, total: usize, noun: Noun) -> String {
    let many = noun.many;
    match (shown == matched, matched == total) {
        (true, true) => format!("Showing all {total} {many}"),
        (true, false) => format!("Showing {matched} of {total} {many}"),
        (false, true) => format!("Showing the first {shown} of {total} {many}"),
        (false, false) => format!("Showing the first {shown} of the {matched} {many} that match, out of {total}"),
    }
}

/// The button that shows more of the list, and how many it adds; `None`
/// when every match is shown.
pub fn show_more(shown: usize, matched: usize, noun: Noun) -> Option<(String, usize)> {
    match matched.saturating_sub(shown) {
        0 => None,
        1 => Some((format!("Show the last {}", noun.one), 1)),
        left if left <= STEP => Some((format!("Show the last {left} {}", noun.many), left)),
        _ => Some((format!("Show the next {STEP} {}", noun.many), STEP)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_and_the_button_say_what_is_shown_and_what_is_left() {
        assert_eq!(showing(13, 13, 13, ACTIONS), "Showing all 13 actions");
        assert_eq!(showing(3, 3, 13, ACTIONS), "Showing 3 of 13 actions");
        assert_eq!(showing(0, 0, 13, ACTIONS), "Showing 0 of 13 actions");
        assert_eq!(showing(100, 120, 120, ACTIONS), "Showing the first 100 of 120 actions");
        assert_eq!(show_more(50, 120, ACTIONS), Some(("Show the next 50 actions".to_string(), 50)));
        assert_eq!(show_more(100, 120, ACTIONS), Some(("Show the last 20 actions".to_string(), 20)));
        assert_eq!(show_more(50, 100, ACTIONS), Some(("Show the last 50 actions".to_string(), 50)));
        assert_eq!(show_more(119, 120, ACTIONS), Some(("Show the last action".to_string(), 1)));
        assert_eq!(show_more(120, 120, ACTIONS), None);
        assert_eq!(show_more(13, 13, ACTIONS), None);
    }

    #[test]
    fn a_partners_thousand_changes_are_counted_and_shown_fifty_at_a_time() {
        assert_eq!(showing(STEP, 1000, 1000, CHANGES), "Showing the first 50 of 1000 changes");
        assert_eq!(show_more(STEP, 1000, CHANGES), Some(("Show the next 50 changes".to_string(), 50)));
        assert_eq!(show_more(999, 1000, CHANGES), Some(("Show the last change".to_string(), 1)));
        assert_eq!(showing(1000, 1000, 1000, CHANGES), "Showing all 1000 changes");
    }
}
