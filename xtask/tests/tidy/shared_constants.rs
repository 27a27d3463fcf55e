//! A topic whose benches have both sides keeps the sizes and counts they share in one file,
//! `crates/<topic>/benches/shared.json`, which both read (`measure::shared::read` in Rust,
//! `measure.shared(__file__)` in Python): equal by construction, not by comparison.
//!
//! What is left to check is that the file is there and that neither side leaves a key of it
//! unread: a Rust bench reads the file into a type whose fields are the keys (`key:`), a Python
//! bench by the key in quotes (`["key"]`).

use std::fs;
use std::path::Path;

use serde_json::Value;

/// Every object key in `value`, nested ones too.
fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                out.push(key.clone());
                keys(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| keys(item, out)),
        _ => {}
    }
}

fn text_of(files: &[std::path::PathBuf]) -> String {
    files
        .iter()
        .map(|file| fs::read_to_string(file).unwrap_or_default())
        .collect()
}

/// What is wrong with one topic's `benches/`, if it has both sides.
fn problems(benches: &Path) -> Vec<String> {
    let rust = super::files_ending_in(benches, &["rs"]);
    let python = super::files_ending_in(benches, &["py"]);
    if rust.is_empty() || python.is_empty() {
        return Vec::new();
    }
    let file = benches.join("shared.json");
    let shown = super::relative(&file);
    let Ok(text) = fs::read_to_string(&file) else {
        return vec![format!(
            "{shown} is missing: put the sizes and counts both sides use there, and read it \
             with `measure::shared::read(include_str!(..))` and `measure.shared(__file__)`"
        )];
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) => return vec![format!("{shown} is not JSON: {e}")],
    };
    let (rust, python) = (text_of(&rust), text_of(&python));
    let mut problems = Vec::new();
    if !rust.contains("shared.json\")") {
        problems.push(format!(
            "{shown}: no Rust bench includes it (`include_str!(\"..shared.json\")`)"
        ));
    }
    if !python.contains("measure.shared(__file__)") {
        problems.push(format!(
            "{shown}: no Python bench reads it (`measure.shared(__file__)`)"
        ));
    }
    let mut all = Vec::new();
    keys(&value, &mut all);
    for key in all {
        if !rust.contains(&format!("{key}:")) {
            problems.push(format!(
                "{shown}: `{key}` is not a field of the Rust bench's type"
            ));
        }
        if !python.contains(&format!("\"{key}\"")) {
            problems.push(format!("{shown}: the Python bench never reads `\"{key}\"`"));
        }
    }
    problems
}

#[test]
fn benches_read_the_constants_they_share_from_one_file() {
    let root = xtask::workspace_root();
    let mut all = Vec::new();
    let mut topics: Vec<_> = fs::read_dir(root.join("crates"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|topic| topic.path().join("benches"))
        .filter(|dir| dir.is_dir())
        .collect();
    topics.sort();
    assert!(!topics.is_empty(), "no crates/<topic>/benches/ found");
    for benches in topics {
        all.extend(problems(&benches));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}
