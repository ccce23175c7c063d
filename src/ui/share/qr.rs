//! QR codes between two tablets in the same room: one shows the exchange
//! file as a looping sequence of codes, the other reads them with its
//! camera (or from photos of the screen). The scanned codes stay in memory
//! until every one is in; the file then goes through the same checks and
//! preview as a file chosen from disk.

use leptos::prelude::*;
use leptos::task::spawn_local;

use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::exchange::qr::{self, Assembly, Drawn, Scanned};

mod capture;
mod reader;

use capture::{capture_photo, capture_video};
use reader::{Read, Reader};

/// How long each code stays up: several camera frames (one is read every
/// 250 ms, in about 25 ms), and the demo partnership's 40 codes go round in
/// 40 seconds.
const SHOW_EACH: Duration = Duration::from_millis(1000);
/// How often a camera frame is looked at.
const SCAN_EVERY: Duration = Duration::from_millis(250);

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
