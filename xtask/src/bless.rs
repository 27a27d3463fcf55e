//! Rewrites documented blocks from the actual output, for an intended change.
//!
//! Each block becomes [`pattern::bless`] of itself and the output: lines that still match stay
//! as they are, wildcards included, and the rest take the actual text. A demo that fails
//! (wrong status, killed at the deadline) leaves its block alone and makes `bless` fail,
//! since its output is not something to document. Blocks are rewritten from the bottom of the
//! page up, so the line numbers of the ones above stay valid, and nothing but their lines
//! changes: a page keeps its line endings (CRLF included) and its last line's newline, or lack
//! of one.

use std::path::Path;
use std::time::Duration;

use crate::page::{self, Block};
use crate::{check, demos, pattern, process};

/// What `bless` did to the pages.
#[derive(Debug, Default)]
pub struct Report {
    /// Blocks whose text changed.
    pub rewritten: Vec<String>,
    /// Blocks already right.
    pub unchanged: usize,
    /// Blocks left alone, with why: their demo failed, or their output would read as markup.
    pub failed: Vec<String>,
}

/// Blesses the blocks of `topic`, or of every topic.
pub fn bless(root: &Path, topic: Option<&str>, timeout: Duration) -> Result<Report, String> {
    let wanted = |t: &str| topic.is_none_or(|topic| topic == t);
    let chosen: Vec<&str> = crate::topics::TOPICS
        .iter()
        .copied()
        .filter(|t| wanted(t))
        .collect();
    let binaries = demos::build(root, &chosen)?;
    let pages = check::blocks_by_page(check::read_pages(root)?).map_err(|e| e.to_string())?;
    let mut report = Report::default();
    for (path, blocks) in pages {
        let text = std::fs::read_to_string(root.join(&path))
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut lines = Lines::of(&text);
        let mut after = blocks.clone();
        let mut rewritten = Vec::new();
        for (index, block) in blocks.iter().enumerate().rev() {
            if !wanted(block.topic) {
                continue;
            }
            let run = demos::run(
                root,
                &binaries[block.topic],
                &[&block.section],
                &block.env,
                timeout,
            )?;
            if run.status.is_none() || run.code() != Some(block.status) {
                report.failed.push(format!(
                    "{}: `{}` {}:\n{}",
                    block.location(),
                    block.command(),
                    process::Ending(&run, timeout),
                    run.tail(10)
                ));
                continue;
            }
            let blessed = pattern::bless(&block.expected, &run.lines());
            if blessed == block.expected {
                report.unchanged += 1;
                continue;
            }
            lines.replace(
                block.expected_start,
                block.expected.len(),
                blessed.clone(),
                block.indent,
            );
            after[index].expected = blessed;
            rewritten.push(format!("{} ({})", block.location(), block.command()));
        }
        if rewritten.is_empty() {
            continue;
        }
        let text = lines.text();
        if let Err(problem) = reads_back(&path, &text, &after) {
            report.failed.push(problem);
            continue;
        }
        std::fs::write(root.join(&path), text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        report.rewritten.extend(rewritten);
    }
    Ok(report)
}

/// Whether the blessed page reads back as the blocks meant: an output line that the parser
/// takes for markup (a closing fence; `$ `, or `> ` and `? ` right under the command) would
/// change the page's blocks instead of their output.
fn reads_back(path: &Path, text: &str, meant: &[Block]) -> Result<(), String> {
    let fields = |block: &Block| (block.command(), block.status, block.expected.clone());
    let reread = page::parse(path, text).unwrap_or_default();
    let first_wrong = meant
        .iter()
        .enumerate()
        .find(|(index, block)| reread.get(*index).map(fields) != Some(fields(block)));
    match first_wrong {
        None if reread.len() == meant.len() => Ok(()),
        _ => {
            let place =
                first_wrong.map_or(path.display().to_string(), |(_, block)| block.location());
            Err(format!(
                "{place}: the new output has a line the page would read as markup (a closing fence, or a `$ `, `> ` or `? ` line), so {} was left alone: document this output by hand",
                path.display()
            ))
        }
    }
}

/// A page's lines, each with its own ending, so that replacing some of them leaves the rest
/// byte for byte. The lines are numbered as [`str::lines`] numbers them, like the parser.
struct Lines {
    lines: Vec<String>,
    /// The ending for new lines: the page's first one, else `\n`.
    newline: &'static str,
}

impl Lines {
    fn of(text: &str) -> Lines {
        Lines {
            lines: text.split_inclusive('\n').map(String::from).collect(),
            newline: match text.find('\n') {
                Some(at) if text[..at].ends_with('\r') => "\r\n",
                _ => "\n",
            },
        }
    }

    /// Replaces `len` lines from the 0-based line `start` with `new` ones, indented by
    /// `indent` spaces as their fence is (empty lines stay empty). The replaced lines are a
    /// block's output, so a line of the page (its closing fence) always follows them.
    fn replace(&mut self, start: usize, len: usize, new: Vec<String>, indent: usize) {
        let newline = self.newline;
        let new = new.into_iter().map(|line| {
            let indent = if line.is_empty() { 0 } else { indent };
            format!("{:indent$}{line}{newline}", "")
        });
        self.lines.splice(start..start + len, new);
    }

    fn text(&self) -> String {
        self.lines.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_that_would_read_as_markup_is_not_blessed() {
        let path = Path::new("docs/typing.md");
        let old = "```console\n$ cargo xtask demo typing a\nold\n```\n";
        let mut meant = page::parse(path, old).unwrap();
        for (output, reads_as_markup) in
            [("new", false), ("```", true), ("? 1", true), ("$ ls", true)]
        {
            let mut page = Lines::of(old);
            page.replace(2, 1, vec![output.into(), "end".into()], 0);
            meant[0].expected = vec![output.into(), "end".into()];
            let outcome = reads_back(path, &page.text(), &meant);
            if reads_as_markup {
                assert!(
                    outcome
                        .as_ref()
                        .is_err_and(|e| e.starts_with("docs/typing.md:2: ")),
                    "{output}: {outcome:?}"
                );
            } else {
                assert_eq!(outcome, Ok(()));
            }
        }
    }

    #[test]
    fn only_the_replaced_lines_change() {
        let mut page = Lines::of("a\n```console\n$ x\nold\n```\nlast, no newline");
        page.replace(3, 1, vec!["new".into(), "two".into()], 0);
        assert_eq!(
            page.text(),
            "a\n```console\n$ x\nnew\ntwo\n```\nlast, no newline"
        );
    }

    #[test]
    fn a_crlf_page_stays_crlf() {
        let mut page = Lines::of("```console\r\n$ x\r\n```\r\n");
        page.replace(2, 0, vec!["out".into()], 0);
        assert_eq!(page.text(), "```console\r\n$ x\r\nout\r\n```\r\n");
    }

    #[test]
    fn the_lines_of_an_indented_fence_are_indented_like_it() {
        let mut page = Lines::of("- item\n\n  ```console\n  $ x\n  old\n  ```\n");
        page.replace(4, 1, vec!["a".into(), String::new(), "b".into()], 2);
        assert_eq!(
            page.text(),
            "- item\n\n  ```console\n  $ x\n  a\n\n  b\n  ```\n"
        );
    }
}
