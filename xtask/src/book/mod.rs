//! `cargo xtask book`: the pages as an mdBook, with the workspace's rustdoc inside it, and
//! a check of the built book in a real browser.
//!
//! The build stages the book's source from the pages (never changing them, so they read on a
//! forge as before), runs the pinned mdBook on it, copies rustdoc's output in under `api/`
//! and writes the source pages that links to other repository files need. Rewriting happens
//! on the staged Markdown rather than as an mdBook preprocessor or on the HTML: a staging pass
//! is plain Rust over strings, tested without mdBook, and independent of mdBook's
//! preprocessor protocol (which changed in 0.5); on Markdown, mdBook's search index and print
//! page see the result too, which an HTML pass after the build would miss.
//!
//! # Layout
//!
//! - [`tools`]: the pinned mdBook, installed on first use; where Chromium and Node are.
//! - [`chapters`]: which files are chapters, in the reading path's order, and `SUMMARY.md`.
//! - [`stage`]: the staged pages.
//! - [`runs`]: outputs with wildcards (console, Python) shown from a real run, marked.
//! - [`pairs`]: `<!-- side-by-side -->` groups into two-column `<div>`s.
//! - [`links`]: the pages' repository links, sent to chapters, rustdoc or source pages.
//! - [`source_page`]: the HTML view of a repository file rustdoc does not show.
//! - [`browser`]: `--check`, by `book/check/check.mjs` in headless Chromium.
//!
//! The book is read from `file://`, search included (mdBook loads its index by a `<script>`,
//! not by `fetch`), and `--check` reads it so; it needs no server.

pub mod browser;
pub mod chapters;
pub mod links;
pub mod pairs;
pub mod runs;
pub mod source_page;
pub mod stage;
pub mod tools;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cargo;

/// `cargo xtask book [--check]`: builds the book and prints the path of its `index.html`,
/// then checks it in Chromium if asked.
pub fn run(root: &Path, check: bool) -> Result<ExitCode, String> {
    let built = build(root)?;
    println!("{}", built.index().display());
    if check && !browser::check(root, &built)? {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// What a build made.
#[derive(Debug)]
pub struct Built {
    /// The book's directory, `target/book`.
    pub dir: PathBuf,
    /// How many side-by-side groups its chapters have.
    pub groups: usize,
    /// How many console blocks show a real run's values.
    pub runs: usize,
}

impl Built {
    /// The page to open.
    pub fn index(&self) -> PathBuf {
        self.dir.join("index.html")
    }
}

/// Builds the book into `<target>/book`.
pub fn build(root: &Path) -> Result<Built, String> {
    let target = target_dir(root)?;
    let mdbook = tools::mdbook(&target)?;
    rustdoc(root)?;
    let doc_dir = target.join("doc");
    let staged_dir = target.join("book-src");
    recreate(&staged_dir)?;
    fs::copy(root.join("book/book.toml"), staged_dir.join("book.toml"))
        .map_err(|e| format!("cannot copy book/book.toml: {e}"))?;
    copy_dir(&root.join("book/theme"), &staged_dir.join("theme"))?;
    let runs = runs::run(root)?;
    eprintln!(
        "book: {} of {} blocks with wildcards (console, Python output) shown from a run",
        runs.count(),
        runs.with_wildcards
    );
    let staged = stage::write(root, &doc_dir, &staged_dir, &runs)?;

    let dir = target.join("book");
    let status = std::process::Command::new(&mdbook)
        .arg("build")
        .arg(&staged_dir)
        .arg("--dest-dir")
        .arg(&dir)
        .status()
        .map_err(|e| format!("could not run {}: {e}", mdbook.display()))?;
    if !status.success() {
        return Err(format!("mdbook build failed ({status})"));
    }
    // After mdBook, which empties its destination first.
    copy_dir(&doc_dir, &dir.join("api"))?;
    for source in &staged.source_pages {
        let text = fs::read_to_string(root.join(source))
            .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
        let page = dir
            .join("source")
            .join(format!("{}.html", source.display()));
        let depth = source.components().count();
        fs::create_dir_all(page.parent().expect("a page is in a directory"))
            .and_then(|()| {
                let html = source_page::render(&source.display().to_string(), &text, depth);
                fs::write(&page, html)
            })
            .map_err(|e| format!("cannot write {}: {e}", page.display()))?;
    }
    Ok(Built {
        dir,
        groups: staged.groups,
        runs: runs.count(),
    })
}

/// `cargo doc --workspace --no-deps`, as CI runs it, so the book's `api/` is the same docs.
fn rustdoc(root: &Path) -> Result<(), String> {
    let status = cargo::command()
        .current_dir(root)
        .args(["doc", "--workspace", "--no-deps", "--quiet"])
        .status()
        .map_err(|e| format!("could not run cargo doc: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo doc --workspace --no-deps failed ({status})"))
    }
}

/// The workspace's target directory, wherever `CARGO_TARGET_DIR` or a config puts it.
pub fn target_dir(root: &Path) -> Result<PathBuf, String> {
    let output = cargo::command()
        .current_dir(root)
        .args(["metadata", "--no-deps", "--format-version", "1"])
        .output()
        .map_err(|e| format!("could not run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata printed no JSON: {e}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata names no target_directory".to_string())
}

fn recreate(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Copies the tree at `from` to `to`, replacing whatever `to` held.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    recreate(to)?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let (source, dest) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_dir(&source, &dest)?;
        } else {
            fs::copy(&source, &dest).map_err(|e| {
                format!(
                    "cannot copy {} to {}: {e}",
                    source.display(),
                    dest.display()
                )
            })?;
        }
    }
    Ok(())
}
