//! Every relative link of the Markdown a reader opens (README.md, CONTRIBUTING.md, the pages
//! under `docs/` and its contributors' folder, the exercises' pages under `learn/`) goes somewhere: to a file or folder of the
//! repository, and where it has a `#anchor` into Markdown, to a heading of that file, with
//! the anchor GitHub computes for it. The book's own check finds broken links too, but only
//! with Chromium; this one runs on every `cargo test`, and names the file:line and the anchors
//! the target does have.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use xtask::book::markdown::{self, Line};

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

/// The anchor GitHub gives a heading: its text lowercased, every character that is not a
/// letter, a digit, a space, `-` or `_` dropped (backticks and punctuation go, so
/// `` `Option<T>` parameters `` is `optiont-parameters`), each space a `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// A heading's text as rendered: a link's text stays, its destination goes.
fn heading_text(heading: &str) -> String {
    let mut out = String::new();
    let mut rest = heading;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .split_once(')')
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out.replace('[', "")
}

/// The anchors of a Markdown file's headings outside code, a repeated one with `-1`, `-2`…
/// as GitHub numbers them.
fn anchors(text: &str) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (line, kind) in markdown::lines(text) {
        if kind != Line::Text {
            continue;
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(&heading_text(&line[hashes..]));
        let count = seen.entry(base.clone()).or_default();
        out.push(match *count {
            0 => base.clone(),
            n => format!("{base}-{n}"),
        });
        *count += 1;
    }
    out
}

/// Every link destination of a file's prose, with its line number.
fn links(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (index, (line, kind)) in markdown::lines(text).into_iter().enumerate() {
        if kind == Line::Text {
            markdown::rewrite_links(line, &mut |dest| {
                out.push((index + 1, dest.to_string()));
                None
            });
        }
    }
    out
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
    let known = anchors(&text);
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
fn anchors_are_spelled_as_github_spells_them() {
    let page = "# Title\n\n## `Option<T>` parameters, and `_x`\n\n```md\n## not a heading\n```\n\n\
                ## 1. The notes' example: `foo.x += 1`\n\n## Repeat\n\n## Repeat\n\n\
                ## 2. [The page](x.md)\n";
    assert_eq!(
        anchors(page),
        [
            "title",
            "optiont-parameters-and-_x",
            "1-the-notes-example-foox--1",
            "repeat",
            "repeat-1",
            "2-the-page",
        ]
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
