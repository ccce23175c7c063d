//! Which spreadsheet column holds which part of an action. Trackers name
//! their columns in many ways ("No.", "Ref", "Key actions and major
//! projects", "Lead officer", "RAG"), so the import suggests a mapping from
//! the headings and lets the person correct it.

/// The parts of an action a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Number,
    Title,
    Theme,
    Leads,
    Partners,
    Documents,
    StartDate,
    DueDate,
    Status,
    ProgressDate,
    Progress,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Number,
        Field::Title,
        Field::Theme,
        Field::Leads,
        Field::Partners,
        Field::Documents,
        Field::StartDate,
        Field::DueDate,
        Field::Status,
        Field::ProgressDate,
        Field::Progress,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Number => "Action number",
            Field::Title => "Key action (title)",
            Field::Theme => "Priority theme",
            Field::Leads => "Partnership leads",
            Field::Partners => "Other partners",
            Field::Documents => "Linked documents",
            Field::StartDate => "Start date",
            Field::DueDate => "Due date",
            Field::Status => "Status",
            Field::ProgressDate => "Date of the progress",
            Field::Progress => "Progress",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Title => "title",
            Field::Theme => "theme",
            Field::Leads => "leads",
            Field::Partners => "partners",
            Field::Documents => "documents",
            Field::StartDate => "start",
            Field::DueDate => "due",
            Field::Status => "status",
            Field::ProgressDate => "progress-date",
            Field::Progress => "progress",
        }
    }

    /// Heading words that suggest this field, most telling first.
    fn clues(self) -> &'static [&'static str] {
        match self {
            Field::Number => &["no", "no.", "number", "ref", "reference", "action no", "id", "#"],
            Field::Title => {
                &["key actions and major projects", "key action", "action", "title", "project", "objective", "task"]
            }
            Field::Theme => &["theme", "priority", "priority theme", "workstream", "sub group", "subgroup"],
            Field::Leads => &["partnership leads", "leads", "lead", "lead officer", "owner", "responsible"],
            Field::Partners => &["partners", "other partners", "supporting partners"],
            Field::Documents => &["linked document", "linked documents", "documents", "document", "evidence", "link"],
            Field::StartDate => &["start date", "start", "from"],
            Field::DueDate => &["due date", "due", "deadline", "target date", "by when", "completion date", "end date"],
            Field::Status => &["status", "rag", "rag status", "progress status"],
            Field::ProgressDate => {
                &["latest progress date", "progress date", "update date", "date of update", "last updated", "date"]
            }
            Field::Progress => &["progress", "latest progress", "update", "progress update", "commentary", "comments"],
        }
    }
}

/// For each field, the column that holds it (if any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMapping(Vec<(Field, usize)>);

impl ColumnMapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    /// Points `field` at `column` (or at nothing), freeing that column from
    /// any other field so one column never feeds two.
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        self.0.retain(|(f, c)| *f != field && Some(*c) != column);
        if let Some(c) = column {
            self.0.push((field, c));
        }
    }

    /// A first guess from the headings: exact heading matches first, then
    /// headings that start with or contain a clue.
    pub fn suggest(headers: &[String]) -> ColumnMapping {
        let normal: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let mut mapping = ColumnMapping::default();
        let mut taken = vec![false; headers.len()];
        for pass in 0..3 {
            for field in Field::ALL {
                if mapping.column(field).is_some() {
                    continue;
                }
                let found = field.clues().iter().find_map(|clue| {
                    normal.iter().enumerate().position(|(i, h)| {
                        !taken[i]
                            && match pass {
                                0 => h == clue,
                                1 => h.starts_with(clue) && !(field == Field::Progress && h.contains("date")),
                                _ => {
                                    clue.len() > 3
                                        && h.contains(clue)
                                        && !(field == Field::Progress && h.contains("date"))
                                        && !(field == Field::Title && h.contains("no"))
                                }
                            }
                    })
                });
                if let Some(col) = found {
                    taken[col] = true;
                    mapping.0.push((field, col));
                }
            }
        }
        mapping
    }
}

/// Lower case, punctuation to spaces, single spaces: "Partnership Leads " → "partnership leads".
fn normalise(header: &str) -> String {
    let keep: String = header
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '.' || c == '#' { c.to_ascii_lowercase() } else { ' ' })
        .collect();
    keep.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_seed_003_business_plan_table_maps_itself() {
        let h = headers(&["No.", "Key actions and major projects", "Partnership Leads", "Linked document", "Progress"]);
        let m = ColumnMapping::suggest(&h);
        assert_eq!(m.column(Field::Number), Some(0));
        assert_eq!(m.column(Field::Title), Some(1));
        assert_eq!(m.column(Field::Leads), Some(2));
        assert_eq!(m.column(Field::Documents), Some(3));
        assert_eq!(m.column(Field::Progress), Some(4));
        assert_eq!(m.column(Field::DueDate), None);
    }

    #[test]
    fn an_exported_tracker_maps_every_column() {
        let h = headers(&super::super::export::ACTION_HEADERS);
        let m = ColumnMapping::suggest(&h);
        for (field, col) in [
            (Field::Number, 0),
            (Field::Title, 1),
            (Field::Theme, 2),
            (Field::Leads, 3),
            (Field::Partners, 4),
            (Field::Documents, 5),
            (Field::StartDate, 6),
            (Field::DueDate, 7),
            (Field::Status, 8),
            (Field::ProgressDate, 9),
            (Field::Progress, 10),
        ] {
            assert_eq!(m.column(field), Some(col), "{field:?}");
        }
    }

    #[test]
    fn a_typical_council_tracker() {
        let h = headers(&["Ref", "Action", "Lead Officer", "Deadline", "RAG", "Comments"]);
        let m = ColumnMapping::suggest(&h);
        assert_eq!(
            (m.column(Field::Number), m.column(Field::Title), m.column(Field::Leads)),
            (Some(0), Some(1), Some(2))
        );
        assert_eq!(
            (m.column(Field::DueDate), m.column(Field::Status), m.column(Field::Progress)),
            (Some(3), Some(4), Some(5))
        );
    }

    #[test]
    fn one_column_feeds_one_field() {
        let mut m = ColumnMapping::suggest(&headers(&["Action", "Notes"]));
        m.set(Field::Progress, Some(0));
        assert_eq!((m.column(Field::Title), m.column(Field::Progress)), (None, Some(0)));
        m.set(Field::Progress, None);
        assert_eq!(m.column(Field::Progress), None);
    }
}
