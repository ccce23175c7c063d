//! Importing indicator values from a table with one value per row:
//! indicator name, quarter ("Q3 2019-20" or "2019-20-Q3") and value — the
//! shape of the "Indicator values" sheet the export writes, and of most
//! performance returns. Values are read as the cell shows them (a cell
//! formatted as a percentage is the percentage, `1,012` is 1012) and a
//! decimal comma is refused with the reason (see [`super::cells`]).

use super::cells::read_number;
use super::mapping::{INDICATOR_HEADINGS, QUARTER_HEADINGS, VALUE_HEADINGS, normalise};
use super::{RowProblem, SheetError, Table};
pub use crate::model::import::ImportedValue;
use crate::model::performance::parse_quarter;
use crate::model::{FinancialQuarter, Partnership};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValuesPreview {
    pub values: Vec<ImportedValue>,
    pub skipped: Vec<RowProblem>,
}

/// Finds the indicator, quarter and value columns by their headings and
/// reads every row; a row that names an unknown indicator, an unreadable
/// quarter or a value that is not a number is skipped with its reason.
pub fn preview_values(table: &Table, plan: &Partnership) -> Result<ValuesPreview, SheetError> {
    let headings: Vec<String> = table.headers.iter().map(|h| normalise(h)).collect();
    let find = |names: &[&str]| {
        headings
            .iter()
            .position(|h| names.contains(&h.as_str()))
            .or_else(|| headings.iter().position(|h| names.iter().any(|n| h.split(' ').next() == Some(*n))))
    };
    let indicator = find(&INDICATOR_HEADINGS).ok_or(SheetError::MissingColumn("the indicator"))?;
    let quarter = find(&QUARTER_HEADINGS).ok_or(SheetError::MissingColumn("the quarter"))?;
    let value = find(&VALUE_HEADINGS).ok_or(SheetError::MissingColumn("the value"))?;
    let mut out = ValuesPreview::default();
    let mut seen: Vec<(String, FinancialQuarter)> = Vec::new();
    for row in &table.rows {
        let cell = |c: usize| row.cell(c).trim();
        let skip = |reason: String| RowProblem { row: row.number, reason };
        let name = cell(indicator);
        let Some(found) = plan.indicators.values().find(|i| i.name.eq_ignore_ascii_case(name)) else {
            out.skipped.push(skip(if name.is_empty() {
                "There is no indicator in this row".to_string()
            } else {
                format!(
                    "There is no indicator called \u{201c}{name}\u{201d} \u{2013} add it first, or check the spelling"
                )
            }));
            continue;
        };
        let Some(q) = parse_quarter(cell(quarter)) else {
            out.skipped.push(skip(format!("\u{201c}{}\u{201d} is not a quarter like Q3 2019-20", cell(quarter))));
            continue;
        };
        let v = match read_number(cell(value)) {
            Ok(v) => v,
            Err(problem) => {
                out.skipped.push(skip(problem.reason(cell(value))));
                continue;
            }
        };
        if seen.iter().any(|(id, sq)| *id == found.id && *sq == q) {
            out.skipped.push(skip(format!("{} already has a value for {q} earlier in the file", found.name)));
            continue;
        }
        seen.push((found.id.clone(), q));
        out.values.push(ImportedValue {
            row: row.number,
            indicator_id: found.id.clone(),
            indicator: found.name.clone(),
            quarter: q,
            value: v,
            shown: found.format(v),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::doc::Stamp;
    use crate::model::Author;
    use crate::spreadsheet::export::{INDICATOR_HEADERS, indicator_rows, to_csv};
    use crate::spreadsheet::read_table;

    #[test]
    fn exported_values_read_back_for_every_indicator_and_quarter() {
        let ws = demo::workspace();
        let csv = to_csv(&INDICATOR_HEADERS, &indicator_rows(ws.partnership())).expect("csv");
        let table = read_table(&csv).expect("readable");
        let p = preview_values(&table, ws.partnership()).expect("preview");
        assert_eq!((p.values.len(), p.skipped.len()), (70, 0));
    }

    #[test]
    fn a_quarterly_return_is_imported_in_one_change_and_bad_rows_are_named() {
        let mut ws = demo::workspace();
        let csv = "Indicator,Quarter,Value\n\
                   Burglary,Q4 2019-20,\"1,012\"\n\
                   Criminal damage,2019-20-Q4,498\n\
                   Burglary,Q4 2019-20,1000\n\
                   Parking fines,Q4 2019-20,12\n\
                   Knife crime offences,Q5 2019-20,3\n\
                   Hate crimes reported,Q4 2019-20,lots\n";
        let table = read_table(csv.as_bytes()).expect("readable");
        let p = preview_values(&table, ws.partnership()).expect("preview");
        assert_eq!(p.values.len(), 2);
        let reasons: Vec<(usize, &str)> = p.skipped.iter().map(|s| (s.row, s.reason.as_str())).collect();
        assert_eq!(
            reasons,
            [
                (4, "Burglary already has a value for Q4 2019-20 earlier in the file"),
                (5, "There is no indicator called \u{201c}Parking fines\u{201d} – add it first, or check the spelling"),
                (6, "\u{201c}Q5 2019-20\u{201d} is not a quarter like Q3 2019-20"),
                (7, "\u{201c}lots\u{201d} is not a number"),
            ]
        );
        let me = Author::new("Community Safety Analyst", "Bedfordshire Police");
        let before = ws.history().len();
        ws.import_values(&Stamp::new(&me, 1_700_000_000), "return.csv", &p.values).expect("import");
        assert_eq!(ws.history().len(), before + 1);
        assert_eq!(ws.history()[0].summary, "Imported 2 indicator values from return.csv");
        let burglary = ws.partnership().indicators.values().find(|i| i.name == "Burglary").expect("burglary");
        assert_eq!(burglary.value_in(p.values[0].quarter), Some(1012.0));
    }

    #[test]
    fn a_percentage_cell_is_the_percentage_shown_and_a_decimal_comma_is_refused() {
        let ws = demo::workspace();
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in ["Indicator", "Quarter", "Value"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).expect("heading");
        }
        let percent = rust_xlsxwriter::Format::new().set_num_format("0%");
        sheet.write_string(1, 0, "Repeat referrals to MARAC").expect("name");
        sheet.write_string(1, 1, "Q4 2019-20").expect("quarter");
        sheet.write_number_with_format(1, 2, 0.3, &percent).expect("value");
        sheet.write_string(2, 0, "Burglary").expect("name");
        sheet.write_string(2, 1, "Q4 2019-20").expect("quarter");
        sheet.write_string(2, 2, "1.012,5").expect("value");
        let table = read_table(&book.save_to_buffer().expect("xlsx")).expect("readable");
        let p = preview_values(&table, ws.partnership()).expect("preview");
        assert_eq!(p.values.len(), 1);
        assert_eq!((p.values[0].value, p.values[0].shown.as_str()), (30.0, "30%"), "30%, never 0.3");
        assert_eq!(
            p.skipped[0].reason,
            "\u{201c}1.012,5\u{201d} uses a comma as the decimal point: write it as 1012.5"
        );
    }

    #[test]
    fn a_table_without_the_columns_says_which_is_missing() {
        let table = read_table(b"Name,Postcode\nA,LU1\n").expect("readable");
        assert_eq!(
            preview_values(&table, demo::workspace().partnership()),
            Err(SheetError::MissingColumn("the indicator"))
        );
    }
}
