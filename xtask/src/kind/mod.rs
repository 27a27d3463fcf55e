//! The kinds of checked block, each in a module of its own with one shape: find its blocks on
//! a page, check one (run or compare it), and bless one. `check` makes each block a trial and
//! `bless` rewrites it, through the same [`Kind`] code, so the two cannot disagree on what a
//! block means; a new kind of block is one new module and one line in [`crate::check`] and
//! [`crate::bless`].
//!
//! - [`console`]: a demo's output, `$ cargo xtask demo <topic> <section>`.
//! - [`python`]: a `python` script and its `output` block, or a `pycon` transcript, run by
//!   CPython.
//! - [`excerpt`]: a `rust` block that must equal a region of a source file.
//!
//! [`RunOptions`] says how the blocks run (the deadline, the interpreter, the extension
//! module), for `check`, `bless` and `demo --python` alike.

pub mod console;
pub mod excerpt;
pub mod python;
mod run_options;

pub use run_options::RunOptions;

use std::collections::HashMap;
use std::sync::Arc;

use libtest_mimic::{Completion, Failed, Trial};

use crate::check::Tally;
use crate::page::edit::Edit;
use crate::page::{Fence, Page, PageError};

/// What blessing one block came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blessing {
    /// The page is right already.
    Unchanged,
    /// The page needs `edit`; afterwards the block must read back as `reads_back` (what
    /// [`Kind::text`] gives), or the new text held markup and the page is left alone.
    Rewrite {
        /// The change to the page.
        edit: Edit,
        /// The block's text after it.
        reads_back: Vec<String>,
    },
    /// Left alone, with why (its demo failed, say).
    Failed(String),
    /// Not run here, with why (`skip:`, another Python version, no Python at all).
    Unrun(String),
}

impl Blessing {
    /// The blessing of a block whose lines `old`, from the page's 0-based line `start` and
    /// indented by `indent`, are to become `new`: nothing to do if they are the same.
    pub fn replacing(old: &[String], start: usize, indent: usize, new: Vec<String>) -> Self {
        if new == old {
            return Blessing::Unchanged;
        }
        Blessing::Rewrite {
            edit: Edit {
                start,
                len: old.len(),
                lines: new.clone(),
                indent,
            },
            reads_back: new,
        }
    }
}

/// One kind of checked block.
pub trait Kind: Send + Sync + 'static {
    /// One block of this kind, as read from a page.
    type Block: Clone + Send + Sync + 'static;

    /// The label `check --list` shows, `[console]`, and that a filter can name.
    const LABEL: &'static str;

    /// The blocks of this kind among a page's fences, or the first one that is malformed.
    fn find(page: &Page, fences: &[Fence]) -> Result<Vec<Self::Block>, PageError>;

    /// The trial's name, before a `#2` tells apart two of the same name.
    fn name(block: &Self::Block) -> String;

    /// `docs/page.md:LINE`, where a message points the reader.
    fn location(block: &Self::Block) -> String;

    /// The topic whose `bless <topic>` rewrites the block; `None` for a block only `bless`
    /// without a topic rewrites (one on the glossary, which is no topic's page).
    fn topic(block: &Self::Block) -> Option<&'static str>;

    /// Checks one block: completed if it is right, ignored (with the reason) if it cannot
    /// be checked here, an error naming the page and line otherwise.
    fn check(&self, block: &Self::Block) -> Result<Completion, Failed>;

    /// Works out how to bring one block up to date.
    fn bless(&self, block: &Self::Block) -> Blessing;

    /// The lines of the block that a [`Blessing::Rewrite`] replaces, as they read now.
    fn text(block: &Self::Block) -> Vec<String>;
}

/// A page's blocks of one kind, or why the page cannot be read for them.
pub fn found<K: Kind>(page: &Page) -> Result<Vec<K::Block>, PageError> {
    let fences = page.fences.as_ref().map_err(Clone::clone)?;
    K::find(page, fences)
}

/// The trials' names of a kind's blocks: the kind's name for each, with `#2`, `#3` after a
/// repeated one.
pub fn names<K: Kind>(blocks: &[K::Block]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    blocks
        .iter()
        .map(|block| {
            let name = K::name(block);
            let count = seen.entry(name.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                format!("{name} #{count}")
            } else {
                name
            }
        })
        .collect()
}

/// One trial per block, named by [`names`], labelled with its kind, and counted in `tally`.
pub fn trials<K: Kind>(kind: &Arc<K>, blocks: Vec<K::Block>, tally: &Arc<Tally>) -> Vec<Trial> {
    let names = names::<K>(&blocks);
    blocks
        .into_iter()
        .zip(names)
        .map(|(block, name)| {
            let kind = Arc::clone(kind);
            let tally = Arc::clone(tally);
            let trial_name = name.clone();
            Trial::ignorable_test(name, move || {
                let outcome = kind.check(&block);
                match &outcome {
                    Ok(Completion::Completed) => tally.passed(K::LABEL),
                    Ok(Completion::Ignored { reason }) => {
                        tally.unrun(&trial_name, reason.as_deref().unwrap_or("ignored"))
                    }
                    Err(_) => {}
                }
                outcome
            })
            .with_kind(K::LABEL)
        })
        .collect()
}

/// The hint that closes a mismatch report: "if the new `what` is right", how to bless the
/// block of `topic` (see [`Kind::topic`]).
pub fn bless_hint(what: &str, topic: Option<&str>) -> String {
    let bless = match topic {
        Some(topic) => format!("cargo xtask bless {topic}"),
        None => "cargo xtask bless".to_string(),
    };
    format!("if the new {what} is right: `{bless}`, then review `git diff docs/`")
}
