//! The layers `ARCHITECTURE.md` draws, checked: a module may use only the
//! modules below it. The crate boundary already keeps every browser type out
//! of this crate; this keeps the order inside it, which one crate cannot
//! make the compiler check. Test code (a `tests.rs` or `tests/` file, or
//! what follows `#[cfg(test)]` in a file) may use any layer, as the demo
//! partnership is the usual fixture.

use std::path::{Path, PathBuf};

/// From the inside out; each may use those before it.
const LAYERS: [&str; 7] = ["model", "doc", "demo", "report", "exchange", "spreadsheet", "nav"];

/// Layers that sit side by side: neither may use the other.
const SIDE_BY_SIDE: [(&str, &str); 1] = [("exchange", "spreadsheet")];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
            out.push(path);
        }
    }
}

/// The layers a piece of non-test code names through `crate::<layer>`,
/// including inside a group such as `crate::{doc::Stamp, report::cover}`.
fn used_layers(code: &str) -> Vec<&'static str> {
    let mut names: Vec<String> = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level items, up to its matching brace.
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => names.push(std::mem::take(&mut item)),
                    _ if depth == 0 => item.push(c),
                    _ => {}
                }
            }
            names.push(item);
        } else {
            names.push(rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    LAYERS.iter().copied().filter(|layer| names.iter().any(|n| n.trim().split("::").next() == Some(*layer))).collect()
}

#[test]
fn grouped_and_nested_uses_are_seen() {
    assert_eq!(used_layers("use crate::{doc::Stamp, report::{cover, annual}};"), ["doc", "report"]);
    assert_eq!(used_layers("let x = crate::spreadsheet::read(y);"), ["spreadsheet"]);
    assert_eq!(used_layers("use crate::model::Date;"), ["model"]);
    assert!(used_layers("use super::report;").is_empty());
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for (rank, layer) in LAYERS.iter().enumerate() {
        let mut files = Vec::new();
        let single = root.join(format!("{layer}.rs"));
        if single.exists() {
            files.push(single);
        }
        if root.join(layer).is_dir() {
            sources(&root.join(layer), &mut files);
        }
        assert!(!files.is_empty(), "no source for the {layer} layer");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable source");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: String =
                code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            for used in used_layers(&code) {
                let used_rank = LAYERS.iter().position(|l| *l == used).unwrap_or(usize::MAX);
                let beside =
                    SIDE_BY_SIDE.iter().any(|(a, b)| (*a == *layer && *b == used) || (*b == *layer && *a == used));
                if used != *layer && (used_rank > rank || beside) {
                    problems
                        .push(format!("{} uses crate::{used}", file.strip_prefix(&root).unwrap_or(&file).display()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "modules reaching upwards:\n{}", problems.join("\n"));
}
