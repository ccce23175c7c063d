//! QR codes between two tablets in the same room: one shows the exchange
//! file as a looping sequence of codes, the other reads them with its
//! camera (or from photos of the screen). The scanned codes stay in memory
//! until every one is in; the file then goes through the same checks and
//! preview as a file chosen from disk.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::exchange::qr::{self, Assembly, Drawn, Scanned};

/// How long each code stays up: several camera frames (one is read every
/// 250 ms, in about 25 ms), and the demo partnership's 40 codes go round in
/// 40 seconds.
const SHOW_EACH: Duration = Duration::from_millis(1000);
/// How often a camera frame is looked at.
const SCAN_EVERY: Duration = Duration::from_millis(250);
/// Camera frames and photos are shrunk to this many pixels on the longer
/// side: plenty for a code filling part of the view, and quick to search.
const LARGEST_SIDE: f64 = 1000.0;

/// The codes of one file (drawn by the file worker), shown one after another and round again until
/// the person closes them. Pausing (WCAG 2.2.2) lets a reader catch up on
/// one code with Previous and Next.
#[component]
pub fn QrSequence(codes: Vec<Option<Drawn>>, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let total = codes.len();
    // Each code's side (with its quiet zone) and SVG path, painted from the
    // modules the file worker drew, once: the sequence goes round many times.
    let drawn: Vec<Option<(usize, String)>> =
        codes.iter().map(|c| c.as_ref().map(|d| (d.width + 8, d.svg_path()))).collect();
    let shown = RwSignal::new(0usize);
    let playing = RwSignal::new(total > 1);
    let timer = set_interval_with_handle(
        move || {
            if playing.get_untracked() {
                shown.update(|i| *i = (*i + 1) % total.max(1));
            }
        },
        SHOW_EACH,
    )
    .ok();
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    let step = move |by: isize| {
        playing.set(false);
        shown.update(|i| *i = (*i as isize + by).rem_euclid(total.max(1) as isize) as usize);
    };
    let picture = move || {
        let i = shown.get();
        match drawn.get(i).cloned().flatten() {
            Some((side, path)) => view! {
                <svg
                    class="app-qr__code"
                    viewBox=format!("0 0 {side} {side}")
                    role="img"
                    aria-labelledby="qr-caption"
                    shape-rendering="crispEdges"
                >
                    <rect width=side height=side fill="#fff" />
                    <path d=path fill="#000" />
                </svg>
            }
            .into_any(),
            _ => view! { <p class="govuk-error-message">"This code could not be drawn. Send the file instead."</p> }
                .into_any(),
        }
    };
    view! {
        <div class="app-qr">
            <h3 class="govuk-heading-s">"Scan these codes with the other tablet"</h3>
            <p class="govuk-body">
                "On the other tablet, open Share with partners and choose \u{201c}Scan codes with the camera\u{201d}. "
                "Hold it so each code fills most of its screen. The codes change by themselves and go round again until the other tablet has them all."
            </p>
            <figure class="app-qr__figure">
                {picture} <figcaption class="govuk-body govuk-!-font-weight-bold" id="qr-caption">
                    {move || format!("Code {} of {total}", shown.get() + 1)}
                </figcaption>
            </figure>
            <div class="govuk-button-group">
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| step(-1)>
                    "Previous code"
                </button>
                <button
                    type="button"
                    class="govuk-button govuk-button--secondary"
                    on:click=move |_| playing.update(|p| *p = !*p)
                >
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| step(1)>
                    "Next code"
                </button>
                <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| on_close()>
                    "Stop showing codes"
                </button>
            </div>
        </div>
    }
}

/// What the reader last made of a code, for the person holding the tablet.
#[derive(Clone, PartialEq)]
enum Notice {
    None,
    Problem(String),
}

/// Reads a sequence of codes and hands over the file once all are in.
#[component]
pub fn QrScanner(on_file: impl Fn(Vec<u8>) + Copy + Send + Sync + 'static) -> impl IntoView {
    let assembly = StoredValue::new_local(Assembly::new());
    let progress = RwSignal::new(None::<(usize, usize, Vec<usize>)>);
    let notice = RwSignal::new(Notice::None);
    let camera_on = RwSignal::new(false);
    let camera = StoredValue::new_local(None::<(web_sys::MediaStream, IntervalHandle)>);
    let video_ref = NodeRef::<leptos::html::Video>::new();
    let reader = StoredValue::new_local(None::<Rc<Reader>>);

    let stop_camera = move || {
        if let Some((stream, timer)) = camera.try_update_value(Option::take).flatten() {
            timer.clear();
            for track in stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                    track.stop();
                }
            }
        }
        camera_on.set(false);
    };
    on_cleanup(stop_camera);

    let reset = move || {
        assembly.set_value(Assembly::new());
        progress.set(None);
        notice.set(Notice::None);
    };

    // Takes in one code's text; once the set is complete, hands the file on.
    let take = move |text: String| {
        let result = assembly.try_update_value(|a| a.add(&text));
        match result {
            Some(Ok(Scanned::New)) => notice.set(Notice::None),
            Some(Ok(Scanned::Again)) | None => return,
            Some(Err(e)) => {
                notice.set(Notice::Problem(e.to_string()));
                return;
            }
        }
        let (scanned, total, missing, file) = assembly.with_value(|a| {
            let file = if a.is_complete() { Some(a.finish()) } else { None };
            (a.scanned(), a.total().unwrap_or(0), a.missing(), file)
        });
        progress.set(Some((scanned, total, missing)));
        match file {
            Some(Ok(bytes)) => {
                stop_camera();
                reset();
                on_file(bytes);
            }
            Some(Err(e)) => {
                // Every code in but they do not fit: start over rather
                // than open something half right.
                reset();
                notice.set(Notice::Problem(e.to_string()));
            }
            None => {}
        }
    };

    // Reads one image in the worker, starting it on first use and again
    // after it stopped.
    let read = move |image: web_sys::ImageData| async move {
        let running = reader.get_value().or_else(|| {
            let started = Rc::new(Reader::start()?);
            reader.set_value(Some(started.clone()));
            Some(started)
        });
        let Some(running) = running else { return Read::Failed };
        let result = running.read(&image).await;
        if matches!(result, Read::Failed) {
            reader.set_value(None);
        }
        result
    };
    let busy = move || reader.with_value(|r| r.as_ref().is_some_and(|r| r.busy()));

    let handle = move |result: Read, photo: Option<String>| match result {
        Read::Found(text) => take(text),
        Read::Nothing => {
            if let Some(name) = photo {
                notice.set(Notice::Problem(format!(
                    "No QR code could be read in {name}. Take the photo again, closer and without glare."
                )));
            }
        }
        Read::Busy => {}
        Read::Failed => notice.set(Notice::Problem(
            "The QR code reader stopped. Try again; if it keeps stopping, send the file by email or USB stick instead."
                .into(),
        )),
    };

    let start_camera = move |_| {
        notice.set(Notice::None);
        spawn_local(async move {
            match open_camera().await {
                Ok(stream) => {
                    let Some(video) = video_ref.get_untracked() else { return };
                    video.set_src_object(Some(&stream));
                    let _ = video.play();
                    let timer = set_interval_with_handle(
                        move || {
                            if busy() {
                                return;
                            }
                            if let Some(image) = video_ref.get_untracked().and_then(|v| capture_video(&v)) {
                                spawn_local(async move { handle(read(image).await, None) });
                            }
                        },
                        SCAN_EVERY,
                    );
                    match timer {
                        Ok(timer) => {
                            camera.set_value(Some((stream, timer)));
                            camera_on.set(true);
                        }
                        Err(_) => {
                            notice.set(Notice::Problem("The camera could not be read. Try the photos instead.".into()))
                        }
                    }
                }
                Err(message) => notice.set(Notice::Problem(message)),
            }
        });
    };

    let read_photos = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(files) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        input.set_value("");
        // One reader for both: the camera would take turns with the photos.
        stop_camera();
        notice.set(Notice::None);
        spawn_local(async move {
            for file in files {
                let result = match capture_photo(&file).await {
                    Some(image) => read(image).await,
                    None => Read::Nothing,
                };
                handle(result, Some(file.name()));
            }
        });
    };

    view! {
        <h3 class="govuk-heading-s">"Scan codes from another tablet"</h3>
        <p class="govuk-body">
            "When there is no shared drive, the other tablet can show its file as QR codes on its Share page. "
            "Nothing is opened until every code is scanned, and you see what would change before anything is saved."
        </p>
        <div class="govuk-button-group">
            <Show
                when=move || camera_on.get()
                fallback=move || {
                    view! {
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=start_camera>
                            "Scan codes with the camera"
                        </button>
                    }
                }
            >
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| stop_camera()>
                    "Stop the camera"
                </button>
            </Show>
            <Show when=move || progress.with(Option::is_some)>
                <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| reset()>
                    "Start the codes again"
                </button>
            </Show>
        </div>
        <video
            class="app-qr__camera"
            node_ref=video_ref
            muted=true
            playsinline=true
            hidden=move || !camera_on.get()
            aria-label="Camera view"
        ></video>
        <div class="govuk-form-group">
            <label class="govuk-label" for="qr-photos">
                "Or choose photos of the codes"
            </label>
            <div class="govuk-hint" id="qr-photos-hint">
                "One code in each photo, in any order."
            </div>
            <input
                class="govuk-file-upload"
                id="qr-photos"
                type="file"
                accept="image/*"
                multiple=true
                aria-describedby="qr-photos-hint"
                on:change=read_photos
            />
        </div>
        <div id="qr-progress" role="status" aria-live="polite">
            {move || {
                progress
                    .get()
                    .map(|(scanned, total, missing)| {
                        view! {
                            <p class="govuk-body govuk-!-font-weight-bold">
                                {format!("{scanned} of {total} codes scanned")}
                            </p>
                            {(!missing.is_empty())
                                .then(|| view! { <p class="govuk-body">{qr::still_needed(&missing)}</p> })}
                        }
                    })
            }}
        </div>
        <div id="qr-notice" role="alert">
            {move || match notice.get() {
                Notice::Problem(message) => Some(view! { <p class="govuk-error-message">{message}</p> }),
                Notice::None => None,
            }}
        </div>
    }
}

/// Asks for the back camera; the message says what to do if it cannot.
async fn open_camera() -> Result<web_sys::MediaStream, String> {
    let unavailable =
        || "This device has no camera Safer Plan can use. Choose photos of the codes instead.".to_string();
    let devices = web_sys::window().and_then(|w| w.navigator().media_devices().ok()).ok_or_else(unavailable)?;
    let video = js_sys::Object::new();
    let facing = js_sys::Object::new();
    js_sys::Reflect::set(&facing, &"ideal".into(), &"environment".into()).map_err(|_| unavailable())?;
    js_sys::Reflect::set(&video, &"facingMode".into(), &facing).map_err(|_| unavailable())?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&video);
    let asked = devices.get_user_media_with_constraints(&constraints).map_err(|_| unavailable())?;
    match JsFuture::from(asked).await {
        Ok(stream) => stream.dyn_into::<web_sys::MediaStream>().map_err(|_| unavailable()),
        Err(e) => Err(match e.dyn_ref::<web_sys::DomException>().map(|e| e.name()).as_deref() {
            Some("NotAllowedError") => {
                "Safer Plan was not allowed to use the camera. Allow it in the browser's site settings, or choose photos of the codes instead.".into()
            }
            _ => unavailable(),
        }),
    }
}

/// The worker that reads codes (`public/qr-worker.js` with the qr-reader
/// wasm), started on first use. One image is read at a time.
struct Reader {
    worker: web_sys::Worker,
    answer: Rc<RefCell<Option<js_sys::Function>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// What the reader made of one image.
enum Read {
    Found(String),
    Nothing,
    /// Still reading the previous image: a camera frame is skipped.
    Busy,
    /// The worker could not start or stopped on the image.
    Failed,
}

impl Reader {
    fn start() -> Option<Reader> {
        let worker = web_sys::Worker::new("./qr-worker.js").ok()?;
        let answer = Rc::new(RefCell::new(None::<js_sys::Function>));
        let reply = move |answer: &Rc<RefCell<Option<js_sys::Function>>>, data: &JsValue| {
            if let Some(resolve) = answer.borrow_mut().take() {
                let _ = resolve.call1(&JsValue::NULL, data);
            }
        };
        let on_message = {
            let answer = answer.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                reply(&answer, &ev.data())
            })
        };
        let on_error = {
            let answer = answer.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| reply(&answer, &JsValue::UNDEFINED))
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Reader { worker, answer, _on_message: on_message, _on_error: on_error })
    }

    fn busy(&self) -> bool {
        self.answer.borrow().is_some()
    }

    async fn read(&self, image: &web_sys::ImageData) -> Read {
        if self.busy() {
            return Read::Busy;
        }
        let answer = self.answer.clone();
        let promise = js_sys::Promise::new(&mut |resolve, _| *answer.borrow_mut() = Some(resolve));
        let message = js_sys::Object::new();
        if js_sys::Reflect::set(&message, &"image".into(), image).is_err()
            || self.worker.post_message(&message).is_err()
        {
            self.answer.borrow_mut().take();
            return Read::Failed;
        }
        let Ok(data) = JsFuture::from(promise).await else { return Read::Failed };
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if !data.is_object() || !field("failed").is_undefined() {
            return Read::Failed;
        }
        field("text").as_string().map_or(Read::Nothing, Read::Found)
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn capture_video(video: &web_sys::HtmlVideoElement) -> Option<web_sys::ImageData> {
    // HAVE_CURRENT_DATA: a frame is there to draw.
    if video.ready_state() < 2 {
        return None;
    }
    let (w, h) = (f64::from(video.video_width()), f64::from(video.video_height()));
    capture(w, h, |ctx, dw, dh| ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, dw, dh))
}

async fn capture_photo(file: &web_sys::File) -> Option<web_sys::ImageData> {
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
