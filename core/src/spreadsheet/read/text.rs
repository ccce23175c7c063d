//! Text files: CSV as Excel and other programs write it. Excel's plain "CSV
//! (Comma delimited)" is Windows-1252, "CSV UTF-8" starts with a byte-order
//! mark, "Unicode Text" is UTF-16 with tabs, European Excel writes `;`, and
//! any of them may start with Excel's `sep=;` line naming the delimiter.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::grid::Grid;
use crate::spreadsheet::SheetError;

/// Delimiters tried when the file does not name one.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Lines looked at to decide the delimiter.
const SNIFF_LINES: usize = 50;

/// The file as text. UTF-16 is read when it has a byte-order mark or looks
/// like UTF-16 (every other byte zero); otherwise valid UTF-8 is read as
/// UTF-8 and each byte that is not, as Windows-1252 — so a UTF-8 file with
/// one stray byte from an older program keeps its `£` and `–`, and a
/// Windows-1252 file reads whole.
pub fn decode(bytes: &[u8]) -> Result<String, SheetError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        UTF_16LE.decode_without_bom_handling(rest).0.into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        UTF_16BE.decode_without_bom_handling(rest).0.into_owned()
    } else if looks_like_utf16(bytes, 1) {
        UTF_16LE.decode_without_bom_handling(bytes).0.into_owned()
    } else if looks_like_utf16(bytes, 0) {
        UTF_16BE.decode_without_bom_handling(bytes).0.into_owned()
    } else {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if bytes.contains(&0) {
            return Err(SheetError::Unreadable);
        }
        let mut text = String::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                text.push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
            }
        }
        text
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    let controls = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
    if controls > text.len() / 100 + 2 {
        return Err(SheetError::Unreadable);
    }
    Ok(text)
}

/// Whether the bytes at `zero_at` (0 or 1) of each pair in the first 200
/// bytes are nearly all zero, as in English text saved as UTF-16.
fn looks_like_utf16(bytes: &[u8], zero_at: usize) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    let pairs = head.len() / 2;
    pairs >= 2 && head.chunks_exact(2).filter(|p| p[zero_at] == 0 && p[1 - zero_at] != 0).count() * 10 >= pairs * 9
}

/// Reads CSV (or tab-separated) text into a grid, row numbers counted as
/// Excel shows them after it has read the `sep=` line.
pub fn csv_grid(bytes: &[u8]) -> Result<Grid, SheetError> {
    let text = decode(bytes)?;
    let (delimiter, body) = match sep_line(&text) {
        Some((d, rest)) => (d, rest),
        None => (sniff_delimiter(&text), text.as_str()),
    };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(body.as_bytes());
    let mut grid = Grid::default();
    let mut record = csv::StringRecord::new();
    // Excel's row for a record: one more than the line breaks before it,
    // less those inside earlier quoted cells. Blank lines, which the csv
    // reader passes over, are Excel's empty rows.
    let (mut scanned, mut breaks_before, mut quoted_breaks) = (0usize, 0u64, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return Err(SheetError::Unreadable),
        }
        // The reader's position is where it began reading, before any blank lines.
        let mut start = record.position().map_or(scanned, |p| p.byte() as usize).min(body.len());
        while matches!(body.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        breaks_before += body.as_bytes()[scanned.min(start)..start].iter().filter(|b| **b == b'\n').count() as u64;
        scanned = start.max(scanned);
        let row = 1 + breaks_before - quoted_breaks.min(breaks_before);
        quoted_breaks += record.iter().map(|c| c.matches('\n').count() as u64).sum::<u64>();
        if grid.is_full(row) {
            let filled = record.iter().filter(|c| !c.trim().is_empty()).count() as u64;
            if filled > 0 {
                grid.outside(row, 0, filled);
            }
            continue;
        }
        for (col, cell) in record.iter().enumerate() {
            grid.put(row, col as u64, cell);
        }
    }
    Ok(grid)
}

/// Excel's `sep=;` first line: the delimiter it names and the text after it.
fn sep_line(text: &str) -> Option<(u8, &str)> {
    let end = text.find('\n').unwrap_or(text.len());
    let line = text[..end].trim_end_matches('\r');
    let rest = line.strip_prefix("sep=").or_else(|| line.strip_prefix("SEP="))?;
    let delimiter = match rest.trim_matches('"') {
        "\\t" => b'\t',
        d if d.len() == 1 => d.as_bytes()[0],
        _ => return None,
    };
    Some((delimiter, text.get(end + 1..).unwrap_or("")))
}

/// The delimiter that splits the first lines into the same number of
/// fields most often (a title line above the table does not count against
/// it); a comma when nothing splits. Delimiters inside quoted cells are not
/// counted: every `"` opens or closes a quoted stretch, which holds for
/// RFC 4180's doubled quotes too, whatever the delimiter.
fn sniff_delimiter(text: &str) -> u8 {
    let mut lines: Vec<[usize; DELIMITERS.len()]> = Vec::new();
    let mut counts = [0usize; DELIMITERS.len()];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                lines.push(counts);
                counts = [0; DELIMITERS.len()];
                if lines.len() == SNIFF_LINES {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|d| char::from(*d) == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    lines.push(counts);
    let mut best = (0, b',');
    for (i, delimiter) in DELIMITERS.iter().enumerate() {
        let splits: Vec<usize> = lines.iter().map(|l| l[i]).filter(|n| *n > 0).collect();
        let agreeing = splits.iter().map(|n| splits.iter().filter(|m| *m == n).count()).max().unwrap_or(0);
        if agreeing > best.0 {
            best = (agreeing, *delimiter);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::super::grid::MAX_ROWS;
    use super::*;

    fn cells(bytes: &[u8]) -> Vec<(usize, Vec<String>)> {
        csv_grid(bytes).expect("readable").into_rows().0
    }

    #[test]
    fn excel_sep_line_names_the_delimiter() {
        let rows = cells(b"sep=;\r\nNo.;Key action;Due date\r\n1;Review the ASB strategy;31/03/2020\r\n");
        assert_eq!(rows[0], (1, vec!["No.".into(), "Key action".into(), "Due date".into()]));
        assert_eq!(rows[1].1[1], "Review the ASB strategy");
    }

    #[test]
    fn semicolons_tabs_and_pipes_are_found_without_a_sep_line() {
        for (text, delimiter) in [
            ("No.;Action;Notes\n1;Review, then refresh;Done\n2;Audit;x\n", ';'),
            ("No.\tAction\tNotes\n1\tReview, then refresh\tDone\n", '\t'),
            ("No.|Action|Notes\n1|Review; refresh|Done\n", '|'),
        ] {
            let rows = cells(text.as_bytes());
            assert_eq!(rows[0].1.len(), 3, "{delimiter:?}");
            assert!(rows[1].1[1].starts_with("Review"), "{delimiter:?}");
        }
    }

    #[test]
    fn tabs_and_line_breaks_inside_quoted_cells_do_not_decide_the_delimiter() {
        assert_eq!(sniff_delimiter("No.,Key action,Progress\n1,\"0\t\n\t\n\t\u{2013}\",\n"), b',');
        assert_eq!(sniff_delimiter("No.;Said\n1;\"He said \"\"a, b, c\"\"\"\n2;x\n"), b';');
    }

    #[test]
    fn a_title_line_does_not_decide_the_delimiter() {
        let text =
            "Luton CSP action tracker; 2019-20\n\nNo.,Action,Due date\n1,Review,31/03/2020\n2,Audit,31/03/2020\n";
        let rows = cells(text.as_bytes());
        assert_eq!(rows[1], (3, vec!["No.".into(), "Action".into(), "Due date".into()]));
    }

    #[test]
    fn byte_order_marks_and_utf16_are_read() {
        let utf8_bom = b"\xEF\xBB\xBFNo.,Action\n1,Caf\xC3\xA9\n";
        assert_eq!(cells(utf8_bom)[1].1[1], "Caf\u{e9}");
        // Excel's "Unicode Text": UTF-16 little-endian with tabs.
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("No.\tAction\n1\t\u{a3}500 budget\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(cells(&utf16)[1].1[1], "\u{a3}500 budget");
        let be: Vec<u8> = "No.,Action\n1,x\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(cells(&be)[0].1[1], "Action");
    }

    #[test]
    fn a_stray_windows_1252_byte_leaves_the_utf8_around_it_alone() {
        // "£500 – agreed" in UTF-8, then a Windows-1252 en dash (0x96).
        let bytes = b"No.,Action\n1,\xC2\xA3500 \xE2\x80\x93 agreed \x96 signed off\n";
        assert_eq!(cells(bytes)[1].1[1], "\u{a3}500 \u{2013} agreed \u{2013} signed off");
        // A whole Windows-1252 file reads too.
        assert_eq!(cells(b"No.,Action\n1,Budget \x96 \xA3500\n")[1].1[1], "Budget \u{2013} \u{a3}500");
    }

    #[test]
    fn line_breaks_inside_quoted_cells_are_kept() {
        let rows = cells(b"No.,Progress\r\n1,\"First line\r\nSecond line, with a comma\"\r\n2,Next\r\n");
        assert_eq!(rows[1], (2, vec!["1".into(), "First line\nSecond line, with a comma".into()]));
        assert_eq!(rows[2].0, 3, "a quoted line break does not start a row");
    }

    #[test]
    fn rows_past_the_limit_are_counted() {
        let mut text = String::from("No.,Action\n");
        for n in 1..=MAX_ROWS + 5 {
            text.push_str(&format!("{n},Action {n}\n"));
        }
        let grid = csv_grid(text.as_bytes()).expect("readable");
        let (rows, facts) = grid.into_rows();
        assert_eq!(rows.len(), MAX_ROWS);
        assert_eq!(facts.cut.cells_outside, 12, "six rows of two cells");
        assert_eq!(facts.cut.first_outside.as_deref(), Some("A10001"));
    }
}
