//! A `pycon` transcript's trial and blessing, from what `doctest` found (see `driver.py`).
//!
//! doctest decides whether an example's output matches (with ELLIPSIS, so `...` elides text);
//! this module only reports each failing example at its page line, diffed as the other
//! blocks are, and for `bless` puts the new output in its place.

use std::time::Duration;

use super::blocks::Block;
use super::run::{BlockRun, Failure, Transcript};
use crate::kind::{Blessing, bless_hint};
use crate::page::edit::Edit;
use crate::{pattern, process};

/// The findings of a transcript that ran to its end, or why it did not.
fn findings<'a>(
    block: &Block,
    ran: &'a BlockRun,
    timeout: Duration,
) -> Result<&'a Transcript, String> {
    match &ran.transcript {
        Some(transcript) if ran.run.code() == Some(0) && transcript.examples > 0 => Ok(transcript),
        Some(_) if ran.run.code() == Some(0) => Err(format!(
            "{}: this pycon block has no `>>> ` example for doctest to check",
            block.location()
        )),
        _ => Err(format!(
            "{}: the pycon transcript did not run to its end: {}:\n{}",
            block.location(),
            process::Ending(&ran.run, timeout),
            ran.run.tail(20)
        )),
    }
}

/// The 0-based page line where a failing example's expected output starts.
fn want_start(block: &Block, failure: &Failure) -> usize {
    block.code.start + failure.line + failure.source
}

/// The trial: every example's output as doctest compared it.
pub(super) fn check(block: &Block, ran: &BlockRun, timeout: Duration) -> Result<(), String> {
    let transcript = findings(block, ran, timeout)?;
    if transcript.failures.is_empty() {
        return Ok(());
    }
    let mut report = format!(
        "{}: {} of the {} examples of this pycon block print otherwise (- expected, + actual):\n",
        block.location(),
        transcript.failures.len(),
        transcript.examples
    );
    for failure in &transcript.failures {
        let source = &block.code.lines[failure.line];
        let line = block.code.start + failure.line + 1;
        report.push_str(&format!("{}:{line}: `{source}`\n", block.path.display()));
        let first = want_start(block, failure) + 1;
        report.push_str(&pattern::diff(&failure.want, &failure.got, first, 3));
    }
    report.push_str(&bless_hint("output", block.topic));
    Err(report)
}

/// The blessing: each failing example's output replaced by what CPython printed, keeping the
/// lines that still match; refused where the new output would read as another example.
pub(super) fn bless(block: &Block, ran: &BlockRun, timeout: Duration) -> Blessing {
    let transcript = match findings(block, ran, timeout) {
        Ok(transcript) => transcript,
        Err(error) => return Blessing::Failed(error),
    };
    if transcript.failures.is_empty() {
        return Blessing::Unchanged;
    }
    let mut lines = block.code.lines.clone();
    // Bottom-up, so the lines of the examples above stay where they are.
    for failure in transcript.failures.iter().rev() {
        let got: Vec<String> = failure
            .got
            .iter()
            .map(|line| {
                // doctest ends an example's output at a blank line: it writes one so.
                if line.trim().is_empty() {
                    "<BLANKLINE>".to_string()
                } else {
                    line.clone()
                }
            })
            .collect();
        let reads_as_source = got.iter().any(|line| line.trim_start().starts_with(">>>"))
            || got
                .first()
                .is_some_and(|line| line.trim_start().starts_with("..."));
        if reads_as_source {
            return Blessing::Failed(format!(
                "{}:{}: the new output has a line doctest would read as code (`>>>`, or `...` first), so the block was left alone: document this output by hand",
                block.path.display(),
                want_start(block, failure) + 1
            ));
        }
        let start = failure.line + failure.source;
        // doctest reads no backslash escapes: what CPython printed is written as it is.
        let blessed = pattern::bless_patterns(&failure.want, &got);
        lines.splice(start..start + failure.want.len(), blessed);
    }
    Blessing::Rewrite {
        edit: Edit {
            start: block.code.start,
            len: block.code.lines.len(),
            lines: lines.clone(),
            indent: block.indent,
        },
        reads_back: lines,
    }
}
