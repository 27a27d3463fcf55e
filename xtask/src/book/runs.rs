//! Real values where a page has wildcards: the book shows a run of each console block and
//! Python script whose output has one.
//!
//! A page's console block (or a Python script's `output`) writes what varies from run to run
//! (times, speedups, depths, the CPU count, the OS) as `[..]`, and whole runs of such lines as
//! `...`, so that the check can match any run. A reader who comes for "how much faster are two
//! threads?" learns nothing from `speedup [..]x`, though. So the book runs the demo of every
//! console block with a wildcard, and CPython on every such Python script, and where the run
//! matches the page's pattern (as the check requires), shows the run: the page's text as
//! written, and what each wildcard stood for marked as varying (a style and a tooltip,
//! "varies from run to run; this run: …"). A run that does not match (a slow machine, a demo
//! being changed) leaves the block as the page writes it, and says so.
//!
//! The page itself keeps its wildcards; only the staged copy changes. The block becomes an
//! HTML `<pre>`, since a fence cannot hold markup; its text is escaped so that neither
//! Markdown nor the staging passes after this one read anything in it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::kind::console::parse::{self, Block};
use crate::kind::python::{self, Form, Python};
use crate::page::{self, Fence, Page};
use crate::pattern::{self, ANY_LINES, ANY_TEXT, Piece};
use crate::{demo_binary, process};

/// The tooltip of a varying part, before this run's value.
pub const VARIES: &str = "varies from run to run; this run: ";

/// One console block as the book shows it: the page's lines it replaces, and what with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The 0-based line of the block's opening fence.
    pub open: usize,
    /// The 0-based line of its closing fence.
    pub close: usize,
    /// The lines that replace them: the block as HTML.
    pub html: Vec<String>,
}

/// What [`run`] found: per page (`docs/x.md`), its blocks shown from a run; and how many
/// blocks with wildcards there were.
#[derive(Debug, Default)]
pub struct Runs {
    /// The blocks whose run matched, by page.
    pub shown: BTreeMap<PathBuf, Vec<Shown>>,
    /// How many blocks have a wildcard.
    pub with_wildcards: usize,
}

impl Runs {
    /// How many blocks are shown from a run.
    pub fn count(&self) -> usize {
        self.shown.values().map(Vec::len).sum()
    }
}

/// Runs the demo of every console block with a wildcard on the pages (one at a time: some
/// measure time), and every Python script whose `output` has one, and returns those whose run
/// matched. A page that does not read, a run that ends otherwise than the page expects or
/// prints something else, is reported on stderr and left as written.
pub fn run(root: &Path) -> Result<Runs, String> {
    let timeout = process::timeout_from_env()?;
    let pages = page::read_pages(root)?;
    let mut runs = demo_runs(root, &pages, timeout)?;
    python_runs(&pages, timeout, &mut runs);
    for shown in runs.shown.values_mut() {
        shown.sort_by_key(|block| block.open);
    }
    Ok(runs)
}

/// The console blocks with a wildcard, each from a run of its demo.
fn demo_runs(root: &Path, pages: &[Page], timeout: std::time::Duration) -> Result<Runs, String> {
    let mut blocks: Vec<(PathBuf, Fence, Block)> = Vec::new();
    for page in pages {
        let Ok(fences) = &page.fences else { continue };
        let consoles: Vec<Fence> = fences
            .iter()
            .filter(|fence| fence.tag == "console")
            .cloned()
            .collect();
        let Ok(parsed) = parse::blocks(&page.path, &consoles) else {
            continue;
        };
        for (fence, block) in consoles.into_iter().zip(parsed) {
            if has_wildcard(&block.expected) {
                blocks.push((page.path.clone(), fence, block));
            }
        }
    }
    let mut topics: Vec<&str> = blocks.iter().map(|(_, _, block)| block.topic).collect();
    topics.sort_unstable();
    topics.dedup();
    let binaries = demo_binary::build(root, &topics)?;
    let mut runs = Runs {
        with_wildcards: blocks.len(),
        ..Runs::default()
    };
    for (path, fence, block) in blocks {
        let binary = &binaries[block.topic];
        let run = demo_binary::run(root, binary, &[&block.section], &block.env, timeout)?;
        let shown = (run.code() == Some(block.status))
            .then(|| pattern::shown(&block.expected, &run.lines()))
            .flatten();
        let commands = &fence.body[..block.expected_start - fence.body_start];
        match shown {
            Some(lines) => runs.shown.entry(path).or_default().push(Shown {
                open: fence.line - 1,
                close: fence.close,
                html: html(fence.indent, commands, &lines, "language-console"),
            }),
            None => eprintln!(
                "book: {}: this run of `{}` does not match the page; the book shows the page's \
                 pattern there",
                block.location(),
                block.command()
            ),
        }
    }
    Ok(runs)
}

/// The Python scripts whose `output` has a wildcard, each from a run by CPython (as the check
/// runs it; a block for other versions is left as written).
fn python_runs(pages: &[Page], timeout: std::time::Duration, runs: &mut Runs) {
    let cpython = Python::new(python::run::chosen(None), false, timeout);
    for page in pages {
        let Ok(fences) = &page.fences else { continue };
        let Ok(blocks) = python::blocks::find(page, fences) else {
            continue;
        };
        for block in blocks {
            let Some(output) = &block.output else {
                continue;
            };
            if block.code.form != Form::Script || !has_wildcard(&output.lines) {
                continue;
            }
            runs.with_wildcards += 1;
            // A script that ends with a status (a traceback's 1, a `sys.exit`) is shown with a
            // last line saying so, which its `output` block leaves out.
            let ends_with_status = block.status_for(&output.lines) != 0;
            let shown = cpython.shown(&block).ok().and_then(|mut actual| {
                if ends_with_status {
                    actual.pop();
                }
                pattern::shown(&output.lines, &actual)
            });
            match shown {
                Some(lines) => runs
                    .shown
                    .entry(page.path.clone())
                    .or_default()
                    .push(Shown {
                        open: output.start - 1,
                        close: output.start + output.lines.len(),
                        html: html(block.indent, &[], &lines, "output"),
                    }),
                None => eprintln!(
                    "book: {}: this run of the Python block does not match its output (or does \
                     not run here); the book shows the page's pattern there",
                    block.location()
                ),
            }
        }
    }
}

/// Whether an expected output has a wildcard (an escaped one counts too: running it costs
/// a run, and shows the same text).
fn has_wildcard(expected: &[String]) -> bool {
    expected
        .iter()
        .any(|line| line.contains(ANY_TEXT) || line.trim_end() == ANY_LINES)
}

/// The block as an HTML `<pre>` whose `<code>` has `class`: its command lines as the page
/// writes them, then the run's lines, each varying part in a `<span class="varies">` with its
/// tooltip. Every line is indented by `indent`, as the fence is, so that a block in a list
/// item stays in it.
fn html(indent: usize, commands: &[String], lines: &[Vec<Piece>], class: &str) -> Vec<String> {
    let mut text: Vec<String> = commands.iter().map(|line| escape(line)).collect();
    for pieces in lines {
        let line: String = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Fixed(text) => escape(text),
                Piece::Varies(text) => format!(
                    "<span class=\"varies\" title=\"{VARIES}{}\">{}</span>",
                    escape(text),
                    escape(text)
                ),
            })
            .collect();
        text.push(line);
    }
    let indent = " ".repeat(indent);
    let last = text.len().saturating_sub(1);
    text.iter()
        .enumerate()
        .map(|(i, line)| {
            let open = if i == 0 {
                format!("<pre class=\"run\"><code class=\"nohighlight {class}\">")
            } else {
                String::new()
            };
            let close = if i == last { "</code></pre>" } else { "" };
            format!("{indent}{open}{line}{close}")
        })
        .collect()
}

/// Text for inside the `<pre>`: HTML's specials escaped, and the characters that Markdown or
/// the staging passes after this one would read as syntax (`[`, `]`, a backtick, a `#` or `~`)
/// written as character references, which the browser shows as the characters.
fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '[' => "&#91;".to_string(),
            ']' => "&#93;".to_string(),
            '`' => "&#96;".to_string(),
            '#' => "&#35;".to_string(),
            '~' => "&#126;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// `text` (a page) with each shown block's lines replaced by its HTML.
pub fn apply(text: &str, shown: &[Shown]) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut next = 0;
    for block in shown {
        out.extend(lines[next..block.open].iter().map(|line| line.to_string()));
        out.extend(block.html.iter().cloned());
        next = block.close + 1;
    }
    out.extend(lines[next..].iter().map(|line| line.to_string()));
    let mut text = out.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_replaces_its_block_with_its_values_marked() {
        let page = "# P\n\n- in a list:\n\n  ```console\n  $ cargo xtask demo recursion limits\n  depth [..] <ok>\n  ```\n\nafter\n";
        let fences = page::fences(Path::new("docs/p.md"), page).unwrap();
        let block = parse::blocks(Path::new("docs/p.md"), &fences)
            .unwrap()
            .remove(0);
        let lines = pattern::shown(&block.expected, &["depth 74752 <ok>".to_string()]).unwrap();
        let commands = &fences[0].body[..1];
        let shown = Shown {
            open: fences[0].line - 1,
            close: fences[0].close,
            html: html(fences[0].indent, commands, &lines, "language-console"),
        };
        assert_eq!(
            apply(page, &[shown]),
            "# P\n\n- in a list:\n\n  \
             <pre class=\"run\"><code class=\"nohighlight language-console\">$ cargo xtask demo recursion limits\n  \
             depth <span class=\"varies\" title=\"varies from run to run; this run: 74752\">74752</span> &lt;ok&gt;</code></pre>\n\nafter\n"
        );
    }

    #[test]
    fn what_markdown_would_read_is_escaped() {
        assert_eq!(
            escape("[a](b) `c` # ~"),
            "&#91;a&#93;(b) &#96;c&#96; &#35; &#126;"
        );
    }
}
