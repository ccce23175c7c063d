//! What every printed page of a paper carries: the partnership's name and
//! the report's title in a running footer beside the page number.
//!
//! Chromium prints CSS paged-media margin boxes (`@page { @bottom-left
//! {…} }`, since version 131) but cannot take their text from the page
//! (`string-set` is not supported), so the footer's words are written into
//! a small stylesheet the report page carries while it is shown. The
//! page numbers themselves are plain CSS in `style/_app.scss`.

/// A stylesheet putting `text` in the bottom-left margin box of every
/// printed page, e.g. "Luton Community Safety Partnership – Business plan
/// 2019-20". The text is escaped as a CSS string, so a name holding quotes,
/// backslashes or braces cannot break out of it.
pub fn running_footer_css(text: &str) -> String {
    format!("@media print {{ @page {{ @bottom-left {{ content: {}; }} }} }}", css_string(text))
}

/// `text` as a double-quoted CSS string: quotes, backslashes and control
/// characters as hexadecimal escapes (with the space that ends an escape),
/// everything else as it is.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => out.push_str(&format!("\\{:X} ", u32::from(c))),
            c if c.is_control() => out.push_str("\\20 "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_names_the_partnership_and_cannot_be_broken_out_of() {
        assert_eq!(
            running_footer_css("Luton CSP \u{2013} Business plan 2019-20"),
            "@media print { @page { @bottom-left { content: \"Luton CSP \u{2013} Business plan 2019-20\"; } } }"
        );
        assert_eq!(css_string(r#"A "B" \ C"#), r#""A \22 B\22  \5C  C""#);
        assert_eq!(css_string("two\nlines; } body { display: none"), "\"two\\20 lines; } body { display: none\"");
    }
}
