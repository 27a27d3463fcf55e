//! Checks on the codebase itself, in the manner of rust-analyzer's `tidy`: each failure says
//! which file breaks which house rule and what to do.

use std::fs;
use std::path::{Path, PathBuf};

/// The crates allowed to use `unsafe`, because they call `fork`; every other crate forbids it.
const FORK_CRATES: [&str; 1] = ["concurrency"];

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

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn workspace_files() -> Vec<PathBuf> {
    let root = xtask::workspace_root();
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    rust_files(&root.join("xtask"), &mut files);
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(xtask::workspace_root())
        .unwrap_or(path)
        .display()
        .to_string()
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
fn every_rust_file_starts_with_a_module_doc() {
    let missing: Vec<String> = workspace_files()
        .into_iter()
        .filter(|path| {
            let text = fs::read_to_string(path).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|path| relative(&path))
        .collect();
    assert!(
        missing.is_empty(),
        "these files do not open with a `//!` line saying what the module is for:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn unsafe_code_is_forbidden_outside_the_crates_that_fork() {
    let root = xtask::workspace_root();
    let mut problems = Vec::new();
    for file in workspace_files() {
        let text = fs::read_to_string(&file).unwrap_or_default();
        let krate = file
            .strip_prefix(root.join("crates"))
            .ok()
            .and_then(|rest| rest.iter().next())
            .map(|name| name.to_string_lossy().into_owned());
        let may_fork = krate
            .as_deref()
            .is_some_and(|krate| FORK_CRATES.contains(&krate));
        let is_crate_root = file.ends_with("src/lib.rs") || file.ends_with("src/main.rs");
        if is_crate_root && !may_fork && !text.contains("#![forbid(unsafe_code)]") {
            problems.push(format!(
                "{}: add `#![forbid(unsafe_code)]` (only {FORK_CRATES:?} may fork)",
                relative(&file)
            ));
        }
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if !opens_unsafe(code) {
                continue;
            }
            if !may_fork {
                problems.push(format!(
                    "{}:{}: `unsafe` outside the crates that fork",
                    relative(&file),
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
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A page gate (issue 11): every ```` ```rust ```` block on a page is an excerpt of the real
/// source, never code typed by hand beside it.
#[test]
fn every_rust_block_on_a_page_is_an_excerpt() {
    let root = xtask::workspace_root();
    let mut problems = Vec::new();
    for page in xtask::page::read_pages(&root).expect("docs/ is readable") {
        let Ok(fences) = &page.fences else {
            continue; // A malformed page fails its `<topic>::documented` trial.
        };
        for fence in fences.iter().filter(|fence| fence.is_rust()) {
            let marked = fence
                .comment
                .as_deref()
                .and_then(xtask::kind::excerpt::marker)
                .is_some();
            if !marked {
                problems.push(format!("{}:{}", page.path.display(), fence.line));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "these ```rust blocks are not excerpts of the source:\n  {}\nmake each one an excerpt: put `// ANCHOR: <region>` and `// ANCHOR_END: <region>` around the code in its source file, write `<!-- excerpt: crates/<crate>/src/<file>.rs#<region> -->` on the line right above the fence, then `cargo xtask bless <topic>` (see docs/contributing/checked-pages.md, \"Rust code on a page\")",
        problems.join("\n  ")
    );
}
