//! `Pool`: the options of a process pool, and `map` over inputs in workers forked per call.
//!
//! Each `map` (or `imap`) forks its workers afresh, after the function and the inputs exist,
//! so the children simply have them: nothing is pickled on the way in, the function may be any
//! closure (it need not even be `Send`), and only results cross back, as postcard frames. The
//! price is a fork per worker per call, from a fraction of a millisecond to hundreds, growing
//! with the parent's memory (the page tables are copied): worth paying for few calls of tasks
//! that run longer than that. [`Pool::start`] makes the other kind, a
//! [`LivePool`](super::LivePool) forked once and reused, which must instead ship every task
//! to workers forked earlier, and so runs only `fn` pointers on serialised inputs. The options
//! (`processes`, `chunksize`, `initializer`, `maxtasksperchild`) are the same for both, as
//! CPython's `Pool(...)` takes them: so both are made from a `Pool`.
#![forbid(unsafe_code)]

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::chunking::Chunking;
use super::engine::{self, Engine};
use super::error::PoolError;
use super::live::LivePool;
use super::per_call::PerCall;

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
        let inputs: Vec<T> = inputs.into_iter().collect();
        let len = inputs.len();
        Engine::new(PerCall::fork(self, f, inputs)?, len).map()
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
        let inputs: Vec<T> = inputs.into_iter().collect();
        let len = inputs.len();
        Ok(Imap(
            Engine::new(PerCall::fork(self, f, inputs)?, len).imap(),
        ))
    }

    /// Retires each worker of a [`LivePool`] after `tasks` tasks and forks a fresh one in its
    /// place, like CPython's `maxtasksperchild=` (0 counts as 1): memory a task leaks or
    /// fragments goes back to the system. A fork-per-call pool's workers live for one call
    /// anyway, so [`map`](Pool::map) and [`imap`](Pool::imap) ignore it.
    pub fn maxtasksperchild(mut self, tasks: usize) -> Self {
        self.maxtasks = Some(tasks.max(1));
        self
    }

    /// Forks the workers of a long-lived pool now, to be reused by every call on it.
    ///
    /// ```
    /// use concurrency::multiprocessing::Pool;
    ///
    /// let mut pool = Pool::new(2).start()?;
    /// for round in 0..3u64 {
    ///     let squares = pool.map(|x: u64| x * x, 0..5)?; // a fn: no captures
    ///     assert_eq!(squares, [0, 1, 4, 9, 16]);
    /// }
    /// pool.close()?;
    /// # Ok::<(), concurrency::multiprocessing::PoolError>(())
    /// ```
    ///
    /// A task is a `fn`, so a closure that captures anything is refused at compile time:
    /// the workers were forked before the closure existed.
    ///
    /// ```compile_fail,E0308
    /// # use concurrency::multiprocessing::Pool;
    /// let mut pool = Pool::new(2).start().unwrap();
    /// let offset = 10;
    /// let _ = pool.map(|x: u64| x + offset, 0..5); // error[E0308]: mismatched types
    /// ```
    ///
    /// # Errors
    /// `pipe`, `fork` or `mmap` failed, or `/proc/self/maps` could not be read: the pool
    /// reads there which code its workers will have, to check each task before it sends it,
    /// so on a system without it (any but Linux) it refuses to start rather than guess.
    pub fn start(&self) -> Result<LivePool, PoolError> {
        LivePool::fork(self)
    }
}

/// The iterator [`Pool::imap`] returns: results in input order, as they come.
pub struct Imap<R>(engine::Imap<PerCall, R>);

impl<R> std::fmt::Debug for Imap<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.debug(f, "Imap")
    }
}

impl<R: DeserializeOwned> Iterator for Imap<R> {
    type Item = Result<R, PoolError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}
