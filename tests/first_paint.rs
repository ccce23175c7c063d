//! `index.html` paints the start page before the app's wasm arrives (see
//! `src/ui/shell.rs`). These native checks catch the two ways it can drift
//! from the app without a browser: reading a different localStorage key
//! from the one the app writes its list of partnerships under, and showing
//! an older demo note. `tests/e2e/first-paint.spec.ts` compares the whole
//! page, word for word and box for box, in Chromium.

const INDEX: &str = include_str!("../index.html");
const SETTINGS: &str = include_str!("../src/storage/settings.rs");

/// The value of `const <name>: &str = "...";` in `src/storage/settings.rs`.
fn settings_key(name: &str) -> Option<&'static str> {
    let prefix = format!("const {name}: &str = \"");
    SETTINGS.lines().find_map(|line| line.strip_prefix(prefix.as_str())?.strip_suffix("\";"))
}

#[test]
fn the_first_paint_reads_the_list_of_partnerships_where_the_app_keeps_it() {
    let key = settings_key("CATALOG");
    assert_eq!(key, Some("safer-plan.workspaces"));
    let read = format!("localStorage.getItem('{}')", key.unwrap_or_default());
    assert!(INDEX.contains(&read), "index.html should read the partnerships with {read}");
}

#[test]
fn the_first_paint_shows_the_demo_note_the_app_shows() {
    assert!(
        INDEX.contains(&format!("<p class=\"govuk-body\">{}</p>", safer_plan::demo::DEMO_NOTE)),
        "index.html's start page should end with the demo note from core/src/demo/mod.rs"
    );
}
