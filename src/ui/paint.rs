//! Work the browser should do after it has painted, so that a page's first
//! draw is not held up by something slower it starts (the Share page has
//! the file worker keep the open partnership this way).

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `work` in a task of its own once the next frame is on screen.
///
/// A frame callback runs just before the browser paints; a timer set from
/// it runs after that paint (HTML's event loop: the rendering steps end the
/// task that ran the frame callbacks). So what `work` changes is drawn in
/// the frame after, and the frame the person is waiting for (the page they
/// opened) does not wait for it.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}
