//! A `python` script's trial and blessing: its exit status and its output against the
//! `output` block after it, through [`pattern`], as console blocks are checked.

use std::time::Duration;

use super::blocks::Block;
use super::run::BlockRun;
use crate::kind::{Blessing, bless_hint};
use crate::page::edit::Edit;
use crate::pattern;
use crate::process::{self, Run};

/// Whether the script exited with the `status` the page expects, as the trial and the
/// blessing both ask; if not, how it ended and what the page expects.
fn ends_as_expected(run: &Run, status: i32, timeout: Duration) -> Result<(), String> {
    if run.code() == Some(status) {
        return Ok(());
    }
    let ending = process::Ending(run, timeout);
    Err(format!("{ending} (the page expects status {status})"))
}

/// A script's trial: its status and its output against the page.
pub(super) fn check(block: &Block, ran: &BlockRun, timeout: Duration) -> Result<(), String> {
    let run = &ran.run;
    let place = format!("{}: the python block", block.location());
    let expected = block.expected();
    let status = block.status_for(expected);
    let actual = run.lines();
    let mut problems = Vec::new();
    let output_differs = !pattern::matches(expected, &actual);
    if let Err(ending) = ends_as_expected(run, status, timeout) {
        // The diff below shows the output, where it differs; else show its end here.
        let tail = if output_differs {
            String::new()
        } else {
            format!("; the end of its output:\n{}", run.tail(20))
        };
        problems.push(format!("{place} {ending}{tail}"));
    } else if run.left_behind {
        problems.push(format!("{place} exited but left processes of its own running (now killed): a block must wait for every child it starts"));
    }
    if output_differs {
        let first = block
            .output
            .as_ref()
            .map_or(block.after, |output| output.start);
        let diff = pattern::diff(expected, &actual, first + 1, 3);
        let what = if block.output.is_some() {
            "differs from its `output` block"
        } else {
            "is not empty, but no `output` block follows it"
        };
        problems.push(format!(
            "{place}'s output {what} (- expected, + actual):\n{diff}"
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    problems.push(bless_hint("output", block.topic));
    Err(problems.join("\n"))
}

/// A script's blessing: the output block rewritten (or added) from the run, wildcards kept.
pub(super) fn bless(block: &Block, ran: &BlockRun, timeout: Duration) -> Blessing {
    let run = &ran.run;
    // The output as a page writes it, unless that no longer matches what ran (a line that
    // happens to be `...`, say): then the output itself, literally.
    let mut written = ran.page_lines();
    if !pattern::matches(&written, &run.lines()) {
        written = run
            .lines()
            .iter()
            .map(|line| pattern::literal(line))
            .collect();
    }
    let blessed = pattern::bless_patterns(block.expected(), &written);
    let status = block.status_for(&blessed);
    if let Err(ending) = ends_as_expected(run, status, timeout) {
        return Blessing::Failed(format!(
            "{}: the python block {ending}:\n{}",
            block.location(),
            run.tail(10)
        ));
    }
    if blessed == block.expected() {
        return Blessing::Unchanged;
    }
    let edit = match &block.output {
        Some(output) => Edit {
            start: output.start,
            len: output.lines.len(),
            lines: blessed.clone(),
            indent: block.indent,
        },
        None => {
            let mut lines = vec![String::new(), "```output".to_string()];
            lines.extend(blessed.iter().cloned());
            lines.push("```".into());
            Edit {
                start: block.after,
                len: 0,
                lines,
                indent: block.indent,
            }
        }
    };
    Blessing::Rewrite {
        edit,
        reads_back: blessed,
    }
}
