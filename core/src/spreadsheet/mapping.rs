//! Which spreadsheet column holds which part of an action. Trackers name
//! their columns in many ways ("No.", "Ref", "Key actions and major
//! projects", "Lead officer", "RAG"), so the import suggests a mapping from
//! the headings and lets the person correct it.
//!
//! A heading that is exactly one of a field's names wins over one that only
//! shares a word with it, and a heading naming who leads ("Partnership
//! Lead", "Owner", "Lead agency") is never taken for the other partners or
//! the theme: losing every lead silently is worse than leaving a column for
//! the person to choose.

use crate::model::Date;

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

/// Words that say a column names who is responsible.
const LEAD_WORDS: [&str; 7] = ["lead", "leads", "owner", "owners", "responsible", "accountable", "led"];
/// Words that say a column holds a date.
const DATE_WORDS: [&str; 4] = ["date", "dates", "deadline", "when"];
/// Words that say a column holds an action's number.
const NUMBER_WORDS: [&str; 5] = ["no", "number", "ref", "reference", "id"];

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

    /// Whole headings (normalised) that name this field, most usual first.
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Number => &[
                "no",
                "number",
                "ref",
                "reference",
                "action no",
                "action number",
                "action ref",
                "action id",
                "id",
                "#",
                "item",
            ],
            Field::Title => &[
                "key actions and major projects",
                "key action",
                "key actions",
                "action",
                "actions",
                "action title",
                "title",
                "project",
                "objective",
                "task",
                "activity",
                "what we will do",
            ],
            Field::Theme => &[
                "theme",
                "priority theme",
                "priority",
                "priority area",
                "strategic priority",
                "workstream",
                "work stream",
                "strand",
                "sub group",
                "subgroup",
            ],
            Field::Leads => &[
                "partnership leads",
                "partnership lead",
                "leads",
                "lead",
                "lead officer",
                "lead officers",
                "lead agency",
                "lead organisation",
                "lead partner",
                "lead partners",
                "lead s",
                "owner",
                "action owner",
                "responsible officer",
                "responsible",
                "responsible person",
                "accountable officer",
                "who",
            ],
            Field::Partners => &[
                "partners",
                "other partners",
                "supporting partners",
                "key partners",
                "delivery partners",
                "partner agencies",
                "partners involved",
            ],
            Field::Documents => &[
                "linked documents",
                "linked document",
                "documents",
                "document",
                "evidence",
                "links",
                "link",
                "supporting documents",
            ],
            Field::StartDate => &["start date", "start", "date started", "from", "commencement date"],
            Field::DueDate => &[
                "due date",
                "due",
                "deadline",
                "target date",
                "by when",
                "completion date",
                "end date",
                "timescale",
                "timescales",
                "target completion date",
                "date due",
            ],
            Field::Status => {
                &["status", "rag", "rag status", "rag rating", "progress status", "current status", "rating"]
            }
            Field::ProgressDate => &[
                "latest progress date",
                "progress date",
                "date of the progress",
                "update date",
                "date of update",
                "date updated",
                "last updated",
                "as at",
                "date",
            ],
            Field::Progress => &[
                "progress",
                "latest progress",
                "progress update",
                "update",
                "latest update",
                "progress to date",
                "commentary",
                "comments",
                "comment",
                "narrative",
                "notes",
                // "% complete": the percentage, as the cell shows it.
                "complete",
                "percent complete",
                "per cent complete",
            ],
        }
    }

    /// Single words that suggest this field inside a longer heading.
    fn words(self) -> &'static [&'static str] {
        match self {
            Field::Number => &NUMBER_WORDS,
            Field::Title => &["action", "actions", "project", "projects", "objective", "task", "activity"],
            Field::Theme => &["theme", "priority", "workstream", "strand"],
            Field::Leads => &LEAD_WORDS,
            Field::Partners => &["partner", "partners", "agencies", "supporting"],
            Field::Documents => &["document", "documents", "evidence", "link", "links"],
            Field::StartDate => &["start", "started", "commencement"],
            Field::DueDate => &["due", "deadline", "target", "completion", "timescale", "end"],
            Field::Status => &["status", "rag", "rating"],
            Field::ProgressDate => &["progress", "update", "updated", "as"],
            Field::Progress => &["progress", "update", "commentary", "comments", "narrative", "notes"],
        }
    }

    fn is_date(self) -> bool {
        matches!(self, Field::StartDate | Field::DueDate | Field::ProgressDate)
    }

    /// How well a normalised heading suggests this field: 0 for not at all.
    fn score(self, heading: &str) -> u32 {
        if let Some(i) = self.names().iter().position(|n| *n == heading) {
            return 1000 - i as u32;
        }
        let words: Vec<&str> = heading.split(' ').collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
        let names_a_lead = has(&LEAD_WORDS);
        let names_a_date = has(&DATE_WORDS);
        let refused = match self {
            Field::StartDate | Field::DueDate => names_a_lead,
            Field::ProgressDate => names_a_lead || !names_a_date,
            // "Lead partner", "Partnership lead", "Theme lead": who leads.
            Field::Partners | Field::Theme | Field::Title => names_a_lead || names_a_date,
            _ => names_a_date,
        } || (self == Field::Title && has(&NUMBER_WORDS));
        if refused {
            return 0;
        }
        let last = words.last().copied().unwrap_or_default();
        let mut score: u32 = words.iter().filter(|w| self.words().contains(w)).map(|_| 10).sum();
        if score > 0 && self.words().contains(&last) {
            // The last word is the noun: "Action status" is a status.
            score += 5;
        }
        if score > 0 && self.is_date() && names_a_date {
            score += 5;
        }
        score
    }
}

/// For each field, the column that holds it (if any), and the date to give
/// progress that has no date of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMapping {
    columns: Vec<(Field, usize)>,
    /// The date the person says the file's progress was written, for rows
    /// whose progress has no date (never today's date by default).
    pub progress_as_at: Option<Date>,
}

impl ColumnMapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    /// Points `field` at `column` (or at nothing), freeing that column from
    /// any other field so one column never feeds two.
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        self.columns.retain(|(f, c)| *f != field && Some(*c) != column);
        if let Some(c) = column {
            self.columns.push((field, c));
        }
    }

    /// A first guess from the headings: every (field, column) pair is
    /// scored, and the best pairs are taken first, so an exact heading
    /// ("Partners") claims its field before a heading that only shares a
    /// word with it ("Partnership Lead" is never a partners column).
    pub fn suggest(headers: &[String]) -> ColumnMapping {
        let mut candidates: Vec<(u32, usize, Field)> = Vec::new();
        for (col, header) in headers.iter().enumerate() {
            let heading = normalise(header);
            for field in Field::ALL {
                let score = field.score(&heading);
                if score > 0 {
                    candidates.push((score, col, field));
                }
            }
        }
        crate::sorting::sort_by(&mut candidates, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut mapping = ColumnMapping::default();
        for (_, col, field) in candidates {
            if mapping.column(field).is_none() && !mapping.columns.iter().any(|(_, c)| *c == col) {
                mapping.columns.push((field, col));
            }
        }
        mapping
    }
}

/// Headings of a performance return's columns (see [`super::values`]):
/// the indicator, the quarter, the value and its unit.
pub(super) const INDICATOR_HEADINGS: [&str; 5] = ["indicator", "performance indicator", "measure", "kpi", "pi"];
pub(super) const QUARTER_HEADINGS: [&str; 4] = ["quarter", "period", "reporting period", "quarter ending"];
pub(super) const VALUE_HEADINGS: [&str; 6] = ["value", "actual", "result", "figure", "performance", "outturn"];

/// Whether a cell reads as a column heading: a few words naming a part of
/// an action or of a performance return ("No.", "Lead officer", "Quarter").
/// Used to find the heading row under a tracker's title lines.
pub fn is_heading(text: &str) -> bool {
    let h = normalise(text);
    if h.is_empty() || h.split(' ').count() > 5 {
        return false;
    }
    let first = h.split(' ').next().unwrap_or_default();
    Field::ALL.iter().any(|f| f.score(&h) > 0)
        || [&INDICATOR_HEADINGS[..], &QUARTER_HEADINGS, &VALUE_HEADINGS].iter().any(|list| list.contains(&first))
}

/// Lower case, punctuation to spaces, single spaces: "Partnership Leads " →
/// "partnership leads"; "Lead(s)" → "lead s"; "No." → "no".
pub(super) fn normalise(header: &str) -> String {
    let keep: String = header
        .chars()
        .filter(|c| *c != '.')
        .map(|c| if c.is_alphanumeric() || c == '#' { c.to_ascii_lowercase() } else { ' ' })
        .collect();
    keep.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
