//! The spreadsheet half of the file worker's checks. The readers under
//! [`read_sheet`] (calamine, zip, quick-xml) are other people's parsers and
//! may yet panic or run away on a crafted workbook; in the browser a panic
//! aborts the whole wasm instance. So the app runs [`check`] in its file
//! worker (`file-worker/`) first, and the import pages read only what
//! passed: the same code on the same bytes.

use super::{SheetError, read_sheet};

/// Reads sheet `wanted` (or the first with data) exactly as the import
/// pages will, and keeps nothing. Refuses with the error [`read_sheet`]
/// would give.
pub fn check(bytes: &[u8], wanted: Option<&str>) -> Result<(), SheetError> {
    read_sheet(bytes, wanted).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spreadsheet::export::workbook_xlsx;

    #[test]
    fn what_the_import_pages_can_read_passes_and_their_refusals_are_kept() {
        let xlsx = workbook_xlsx(crate::demo::workspace().partnership()).expect("xlsx");
        let table = read_sheet(&xlsx, None).expect("the plan's workbook reads");
        assert_eq!(check(&xlsx, None), Ok(()));
        for sheet in &table.sheets {
            assert_eq!(check(&xlsx, Some(sheet)), Ok(()), "sheet {sheet}");
        }
        assert_eq!(check(&xlsx, Some("Budget")), Err(SheetError::NoSuchSheet("Budget".into())));
        assert_eq!(check(b"No.,Key action\n1,Review the ASB strategy\n", None), Ok(()));
        assert_eq!(check(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", None), Err(SheetError::Pdf));
        assert_eq!(check(b"No.,Key action\n", None), Err(SheetError::NoRows));
        // Cut anywhere, the verdict is read_sheet's.
        for cut in (0..xlsx.len()).step_by(xlsx.len() / 20) {
            assert_eq!(check(&xlsx[..cut], None), read_sheet(&xlsx[..cut], None).map(drop), "cut at {cut}");
        }
    }
}
