//! Reads a docs page into its fenced blocks, which every kind of trial then reads its own
//! blocks from (see [`crate::kind`]).
//!
//! A fence is what [`crate::markdown`] (CommonMark, as GitHub and mdBook read it) calls one,
//! in a list item or not; its first word of info string is the block's tag (`console`,
//! `python`, `rust,ignore`). A fence nested inside a longer one (an example of the format, say)
//! is text. Each fence also remembers the line directly above it when that line is an HTML
//! comment (the `<!-- python: ... -->` and `<!-- excerpt: ... -->` markers), and the `##`
//! heading it sits under, as written.
//!
//! An indented fence (in a list item) has its lines lose up to as many spaces as the opening
//! fence has, and `bless` gives them back. A console fence indented four spaces or more outside
//! a list is an indented code block's text to CommonMark, so it would go unchecked: it is an
//! error instead. An unclosed fence is an error too, at its opening line.

pub mod edit;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::markdown::Markdown;
use crate::topics;

/// A page that cannot be read, with the place to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    /// The page.
    pub path: PathBuf,
    /// The 1-based line at fault.
    pub line: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl PageError {
    /// An error at a 1-based line of `path`.
    pub fn at(path: &Path, line: usize, message: impl Into<String>) -> PageError {
        PageError {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl std::error::Error for PageError {}

/// The message, for the callers that only pass it on (see the crate's note on errors).
impl From<PageError> for String {
    fn from(error: PageError) -> String {
        error.to_string()
    }
}

/// One fenced block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fence {
    /// The first word of the info string: `console`, `python`, `rust,ignore`, or empty.
    pub tag: String,
    /// The 1-based line of the opening fence.
    pub line: usize,
    /// The block's lines, without the fence's indentation.
    pub body: Vec<String>,
    /// The 0-based line where `body` starts; it runs to the closing fence.
    pub body_start: usize,
    /// The 0-based line of the closing fence.
    pub close: usize,
    /// The spaces the fence is indented by, which its lines in the page carry too.
    pub indent: usize,
    /// The line directly above the opening fence, trimmed, if it is an HTML comment.
    pub comment: Option<String>,
    /// The `##` heading the fence sits under, without the `## `, if any.
    pub heading: Option<String>,
}

impl Fence {
    /// Whether this is a Rust code block (`rust`, `rust,ignore`, `rust,compile_fail`, ...).
    pub fn is_rust(&self) -> bool {
        self.tag == "rust" || self.tag.starts_with("rust,")
    }
}

/// A docs page: where it is, its text, and its fences (or why they cannot be read).
#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the workspace root: `docs/typing.md`.
    pub path: PathBuf,
    /// The page as it is on disk.
    pub text: String,
    /// Its fenced blocks, in order.
    pub fences: Result<Vec<Fence>, PageError>,
}

impl Page {
    /// Reads a page's text.
    pub fn of(path: &Path, text: String) -> Page {
        let fences = fences(path, &text);
        Page {
            path: path.to_path_buf(),
            text,
            fences,
        }
    }

    /// The page's name, which its trials' names start with: its file name without `.md`
    /// (`typing`, `glossary`).
    pub fn name(&self) -> String {
        self.path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The topic this is the page of, if any: `docs/glossary.md` is no topic's.
    pub fn topic(&self) -> Option<&'static str> {
        topics::TOPICS
            .into_iter()
            .find(|topic| topics::page_path(topic) == self.path)
    }
}

/// Every page under `docs/` but the format's own `README.md`, in name order.
pub fn read_pages(root: &Path) -> Result<Vec<Page>, String> {
    let docs = root.join("docs");
    let entries =
        std::fs::read_dir(&docs).map_err(|e| format!("cannot read {}: {e}", docs.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", relative.display()))?;
            Ok(Page::of(&relative, text))
        })
        .collect()
}

/// Reads every fence of a page's text (see [`crate::markdown`]).
pub fn fences(path: &Path, text: &str) -> Result<Vec<Fence>, PageError> {
    let markdown = Markdown::parse(text);
    let lines: Vec<&str> = text.lines().collect();
    if let Some(line) = markdown
        .indented
        .iter()
        .flat_map(|block| block.clone())
        .find(|&line| console_fence(lines[line]))
    {
        return Err(PageError::at(
            path,
            line + 1,
            "this console fence is indented four spaces or more, so it is the text of an \
             indented code block, not a block that is checked: indent it less (as much as the \
             list item it belongs to)",
        ));
    }
    let mut headings = markdown.headings.iter().filter(|h| h.level == 2).peekable();
    let mut heading = None;
    let mut fences = Vec::new();
    for fence in &markdown.fences {
        while let Some(next) = headings.next_if(|h| h.line < fence.open) {
            heading = Some(next.source.to_string());
        }
        let tag = fence.info.split_whitespace().next().unwrap_or_default();
        let Some(close) = fence.close else {
            let (marker, len) = fence.marker;
            let what = if tag == "console" { "console" } else { "code" };
            return Err(PageError::at(
                path,
                fence.open + 1,
                format!(
                    "this {what} fence is never closed: end it with a line of {len} `{marker}`"
                ),
            ));
        };
        let indent = lines[fence.open].len() - lines[fence.open].trim_start_matches(' ').len();
        let comment = fence
            .open
            .checked_sub(1)
            .map(|above| lines[above].trim())
            .filter(|above| above.starts_with("<!--") && above.ends_with("-->"))
            .map(String::from);
        fences.push(Fence {
            tag: tag.to_string(),
            line: fence.open + 1,
            body: lines[fence.open + 1..close]
                .iter()
                .map(|line| unindent(line, indent).to_string())
                .collect(),
            body_start: fence.open + 1,
            close,
            indent,
            comment,
            heading: heading.clone(),
        });
    }
    Ok(fences)
}

/// Whether a line opens a console fence, however far it is indented.
fn console_fence(line: &str) -> bool {
    let trimmed = line.trim_start();
    ["```", "~~~"].iter().any(|fence| {
        trimmed.starts_with(fence)
            && trimmed
                .trim_start_matches(['`', '~'])
                .trim_start()
                .starts_with("console")
    })
}

/// A line of a fence indented by `indent` spaces, without up to that many of its own.
fn unindent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}

#[cfg(test)]
mod tests;
