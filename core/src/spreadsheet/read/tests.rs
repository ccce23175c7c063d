use rust_xlsxwriter::{Format, Workbook};

use super::*;
use crate::spreadsheet::export::workbook_xlsx;

fn texts(row: &Row) -> Vec<&str> {
    row.cells.iter().map(String::as_str).collect()
}

#[test]
fn the_bad_file_battery_gets_plain_english_and_no_panic() {
    assert_eq!(read_table(b""), Err(SheetError::Empty));
    assert_eq!(read_table(b"  \n\r\n"), Err(SheetError::Empty));
    assert_eq!(read_table(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3 binary"), Err(SheetError::Pdf));
    assert_eq!(read_table(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old excel"), Err(SheetError::OldExcel));
    assert_eq!(read_table(b"<!DOCTYPE html><html><table><tr><td>1</td></tr></table>"), Err(SheetError::Markup));
    assert_eq!(read_table(b"\xEF\xBB\xBF <?xml version=\"1.0\"?><Workbook/>"), Err(SheetError::Markup));
    assert!(matches!(
        read_table(b"PK\x03\x04\x14\x00\x00\x00word/document.xml junk"),
        Err(SheetError::DamagedWorkbook(_))
    ));
    assert!(matches!(read_table(b"PK\x03\x04 xl/workbook.xml but truncated"), Err(SheetError::DamagedWorkbook(_))));
    assert_eq!(read_table(b"PK\x05\x06"), Err(SheetError::NotAWorkbook));
    assert_eq!(read_table(&[0x00, 0x01, 0x02, 0x03, 0x9c, 0x00]), Err(SheetError::Unreadable));
    assert_eq!(read_table(b"No.,Key action\n"), Err(SheetError::NoRows));
    let huge = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(read_table(&huge), Err(SheetError::TooLarge { size_mb: 11 }));
    // Truncating a real workbook anywhere never panics.
    let xlsx = workbook_xlsx(crate::demo::workspace().partnership()).expect("xlsx");
    for cut in (0..xlsx.len()).step_by(xlsx.len() / 40) {
        let _ = read_table(&xlsx[..cut]);
    }
}

/// A zip holding the given parts, stored without compression.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in parts {
            zip.start_file(*name, options).expect("part");
            std::io::Write::write_all(&mut zip, bytes).expect("bytes");
        }
        zip.finish().expect("zip");
    }
    out.into_inner()
}

#[test]
fn zip_files_that_are_not_workbooks_say_what_they_are() {
    assert_eq!(read_table(&zip_of(&[("word/document.xml", b"<w/>")])), Err(SheetError::WordDocument));
    assert_eq!(read_table(&zip_of(&[("xl/workbook.bin", b"")])), Err(SheetError::BinaryWorkbook));
    assert_eq!(read_table(&zip_of(&[("photos/cat.jpg", b"")])), Err(SheetError::NotAWorkbook));
    let odt: &[(&str, &[u8])] = &[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")];
    assert_eq!(read_table(&zip_of(odt)), Err(SheetError::WordDocument));
}

#[test]
fn a_workbook_that_unpacks_to_more_than_the_limit_is_refused_before_unpacking() {
    // A 100 MB part of zeros compresses to about 100 KB.
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/sharedStrings.xml", options).expect("part");
        let zeros = vec![b'0'; 1024 * 1024];
        for _ in 0..100 {
            std::io::Write::write_all(&mut zip, &zeros).expect("bytes");
        }
        zip.finish().expect("zip");
    }
    let bytes = out.into_inner();
    assert!(bytes.len() < MAX_FILE_BYTES);
    assert_eq!(read_table(&bytes), Err(SheetError::TooMuchInside { unpacked_mb: 100 }));
}

#[test]
fn utf16_text_from_excel_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("No.\tKey action\n1\tReview the ASB strategy\n".encode_utf16().flat_map(u16::to_le_bytes));
    let table = read_table(&bytes).expect("readable");
    assert_eq!(table.headers, ["No.", "Key action"]);
    assert_eq!(texts(&table.rows[0]), ["1", "Review the ASB strategy"]);
}

#[test]
fn the_heading_row_is_found_under_titles_and_notes() {
    let csv = "Luton Community Safety Partnership\n\
               Business plan tracker 2019-20 (updated quarterly)\n\
               \n\
               No.,Key action,Lead officer,Due date\n\
               1,Review the ASB strategy,\"ASB Manager, Luton Council\",31/03/2020\n\
               \n\
               2,Audit the CCTV estate,\"Inspector, Bedfordshire Police\",30/06/2020\n\
               \n\
               Source: CSP Executive papers\n\
               RAG as at March 2020\n";
    let table = read_table(csv.as_bytes()).expect("readable");
    assert_eq!(table.header_row, 4);
    assert_eq!(table.headers, ["No.", "Key action", "Lead officer", "Due date"]);
    let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [5, 7], "blank rows between actions are passed over");
    assert_eq!(
        table.left_out,
        [
            (1, "Luton Community Safety Partnership".to_string()),
            (2, "Business plan tracker 2019-20 (updated quarterly)".to_string()),
            (9, "Source: CSP Executive papers".to_string()),
            (10, "RAG as at March 2020".to_string()),
        ]
    );
}

#[test]
fn a_single_column_list_keeps_its_rows() {
    let table = read_table(b"Key action\nReview\n\nAudit\n").expect("readable");
    assert_eq!(table.rows.len(), 2, "one-cell rows are the table, not notes, when there is nothing else");
}

fn messy_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Notes").expect("name");
    let sheet = book.add_worksheet();
    sheet.set_name("Tracker 2019-20").expect("name");
    let percent = Format::new().set_num_format("0%");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(0, 0, "Luton CSP tracker").expect("title");
    for (c, h) in ["No.", "Key action", "Theme", "Due date", "Complete"].iter().enumerate() {
        sheet.write_string(2, c as u16, *h).expect("heading");
    }
    let rows =
        [("1", "Deliver the DA strategy"), ("2", "Publish the DHR outcomes"), ("3", "Run the White Ribbon campaign")];
    for (i, (n, title)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write_string(r, 0, *n).expect("number");
        sheet.write_string(r, 1, *title).expect("title");
        let due = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 3, 31).expect("date");
        sheet.write_datetime_with_format(r, 3, &due, &date).expect("due");
        sheet.write_number_with_format(r, 4, 0.3 + 0.35 * i as f64, &percent).expect("percent");
    }
    sheet.merge_range(3, 2, 5, 2, "Domestic abuse", &Format::new()).expect("merge");
    sheet.set_row_hidden(4).expect("hidden");
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn a_messy_workbook_reads_as_the_person_sees_it() {
    let table = read_table(&messy_workbook()).expect("readable");
    assert_eq!(table.sheet, "Tracker 2019-20", "the first sheet with data");
    assert_eq!(table.sheets, ["Notes", "Tracker 2019-20"]);
    assert_eq!(table.header_row, 3);
    assert_eq!(table.left_out, [(1, "Luton CSP tracker".to_string())]);
    let merge = Merge { first_row: 4, last_row: 6, first_col: 2, last_col: 2 };
    assert_eq!(texts(&table.rows[0]), ["1", "Deliver the DA strategy", "Domestic abuse", "2020-03-31", "30%"]);
    assert_eq!(texts(&table.rows[1]), ["2", "Publish the DHR outcomes", "Domestic abuse", "2020-03-31", "65%"]);
    assert_eq!(texts(&table.rows[2])[2..], ["Domestic abuse", "2020-03-31", "100%"]);
    assert_eq!((table.rows[0].merge_of(2), table.rows[1].merge_of(2)), (None, Some(merge)));
    assert_eq!(table.rows.iter().map(|r| r.hidden).collect::<Vec<_>>(), [false, true, false]);
    assert_eq!(range_name(&merge), "C4:C6");
}

#[test]
fn another_sheet_can_be_chosen_by_name() {
    let bytes = workbook_xlsx(crate::demo::workspace().partnership()).expect("xlsx");
    let first = read_table(&bytes).expect("readable");
    assert_eq!((first.sheet.as_str(), first.sheets.len()), ("Actions", 3));
    let values = read_sheet(&bytes, Some("Indicator values")).expect("readable");
    assert_eq!(values.headers[0], "Indicator");
    assert_eq!(read_sheet(&bytes, Some("Budget")), Err(SheetError::NoSuchSheet("Budget".into())));
}

#[test]
fn a_table_from_plain_rows_finds_its_headings_too() {
    let rows = vec![vec!["No.".to_string(), "Action".to_string()], vec!["1".to_string(), "Review".to_string()]];
    let table = Table::from_rows("Pasted", rows).expect("table");
    assert_eq!((table.header_row, table.rows[0].cell(1)), (1, "Review"));
}

#[test]
fn the_preview_says_how_the_sheet_was_read() {
    let table = read_table(&messy_workbook()).expect("readable");
    assert_eq!(
        table.notes(),
        [
            "Row 3 of \u{201c}Tracker 2019-20\u{201d} was taken as the headings.",
            "Row 1 above the headings was left out: \u{201c}Luton CSP tracker\u{201d}.",
        ]
    );
    let mut csv = String::from("No.,Action\n");
    for n in 1..=MAX_ROWS {
        csv.push_str(&format!("{n},Action {n}\n"));
    }
    let table = read_table(csv.as_bytes()).expect("readable");
    assert_eq!(
        table.notes()[1],
        "2 cells outside rows 1 to 10,000 and columns A to GR were not read (the first is A10001). Safer Plan reads at most 10,000 rows and 200 columns: split a bigger tracker and import it in parts."
    );
}
