//! Reads a QR code from a camera frame or photo. It runs in its own Web
//! Worker with its own wasm file, which Safer Plan loads only when someone
//! scans codes from another tablet: the reader is as large as a fifth of the
//! app, and searching frames for codes off the page's thread keeps the
//! camera view and buttons responsive. A reader that crashes on a strange
//! image takes down the worker, never the app.

/// Reads a QR code from a grey image (one byte a pixel, row by row), or
/// `None` if there is none to read in it.
pub fn read(luma: Vec<u8>, width: u32, height: u32) -> Option<String> {
    if width == 0 || height == 0 || luma.len() != (width as usize) * (height as usize) {
        return None;
    }
    rxing::helpers::detect_in_luma(luma, width, height, Some(rxing::BarcodeFormat::QR_CODE))
        .ok()
        .map(|found| found.getText().to_string())
}

/// Reads a QR code from the red, green, blue, alpha pixels a canvas gives.
pub fn read_rgba(rgba: &[u8], width: u32, height: u32) -> Option<String> {
    read(rgba_to_luma(rgba), width, height)
}

/// Turns canvas pixels into grey, as the reader wants them (ITU-R BT.601
/// weights, in whole numbers).
pub fn rgba_to_luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_or_odd_image_reads_as_nothing() {
        assert_eq!(read(vec![255; 100 * 100], 100, 100), None);
        assert_eq!(read(vec![0; 10], 100, 100), None);
        assert_eq!(read(Vec::new(), 0, 0), None);
        assert_eq!(read_rgba(&[0; 7], 1, 2), None);
    }

    #[test]
    fn canvas_pixels_turn_grey() {
        assert_eq!(rgba_to_luma(&[255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]), vec![255, 0, 76]);
    }
}
