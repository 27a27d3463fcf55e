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

use super::links::{self, Needs, Site};
use super::markdown::{self, Line};
use super::pairs;
use super::runs::{self, Runs};
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
            Part::Contributing => Some("Contributing"),
        }
    }
}

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

/// The learners' index of the pages, `docs/README.md`: a chapter of its own, first of the
/// pages across the topics.
const INDEX: &str = "docs/README.md";

/// The contributors' files, in the order of the book's "Contributing" part, each with its
/// chapter name (the checked-pages guide keeps the name its links already use).
const CONTRIBUTING: [(&str, &str); 2] = [
    ("CONTRIBUTING.md", "contributing.md"),
    ("docs/contributing/checked-pages.md", "documented-output.md"),
];

/// The README's heading over the reading path, the one list of the topics' reading order.
const READING_PATH: &str = "## A reading path";

/// The pages of the README's reading path, in its order: on each row of the table under
/// `## A reading path`, the first link to a Markdown file under `docs/`. A page added to that
/// table is a chapter in that place, and nothing else needs to name it.
pub fn reading_path(readme: &str) -> Vec<PathBuf> {
    let mut in_section = false;
    let mut path = Vec::new();
    for (line, kind) in markdown::lines(readme) {
        if kind != Line::Text {
            continue;
        }
        if line.starts_with("## ") {
            in_section = line.trim_end() == READING_PATH;
            continue;
        }
        if !in_section || !line.starts_with('|') {
            continue;
        }
        let mut first = None;
        markdown::rewrite_links(line, &mut |dest| {
            if first.is_none() && dest.starts_with("docs/") && dest.ends_with(".md") {
                first = Some(PathBuf::from(dest));
            }
            None
        });
        path.extend(first.filter(|page| !path.contains(page)));
    }
    path
}

/// The chapters in the sidebar's order: the introduction; the topics as the README's reading
/// path orders them (a topic it leaves out comes after, so none is lost); the index of the
/// pages and any other page under `docs/` (the glossary, the performance page); then the
/// contributors' files of `CONTRIBUTING`.
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
    for (source, name) in CONTRIBUTING {
        chapters.push(chapter(
            PathBuf::from(source),
            name.to_string(),
            Part::Contributing,
        )?);
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

/// The page's title: its first `# ` heading outside code.
fn title(text: &str) -> Option<String> {
    markdown::lines(text).into_iter().find_map(|(line, kind)| {
        (kind == Line::Text).then(|| line.strip_prefix("# ").map(|t| t.trim().to_string()))?
    })
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

/// One page as the book shows it: links rewritten (a heading's moved to its end), fence
/// languages renamed.
fn book_page(site: &dyn Site, from: &Path, text: &str, needs: &mut BTreeSet<Needs>) -> String {
    let mut out = String::with_capacity(text.len());
    for (line, kind) in markdown::lines(text) {
        let heading;
        let line = if kind == Line::Text && line.starts_with('#') {
            heading = heading_links_at_end(line);
            heading.as_str()
        } else {
            line
        };
        match kind {
            Line::Text => out.push_str(&markdown::rewrite_links(line, &mut |dest| {
                let target = links::resolve(site, from, dest)?;
                needs.extend(target.needs);
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

/// A heading with each link's text left in place and the link moved to its end as `[→](dest)`:
/// `## 1. [Title](a.md)` becomes `## 1. Title [→](a.md)`. mdBook makes a heading a link to
/// itself, so a link inside it is a link inside a link, which the browser splits: the heading's
/// own link (which the sidebar copies as the heading's name) keeps only the text before it,
/// `1.`. Images and code spans are left alone.
fn heading_links_at_end(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    let mut moved = String::new();
    let mut rest = line;
    while let Some(open) = rest.find(['[', '`']) {
        let (before, from) = rest.split_at(open);
        text.push_str(before);
        if from.starts_with('`') {
            let run = from.bytes().take_while(|&b| b == b'`').count();
            let end = from[run..]
                .find(&from[..run])
                .map_or(from.len(), |n| n + 2 * run);
            text.push_str(&from[..end]);
            rest = &from[end..];
            continue;
        }
        let link = from.find("](").and_then(|mid| {
            let close = from[mid..].find(')')? + mid;
            let is_image = before.ends_with('!');
            (!is_image).then_some((mid, close))
        });
        match link {
            Some((mid, close)) => {
                text.push_str(&from[1..mid]);
                moved.push_str(&format!(" [→]({})", &from[mid + 2..close]));
                rest = &from[close + 1..];
            }
            None => {
                text.push('[');
                rest = &from[1..];
            }
        }
    }
    text.push_str(rest);
    text.truncate(text.trim_end().len());
    text + &moved
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
