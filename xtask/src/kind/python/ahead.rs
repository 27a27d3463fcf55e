//! The blocks run ahead of their trials: those that time nothing from the start, in the
//! background beside the demos; the rest at the first Python trial; each run kept until its
//! trial takes it.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use super::run::{self, BlockRun, Interpreter};
use super::{Block, Python};
use crate::lock;

impl Python {
    /// Starts the blocks marked ahead that do not time themselves on a thread of their own,
    /// at a low CPU priority ([`run::Priority::Background`]), while the trials before theirs
    /// run: the demos, several of which measure time, then get the cores whenever they want
    /// them, and the blocks run while the demos wait (most of a demo's time is sleeping or
    /// waiting for a child). The blocks that time themselves ([`run::times_itself`]) are left
    /// to run at the first Python trial, with nothing else running. Where `nice` cannot run,
    /// nothing is started.
    pub fn start_in_background(self: &Arc<Self>) {
        if !run::can_nice() {
            return;
        }
        let blocks: Vec<Block> = {
            let mut ahead = lock(&self.ahead);
            let (now, later) = std::mem::take(&mut *ahead)
                .into_iter()
                .partition(|b| self.runnable(b).is_ok() && !run::times_itself(b));
            *ahead = later;
            now
        };
        lock(&self.runs).background.extend(blocks.iter().map(key));
        let python = Arc::clone(self);
        std::thread::spawn(move || python.run_all(blocks, run::Priority::Background));
    }

    /// Runs `blocks` on as many workers as there are cores, keeping each run for its trial.
    fn run_all(&self, blocks: Vec<Block>, priority: run::Priority) {
        // Whatever happens to this batch, no trial waits for a block it did not run: the
        // trial then runs the block itself.
        let _release = Release {
            python: self,
            keys: blocks.iter().map(key).collect(),
        };
        let Ok(interpreter) = self.interpreter() else {
            return;
        };
        let queue = Mutex::new(blocks.into_iter());
        let workers = std::thread::available_parallelism().map_or(2, usize::from);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    // The queue's lock is taken and let go in the closure: held in the
                    // `while let` itself, it would last the whole run of the block, and
                    // the workers would run one block at a time.
                    let next = || lock(&queue).next();
                    while let Some(block) = next() {
                        let ran = self.extension_for(&block).and_then(|extension| {
                            run::run(interpreter, &block, extension, self.timeout, priority)
                        });
                        let key = key(&block);
                        let mut runs = lock(&self.runs);
                        runs.background.remove(&key);
                        runs.done.insert(key, ran);
                        drop(runs);
                        self.finished.notify_all();
                    }
                });
            }
        });
    }

    /// The block's run: made ahead (in the background, or at the first Python trial), or made
    /// now.
    pub(super) fn ran(&self, interpreter: &Interpreter, block: &Block) -> Result<BlockRun, String> {
        let mut runs = lock(&self.runs);
        while runs.background.contains(&key(block)) {
            runs = self
                .finished
                .wait(runs)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if let Some(ran) = runs.done.remove(&key(block)) {
            return ran;
        }
        drop(runs);
        self.started.get_or_init(|| {
            let ahead = std::mem::take(&mut *lock(&self.ahead));
            let runnable: Vec<Block> = ahead
                .into_iter()
                .filter(|b| self.runnable(b).is_ok())
                .collect();
            self.run_all(runnable, run::Priority::Normal);
        });
        let ahead = lock(&self.runs).done.remove(&key(block));
        ahead.unwrap_or_else(|| {
            let extension = self.extension_for(block)?;
            run::run(
                interpreter,
                block,
                extension,
                self.timeout,
                run::Priority::Normal,
            )
        })
    }
}

pub(super) fn key(block: &Block) -> (PathBuf, usize) {
    (block.path.clone(), block.code.line)
}

/// The runs made ahead, until their trials take them, and the blocks still running in the
/// background.
#[derive(Default)]
pub(super) struct Runs {
    done: HashMap<(PathBuf, usize), Result<BlockRun, String>>,
    background: HashSet<(PathBuf, usize)>,
}

/// Takes a batch's blocks off the background list when the batch ends, however it ends, and
/// wakes the trials waiting for them.
struct Release<'a> {
    python: &'a Python,
    keys: Vec<(PathBuf, usize)>,
}

impl Drop for Release<'_> {
    fn drop(&mut self) {
        let mut runs = lock(&self.python.runs);
        for key in &self.keys {
            runs.background.remove(key);
        }
        drop(runs);
        self.python.finished.notify_all();
    }
}
