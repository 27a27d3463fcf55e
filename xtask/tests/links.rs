//! Every relative link of the Markdown a reader opens (README.md, CONTRIBUTING.md, the pages
//! under `docs/` and its contributors' folder, the exercises' pages under `learn/`) goes somewhere: to a file or folder of the
//! repository, and where it has a `#anchor` into Markdown, to a heading of that file, with
//! the anchor GitHub computes for it. The book's own check finds broken links too, but only
//! with Chromium; this one runs on every `cargo test`, and names the file:line and the anchors
//! the target does have.

use std::fs;
use std::path::{Component, Path, PathBuf};

use xtask::markdown::Markdown;

/// The Markdown files whose links are checked, relative to the workspace root.
fn checked_files(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![
        PathBuf::from("README.md"),
        PathBuf::from("CONTRIBUTING.md"),
        PathBuf::from("learn/README.md"),
        PathBuf::from("learn/solutions/README.md"),
    ];
    for dir in ["docs", "docs/contributing"] {
        let mut found: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .map(|path| path.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// Every link destination of a file's prose, with its 1-based line.
fn links(text: &str) -> Vec<(usize, String)> {
    let markdown = Markdown::parse(text);
    let links = markdown.links.iter();
    links
        .map(|link| (link.line + 1, link.dest.to_string()))
        .collect()
}

/// `path` with `.` and `..` resolved, or `None` if it leaves the repository.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(name) => out.push(name),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// What is wrong with one link of `from`, if anything.
fn problem(root: &Path, from: &Path, dest: &str) -> Option<String> {
    if dest.contains("://") || dest.starts_with("mailto:") {
        return None;
    }
    let (path, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let target = if path.is_empty() {
        from.to_path_buf()
    } else {
        match normalize(&from.parent().unwrap_or(Path::new("")).join(path)) {
            Some(target) => target,
            None => return Some(format!("{dest}: leaves the repository")),
        }
    };
    let full = root.join(&target);
    if !full.exists() {
        return Some(format!("{dest}: {} does not exist", target.display()));
    }
    // A folder shows its README.md on a forge, so its anchors are the README's.
    let markdown = if full.is_dir() {
        full.join("README.md")
    } else {
        full.clone()
    };
    let is_line_anchor = fragment.starts_with('L') && fragment[1..].starts_with(char::is_numeric);
    if fragment.is_empty() || is_line_anchor || markdown.extension().is_none_or(|e| e != "md") {
        return None;
    }
    let text = fs::read_to_string(&markdown).unwrap_or_default();
    let known = Markdown::parse(&text).anchors();
    (!known.iter().any(|anchor| anchor == fragment)).then(|| {
        format!(
            "{dest}: {} has no heading with the anchor #{fragment}; its anchors are:\n      {}",
            target.display(),
            known.join("\n      ")
        )
    })
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let root = xtask::workspace_root();
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in checked_files(&root) {
        let text = fs::read_to_string(root.join(&file))
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        for (line, dest) in links(&text) {
            checked += 1;
            if let Some(problem) = problem(&root, &file, &dest) {
                problems.push(format!("{}:{line}: {problem}", file.display()));
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} links found: is the reader broken?"
    );
    assert!(
        problems.is_empty(),
        "these links go nowhere (an anchor is the heading as GitHub spells it: lowercase, \
         punctuation dropped, spaces as `-`):\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn a_missing_file_or_heading_is_reported_and_a_present_one_is_not() {
    let root = xtask::workspace_root();
    let from = Path::new("docs/README.md");
    assert_eq!(problem(&root, from, "typing.md"), None);
    assert_eq!(problem(&root, from, "../README.md#a-reading-path"), None);
    assert_eq!(
        problem(&root, from, "../crates/typing/src/lib.rs#L1-L3"),
        None
    );
    assert_eq!(
        problem(&root, from, "https://doc.rust-lang.org/book/"),
        None
    );
    assert!(problem(&root, from, "nowhere.md").is_some());
    assert!(problem(&root, from, "../README.md#no-such-heading").is_some());
    assert!(problem(&root, from, "#no-such-heading").is_some());
    assert!(problem(&root, from, "../../outside.md").is_some());
}
