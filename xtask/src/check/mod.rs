//! Turns every documented block into a libtest-mimic trial, for `cargo xtask check` and
//! `cargo test` alike.
//!
//! The trials, in the order they are listed:
//!
//! - `<topic>::documented`: the topic has its page, the page is well formed, every section of
//!   the demo has a block and every block names a real section;
//! - `<topic>::<section>`: one per block, the demo's output against the block. A block that sets
//!   environment variables has them in its name (`recursion::factorial (RUST_LOG=off)`), and a
//!   second block with the same name gets `#2`.
//!
//! Demos run one at a time unless `--test-threads` says otherwise: several of them measure
//! time on purpose, and on a 2-core machine two demos at once would measure each other.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

use crate::page::{self, Block, PageError};
use crate::{demos, pattern, process, topics};

/// A page's path and its blocks, or why it could not be read as documented output.
pub type Page = (PathBuf, Result<Vec<Block>, PageError>);

/// Every page under `docs/` but the format's own `README.md`, with its blocks or its error.
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
            let blocks = page::parse(&relative, &text);
            Ok((relative, blocks))
        })
        .collect()
}

/// Builds the demos and makes the trials.
pub fn trials(root: &Path, timeout: Duration) -> Result<Vec<Trial>, String> {
    let binaries = Arc::new(demos::build(root, &topics::TOPICS)?);
    let pages = read_pages(root)?;
    let blocks: Vec<Block> = pages
        .iter()
        .filter_map(|(_, parsed)| parsed.as_ref().ok())
        .flatten()
        .cloned()
        .collect();
    let mut trials = Vec::new();
    for topic in topics::TOPICS {
        let page = topics::page_path(topic);
        let page_error = pages
            .iter()
            .find(|(path, _)| *path == page)
            .map(|(_, parsed)| parsed.as_ref().err().cloned());
        let documented: Vec<(usize, String, PathBuf)> = blocks
            .iter()
            .filter(|block| block.topic == topic)
            .map(|block| (block.line, block.section.clone(), block.path.clone()))
            .collect();
        let binary = binaries[topic].clone();
        let root = root.to_path_buf();
        trials.push(
            Trial::test(format!("{topic}::documented"), move || {
                coverage(
                    &root,
                    topic,
                    &page,
                    page_error,
                    &documented,
                    &binary,
                    timeout,
                )
            })
            .with_kind("docs"),
        );
    }
    for (path, parsed) in &pages {
        if let Err(error) = parsed {
            let is_topic_page = topics::TOPICS
                .iter()
                .any(|topic| topics::page_path(topic) == *path);
            if !is_topic_page {
                let error = error.clone();
                trials.push(
                    Trial::test(format!("{}::page", path.display()), move || {
                        Err(error.to_string().into())
                    })
                    .with_kind("docs"),
                );
            }
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for block in blocks {
        let mut name = format!("{}::{}", block.topic, block.section);
        if !block.env.is_empty() {
            let env: Vec<String> = block.env.iter().map(|(k, v)| format!("{k}={v}")).collect();
            name = format!("{name} ({})", env.join(" "));
        }
        let count = seen.entry(name.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            name = format!("{name} #{count}");
        }
        let binaries = Arc::clone(&binaries);
        let root = root.to_path_buf();
        trials.push(
            Trial::test(name, move || {
                check_block(&root, &block, &binaries[block.topic], timeout)
            })
            .with_kind("docs"),
        );
    }
    Ok(trials)
}

/// The `<topic>::documented` trial.
fn coverage(
    root: &Path,
    topic: &str,
    page: &Path,
    page_error: Option<Option<PageError>>,
    documented: &[(usize, String, PathBuf)],
    binary: &Path,
    timeout: Duration,
) -> Result<(), Failed> {
    match page_error {
        None => {
            return Err(format!(
                "{} is missing: every topic has a page (see docs/README.md)",
                page.display()
            )
            .into());
        }
        Some(Some(error)) => return Err(error.to_string().into()),
        Some(None) => {}
    }
    let sections = demos::sections(root, binary, timeout)?;
    let mut problems = Vec::new();
    for section in &sections {
        if !documented
            .iter()
            .any(|(_, documented, _)| documented == section)
        {
            problems.push(format!(
                "{}: section `{section}` of the {topic} demo has no documented output: add a block\n```console\n$ cargo xtask demo {topic} {section}\n```\nthen fill it with `cargo xtask bless {topic}`",
                page.display()
            ));
        }
    }
    for (line, section, path) in documented {
        if !sections.contains(section) {
            problems.push(format!(
                "{}:{line}: the {topic} demo has no section `{section}`; its sections are: {}",
                path.display(),
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

/// One block's trial: run its command and compare.
pub fn check_block(
    root: &Path,
    block: &Block,
    binary: &Path,
    timeout: Duration,
) -> Result<(), Failed> {
    let run = demos::run(root, binary, &[&block.section], &block.env, timeout)?;
    let place = format!("{}: `{}`", block.location(), block.command());
    let ending = process::Ending(&run, timeout);
    if run.status.is_none() || run.code() != Some(block.status) {
        let expected = if block.status == 0 {
            String::new()
        } else {
            format!(" (the page expects status {})", block.status)
        };
        return Err(format!(
            "{place} {ending}{expected}; the end of its output:\n{}",
            run.tail(20)
        )
        .into());
    }
    if run.left_behind {
        return Err(format!("{place} exited but left processes of its own running (now killed): a demo must wait for every child it starts").into());
    }
    let actual = run.lines();
    if !pattern::matches(&block.expected, &actual) {
        let diff = pattern::diff(&block.expected, &actual, block.expected_start + 1, 3);
        return Err(format!(
            "{place}: the output differs from the page (- expected, + actual):\n{diff}if the new output is right: `cargo xtask bless {}`, then review `git diff docs/`",
            block.topic
        )
        .into());
    }
    Ok(())
}

/// libtest's arguments, with one demo at a time unless `--test-threads` says otherwise.
pub fn arguments<I: IntoIterator<Item = String>>(args: I) -> Arguments {
    let mut arguments = Arguments::from_iter(args);
    arguments.test_threads.get_or_insert(1);
    arguments
}

/// Builds, makes the trials and runs them: the whole of `cargo xtask check` and of the
/// `documented_output` test.
pub fn run(root: &Path, timeout: Duration, arguments: &Arguments) -> ExitCode {
    match trials(root, timeout) {
        Ok(trials) => libtest_mimic::run(arguments, trials).exit_code(),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The topics each page's blocks show, for `bless`.
pub fn blocks_by_page(
    pages: Vec<(PathBuf, Result<Vec<Block>, PageError>)>,
) -> Result<BTreeMap<PathBuf, Vec<Block>>, PageError> {
    pages
        .into_iter()
        .map(|(path, parsed)| parsed.map(|blocks| (path, blocks)))
        .collect()
}

#[cfg(test)]
mod tests;
