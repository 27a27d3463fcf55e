//! The book's source, staged under the target directory from the pages as they are.
//!
//! Nothing the book needs is written twice: `SUMMARY.md` is made from [`topics::TOPICS`] (so
//! the chapters cannot drift from the topics), the introduction from the README,
//! and each chapter from its page through the passes that make a forge page a book page
//! ([`pairs`] groups, [`links`] rewritten, fence languages named as highlight.js knows them).
//! The pages themselves are never touched: the forge keeps reading them as they are.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::links::{self, Site};
use super::markdown::{self, Line};
use super::pairs;
use crate::topics;

/// One chapter: which repository file it is made from, and its name in the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// The repository file, `docs/typing.md` say.
    pub source: PathBuf,
    /// The staged Markdown file, `typing.md`; mdBook makes it `typing.html`.
    pub name: String,
    /// Its title in the sidebar: the page's `# ` heading.
    pub title: String,
}

/// What staging wrote, for the steps after mdBook.
#[derive(Debug, Default)]
pub struct Staged {
    /// Repository files that links go to and that rustdoc does not show.
    pub source_pages: BTreeSet<PathBuf>,
    /// How many side-by-side groups the chapters have.
    pub groups: usize,
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

/// The chapters in reading order: the introduction, the topics, the index of the pages and
/// any other page under `docs/` (the glossary, the performance page), the exercises of
/// `EXERCISES`, then the contributors' files of `CONTRIBUTING`.
pub fn chapters(root: &Path) -> Result<Vec<Chapter>, String> {
    let read_title = |source: &Path| -> Result<String, String> {
        let text = fs::read_to_string(root.join(source))
            .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
        Ok(title(&text).unwrap_or_else(|| source.display().to_string()))
    };
    let chapter = |source: PathBuf, name: String| -> Result<Chapter, String> {
        Ok(Chapter {
            title: read_title(&source)?,
            source,
            name,
        })
    };
    let mut chapters = vec![Chapter {
        source: PathBuf::from("README.md"),
        name: "introduction.md".to_string(),
        title: "Introduction".to_string(),
    }];
    for topic in topics::TOPICS {
        chapters.push(chapter(topics::page_path(topic), format!("{topic}.md"))?);
    }
    // mdBook makes a README.md its folder's index.html; a name of its own keeps it a page.
    chapters.push(chapter(PathBuf::from(INDEX), "pages.md".to_string())?);
    let mut others: Vec<PathBuf> = fs::read_dir(root.join("docs"))
        .map_err(|e| format!("cannot read docs/: {e}"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.file_name()))
        .map(|name| Path::new("docs").join(name))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter(|path| !chapters.iter().any(|c| c.source == *path))
        .collect();
    others.sort();
    for source in others {
        let name = source
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        chapters.push(chapter(source, name)?);
    }
    for (source, name) in EXERCISES.into_iter().chain(CONTRIBUTING) {
        chapters.push(chapter(PathBuf::from(source), name.to_string())?);
    }
    Ok(chapters)
}

/// `SUMMARY.md` for these chapters, as [`chapters`] orders them.
pub fn summary(chapters: &[Chapter]) -> String {
    let item = |c: &Chapter| format!("- [{}]({})\n", c.title, c.name);
    let topic_names: Vec<String> = topics::TOPICS.iter().map(|t| format!("{t}.md")).collect();
    let contributing: Vec<&str> = CONTRIBUTING.iter().map(|(_, name)| *name).collect();
    let (intro, rest) = chapters
        .split_first()
        .expect("the introduction comes first");
    let (guides, middle): (Vec<&Chapter>, Vec<&Chapter>) = rest
        .iter()
        .partition(|c| contributing.contains(&c.name.as_str()));
    let (topic_chapters, others): (Vec<&Chapter>, Vec<&Chapter>) = middle
        .into_iter()
        .partition(|c| topic_names.contains(&c.name));
    let mut out = format!(
        "# Summary\n\n[{}]({})\n\n# Topics\n\n",
        intro.title, intro.name
    );
    topic_chapters
        .into_iter()
        .for_each(|c| out.push_str(&item(c)));
    if !others.is_empty() {
        out.push_str("\n# Across the topics\n\n");
        others.into_iter().for_each(|c| out.push_str(&item(c)));
    }
    if !guides.is_empty() {
        out.push_str("\n# Contributing\n\n");
        guides.into_iter().for_each(|c| out.push_str(&item(c)));
    }
    out
}

/// The page's title: its first `# ` heading outside code.
fn title(text: &str) -> Option<String> {
    markdown::lines(text).into_iter().find_map(|(line, kind)| {
        (kind == Line::Text).then(|| line.strip_prefix("# ").map(|t| t.trim().to_string()))?
    })
}

/// The introduction: the README, whole (its table and reading path are the learner's way
/// in, and pages link to their headings), then the chapters, each with its topic's one-line
/// summary and a link to its crate's API.
pub fn introduction(root: &Path, readme: &str) -> String {
    let mut out = readme.trim_end().to_string();
    out.push('\n');
    out.push_str("\n## The chapters\n\n");
    for topic in topics::TOPICS {
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
/// into rustdoc are checked against `doc_dir`.
pub fn write(root: &Path, doc_dir: &Path, dir: &Path) -> Result<Staged, String> {
    let chapters = chapters(root)?;
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
    for chapter in &chapters {
        let text = fs::read_to_string(root.join(&chapter.source))
            .map_err(|e| format!("cannot read {}: {e}", chapter.source.display()))?;
        let (text, from) = if chapter.name == "introduction.md" {
            // Written as if it stood at the root, where the README does.
            (introduction(root, &text), PathBuf::from("README.md"))
        } else {
            (text, chapter.source.clone())
        };
        let (text, groups) = pairs::wrap(&text)
            .map_err(|(line, e)| format!("{}:{line}: {e}", chapter.source.display()))?;
        staged.groups += groups;
        write(
            &chapter.name,
            &book_page(&site, &from, &text, &mut staged.source_pages),
        )?;
    }
    Ok(staged)
}

/// One page as the book shows it: links rewritten, fence languages renamed.
fn book_page(site: &dyn Site, from: &Path, text: &str, sources: &mut BTreeSet<PathBuf>) -> String {
    let mut out = String::with_capacity(text.len());
    for (line, kind) in markdown::lines(text) {
        match kind {
            Line::Text => out.push_str(&markdown::rewrite_links(line, &mut |dest| {
                let target = links::resolve(site, from, dest)?;
                sources.extend(target.source_page);
                Some(target.href)
            })),
            Line::Open { info } => {
                let at = line.find(info).unwrap_or(line.len());
                out.push_str(&line[..at]);
                out.push_str(&highlight_info(info));
            }
            Line::Code => out.push_str(line),
        }
        out.push('\n');
    }
    out
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
