//! `LivePool`: workers forked once and reused across calls, as CPython's `Pool` keeps them.
//!
//! [`Pool::start`] forks the workers and hands back the pool; every `map` and `imap` after
//! that costs no fork, whatever the parent's size, because the tasks go to the workers
//! instead: the function as the address of a `fn` (valid in a child forked from this very
//! program, see `sys::TaskAddress`), each input serialised with postcard. That is CPython's
//! `fork` pool, which pickles the function by name and the arguments by value. Workers are
//! replaced when they retire (`maxtasksperchild`) or after a call that failed; an idle worker
//! that died is replaced at the next call without failing it, since it lost nothing.
#![forbid(unsafe_code)]

use nix::fcntl::{FcntlArg, OFlag, fcntl};
use nix::unistd::Pid;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::child::Chunking;
use os::ProcessEnd;

use super::error::PoolError;
use super::frame::{push_frame, write_all};
use super::live_call::Call;
use super::live_crew::Crew;
use super::live_worker::Order;
use super::pool::Pool;
use super::sys::TaskAddress;

impl Pool {
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
        let mut crew = Crew::new(self.processes, self.initializer.clone(), self.maxtasks)?;
        for slot in 0..self.processes {
            crew.spawn(slot)?;
        }
        Ok(LivePool {
            crew,
            chunking: self.chunking,
        })
    }
}

/// A process pool whose workers are forked once, by [`Pool::start`], and reused by every
/// call: CPython's `Pool` as you keep it in a variable.
///
/// Tasks are `fn` pointers (closures that capture nothing coerce to one), inputs and
/// results any `Serialize + DeserializeOwned` type. Results come in input order; a panic is
/// [`PoolError::TaskPanicked`] with the input and the message, and the call still runs every
/// other task, as CPython's `Pool.map` does; a worker that dies fails the call at once with
/// [`PoolError::WorkerDied`], and the pool forks a replacement at its next call. Dropping the
/// pool kills and reaps its workers; [`close`](Self::close) lets them exit.
pub struct LivePool {
    crew: Crew,
    chunking: Chunking,
}

impl std::fmt::Debug for LivePool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LivePool")
            .field("pids", &self.pids())
            .field("chunking", &self.chunking)
            .finish()
    }
}

impl LivePool {
    /// How many workers the pool keeps.
    pub fn processes(&self) -> usize {
        self.crew.workers.len()
    }

    /// The pids of the workers alive now (a place left empty is refilled at the next call).
    pub fn pids(&self) -> Vec<Pid> {
        self.crew
            .workers
            .iter()
            .flatten()
            .map(|worker| worker.pid)
            .collect()
    }

    /// Applies `f` to every input in the workers and returns the results in input order.
    ///
    /// # Errors
    /// [`PoolError::TaskPanicked`] for the lowest-numbered task that panicked, once every
    /// task has run; [`PoolError::WorkerDied`] at once when a worker dies with tasks of this
    /// call in hand (the workers still running its tasks are killed, and replaced at the
    /// next call); [`PoolError::TaskNotForked`], [`PoolError::InputUnencodable`].
    pub fn map<T, R>(
        &mut self,
        f: fn(T) -> R,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Vec<R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let mut call = self.call(f, inputs)?;
        while !call.complete() {
            if let Some(error) = call.take_fatal() {
                return Err(error);
            }
            call.pump()?;
        }
        if let Some(error) = call.first_task_error() {
            return Err(error);
        }
        (0..call.len())
            .map(|index| call.take(index).unwrap_or_else(|| Err(lost(index))))
            .collect()
    }

    /// Like [`map`](Self::map), but yields each result as soon as it and all before it have
    /// come: CPython's `imap`. A panic yields its error in its place and the iteration goes
    /// on; a death yields [`PoolError::WorkerDied`] where the missing results begin and ends
    /// it. Dropping the iterator early kills the workers still running its tasks (the pool
    /// replaces them at its next call).
    ///
    /// # Errors
    /// As for [`map`](Self::map), before any task is sent.
    pub fn imap<T, R>(
        &mut self,
        f: fn(T) -> R,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<LiveImap<'_, R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        Ok(LiveImap {
            call: self.call(f, inputs)?,
            next: 0,
            done: false,
        })
    }

    fn call<T, R>(
        &mut self,
        f: fn(T) -> R,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Call<'_, R>, PoolError>
    where
        T: Serialize + DeserializeOwned,
        R: Serialize + DeserializeOwned,
    {
        let task = TaskAddress::new(f);
        if let Some(address) = task
            .addresses()
            .into_iter()
            .find(|&a| !self.crew.code.contains(a))
        {
            return Err(PoolError::TaskNotForked { address });
        }
        let inputs = inputs
            .into_iter()
            .enumerate()
            .map(|(index, input)| {
                postcard::to_allocvec(&input).map_err(|error| PoolError::InputUnencodable {
                    index,
                    message: error.to_string(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.crew.forget_the_dead()?;
        Ok(Call::new(&mut self.crew, task, inputs, self.chunking))
    }

    /// Lets every worker finish and exit, and reaps it: CPython's `close()` and `join()`.
    ///
    /// # Errors
    /// `waitpid`'s error; a worker that did not exit cleanly is [`PoolError::WorkerDied`].
    pub fn close(mut self) -> Result<(), PoolError> {
        let mut stop = Vec::new();
        push_frame(&mut stop, &Order::Stop).map_err(|message| PoolError::Protocol {
            pid: nix::unistd::getpid(),
            message,
        })?;
        let mut first_error = None;
        for mut worker in self.crew.workers.iter_mut().filter_map(Option::take) {
            // A few bytes into a pipe the worker drains between calls: room is there, and if
            // the worker is gone the error does not matter.
            let _ = fcntl(&worker.orders, FcntlArg::F_SETFL(OFlag::empty()));
            let _ = write_all(&worker.orders, &stop);
            let status = worker.reap();
            if !matches!(status, ProcessEnd::Exited(0) | ProcessEnd::Unknown) {
                first_error.get_or_insert(PoolError::WorkerDied {
                    pid: worker.pid,
                    status,
                    task: None,
                });
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Kills every worker at once and reaps it: CPython's `terminate()`. Dropping the pool
    /// does the same.
    pub fn terminate(self) {}
}

impl Drop for LivePool {
    fn drop(&mut self) {
        self.crew.kill_all();
    }
}

fn lost(index: usize) -> PoolError {
    PoolError::Protocol {
        pid: nix::unistd::getpid(),
        message: format!("the call completed but input {index} has no result"),
    }
}

/// The iterator [`LivePool::imap`] returns: results in input order, as they come.
pub struct LiveImap<'a, R> {
    call: Call<'a, R>,
    next: usize,
    done: bool,
}

impl<R> std::fmt::Debug for LiveImap<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveImap")
            .field("next", &self.next)
            .field("done", &self.done)
            .finish()
    }
}

impl<R: DeserializeOwned> Iterator for LiveImap<'_, R> {
    type Item = Result<R, PoolError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.next == self.call.len() {
            self.done = true;
            return None;
        }
        loop {
            if let Some(item) = self.call.take(self.next) {
                self.next += 1;
                return Some(item);
            }
            if let Some(error) = self.call.take_fatal() {
                self.done = true;
                return Some(Err(error));
            }
            if let Err(error) = self.call.pump() {
                self.done = true;
                return Some(Err(error));
            }
        }
    }
}
