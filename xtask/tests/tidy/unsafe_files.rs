//! `unsafe` only in the files that need it: [`UNSAFE_FILES`] names each with its reason, and
//! the check fails on `unsafe` anywhere else, on a listed file that no longer has any, and on
//! an `unsafe` without its `// SAFETY:` comment.

use std::fs;

use super::{relative, workspace_files};

/// The only files allowed `unsafe`, each for a reason; every other file has none, and every
/// crate without one of them forbids it at its root.
const UNSAFE_FILES: [(&str, &str); 2] = [
    (
        "crates/concurrency/src/multiprocessing/sys.rs",
        "fork, _exit, the shared page, dying with the parent, a task's code address",
    ),
    (
        "crates/concurrency/benches/concurrency/fork_cost.rs",
        "times a bare fork and _exit, without the pool around them",
    ),
];

/// The crates that hold a file of [`UNSAFE_FILES`], under `crates/`.
fn crates_with_unsafe() -> Vec<&'static str> {
    UNSAFE_FILES
        .iter()
        .filter_map(|(file, _)| file.strip_prefix("crates/")?.split('/').next())
        .collect()
}

/// Spelled apart so that this file does not trip its own check.
const UNSAFE: &str = concat!("un", "safe");

/// Whether a line of code opens an `unsafe` block, function or impl.
fn opens_unsafe(code: &str) -> bool {
    code.match_indices(UNSAFE).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let is_word_start = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let next = code[at + UNSAFE.len()..]
            .split_whitespace()
            .next()
            .unwrap_or_default();
        is_word_start && (next.starts_with('{') || next == "fn" || next == "impl")
    })
}

#[test]
fn unsafe_is_found_as_a_keyword_only() {
    assert!(opens_unsafe(&format!(
        "    let pid = {UNSAFE} {{ fork() }};"
    )));
    assert!(opens_unsafe(&format!("pub {UNSAFE} fn f() {{}}")));
    assert!(!opens_unsafe(&format!("if !opens_{UNSAFE} {{")));
    assert!(!opens_unsafe(&format!("#![forbid({UNSAFE}_code)]")));
}

#[test]
fn unsafe_code_is_only_in_the_files_that_need_it() {
    let root = xtask::workspace_root();
    let allowed: Vec<&str> = UNSAFE_FILES.iter().map(|(file, _)| *file).collect();
    let listed = UNSAFE_FILES
        .iter()
        .map(|(file, reason)| format!("{file} ({reason})"))
        .collect::<Vec<_>>()
        .join(", ");
    let may_hold_unsafe = crates_with_unsafe();
    let mut problems = Vec::new();
    let mut used = Vec::new();
    for file in workspace_files() {
        let text = fs::read_to_string(&file).unwrap_or_default();
        let path = relative(&file);
        let krate = file
            .strip_prefix(root.join("crates"))
            .ok()
            .and_then(|rest| rest.iter().next())
            .map(|name| name.to_string_lossy().into_owned());
        let crate_may_hold_unsafe = krate
            .as_deref()
            .is_some_and(|krate| may_hold_unsafe.contains(&krate));
        let is_crate_root = file.ends_with("src/lib.rs") || file.ends_with("src/main.rs");
        if is_crate_root && !crate_may_hold_unsafe && !text.contains("#![forbid(unsafe_code)]") {
            problems.push(format!(
                "{path}: add `#![forbid(unsafe_code)]` (only these files may use `unsafe`: \
                 {listed})"
            ));
        }
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if !opens_unsafe(code) {
                continue;
            }
            if allowed.contains(&path.as_str()) {
                used.push(path.clone());
            } else {
                problems.push(format!(
                    "{path}:{}: `unsafe` outside the files that need it; move it into one of \
                     {listed}; or add this file to UNSAFE_FILES in xtask/tests/tidy.rs with \
                     the reason (and say so in its crate's docs)",
                    number + 1
                ));
            }
            // The comment block right above the line, or the line itself, must say why.
            let comment_above = text
                .lines()
                .take(number)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .take_while(|line| line.trim_start().starts_with("//"))
                .any(|line| line.contains("SAFETY:") || line.contains("# Safety"));
            let justified = comment_above || line.contains("SAFETY:");
            if !justified {
                problems.push(format!(
                    "{}:{}: `unsafe` without a `// SAFETY:` comment stating why it is sound",
                    relative(&file),
                    number + 1
                ));
            }
        }
    }
    for file in allowed {
        if !used.iter().any(|path| path == file) {
            problems.push(format!(
                "{file}: listed in UNSAFE_FILES (xtask/tests/tidy.rs) but has no `unsafe`: \
                 take it off the list"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
