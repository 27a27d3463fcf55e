//! Checks on the codebase itself, in the manner of rust-analyzer's `tidy`: each failure says
//! which file breaks which house rule and what to do.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    out.extend(files_ending_in(dir, &["rs"]));
}

/// The files under `dir` whose extension is one of `extensions`, sorted.
fn files_ending_in(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        // A build directory is not source: `pip install ./crates/pyideas` leaves one in the
        // crate (maturin builds in the crate's own `target/`).
        if path.is_dir() && entry.file_name() == "target" {
            continue;
        }
        if path.is_dir() {
            files.extend(files_ending_in(&path, extensions));
        } else if path
            .extension()
            .is_some_and(|ext| extensions.iter().any(|wanted| ext == *wanted))
        {
            files.push(path);
        }
    }
    files.sort();
    files
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

// Issue 25: the constants both sides of a bench share are one file that both read.
#[path = "tidy/shared_constants.rs"]
mod shared_constants;

// Issue 13: `unsafe` only in the files named, as the crate docs promise.
#[path = "tidy/unsafe_files.rs"]
mod unsafe_files;

/// STYLE.md: "if a file passes ~300 lines, it probably holds two ideas".
const MAX_LINES: usize = 300;

/// How a file longer than [`MAX_LINES`] says that it holds one idea, which cutting it would
/// only scatter: its first line opens with this, then says the idea, as a module doc would
/// (`//! One idea: runs a demo as a terminal would, ...`). A Python file says it in its
/// docstring (`"""One idea: ...`).
const ONE_IDEA: [&str; 2] = ["//! One idea: ", "\"\"\"One idea: "];

/// Whether `line` says that its file holds one idea.
fn says_one_idea(line: &str) -> bool {
    ONE_IDEA.iter().any(|marker| line.starts_with(marker))
}

#[test]
fn no_source_file_is_over_300_lines_unless_it_holds_one_idea() {
    let root = xtask::workspace_root();
    let mut long = Vec::new();
    let mut misplaced = Vec::new();
    for dir in ["crates", "xtask"] {
        for file in files_ending_in(&root.join(dir), &["rs", "py"]) {
            let text = fs::read_to_string(&file).unwrap_or_default();
            let path = relative(&file);
            let mut lines = text.lines();
            let one_idea = lines.next().is_some_and(says_one_idea);
            if let Some(at) = lines.position(says_one_idea) {
                misplaced.push(format!("{path}:{}", at + 2));
            }
            let count = text.lines().count();
            if count > MAX_LINES && !one_idea {
                long.push(format!("{path}: {count} lines"));
            }
        }
    }
    assert!(
        misplaced.is_empty(),
        "these files say `{}` below their first line, where it counts for nothing:\n  {}\nmake \
         it the file's first line",
        ONE_IDEA[0].trim_end(),
        misplaced.join("\n  ")
    );
    assert!(
        long.is_empty(),
        "these files are over {MAX_LINES} lines:\n  {}\nsplit each by idea: a module per \
         idea, its tests beside it (a folder `name/` with `mod.rs` and one file per part), and \
         the parent's layout section listing the new modules; or, if a file holds one idea \
         that a cut would only scatter, say so on its first line: `{}<the idea>`",
        long.join("\n  "),
        ONE_IDEA[0]
    );
}
