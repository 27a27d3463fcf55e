//! The book's chapters: which repository files, under which names, in which order, and the
//! `SUMMARY.md` that lists them.
//!
//! Nothing the book needs is written twice: the topics' chapters follow the README's reading
//! path (so the sidebar is the order a learner is told to read in), every page under `docs/`
//! is a chapter without being listed here, and `SUMMARY.md` is made from the list.

use std::fs;
use std::path::{Path, PathBuf};

use crate::markdown::Markdown;
use crate::topics;

/// One chapter: which repository file it is made from, and its name and place in the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// The repository file, `docs/typing.md` say.
    pub source: PathBuf,
    /// The staged Markdown file, `typing.md`; mdBook makes it `typing.html`.
    pub name: String,
    /// Its title in the sidebar: the page's `# ` heading.
    pub title: String,
    /// The part of the sidebar it is listed under.
    pub part: Part,
}

/// The parts of the book's sidebar, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The README, before any part title.
    Introduction,
    /// The topics' pages, in the README's reading path order.
    Topics,
    /// The index of the pages and the other pages under `docs/`.
    Across,
    /// The exercises and their solutions.
    Practice,
    /// The contributors' files.
    Contributing,
}

impl Part {
    /// Its title in `SUMMARY.md`, if it has one.
    fn title(self) -> Option<&'static str> {
        match self {
            Part::Introduction => None,
            Part::Topics => Some("Topics"),
            Part::Across => Some("Across the topics"),
            Part::Practice => Some("Practice"),
            Part::Contributing => Some("Contributing"),
        }
    }
}

/// The learners' index of the pages, `docs/README.md`: a chapter of its own, first of the
/// pages across the topics.
const INDEX: &str = "docs/README.md";

/// The contributors' files, in the order of the book's "Contributing" part, each with its
/// chapter name (the checked-pages guide keeps the name its links already use).
const CONTRIBUTING: [(&str, &str); 2] = [
    ("CONTRIBUTING.md", "contributing.md"),
    ("docs/contributing/checked-pages.md", "documented-output.md"),
];

/// The exercises (`learn/`, written by `xtask::learn::chapter`) and their solutions, after
/// the pages across the topics.
const EXERCISES: [(&str, &str); 2] = [
    ("learn/README.md", "exercises.md"),
    ("learn/solutions/README.md", "solutions.md"),
];

/// The README's `##` heading over the reading path, the one list of the topics' reading order.
const READING_PATH: &str = "A reading path";

/// The pages of the README's reading path, in its order: on each row of the table under
/// `## A reading path`, the first link to a Markdown file under `docs/`. A page added to that
/// table is a chapter in that place, and nothing else needs to name it.
pub fn reading_path(readme: &str) -> Vec<PathBuf> {
    let markdown = Markdown::parse(readme);
    let sections = markdown.headings.iter().filter(|h| h.level == 2);
    let mut starts = sections
        .skip_while(|h| h.source != READING_PATH)
        .map(|h| h.line);
    let (Some(from), to) = (starts.next(), starts.next().unwrap_or(usize::MAX)) else {
        return Vec::new();
    };
    let lines: Vec<&str> = readme.lines().collect();
    let mut rows_seen = Vec::new();
    let mut path = Vec::new();
    for link in &markdown.links {
        let row = link.line;
        let in_table = from < row && row < to && lines[row].starts_with('|');
        if in_table
            && !rows_seen.contains(&row)
            && link.dest.starts_with("docs/")
            && link.dest.ends_with(".md")
        {
            rows_seen.push(row);
            let page = PathBuf::from(link.dest);
            if !path.contains(&page) {
                path.push(page);
            }
        }
    }
    path
}

/// The chapters in the sidebar's order: the introduction; the topics as the README's reading
/// path orders them (a topic it leaves out comes after, so none is lost); the index of the
/// pages and any other page under `docs/` (the glossary, the performance page); the exercises
/// of `EXERCISES`; then the contributors' files of `CONTRIBUTING`.
pub fn chapters(root: &Path) -> Result<Vec<Chapter>, String> {
    let read = |source: &Path| -> Result<String, String> {
        fs::read_to_string(root.join(source))
            .map_err(|e| format!("cannot read {}: {e}", source.display()))
    };
    let chapter = |source: PathBuf, name: String, part: Part| -> Result<Chapter, String> {
        let text = read(&source)?;
        Ok(Chapter {
            title: title(&text).unwrap_or_else(|| source.display().to_string()),
            source,
            name,
            part,
        })
    };
    let file_name = |source: &Path| -> String {
        source
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    };
    let mut chapters = vec![Chapter {
        source: PathBuf::from("README.md"),
        name: "introduction.md".to_string(),
        title: "Introduction".to_string(),
        part: Part::Introduction,
    }];
    let mut path = reading_path(&read(Path::new("README.md"))?);
    for topic in topics::TOPICS {
        let page = topics::page_path(topic);
        if !path.contains(&page) {
            path.push(page);
        }
    }
    for source in path {
        let name = file_name(&source);
        chapters.push(chapter(source, name, Part::Topics)?);
    }
    // mdBook makes a README.md its folder's index.html; a name of its own keeps it a page.
    chapters.push(chapter(
        PathBuf::from(INDEX),
        "pages.md".to_string(),
        Part::Across,
    )?);
    let mut others: Vec<PathBuf> = fs::read_dir(root.join("docs"))
        .map_err(|e| format!("cannot read docs/: {e}"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.file_name()))
        .map(|name| Path::new("docs").join(name))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter(|path| !chapters.iter().any(|c| c.source == *path))
        .collect();
    others.sort();
    for source in others {
        let name = file_name(&source);
        chapters.push(chapter(source, name, Part::Across)?);
    }
    let after = [
        (EXERCISES, Part::Practice),
        (CONTRIBUTING, Part::Contributing),
    ];
    for (files, part) in after {
        for (source, name) in files {
            chapters.push(chapter(PathBuf::from(source), name.to_string(), part)?);
        }
    }
    Ok(chapters)
}

/// `SUMMARY.md` for these chapters: each part under its title, in the chapters' order.
pub fn summary(chapters: &[Chapter]) -> String {
    let mut out = String::from("# Summary\n");
    let mut part = None;
    for c in chapters {
        if part != Some(c.part) {
            part = Some(c.part);
            out.push('\n');
            if let Some(title) = c.part.title() {
                out.push_str(&format!("# {title}\n\n"));
            }
        }
        match c.part {
            Part::Introduction => out.push_str(&format!("[{}]({})\n", c.title, c.name)),
            _ => out.push_str(&format!("- [{}]({})\n", c.title, c.name)),
        }
    }
    out
}

/// The page's title: its first `# ` heading.
fn title(text: &str) -> Option<String> {
    let markdown = Markdown::parse(text);
    let mut headings = markdown.headings.into_iter();
    headings
        .find(|h| h.level == 1)
        .map(|h| h.source.to_string())
}

#[cfg(test)]
#[path = "chapters_tests.rs"]
mod tests;
