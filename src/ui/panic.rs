//! When the app itself fails: log the details, and replace the page with a
//! calm message and a way back, instead of a page that silently stops
//! responding. Data already stored is untouched by a crash.

use wasm_bindgen::JsCast;

const CRASH_PAGE: &str = r#"<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">Something went wrong — your saved work is safe</h1>
<p class="govuk-body">Safer Plan hit a problem it could not recover from. Everything that was saved on this device is still there.</p>
<p class="govuk-body">Reload the app to carry on. If this keeps happening, tell your CSP manager what you were doing when it happened.</p>
<form method="get" action="./"><button type="submit" class="govuk-button" data-module="govuk-button">Reload Safer Plan</button></form>
</main></div>"#;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Safer Plan crashed: {info}").into());
        show_crash_page();
    }));
}

fn show_crash_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(body) = document.body() {
        body.set_inner_html(CRASH_PAGE);
        if let Some(h1) = document.query_selector("h1").ok().flatten()
            && let Ok(h1) = h1.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = h1.set_attribute("tabindex", "-1");
            let _ = h1.focus();
        }
        document.set_title("Something went wrong – Safer Plan");
    }
}
