//! Zip packages (XLSX and ODS are both zip files of XML): what kind of
//! document is inside, checked before any part is unpacked, and the parts
//! read with a size bound so a small file cannot unpack into gigabytes.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::spreadsheet::SheetError;

/// The most all the parts of a package may unpack to, as the package
/// declares it (the zip reader stops at the declared size). A 10,000-row
/// tracker unpacks to about 20 MB.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

pub type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// What a zip package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Ods,
}

/// Opens a package, checks it is a workbook this can read, and that its
/// parts unpack to no more than [`MAX_UNPACKED_BYTES`].
pub fn open(bytes: &[u8]) -> Result<(Archive<'_>, Kind), SheetError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| SheetError::DamagedWorkbook(e.to_string()))?;
    let mut unpacked: u64 = 0;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|e| SheetError::DamagedWorkbook(e.to_string()))?;
        unpacked = unpacked.saturating_add(entry.size());
        names.push(entry.name().map(|n| n.to_string()).unwrap_or_default());
    }
    let has = |name: &str| names.iter().any(|n| n == name);
    let kind = if has("xl/workbook.bin") {
        return Err(SheetError::BinaryWorkbook);
    } else if names.iter().any(|n| n.starts_with("xl/")) {
        Kind::Xlsx
    } else if has("content.xml") {
        let mimetype = read_part(&mut archive, "mimetype", 200)?.unwrap_or_default();
        if mimetype.starts_with(b"application/vnd.oasis.opendocument.spreadsheet") {
            Kind::Ods
        } else if mimetype.starts_with(b"application/vnd.oasis.opendocument.text") {
            return Err(SheetError::WordDocument);
        } else {
            return Err(SheetError::NotAWorkbook);
        }
    } else if names.iter().any(|n| n.starts_with("word/")) {
        return Err(SheetError::WordDocument);
    } else {
        return Err(SheetError::NotAWorkbook);
    };
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(SheetError::TooMuchInside { unpacked_mb: unpacked.div_ceil(1024 * 1024) });
    }
    Ok((archive, kind))
}

/// One part of the package, if it is there, read up to `limit` bytes.
pub fn read_part(archive: &mut Archive<'_>, name: &str, limit: u64) -> Result<Option<Vec<u8>>, SheetError> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(SheetError::DamagedWorkbook(e.to_string())),
    };
    let mut out = Vec::with_capacity(part.size().min(limit) as usize);
    part.take(limit).read_to_end(&mut out).map_err(|e| SheetError::DamagedWorkbook(e.to_string()))?;
    Ok(Some(out))
}
