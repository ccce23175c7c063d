use super::*;

fn iso(d: Result<Date, DateProblem>) -> Result<String, DateProblem> {
    d.map(Date::iso)
}

#[test]
fn uk_dates_in_every_form_trackers_use() {
    for (text, expected) in [
        ("31/03/2020", "2020-03-31"),
        ("31/3/20", "2020-03-31"),
        ("31.03.2020", "2020-03-31"),
        ("31-03-2020", "2020-03-31"),
        ("2020-03-31", "2020-03-31"),
        ("2020-03-31T00:00:00", "2020-03-31"),
        ("25/11/2019", "2019-11-25"),
        ("25-Nov-19", "2019-11-25"),
        ("25 November 2019", "2019-11-25"),
        ("25th Nov 2019", "2019-11-25"),
        ("1st Sept 2019", "2019-09-01"),
        ("November 25, 2019", "2019-11-25"),
        ("03/04/2020", "2020-04-03"),
        ("43921", "2020-03-31"),
    ] {
        assert_eq!(iso(read_date(text, false, None)).as_deref(), Ok(expected), "{text}");
    }
}

#[test]
fn two_digit_years_follow_excel() {
    assert_eq!(iso(read_date("1/4/29", false, None)).as_deref(), Ok("2029-04-01"));
    assert_eq!(iso(read_date("1/4/30", false, None)).as_deref(), Ok("1930-04-01"));
}

#[test]
fn day_numbers_count_in_the_workbook_s_own_date_system() {
    // The same day, 1 April 2019, in each system (tracker-1904-date-system.xlsx).
    assert_eq!(excel_day(43_556.0, false).map(Date::iso).as_deref(), Some("2019-04-01"));
    assert_eq!(excel_day(42_094.0, true).map(Date::iso).as_deref(), Some("2019-04-01"));
    assert_eq!(excel_day(42_459.0, true).map(Date::iso).as_deref(), Some("2020-03-31"));
    assert_eq!(iso(read_date("42459", true, None)).as_deref(), Ok("2020-03-31"));
    // Day 61 is 1 March 1900 (Excel's day 60 is a 29 February that never was).
    assert_eq!(excel_day(61.0, false).map(Date::iso).as_deref(), Some("1900-03-01"));
    assert_eq!(excel_day(0.0, true).map(Date::iso).as_deref(), Some("1904-01-01"));
    assert_eq!(excel_day(60.0, false), None);
    assert_eq!(excel_day(3_000_000.0, false), None);
}

#[test]
fn a_us_date_is_refused_never_swapped() {
    assert_eq!(
        read_date("11/25/2019", false, None),
        Err(DateProblem::MonthFirst { day_first: "25 November 2019".into() })
    );
    // Once the column shows it is written month first, 03/04/2020 could be either.
    let column = ["11/25/2019", "03/04/2020", "13/04/2020", "04/04/2020"];
    let example = month_first_example(column);
    assert_eq!(example.as_deref(), Some("11/25/2019"));
    assert_eq!(
        read_date("03/04/2020", false, example.as_deref()),
        Err(DateProblem::Ambiguous {
            day_first: "3 April 2020".into(),
            month_first: "4 March 2020".into(),
            example: "11/25/2019".into()
        })
    );
    // A day over 12 and the same day and month cannot be misread.
    assert_eq!(iso(read_date("13/04/2020", false, example.as_deref())).as_deref(), Ok("2020-04-13"));
    assert_eq!(iso(read_date("04/04/2020", false, example.as_deref())).as_deref(), Ok("2020-04-04"));
    // A day-first column has no month-first example.
    assert_eq!(month_first_example(["25/11/2019", "03/04/2020"]), None);
    assert_eq!(
        DateProblem::MonthFirst { day_first: "25 November 2019".into() }.reason("11/25/2019", "due date"),
        "\u{201c}11/25/2019\u{201d} in due date is written month first: if it means 25 November 2019, write the day first"
    );
}

#[test]
fn what_is_not_a_date_says_so() {
    assert_eq!(read_date("soon", false, None), Err(DateProblem::NotADate));
    assert_eq!(read_date("31 Smarch 2020", false, None), Err(DateProblem::NotADate));
    assert_eq!(read_date("31/02/2020", false, None), Err(DateProblem::NoSuchDay));
    assert_eq!(read_date("2020-02-31", false, None), Err(DateProblem::NoSuchDay));
    assert_eq!(read_date("12", false, None), Err(DateProblem::NotADate));
}

#[test]
fn numbers_as_people_see_them() {
    for (text, value) in [
        ("498", 498.0),
        ("1,012", 1012.0),
        ("1,234,567.89", 1_234_567.89),
        ("30%", 30.0),
        ("12.5%", 12.5),
        ("\u{a3}1,250", 1250.0),
        ("-\u{a3}5", -5.0),
        ("(1,234)", -1234.0),
        ("1 234", 1234.0),
        ("1\u{a0}234", 1234.0),
        ("-3.5", -3.5),
        ("+7", 7.0),
        (" 42 ", 42.0),
    ] {
        assert_eq!(read_number(text), Ok(value), "{text}");
    }
}

#[test]
fn a_decimal_comma_is_refused_with_the_reason_never_read_ten_times_too_big() {
    assert_eq!(read_number("12,5"), Err(NumberProblem::DecimalComma { uk: "12.5".into() }));
    assert_eq!(read_number("0,3"), Err(NumberProblem::DecimalComma { uk: "0.3".into() }));
    assert_eq!(read_number("1.234,5"), Err(NumberProblem::DecimalComma { uk: "1234.5".into() }));
    assert_eq!(read_number("1,5000"), Err(NumberProblem::DecimalComma { uk: "1.5000".into() }));
    assert_eq!(
        NumberProblem::DecimalComma { uk: "12.5".into() }.reason("12,5"),
        "\u{201c}12,5\u{201d} uses a comma as the decimal point: write it as 12.5"
    );
    for text in ["lots", "n/a", "", "-", "1-2", "12,5,6"] {
        assert_eq!(read_number(text), Err(NumberProblem::NotANumber), "{text}");
    }
}

#[test]
fn statuses_in_words_and_rag_colours() {
    assert_eq!(read_status("Amber"), Some(Status::AtRisk));
    assert_eq!(read_status(" on track "), Some(Status::OnTrack));
    assert_eq!(read_status("C"), Some(Status::Complete));
    assert_eq!(read_status("Purple"), None);
    assert!(same_name("Town centre & neighbourhood crime", "town centre and  neighbourhood crime"));
}
