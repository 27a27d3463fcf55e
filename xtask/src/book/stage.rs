//! The book's source, staged under the target directory from the pages as they are.
//!
//! Nothing the book needs is written twice: the chapters and `SUMMARY.md` come from
//! [`chapters`], the introduction from the README, and each chapter from its page through the
//! passes that make a forge page a book page ([`runs`] shown, [`pairs`] groups, [`links`]
//! rewritten, fence languages named as highlight.js knows them).
//! The pages themselves are never touched: the forge keeps reading them as they are.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::chapters::{self, reading_path, summary};
use super::links::{self, Needs, Site};
use super::pairs;
use super::runs::{self, Runs};
use crate::markdown::{Heading, Link, LinkKind, Markdown};
use crate::topics;

/// What staging wrote, for the steps after mdBook.
#[derive(Debug, Default)]
pub struct Staged {
    /// Repository files that links go to and that rustdoc does not show.
    pub source_pages: BTreeSet<PathBuf>,
    /// Repository files (images) copied into the staged source, which mdBook copies on.
    pub copied: BTreeSet<PathBuf>,
    /// How many side-by-side groups the chapters have.
    pub groups: usize,
}

/// The introduction: the README, whole (its table and reading path are the learner's way
/// in, and pages link to their headings), then the chapters in the reading path's order, each
/// with its topic's one-line summary and a link to its crate's API.
pub fn introduction(root: &Path, readme: &str) -> String {
    let mut out = readme.trim_end().to_string();
    out.push('\n');
    out.push_str("\n## The chapters\n\n");
    let path = reading_path(readme);
    let mut order: Vec<&str> = topics::TOPICS.to_vec();
    order.sort_by_key(|topic| {
        path.iter()
            .position(|page| *page == topics::page_path(topic))
            .unwrap_or(path.len())
    });
    for topic in order {
        out.push_str(&format!(
            "- [{topic}](docs/{topic}.md) ([API](crates/{topic})): {}\n",
            topics::summary(root, topic)
        ));
    }
    out.push_str(
        "\nThe same pages are under `docs/` in the repository; the book adds each crate's API \
         documentation, search, and the Python beside its Rust.\n",
    );
    out
}

/// The repository as [`links::resolve`] sees it.
struct RepoSite<'a> {
    root: &'a Path,
    doc_dir: &'a Path,
    chapters: BTreeMap<PathBuf, String>,
}

impl Site for RepoSite<'_> {
    fn chapter(&self, repo_path: &Path) -> Option<String> {
        self.chapters.get(repo_path).cloned()
    }
    fn has_api_file(&self, doc_path: &str) -> bool {
        self.doc_dir.join(doc_path).is_file()
    }
    fn is_repo_file(&self, repo_path: &Path) -> bool {
        self.root.join(repo_path).is_file()
    }
}

/// Writes `src/` (the chapters and `SUMMARY.md`) into `dir`, the staged book's root; links
/// into rustdoc are checked against `doc_dir`, and the console blocks of `runs` show their run.
pub fn write(root: &Path, doc_dir: &Path, dir: &Path, runs: &Runs) -> Result<Staged, String> {
    let chapters = chapters::chapters(root)?;
    let src = dir.join("src");
    fs::create_dir_all(&src).map_err(|e| format!("cannot create {}: {e}", src.display()))?;
    let write = |name: &str, text: &str| {
        fs::write(src.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("SUMMARY.md", &summary(&chapters))?;
    let site = RepoSite {
        root,
        doc_dir,
        chapters: chapters
            .iter()
            .map(|c| (c.source.clone(), c.name.clone()))
            .collect(),
    };
    let mut staged = Staged::default();
    let mut needs = BTreeSet::new();
    for chapter in &chapters {
        let text = fs::read_to_string(root.join(&chapter.source))
            .map_err(|e| format!("cannot read {}: {e}", chapter.source.display()))?;
        let (text, from) = if chapter.name == "introduction.md" {
            // Written as if it stood at the root, where the README does.
            (introduction(root, &text), PathBuf::from("README.md"))
        } else {
            let shown = runs
                .shown
                .get(&chapter.source)
                .map_or(&[][..], Vec::as_slice);
            (runs::apply(&text, shown), chapter.source.clone())
        };
        let (text, groups) = pairs::wrap(&text)
            .map_err(|(line, e)| format!("{}:{line}: {e}", chapter.source.display()))?;
        staged.groups += groups;
        write(&chapter.name, &book_page(&site, &from, &text, &mut needs))?;
    }
    for need in needs {
        match need {
            Needs::SourcePage(path) => {
                staged.source_pages.insert(path);
            }
            Needs::Copy(path) => {
                let to = src.join(&path);
                fs::create_dir_all(to.parent().expect("a copy is under src/"))
                    .and_then(|()| fs::copy(root.join(&path), &to))
                    .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
                staged.copied.insert(path);
            }
        }
    }
    Ok(staged)
}

/// One page as the book shows it: links rewritten (a heading's moved to its end, see
/// [`heading_links_at_end`]), fence languages renamed; every other byte as it is.
fn book_page(site: &dyn Site, from: &Path, text: &str, needs: &mut BTreeSet<Needs>) -> String {
    let markdown = Markdown::parse(text);
    let mut resolve = |dest: &str| {
        let target = links::resolve(site, from, dest)?;
        needs.extend(target.needs);
        Some(target.href)
    };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for fence in &markdown.fences {
        edits.push((fence.info_range.clone(), highlight_info(fence.info)));
    }
    for (index, heading) in markdown.headings.iter().enumerate() {
        let inside: Vec<&Link<'_>> = markdown
            .links
            .iter()
            .filter(|link| link.heading == Some(index))
            .collect();
        if !inside.is_empty() {
            let new = heading_links_at_end(text, heading, &inside, &mut resolve);
            edits.push((heading.range.clone(), new));
        }
    }
    for link in markdown.links.iter().filter(|link| link.heading.is_none()) {
        if let Some(href) = resolve(link.dest) {
            edits.push((link.range.clone(), href));
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (range, new) in edits {
        out.push_str(&text[copied..range.start]);
        out.push_str(&new);
        copied = range.end;
    }
    out.push_str(&text[copied..]);
    out
}

/// A heading's text with each link's text left in place and the link moved to its end as
/// `[→](dest)`: `## 1. [Title](a.md)` becomes `## 1. Title [→](a.md)`. mdBook makes a heading
/// a link to itself, so a link inside it is a link inside a link, which the browser splits:
/// the heading's own link (which the sidebar copies as the heading's name) keeps only the text
/// before it, `1.`. An image stays, its destination rewritten like any other.
fn heading_links_at_end(
    text: &str,
    heading: &Heading<'_>,
    inside: &[&Link<'_>],
    resolve: &mut dyn FnMut(&str) -> Option<String>,
) -> String {
    let mut new = String::new();
    let mut moved = String::new();
    let mut copied = heading.range.start;
    for link in inside {
        let dest = resolve(link.dest).unwrap_or_else(|| link.dest.to_string());
        if link.kind == LinkKind::Image {
            new.push_str(&text[copied..link.range.start]);
            new.push_str(&dest);
            copied = link.range.end;
        } else {
            new.push_str(&text[copied..link.whole.start]);
            new.push_str(&text[link.text.clone()]);
            moved.push_str(&format!(" [→]({dest})"));
            copied = link.whole.end;
        }
    }
    new.push_str(&text[copied..heading.range.end]);
    new.truncate(new.trim_end().len());
    new + &moved
}

/// A fence's info string with its language as mdBook's highlight.js names it: the pages'
/// `output` (a Python script's output, plain text) becomes `text` with an `output` class, so
/// highlight.js leaves it alone instead of guessing a language for it.
fn highlight_info(info: &str) -> String {
    let language = pairs::language(info);
    let rest = &info[language.len()..];
    match language {
        "output" => format!("text,output{rest}"),
        _ => info.to_string(),
    }
}

#[cfg(test)]
#[path = "stage_tests.rs"]
mod tests;
