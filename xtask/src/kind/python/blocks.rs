//! Reads a page's Python blocks: each `python` script with the `output` block after it, each
//! `pycon` transcript, the directives above them, and the earlier blocks a `continues` block
//! runs after.

use std::path::PathBuf;

use super::directives::{self, Directives};
use crate::kind::console;
use crate::markdown::slug;
use crate::page::{Fence, Page, PageError};

/// A script or a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A ```` ```python ```` block, run as a file.
    Script,
    /// A ```` ```pycon ```` block, a `>>>` session checked by doctest.
    Pycon,
}

/// A block's code, as a step of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Script or transcript.
    pub form: Form,
    /// The 1-based line of its opening fence.
    pub line: usize,
    /// The 0-based line where its lines start.
    pub start: usize,
    /// Its lines.
    pub lines: Vec<String>,
}

impl Code {
    /// The code as a file's text.
    pub fn text(&self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// The `output` block after a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The 0-based line where its lines start.
    pub start: usize,
    /// The expected output, wildcards included.
    pub lines: Vec<String>,
}

/// One Python block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The page.
    pub path: PathBuf,
    /// The page's name, which the trial's name starts with (see [`Page::name`]).
    pub page: String,
    /// The topic whose page it is, which `bless <topic>` blesses; `None` on a page that is no
    /// topic's (the glossary), which `bless` without a topic blesses.
    pub topic: Option<&'static str>,
    /// The `##` heading it sits under.
    pub heading: Option<String>,
    /// Its name in a trial's: the demo section whose console block shares its heading, else
    /// the heading's anchor (`intro` above the first heading).
    pub section: String,
    /// Its code.
    pub code: Code,
    /// A script's `output` block, if it has one.
    pub output: Option<Output>,
    /// The 0-based line after the block's closing fence, where `bless` puts a new `output`.
    pub after: usize,
    /// The spaces its fence is indented by.
    pub indent: usize,
    /// What its comment says.
    pub directives: Directives,
    /// The blocks it continues, first to last.
    pub earlier: Vec<Code>,
}

/// The output line that makes a script's expected status 1.
pub const TRACEBACK: &str = "Traceback (most recent call last):";

impl Block {
    /// `docs/page.md:LINE`, the line of its opening fence.
    pub fn location(&self) -> String {
        format!("{}:{}", self.path.display(), self.code.line)
    }

    /// The expected output's lines (none if there is no `output` block).
    pub fn expected(&self) -> &[String] {
        self.output.as_ref().map_or(&[], |output| &output.lines)
    }

    /// The exit status a script is expected to end with, given its expected output.
    pub fn status_for(&self, expected: &[String]) -> i32 {
        let traceback = expected.iter().any(|line| line.trim_end() == TRACEBACK);
        self.directives.status.unwrap_or(i32::from(traceback))
    }
}

/// The Python blocks among a page's fences.
pub fn find(page: &Page, fences: &[Fence]) -> Result<Vec<Block>, PageError> {
    let lines: Vec<&str> = page.text.lines().collect();
    let error = |line: usize, message: String| PageError::at(&page.path, line, message);
    let mut blocks: Vec<Block> = Vec::new();
    let mut paired = vec![false; fences.len()];
    // The first demo section shown under each heading. A malformed console block fails the
    // page's `documented` trial; here it only leaves its heading's anchor as the name.
    let console_fences = fences.iter().filter(|fence| fence.tag == "console");
    let sections: Vec<(Option<String>, String)> = console_fences
        .zip(console::parse::blocks(&page.path, fences).unwrap_or_default())
        .map(|(fence, block)| (fence.heading.clone(), block.section))
        .collect();
    let section = |heading: &Option<String>| {
        let shown = sections.iter().find(|(under, _)| under == heading);
        shown.map_or_else(
            || heading.as_deref().map_or("intro".into(), slug),
            |(_, section)| section.clone(),
        )
    };
    for (index, fence) in fences.iter().enumerate() {
        let form = match fence.tag.as_str() {
            "python" => Form::Script,
            "pycon" => Form::Pycon,
            "output" if !paired[index] => {
                return Err(error(
                    fence.line,
                    "an `output` block shows what the `python` block right above it prints, but none is above it (only blank lines may come between)".into(),
                ));
            }
            _ => {
                if fence
                    .comment
                    .as_deref()
                    .and_then(directives::parse)
                    .is_some()
                {
                    return Err(error(
                        fence.line - 1,
                        format!(
                            "a `python:` comment belongs right above a ```python or ```pycon fence, but this one is above a `{}` fence",
                            fence.tag
                        ),
                    ));
                }
                continue;
            }
        };
        let directives = match fence.comment.as_deref().and_then(directives::parse) {
            None => Directives::default(),
            Some(parsed) => parsed.map_err(|message| error(fence.line - 1, message))?,
        };
        // A chain runs in one interpreter: a block that continues one that imports the
        // extension module runs where that import works.
        let directives = Directives {
            extension: directives.extension
                || (directives.continues && blocks.last().is_some_and(|b| b.directives.extension)),
            ..directives
        };
        if form == Form::Pycon && directives.status.is_some() {
            return Err(error(
                fence.line - 1,
                "`status=` is for a `python` script; a `pycon` transcript shows its exceptions as doctest does".into(),
            ));
        }
        let earlier = match (directives.continues, blocks.last()) {
            (false, _) => Vec::new(),
            (true, None) => {
                return Err(error(
                    fence.line - 1,
                    "this block `continues`, but no Python block comes before it on the page"
                        .into(),
                ));
            }
            (true, Some(previous)) => {
                let mut earlier = previous.earlier.clone();
                earlier.push(previous.code.clone());
                earlier
            }
        };
        let next = fences
            .get(index + 1)
            .filter(|next| next.tag == "output")
            .filter(|next| {
                lines[fence.close + 1..next.line - 1]
                    .iter()
                    .all(|l| l.trim().is_empty())
            });
        let output = match (form, next) {
            (_, None) => None,
            (Form::Pycon, Some(next)) => {
                return Err(error(
                    next.line,
                    "a `pycon` transcript holds its own output, after each `>>>` line: remove this `output` block".into(),
                ));
            }
            (Form::Script, Some(next)) => {
                paired[index + 1] = true;
                Some(Output {
                    start: next.body_start,
                    lines: next.body.clone(),
                })
            }
        };
        blocks.push(Block {
            path: page.path.clone(),
            page: page.name(),
            topic: page.topic(),
            heading: fence.heading.clone(),
            section: section(&fence.heading),
            code: Code {
                form,
                line: fence.line,
                start: fence.body_start,
                lines: fence.body.clone(),
            },
            output,
            after: fence.close + 1,
            indent: fence.indent,
            directives,
            earlier,
        });
    }
    Ok(blocks)
}
