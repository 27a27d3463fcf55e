//! Console blocks: a demo's output, checked against the page and blessed from it.
//!
//! Each block runs `cargo xtask demo <topic> <section>` (its binary, really, built once) and
//! compares what it prints with the block, through [`pattern`]. The trial of a block is named
//! `<topic>::<section>`, with the block's environment variables after it
//! (`recursion::factorial (RUST_LOG=off)`). Besides the blocks, each topic has a
//! `<topic>::documented` trial ([`coverage`]): the page is well formed, every section of the
//! demo has a block and every block names a real section.

pub mod parse;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Completion, Failed};

pub use self::parse::Block;
use super::{Blessing, Kind, bless_hint};
use crate::page::{Fence, Page, PageError};
use crate::process::{self, Run};
use crate::{demo_binary, pattern};

/// The console kind: the demos' binaries, and how long one may run.
pub struct Console {
    /// The workspace root, where the demos run.
    pub root: PathBuf,
    /// The demo binary of each topic built: the check builds those its selected trials run.
    pub binaries: Arc<BTreeMap<String, PathBuf>>,
    /// The deadline of one run.
    pub timeout: Duration,
}

impl Kind for Console {
    type Block = Block;
    const LABEL: &'static str = "console";

    fn find(page: &Page, fences: &[Fence]) -> Result<Vec<Block>, PageError> {
        parse::blocks(&page.path, fences)
    }

    fn name(block: &Block) -> String {
        let name = format!("{}::{}", block.topic, block.section);
        if block.env.is_empty() {
            return name;
        }
        let env: Vec<String> = block.env.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{name} ({})", env.join(" "))
    }

    fn location(block: &Block) -> String {
        block.location()
    }

    fn topic(block: &Block) -> Option<&'static str> {
        Some(block.topic)
    }

    fn check(&self, block: &Block) -> Result<Completion, Failed> {
        let binary = self.binary(block.topic)?;
        check_block(&self.root, block, binary, self.timeout).map(|()| Completion::Completed)
    }

    fn bless(&self, block: &Block) -> Blessing {
        let binary = match self.binary(block.topic) {
            Ok(binary) => binary,
            Err(error) => return Blessing::Failed(error),
        };
        let run = match run_block(&self.root, block, binary, self.timeout) {
            Ok(run) => run,
            Err(Unexpected::NotRun(error)) => return Blessing::Failed(error),
            Err(Unexpected::Ended { run, ending }) => {
                return Blessing::Failed(format!("{} {ending}:\n{}", place(block), run.tail(10)));
            }
        };
        let blessed = pattern::bless(&block.expected, &run.lines());
        Blessing::replacing(&block.expected, block.expected_start, block.indent, blessed)
    }

    fn text(block: &Block) -> Vec<String> {
        block.expected.clone()
    }
}

impl Console {
    /// The demo binary of `topic`, which the check built if a selected trial needs it.
    fn binary(&self, topic: &str) -> Result<&Path, String> {
        self.binaries
            .get(topic)
            .map(PathBuf::as_path)
            .ok_or_else(|| format!("the {topic} demo was not built"))
    }
}

/// A block's run that did not end as the page expects.
enum Unexpected {
    /// The demo could not be run at all.
    NotRun(String),
    /// It ran and ended otherwise: how (its status, its signal or its deadline), and the
    /// run, whose last lines say why.
    Ended {
        /// The run.
        run: Run,
        /// How it ended, and the status the page expects.
        ending: String,
    },
}

/// Runs a block's command, as the check and `bless` both do, and returns its run if it ended
/// with the status the page expects.
fn run_block(
    root: &Path,
    block: &Block,
    binary: &Path,
    timeout: Duration,
) -> Result<Run, Unexpected> {
    let run = demo_binary::run(root, binary, &[&block.section], &block.env, timeout)
        .map_err(Unexpected::NotRun)?;
    match ends_as_expected(&run, block, timeout) {
        Ok(()) => Ok(run),
        Err(ending) => Err(Unexpected::Ended { run, ending }),
    }
}

/// `docs/page.md:LINE: `cargo xtask demo ...``, where a message about a run starts.
fn place(block: &Block) -> String {
    format!("{}: `{}`", block.location(), block.command())
}

/// Whether the demo ended with the status the block expects; if not, how it ended.
fn ends_as_expected(run: &Run, block: &Block, timeout: Duration) -> Result<(), String> {
    if run.code() == Some(block.status) {
        return Ok(());
    }
    let expected = if block.status == 0 {
        String::new()
    } else {
        format!(" (the page expects status {})", block.status)
    };
    Err(format!("{}{expected}", process::Ending(run, timeout)))
}

/// One block's trial: run its command and compare.
pub fn check_block(
    root: &Path,
    block: &Block,
    binary: &Path,
    timeout: Duration,
) -> Result<(), Failed> {
    let place = place(block);
    let run = match run_block(root, block, binary, timeout) {
        Ok(run) => run,
        Err(Unexpected::NotRun(error)) => return Err(error.into()),
        Err(Unexpected::Ended { run, ending }) => {
            return Err(
                format!("{place} {ending}; the end of its output:\n{}", run.tail(20)).into(),
            );
        }
    };
    if run.left_behind {
        return Err(format!("{place} exited but left processes of its own running (now killed): a demo must wait for every child it starts").into());
    }
    let actual = run.lines();
    if !pattern::matches(&block.expected, &actual) {
        let diff = pattern::diff(&block.expected, &actual, block.expected_start + 1, 3);
        return Err(format!(
            "{place}: the output differs from the page (- expected, + actual):\n{diff}{}",
            bless_hint("output", Some(block.topic))
        )
        .into());
    }
    Ok(())
}

/// What the check found of a topic's page, for its `<topic>::documented` trial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageState {
    /// There is no page.
    Missing,
    /// The page cannot be read, for any kind of block: its first error.
    Malformed(PageError),
    /// The page reads.
    WellFormed,
}

/// The `<topic>::documented` trial: the page is there and well formed, and its console
/// blocks (`documented`, from any page) show every section of the demo and no other.
pub fn coverage(
    root: &Path,
    topic: &str,
    page: &Path,
    state: PageState,
    documented: &[Block],
    binary: &Path,
    timeout: Duration,
) -> Result<(), Failed> {
    match state {
        PageState::Missing => {
            return Err(format!(
                "{} is missing: every topic has a page (see docs/contributing/checked-pages.md)",
                page.display()
            )
            .into());
        }
        PageState::Malformed(error) => return Err(error.to_string().into()),
        PageState::WellFormed => {}
    }
    let sections = demo_binary::sections(root, binary, timeout)?;
    let mut problems = Vec::new();
    for section in &sections {
        if !documented.iter().any(|block| block.section == *section) {
            problems.push(format!(
                "{}: section `{section}` of the {topic} demo has no documented output: add a block\n```console\n$ cargo xtask demo {topic} {section}\n```\nthen fill it with `cargo xtask bless {topic}`",
                page.display()
            ));
        }
    }
    for block in documented {
        if !sections.contains(&block.section) {
            problems.push(format!(
                "{}: the {topic} demo has no section `{}`; its sections are: {}",
                block.location(),
                block.section,
                sections.join(", ")
            ));
        }
    }
    if sections.is_empty() {
        problems.push(format!(
            "the {topic} demo has no sections: crates/{topic}/src/main.rs lists them"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

#[cfg(test)]
mod tests;
