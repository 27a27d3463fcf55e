//! Rewrites documented blocks from the actual output, for an intended change.
//!
//! Each block becomes [`pattern::bless`] of itself and the output: lines that still match stay
//! as they are, wildcards included, and the rest take the actual text. A demo that fails
//! (wrong status, killed at the deadline) leaves its block alone and makes `bless` fail,
//! since its output is not something to document. Blocks are rewritten from the bottom of the
//! page up, so the line numbers of the ones above stay valid.

use std::path::Path;
use std::time::Duration;

use crate::{check, demos, pattern, process};

/// What `bless` did to the pages.
#[derive(Debug, Default)]
pub struct Report {
    /// Blocks whose text changed.
    pub rewritten: Vec<String>,
    /// Blocks already right.
    pub unchanged: usize,
    /// Blocks whose demo failed, with why.
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
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let mut changed = false;
        for block in blocks.iter().rev().filter(|block| wanted(block.topic)) {
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
            let start = block.expected_start;
            lines.splice(start..start + block.expected.len(), blessed);
            report
                .rewritten
                .push(format!("{} ({})", block.location(), block.command()));
            changed = true;
        }
        if changed {
            let mut text = lines.join("\n");
            text.push('\n');
            std::fs::write(root.join(&path), text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(report)
}
