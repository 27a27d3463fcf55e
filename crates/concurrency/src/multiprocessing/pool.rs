//! `Pool`: map a function over inputs in forked worker processes, results in input order.
//!
//! Each `map` (or `imap`) forks its workers afresh, after the function and the inputs exist,
//! so the children simply have them: nothing is pickled on the way in, the function may be any
//! closure (it need not even be `Send`), and only results cross back, as postcard frames. The
//! price is a fork per worker per call, from a fraction of a millisecond to hundreds, growing
//! with the parent's memory (the page tables are copied): worth paying for few calls of tasks
//! that run longer than that. [`Pool::start`] makes the other kind, a
//! [`LivePool`](super::LivePool) forked once and reused, which must instead ship every task
//! to workers forked earlier, and so runs only `fn` pointers on serialised inputs.
#![forbid(unsafe_code)]

use std::sync::Arc;

use nix::fcntl::OFlag;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::child::{self, Chunking, Job};
use super::error::PoolError;
use super::pool_call::{ChildHandle, PoolCall};
use super::sys::{SharedSlots, fork_with};

/// A process pool: Python's `multiprocessing.Pool`.
///
/// ```
/// use concurrency::multiprocessing::Pool;
///
/// let squares = Pool::new(2).map(|x: u64| x * x, 0..10)?;
/// assert_eq!(squares, [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
/// # Ok::<(), concurrency::multiprocessing::PoolError>(())
/// ```
#[derive(Clone)]
pub struct Pool {
    pub(super) processes: usize,
    pub(super) chunking: Chunking,
    pub(super) initializer: Option<Arc<dyn Fn() + Send + Sync>>,
    /// Only the long-lived pool recycles workers; see [`Pool::maxtasksperchild`].
    pub(super) maxtasks: Option<usize>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("processes", &self.processes)
            .field("chunking", &self.chunking)
            .field("initializer", &self.initializer.is_some())
            .field("maxtasksperchild", &self.maxtasks)
            .finish()
    }
}

impl Default for Pool {
    /// One worker per logical CPU, like `Pool()` with `os.cpu_count()`.
    fn default() -> Self {
        Self::new(num_cpus::get())
    }
}

impl Pool {
    /// A pool of `processes` workers (0 counts as 1).
    pub fn new(processes: usize) -> Self {
        Self {
            processes: processes.max(1),
            chunking: Chunking::Guided,
            initializer: None,
            maxtasks: None,
        }
    }

    /// How many workers a call forks (fewer if there are fewer inputs).
    pub fn processes(&self) -> usize {
        self.processes
    }

    /// Has each worker claim `chunksize` inputs at a time (0 counts as 1, and a chunk larger
    /// than the inputs is all of them).
    ///
    /// The default is *guided*: a claim takes a quarter of a fair share of the inputs still
    /// unclaimed, `ceil(remaining / (4 * processes))`. The first chunk is CPython's fixed
    /// default (`divmod(len, 4 * processes)`, rounded up); later ones shrink down to one task,
    /// so no worker is left alone with a big last chunk. A claim is one atomic operation on
    /// shared memory, not a message as in CPython, so `chunksize(1)` is cheap here: use it when
    /// tasks vary wildly in cost, or to get each [`imap`](Self::imap) result as soon as it is
    /// ready (CPython's `imap` defaults to 1 for that reason).
    pub fn chunksize(mut self, chunksize: usize) -> Self {
        self.chunking = Chunking::Fixed(chunksize.max(1));
        self
    }

    /// Runs `initializer` once in each worker before its first task, like CPython's
    /// `initializer=`. State it sets up (a `thread_local!`, a `static`) lives in that worker.
    ///
    /// If it panics, the call fails with [`PoolError::InitializerPanicked`].
    ///
    /// ```
    /// use std::cell::Cell;
    /// use concurrency::multiprocessing::Pool;
    ///
    /// thread_local! {
    ///     static CONNECTED: Cell<bool> = const { Cell::new(false) };
    /// }
    /// let pool = Pool::new(2).initializer(|| CONNECTED.with(|c| c.set(true)));
    /// let seen = pool.map(|_: u8| CONNECTED.with(Cell::get), 0..4)?;
    /// assert_eq!(seen, [true; 4]);
    /// assert!(!CONNECTED.with(Cell::get)); // the parent never ran it
    /// # Ok::<(), concurrency::multiprocessing::PoolError>(())
    /// ```
    pub fn initializer(mut self, initializer: impl Fn() + Send + Sync + 'static) -> Self {
        self.initializer = Some(Arc::new(initializer));
        self
    }

    /// Applies `f` to every input in the workers and returns the results in input order.
    ///
    /// Fails fast: at the first task that panics, or the first worker that dies, every
    /// worker is killed and reaped and the error returned. A worker that dies after every
    /// input had its result (say, killed while it wrote out its tasks' output) cost nothing:
    /// `map` returns the results, as [`imap`](Self::imap) yields them all, and as CPython's
    /// pools do.
    ///
    /// # Errors
    /// [`PoolError::TaskPanicked`] names the input's index and the panic message;
    /// [`PoolError::WorkerDied`] the worker's pid, how it ended, and the task it was running.
    pub fn map<T, R, F>(
        &self,
        f: F,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Vec<R>, PoolError>
    where
        F: Fn(T) -> R,
        R: Serialize + DeserializeOwned,
    {
        let mut call = self.fork_workers(f, inputs)?;
        loop {
            if let Some(error) = call.take_fatal().or_else(|| call.first_task_error()) {
                return Err(error);
            }
            if call.all_reaped() {
                break;
            }
            call.pump()?;
        }
        (0..call.len())
            .map(|index| call.take(index).unwrap_or_else(|| Err(lost(index))))
            .collect()
    }

    /// Like [`map`](Self::map), but yields each result as soon as it and all before it have
    /// come: CPython's `imap`.
    ///
    /// A task that panicked yields its error in its place and the iteration goes on; a
    /// worker that died yields [`PoolError::WorkerDied`] where the missing results begin,
    /// and ends the iteration; a death after the last result came yields nothing, as for
    /// [`map`](Self::map). Dropping the iterator early kills and reaps the workers.
    ///
    /// # Errors
    /// Making the workers can fail (`fork`, `pipe`, `mmap`).
    pub fn imap<T, R, F>(
        &self,
        f: F,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Imap<R>, PoolError>
    where
        F: Fn(T) -> R,
        R: Serialize + DeserializeOwned,
    {
        Ok(Imap {
            call: self.fork_workers(f, inputs)?,
            next: 0,
            done: false,
        })
    }

    /// Forks the workers for one call.
    fn fork_workers<T, R, F>(
        &self,
        f: F,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<PoolCall<R>, PoolError>
    where
        F: Fn(T) -> R,
        R: Serialize + DeserializeOwned,
    {
        let mut inputs: Vec<Option<T>> = inputs.into_iter().map(Some).collect();
        let processes = self.processes.min(inputs.len());
        let slots = SharedSlots::new(1 + processes).map_err(PoolError::os("mmap"))?;
        let mut call = PoolCall::new(inputs.len(), slots);
        child::install_panic_hook();
        for worker in 0..processes {
            let (read, write) =
                nix::unistd::pipe2(OFlag::O_CLOEXEC).map_err(PoolError::os("pipe"))?;
            let mut read = Some(read);
            // If `fork` fails, `call` is dropped and kills the workers made so far.
            let pid = fork_with(|| {
                // Child: close the read ends, ours and the siblings', so that a write to a
                // pipe the parent closed fails with EPIPE instead of blocking.
                read.take();
                for sibling in &mut call.workers {
                    sibling.pipe = None;
                }
                let job = Job {
                    f: &f,
                    inputs: &mut inputs,
                    slots: call.slots.slots(),
                    worker,
                    processes,
                    chunking: self.chunking,
                    initializer: self.initializer.as_deref(),
                };
                child::run(job, &write)
            })
            .map_err(PoolError::os("fork"))?;
            // Parent: our copy of the write end must go, or end of file would never come.
            drop(write);
            if let Some(read) = read {
                call.workers.push(ChildHandle::new(pid, read));
            }
        }
        Ok(call)
    }
}

fn lost(index: usize) -> PoolError {
    PoolError::Protocol {
        pid: nix::unistd::getpid(),
        message: format!("every worker finished but input {index} has no result"),
    }
}

/// The iterator [`Pool::imap`] returns: results in input order, as they come.
pub struct Imap<R> {
    call: PoolCall<R>,
    next: usize,
    done: bool,
}

impl<R> std::fmt::Debug for Imap<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Imap")
            .field("next", &self.next)
            .field("done", &self.done)
            .finish()
    }
}

impl<R: DeserializeOwned> Iterator for Imap<R> {
    type Item = Result<R, PoolError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            if self.next == self.call.len() {
                self.done = true;
                // Let the workers finish on their own, then reap them.
                while !self.call.all_reaped() {
                    if self.call.pump().is_err() {
                        self.call.kill_all();
                    }
                }
                return None;
            }
            if let Some(item) = self.call.take(self.next) {
                self.next += 1;
                return Some(item);
            }
            if self.call.has_fatal() {
                self.done = true;
                return self.call.take_fatal().map(Err);
            }
            if self.call.all_reaped() {
                self.done = true;
                return Some(Err(lost(self.next)));
            }
            if let Err(error) = self.call.pump() {
                self.done = true;
                self.call.kill_all();
                return Some(Err(error));
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = if self.done {
            0
        } else {
            self.call.len() - self.next
        };
        (0, Some(left))
    }
}
