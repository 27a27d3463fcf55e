//! Turns every checked block of the pages into a libtest-mimic trial, for `cargo xtask check`
//! and `cargo test` alike, and counts what was checked.
//!
//! The trials, in the order they run, each labelled with its kind (`--list` shows it, and a
//! filter may name it: `cargo xtask check '[python]'`):
//!
//! - `[page] <topic>::documented`: the topic has its page, the page is well formed (for every
//!   kind of block), every section of the demo has a console block and every block names a real
//!   section;
//! - `[console] <topic>::<section>`: a demo's output against its block ([`kind::console`]);
//! - `[python] <topic>::python::<section>`: a Python block run by CPython ([`kind::python`]);
//! - `[excerpt] <topic>::excerpt::<file>#<region>`: a Rust block against its source
//!   ([`kind::excerpt`]).
//!
//! Trials run one at a time unless `--test-threads` says otherwise: several demos measure
//! time on purpose, and on a 2-core machine two demos at once would measure each other. The
//! Python blocks, which measure nothing, run all at once ahead of their trials.

mod tally;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use libtest_mimic::{Arguments, FormatSetting, Trial};

pub use self::tally::Tally;
use crate::kind::console::{self, Console, Documented};
use crate::kind::excerpt::Excerpt;
use crate::kind::python::{self, Python};
use crate::kind::{self, Record, found};
use crate::page::{self, Page, PageError};
use crate::{demos, topics};

/// What `check` is told besides libtest's flags.
#[derive(Debug, Clone)]
pub struct Options {
    /// The deadline of one demo or Python block.
    pub timeout: Duration,
    /// The interpreter for the Python blocks (`--python`); `None` for `XTASK_PYTHON` or
    /// `python3`.
    pub python: Option<PathBuf>,
}

impl Options {
    /// The Python kind these options ask for: the interpreter chosen (`--python`, else
    /// `XTASK_PYTHON`, else `python3`), required if `REQUIRE_PYTHON=1`.
    pub fn python(&self) -> Python {
        Python::new(
            python::run::chosen(self.python.clone()),
            python::run::required(),
            self.timeout,
        )
    }
}

/// Builds the demos and makes the trials; the selected Python blocks are set to run ahead.
pub fn trials(
    root: &Path,
    options: &Options,
    arguments: &Arguments,
    tally: &Arc<Tally>,
) -> Result<Vec<Trial>, String> {
    let binaries = Arc::new(demos::build(root, &topics::TOPICS)?);
    let pages = page::read_pages(root)?;
    let record: Arc<dyn Record> = tally.clone();
    let console = Arc::new(Console {
        root: root.to_path_buf(),
        binaries: Arc::clone(&binaries),
        timeout: options.timeout,
    });
    let python = Arc::new(options.python());
    let excerpt = Arc::new(Excerpt {
        root: root.to_path_buf(),
    });

    let mut errors: BTreeMap<PathBuf, PageError> = BTreeMap::new();
    let mut keep = |page: &Page, result: Result<(), PageError>| {
        if let Err(error) = result {
            errors.entry(page.path.clone()).or_insert(error);
        }
    };
    let (mut consoles, mut pythons, mut excerpts) = (Vec::new(), Vec::new(), Vec::new());
    for page in &pages {
        keep(page, found::<Console>(page).map(|b| consoles.extend(b)));
        keep(page, found::<Python>(page).map(|b| pythons.extend(b)));
        keep(page, found::<Excerpt>(page).map(|b| excerpts.extend(b)));
    }

    let mut trials = Vec::new();
    for topic in topics::TOPICS {
        let page = topics::page_path(topic);
        let page_error = pages
            .iter()
            .find(|p| p.path == page)
            .map(|_| errors.get(&page).cloned());
        let documented: Vec<Documented> = consoles
            .iter()
            .filter(|block| block.topic == topic)
            .map(|block| (block.line, block.section.clone(), block.path.clone()))
            .collect();
        let binary = binaries[topic].clone();
        let root = root.to_path_buf();
        let timeout = options.timeout;
        trials.push(
            Trial::test(format!("{topic}::documented"), move || {
                console::coverage(
                    &root,
                    topic,
                    &page,
                    page_error,
                    &documented,
                    &binary,
                    timeout,
                )
            })
            .with_kind("page"),
        );
    }
    for (path, error) in &errors {
        let is_topic_page = topics::TOPICS.iter().any(|t| topics::page_path(t) == *path);
        if !is_topic_page {
            let error = error.clone();
            trials.push(
                Trial::test(format!("{}::page", path.display()), move || {
                    Err(error.to_string().into())
                })
                .with_kind("page"),
            );
        }
    }
    trials.extend(kind::trials(&console, consoles, &record));
    let python_trials = kind::trials(&python, pythons.clone(), &record);
    let selected = pythons
        .into_iter()
        .zip(&python_trials)
        .filter(|(_, trial)| !arguments.is_filtered_out(trial))
        .map(|(block, _)| block);
    python.run_ahead(selected.collect());
    trials.extend(python_trials);
    trials.extend(kind::trials(&excerpt, excerpts, &record));
    Ok(trials)
}

/// libtest's arguments, with one trial at a time unless `--test-threads` says otherwise.
pub fn arguments<I: IntoIterator<Item = String>>(args: I) -> Arguments {
    let mut arguments = Arguments::from_iter(args);
    arguments.test_threads.get_or_insert(1);
    arguments
}

/// Builds, makes the trials, runs them and counts them: the whole of `cargo xtask check`
/// and of the `documented_output` test.
pub fn run(root: &Path, options: &Options, arguments: &Arguments) -> ExitCode {
    let tally = Arc::new(Tally::default());
    match trials(root, options, arguments, &tally) {
        Ok(trials) => {
            let conclusion = libtest_mimic::run(arguments, trials);
            // Not into a listing, nor into JSON events a tool reads.
            let json = matches!(arguments.format, Some(FormatSetting::Json));
            if !arguments.list && !json {
                println!("{}", tally.summary());
            }
            conclusion.exit_code()
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests;
