//! Python blocks: each `python` script is run by CPython and its output compared with the
//! `output` block after it; each `pycon` transcript is checked by CPython's own `doctest`.
//!
//! A trial is named `<topic>::python::<section>`, after the demo section whose console block
//! sits under the same `##` heading (`defaults::python::mutable-default`), or where there is
//! none after the heading's anchor (`typing::python::strong-vs-weak-both-checked-at-run-time`),
//! `#2` for a second block there; so a filter picks one page's Python, or one section's
//! Python and Rust together (`mutable-default`). A block that
//! cannot run here is reported ignored with the reason: a `skip:` directive, a gate that
//! leaves out this interpreter (`versions=`, `free-threaded`, `gil`), an `extension` block
//! where the extension module is not built (under `cargo test`), or no interpreter at all
//! (then a failure if `REQUIRE_PYTHON=1`). The extension module is built once, before the
//! first block that imports it runs ([`crate::extension`]), and copied into each such
//! block's directory.
//!
//! Each trial is one CPython process, and CPython takes tens of milliseconds to start: the
//! selected blocks run ahead of their trials, as many at a time as there are cores
//! ([`Python::start_in_background`]: the blocks that time nothing from the start, beside the
//! demos at a low priority; the others at the first Python trial), so the Python trials cost
//! about one start per core instead of one per block, even though the check runs its trials
//! one at a time for the demos' sake.

mod ahead;
pub mod blocks;
pub mod directives;
pub mod run;
mod script;
mod transcript;

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

use libtest_mimic::{Completion, Failed};

use self::ahead::Runs;
pub use self::blocks::{Block, Form};
use self::run::Interpreter;
use super::{Blessing, Kind};
use crate::page::{Fence, Page, PageError};
use crate::{lock, process};

/// The Python kind: the interpreter (or why there is none) and the runs made ahead.
pub struct Python {
    /// The interpreter asked for (`--python`, `XTASK_PYTHON` or `python3`).
    pub program: PathBuf,
    /// What it is, once a trial has asked: the CPython to run, or why there is none.
    interpreter: OnceLock<Result<Interpreter, String>>,
    /// Whether a missing interpreter fails the trials (`REQUIRE_PYTHON=1`).
    pub required: bool,
    /// The deadline of one run.
    pub timeout: Duration,
    /// The blocks to run ahead, all at once, when the first one is needed.
    ahead: Mutex<Vec<Block>>,
    /// Their runs, each taken by its block's trial, and the blocks still running in the
    /// background.
    runs: Mutex<Runs>,
    /// Signalled each time a background run ends.
    finished: Condvar,
    /// Set once the blocks marked ahead have run.
    started: OnceLock<()>,
    /// The workspace root to build the extension module from, if the blocks that import it
    /// are run here.
    extension_root: Option<PathBuf>,
    /// The extension module, once a block has asked: the library cargo built, or why not.
    extension: OnceLock<Result<PathBuf, String>>,
}

impl Python {
    /// The kind, with nothing run yet: `program` is started the first time a block needs it.
    pub fn new(program: PathBuf, required: bool, timeout: Duration) -> Self {
        Python {
            program,
            interpreter: OnceLock::new(),
            required,
            timeout,
            ahead: Mutex::new(Vec::new()),
            runs: Mutex::new(Runs::default()),
            finished: Condvar::new(),
            started: OnceLock::new(),
            extension_root: None,
            extension: OnceLock::new(),
        }
    }

    /// The kind for an interpreter already [`probe`](run::probe)d, which it does not start
    /// again to ask.
    pub fn with_interpreter(interpreter: Interpreter, timeout: Duration) -> Self {
        let python = Python::new(interpreter.program.clone(), false, timeout);
        python.interpreter.get_or_init(|| Ok(interpreter));
        python
    }

    /// Runs the blocks that import the extension module too, building it from `root`; with
    /// `None` they are left unrun.
    pub fn with_extension(self, root: Option<PathBuf>) -> Self {
        Python {
            extension_root: root,
            ..self
        }
    }

    /// The extension module's library for a block that imports it (built the first time),
    /// `None` for a block that does not.
    fn extension_for(&self, block: &Block) -> Result<Option<&Path>, String> {
        if !block.directives.extension {
            return Ok(None);
        }
        let Some(root) = &self.extension_root else {
            return Err(NOT_BUILT.into());
        };
        let built = self
            .extension
            .get_or_init(|| crate::extension::build(root, false));
        built.as_deref().map(Some).map_err(String::clone)
    }

    /// Marks blocks to be run together, ahead of their trials.
    pub fn run_ahead(&self, blocks: Vec<Block>) {
        lock(&self.ahead).extend(blocks);
    }

    /// Builds the extension module now, before the trials start (as the demos are built), if
    /// one of `blocks` that can run here imports it; else the first such trial builds it.
    pub fn build_extension_for(&self, blocks: &[Block]) {
        let importing = blocks
            .iter()
            .find(|b| b.directives.extension && self.runnable(b).is_ok());
        if let Some(block) = importing {
            // A failed build fails each block that imports the module, with cargo's error.
            let _ = self.extension_for(block);
        }
    }

    /// The CPython to run, or why there is none.
    pub fn interpreter(&self) -> &Result<Interpreter, String> {
        self.interpreter
            .get_or_init(|| run::probe(&self.program, self.timeout))
    }

    /// The interpreter to run a block with, or why it cannot run here.
    pub fn runnable(&self, block: &Block) -> Result<&Interpreter, String> {
        if let Some(reason) = &block.directives.skip {
            return Err(format!("skip: {reason}"));
        }
        let interpreter = self.interpreter().as_ref().map_err(String::clone)?;
        if block.directives.extension && self.extension_root.is_none() {
            return Err(NOT_BUILT.into());
        }
        match block.directives.refusal(interpreter) {
            Some(reason) => Err(reason),
            None => Ok(interpreter),
        }
    }

    /// What a reader running the block sees: a script's output (with its exit status if it
    /// is not 0), or a transcript with CPython's own output after each `>>>`; `Err` if the
    /// block cannot run here, or did not run to its end.
    pub fn shown(&self, block: &Block) -> Result<Vec<String>, String> {
        let interpreter = self.runnable(block)?;
        let ran = self.ran(interpreter, block)?;
        match block.code.form {
            Form::Script => {
                let mut lines = ran.run.lines();
                if ran.run.code() != Some(0) {
                    lines.push(format!("({})", process::Ending(&ran.run, self.timeout)));
                }
                Ok(lines)
            }
            Form::Pycon => match transcript::bless(block, &ran, self.timeout) {
                Blessing::Rewrite { reads_back, .. } => Ok(reads_back),
                Blessing::Unchanged => Ok(block.code.lines.clone()),
                Blessing::Failed(why) | Blessing::Unrun(why) => Err(why),
            },
        }
    }
}

/// Why an `extension` block is not run: its module is built by `cargo xtask check`.
const NOT_BUILT: &str = "imports the extension module, which `cargo xtask check` builds (`cargo test` leaves PyO3 out of its build)";

impl Kind for Python {
    type Block = Block;
    const LABEL: &'static str = "python";

    fn find(page: &Page, fences: &[Fence]) -> Result<Vec<Block>, PageError> {
        blocks::find(page, fences)
    }

    fn name(block: &Block) -> String {
        format!("{}::python::{}", block.page, block.section)
    }

    fn location(block: &Block) -> String {
        block.location()
    }

    fn topic(block: &Block) -> Option<&'static str> {
        block.topic
    }

    fn check(&self, block: &Block) -> Result<Completion, Failed> {
        let interpreter = match self.runnable(block) {
            Ok(interpreter) => interpreter,
            Err(reason)
                if self.required
                    && block.directives.skip.is_none()
                    && self.interpreter().is_err() =>
            {
                return Err(format!(
                    "{}: {reason}, and {}=1 requires one",
                    block.location(),
                    run::REQUIRE_VAR
                )
                .into());
            }
            Err(reason) => return Ok(Completion::ignored_with(reason)),
        };
        let ran = self.ran(interpreter, block)?;
        match block.code.form {
            Form::Script => script::check(block, &ran, self.timeout)?,
            Form::Pycon => transcript::check(block, &ran, self.timeout)?,
        }
        Ok(Completion::Completed)
    }

    fn bless(&self, block: &Block) -> Blessing {
        let interpreter = match self.runnable(block) {
            Ok(interpreter) => interpreter,
            Err(reason) => return Blessing::Unrun(format!("{}: {reason}", block.location())),
        };
        match self.ran(interpreter, block) {
            Err(error) => Blessing::Failed(error),
            Ok(ran) => match block.code.form {
                Form::Script => script::bless(block, &ran, self.timeout),
                Form::Pycon => transcript::bless(block, &ran, self.timeout),
            },
        }
    }

    fn text(block: &Block) -> Vec<String> {
        match block.code.form {
            Form::Script => block.expected().to_vec(),
            Form::Pycon => block.code.lines.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
