//! Reads a docs page into its fenced blocks, which every kind of trial then reads its own
//! blocks from (see [`crate::kind`]).
//!
//! A fence is CommonMark's: three or more backticks or tildes, an info string whose first word
//! is the block's tag (`console`, `python`, `rust,ignore`), closed by a line of the same
//! character at least as long. A fence nested inside a longer one (an example of the format,
//! say) is text. Each fence also remembers the line directly above it when that line is an
//! HTML comment (the `<!-- python: ... -->` and `<!-- excerpt: ... -->` markers), and the `##`
//! heading it sits under.
//!
//! A fence may be indented, as it is inside a list item: its lines lose up to as many spaces as
//! the opening fence has (CommonMark's rule), and `bless` gives them back. Unlike CommonMark,
//! a console fence indented four spaces or more still opens a block, because this reader does
//! not track list items: a block in a nested list is checked rather than silently skipped.
//! Any other fence that far in is left to CommonMark, which reads it as an indented code
//! block's text.

pub mod edit;

use std::fmt;
use std::path::{Path, PathBuf};

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

/// An open fence: its character, its length and where it opened.
struct Open {
    marker: char,
    len: usize,
    fence: Fence,
}

/// Reads every fence of a page's text.
pub fn fences(path: &Path, text: &str) -> Result<Vec<Fence>, PageError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut fences = Vec::new();
    let mut open: Option<Open> = None;
    let mut heading: Option<String> = None;
    for (index, line) in lines.iter().enumerate() {
        let found = fence_of(line);
        if let Some(current) = &mut open {
            let closes = found.is_some_and(|(indent, marker, len, info)| {
                marker == current.marker
                    && len >= current.len
                    && info.is_empty()
                    && indent < current.fence.indent + 4
            });
            if closes {
                current.fence.close = index;
                fences.extend(open.take().map(|open| open.fence));
            } else {
                let body = unindent(line, current.fence.indent).to_string();
                current.fence.body.push(body);
            }
            continue;
        }
        let Some((indent, marker, len, info)) = found else {
            if let Some(title) = line.strip_prefix("## ") {
                heading = Some(title.trim().to_string());
            }
            continue;
        };
        let tag = info.split_whitespace().next().unwrap_or_default();
        if indent >= 4 && tag != "console" {
            continue;
        }
        let comment = index
            .checked_sub(1)
            .map(|above| lines[above].trim())
            .filter(|above| above.starts_with("<!--") && above.ends_with("-->"))
            .map(String::from);
        open = Some(Open {
            marker,
            len,
            fence: Fence {
                tag: tag.to_string(),
                line: index + 1,
                body: Vec::new(),
                body_start: index + 1,
                close: index,
                indent,
                comment,
                heading: heading.clone(),
            },
        });
    }
    match open {
        Some(Open { marker, len, fence }) => Err(PageError::at(
            path,
            fence.line,
            format!(
                "this {} fence is never closed: end it with a line of {len} `{marker}`",
                if fence.tag == "console" {
                    "console"
                } else {
                    "code"
                },
            ),
        )),
        None => Ok(fences),
    }
}

/// A fence line: its indentation in spaces, its character, its length and its info string.
fn fence_of(line: &str) -> Option<(usize, char, usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = trimmed.chars().take_while(|c| *c == marker).count();
    let info = trimmed[len..].trim();
    // CommonMark: a backtick fence's info string has no backtick, so that a line opening
    // with inline code (```` ```x``` ````) is text, not a fence.
    let inline_code = marker == '`' && info.contains('`');
    (len >= 3 && !inline_code).then(|| (line.len() - trimmed.len(), marker, len, info))
}

/// A line of a fence indented by `indent` spaces, without up to that many of its own.
fn unindent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}

/// A heading as a link anchor, as GitHub makes it: lower case, spaces to `-`, and only
/// letters, digits, `-` and `_` kept (`` The `None` idiom `` is `the-none-idiom`).
pub fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
