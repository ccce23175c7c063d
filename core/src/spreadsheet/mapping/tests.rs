use super::*;

fn headers(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The field each heading is mapped to, in heading order (`None` for a
/// column left for the person to choose).
fn mapped(list: &[&str]) -> Vec<Option<Field>> {
    let m = ColumnMapping::suggest(&headers(list));
    (0..list.len()).map(|col| Field::ALL.into_iter().find(|f| m.column(*f) == Some(col))).collect()
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
    assert_eq!(m.column(Field::Partners), None, "a lead column is never the partners");
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

/// Headings from trackers councils, police and health keep, and what each
/// column must be taken for.
#[test]
fn real_tracker_headings_map_to_the_right_fields() {
    use Field::*;
    let table: &[(&[&str], &[Option<Field>])] = &[
        (
            &["Ref", "Action", "Lead Officer", "Deadline", "RAG", "Comments"],
            &[Some(Number), Some(Title), Some(Leads), Some(DueDate), Some(Status), Some(Progress)],
        ),
        (
            &["No.", "Key action", "Partnership Lead", "Partners", "Due date", "Progress"],
            &[Some(Number), Some(Title), Some(Leads), Some(Partners), Some(DueDate), Some(Progress)],
        ),
        (
            &["Action No", "Action", "Owner", "Supporting partners", "Timescale", "RAG status", "Update"],
            &[Some(Number), Some(Title), Some(Leads), Some(Partners), Some(DueDate), Some(Status), Some(Progress)],
        ),
        (
            &["Priority", "Objective", "Lead agency", "Other partners", "Target date", "Status", "Commentary"],
            &[Some(Theme), Some(Title), Some(Leads), Some(Partners), Some(DueDate), Some(Status), Some(Progress)],
        ),
        (
            &["Theme", "Task", "Responsible officer", "Start", "End date", "Latest update", "Date of update"],
            &[
                Some(Theme),
                Some(Title),
                Some(Leads),
                Some(StartDate),
                Some(DueDate),
                Some(Progress),
                Some(ProgressDate),
            ],
        ),
        (
            &["Reference", "Activity", "Lead partner", "Key partners", "By when", "Progress to date", "As at"],
            &[
                Some(Number),
                Some(Title),
                Some(Leads),
                Some(Partners),
                Some(DueDate),
                Some(Progress),
                Some(ProgressDate),
            ],
        ),
        (
            &["#", "What we will do", "Lead(s)", "Partner agencies", "Completion date", "Current status", "Notes"],
            &[Some(Number), Some(Title), Some(Leads), Some(Partners), Some(DueDate), Some(Status), Some(Progress)],
        ),
        (
            &[
                "Workstream",
                "Action",
                "Action owner",
                "Delivery partners",
                "Due",
                "Progress status",
                "Progress",
                "Last updated",
            ],
            &[
                Some(Theme),
                Some(Title),
                Some(Leads),
                Some(Partners),
                Some(DueDate),
                Some(Status),
                Some(Progress),
                Some(ProgressDate),
            ],
        ),
        // Only a lead column: nothing else may take it, least of all the partners.
        (&["Key actions", "Partnership lead"], &[Some(Title), Some(Leads)]),
        (&["Key actions", "Lead partner organisation"], &[Some(Title), Some(Leads)]),
        (&["Key actions", "Theme lead"], &[Some(Title), Some(Leads)]),
        // Headings that name nothing an action holds are left for the person.
        (&["Action", "Budget (£)", "Ward"], &[Some(Title), None, None]),
    ];
    for (headings, expected) in table {
        assert_eq!(mapped(headings), expected.to_vec(), "{headings:?}");
    }
}

#[test]
fn a_heading_naming_a_lead_is_never_the_partners_or_the_theme() {
    for heading in [
        "Lead",
        "Leads",
        "Partnership Lead",
        "Partnership Leads",
        "Lead officer",
        "Lead agency",
        "Lead partner",
        "Lead partners",
        "Partner lead",
        "Owner",
        "Responsible officer",
        "Theme lead",
        "Priority lead",
        "Accountable officer",
    ] {
        let m = ColumnMapping::suggest(&headers(&["Key action", heading]));
        assert_eq!(m.column(Field::Leads), Some(1), "{heading}");
        assert_eq!((m.column(Field::Partners), m.column(Field::Theme)), (None, None), "{heading}");
    }
}

#[test]
fn an_exact_heading_wins_over_a_shared_word() {
    // "Progress status" is the status even though "Progress" comes first;
    // the plain "Progress" column is still the progress.
    let m = ColumnMapping::suggest(&headers(&["Progress status", "Action", "Progress"]));
    assert_eq!((m.column(Field::Status), m.column(Field::Progress)), (Some(0), Some(2)));
    // "Partners" exactly is the partners column even after a lead column
    // whose heading contains "partner".
    let m = ColumnMapping::suggest(&headers(&["Action", "Lead partner", "Partners"]));
    assert_eq!((m.column(Field::Leads), m.column(Field::Partners)), (Some(1), Some(2)));
}

#[test]
fn a_date_heading_is_never_a_text_field() {
    let m = ColumnMapping::suggest(&headers(&["Action", "Progress date", "Update"]));
    assert_eq!((m.column(Field::ProgressDate), m.column(Field::Progress)), (Some(1), Some(2)));
    let m = ColumnMapping::suggest(&headers(&["Action", "Date of last progress"]));
    assert_eq!((m.column(Field::ProgressDate), m.column(Field::Progress)), (Some(1), None));
}

#[test]
fn one_column_feeds_one_field() {
    let mut m = ColumnMapping::suggest(&headers(&["Action", "Notes"]));
    m.set(Field::Progress, Some(0));
    assert_eq!((m.column(Field::Title), m.column(Field::Progress)), (None, Some(0)));
    m.set(Field::Progress, None);
    assert_eq!(m.column(Field::Progress), None);
}
