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
//! Only the demos that the selected trials run are built: a filter for one block builds one
//! demo, and one for Python blocks builds none.
//!
//! `--pythons` lists the interpreters found instead, and what each runs ([`pythons`]).
//!
//! Trials run one at a time unless `--test-threads` says otherwise: several demos measure
//! time on purpose, and on a 2-core machine two demos at once would measure each other. The
//! Python blocks run ahead of their trials, as many at a time as there are cores: those that
//! time nothing from the start, at a low CPU priority, beside the demos, and those that
//! time something at the first Python trial, once the demos are done
//! ([`Python::start_in_background`]).

pub mod pythons;
mod tally;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use libtest_mimic::{Arguments, FormatSetting, Trial};

pub use self::tally::Tally;
use crate::kind::console::{self, Console, PageState};
use crate::kind::excerpt::Excerpt;
use crate::kind::python::{self, Python};
use crate::kind::{self, Kind, RunOptions, found};
use crate::page::{self, Page, PageError};
use crate::{demo_binary, topics};

/// Makes the trials, after building the demos that the selected ones run; the selected
/// Python blocks are set to run ahead.
pub fn trials(
    root: &Path,
    options: &RunOptions,
    arguments: &Arguments,
    tally: &Arc<Tally>,
) -> Result<Vec<Trial>, String> {
    let pages = page::read_pages(root)?;
    let blocks = Blocks::of(&pages);
    let binaries = Arc::new(demo_binary::build(root, &blocks.demos_run(arguments))?);
    let console = Arc::new(Console {
        root: root.to_path_buf(),
        binaries: Arc::clone(&binaries),
        timeout: options.timeout,
    });
    let python = Arc::new(options.python());
    let excerpt = Arc::new(Excerpt {
        root: root.to_path_buf(),
    });

    let mut trials = Vec::new();
    for topic in topics::TOPICS {
        let page = topics::page_path(topic);
        let state = match (
            pages.iter().any(|p| p.path == page),
            blocks.errors.get(&page),
        ) {
            (false, _) => PageState::Missing,
            (true, Some(error)) => PageState::Malformed(error.clone()),
            (true, None) => PageState::WellFormed,
        };
        let documented: Vec<console::Block> = blocks
            .consoles
            .iter()
            .filter(|block| block.topic == topic)
            .cloned()
            .collect();
        let binary = binaries.get(topic).cloned();
        let root = root.to_path_buf();
        let timeout = options.timeout;
        trials.push(
            Trial::test(documented_name(topic), move || {
                let binary = binary.ok_or(format!("the {topic} demo was not built"))?;
                console::coverage(&root, topic, &page, state, &documented, &binary, timeout)
            })
            .with_kind(PAGE),
        );
    }
    for (path, error) in &blocks.errors {
        let is_topic_page = topics::TOPICS.iter().any(|t| topics::page_path(t) == *path);
        if !is_topic_page {
            let error = error.clone();
            trials.push(
                Trial::test(format!("{}::page", path.display()), move || {
                    Err(error.to_string().into())
                })
                .with_kind(PAGE),
            );
        }
    }
    trials.extend(kind::trials(&console, blocks.consoles, tally));
    let ahead = selected::<Python>(arguments, &blocks.pythons);
    if !arguments.list {
        python.build_extension_for(&ahead);
    }
    python.run_ahead(ahead);
    if !arguments.list {
        python.start_in_background();
    }
    trials.extend(kind::trials(&python, blocks.pythons, tally));
    trials.extend(kind::trials(&excerpt, blocks.excerpts, tally));
    Ok(trials)
}

/// The kind of the trials that check a page as a whole.
const PAGE: &str = "page";

/// The name of a topic's `<topic>::documented` trial.
fn documented_name(topic: &str) -> String {
    format!("{topic}::documented")
}

/// Every page's blocks of each kind, and each page's first error.
struct Blocks {
    consoles: Vec<console::Block>,
    pythons: Vec<python::Block>,
    excerpts: Vec<kind::excerpt::Block>,
    /// The first error of each malformed page, for any kind of block.
    errors: BTreeMap<PathBuf, PageError>,
}

impl Blocks {
    fn of(pages: &[Page]) -> Blocks {
        let mut blocks = Blocks {
            consoles: Vec::new(),
            pythons: Vec::new(),
            excerpts: Vec::new(),
            errors: BTreeMap::new(),
        };
        for page in pages {
            let mut keep = |result: Result<(), PageError>| {
                if let Err(error) = result {
                    blocks.errors.entry(page.path.clone()).or_insert(error);
                }
            };
            keep(found::<Console>(page).map(|b| blocks.consoles.extend(b)));
            keep(found::<Python>(page).map(|b| blocks.pythons.extend(b)));
            keep(found::<Excerpt>(page).map(|b| blocks.excerpts.extend(b)));
        }
        blocks
    }

    /// The topics whose demo a selected trial runs: its `<topic>::documented` trial (which
    /// asks the demo for its sections) or one of its console blocks.
    fn demos_run(&self, arguments: &Arguments) -> Vec<&'static str> {
        let consoles = selected::<Console>(arguments, &self.consoles);
        let runs = |topic: &&str| {
            is_selected(arguments, &documented_name(topic), PAGE)
                || consoles.iter().any(|block| block.topic == *topic)
        };
        topics::TOPICS.into_iter().filter(runs).collect()
    }
}

/// The blocks whose trials the filter and `--skip` of `arguments` keep.
fn selected<K: Kind>(arguments: &Arguments, blocks: &[K::Block]) -> Vec<K::Block> {
    let names = kind::names::<K>(blocks);
    let kept = blocks.iter().zip(&names);
    kept.filter(|(_, name)| is_selected(arguments, name, K::LABEL))
        .map(|(block, _)| block.clone())
        .collect()
}

/// Whether `arguments` keep a trial of this name and kind: libtest-mimic decides that for a
/// trial, so one is made to ask it.
fn is_selected(arguments: &Arguments, name: &str, kind: &str) -> bool {
    let trial = Trial::test(name, || Ok(())).with_kind(kind);
    !arguments.is_filtered_out(&trial)
}

/// libtest's arguments, with one trial at a time unless `--test-threads` says otherwise.
pub fn arguments<I: IntoIterator<Item = String>>(args: I) -> Arguments {
    let mut arguments = Arguments::from_iter(args);
    arguments.test_threads.get_or_insert(1);
    arguments
}

/// Builds, makes the trials, runs them and counts them: the whole of `cargo xtask check`
/// and of the `documented_output` test.
pub fn run(root: &Path, options: &RunOptions, arguments: &Arguments) -> ExitCode {
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
