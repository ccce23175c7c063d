//! Images to look for codes in: a camera frame or a photo, drawn on a
//! scratch canvas no larger than a code needs.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Camera frames and photos are shrunk to this many pixels on the longer
/// side: plenty for a code filling part of the view, and quick to search.
const LARGEST_SIDE: f64 = 1000.0;

pub(super) fn capture_video(video: &web_sys::HtmlVideoElement) -> Option<web_sys::ImageData> {
    // HAVE_CURRENT_DATA: a frame is there to draw.
    if video.ready_state() < 2 {
        return None;
    }
    let (w, h) = (f64::from(video.video_width()), f64::from(video.video_height()));
    capture(w, h, |ctx, dw, dh| ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, dw, dh))
}

pub(super) async fn capture_photo(file: &web_sys::File) -> Option<web_sys::ImageData> {
    let window = web_sys::window()?;
    let bitmap = JsFuture::from(window.create_image_bitmap_with_blob(file).ok()?).await.ok()?;
    let bitmap: web_sys::ImageBitmap = bitmap.dyn_into().ok()?;
    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let image = capture(w, h, |ctx, dw, dh| ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, dw, dh));
    bitmap.close();
    image
}

thread_local! {
    static SCRATCH: RefCell<Option<web_sys::HtmlCanvasElement>> = const { RefCell::new(None) };
}

/// One off-page canvas for every frame and photo, rather than a new one
/// four times a second while the camera is on.
fn scratch_canvas() -> Option<web_sys::HtmlCanvasElement> {
    SCRATCH.with(|cell| {
        if cell.borrow().is_none() {
            let made = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
            *cell.borrow_mut() = Some(made);
        }
        cell.borrow().clone()
    })
}

/// Draws a frame or photo, shrunk, onto a scratch canvas and takes its pixels.
fn capture(
    width: f64,
    height: f64,
    draw: impl FnOnce(&web_sys::CanvasRenderingContext2d, f64, f64) -> Result<(), JsValue>,
) -> Option<web_sys::ImageData> {
    if width < 1.0 || height < 1.0 {
        return None;
    }
    let scale = (LARGEST_SIDE / width.max(height)).min(1.0);
    let (w, h) = ((width * scale).round().max(1.0), (height * scale).round().max(1.0));
    let canvas = scratch_canvas()?;
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    draw(&ctx, w, h).ok()?;
    ctx.get_image_data(0.0, 0.0, w, h).ok()
}
