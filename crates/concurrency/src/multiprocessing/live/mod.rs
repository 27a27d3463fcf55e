//! `LivePool`: workers forked once and reused across calls, as CPython's `Pool` keeps them.
//!
//! [`Pool::start`] forks the workers and hands back the pool; every `map` and `imap` after
//! that costs no fork, whatever the parent's size, because the tasks go to the workers
//! instead: the function as the address of a `fn` (valid in a child forked from this very
//! program, see `sys::TaskAddress`), each input serialised with postcard. That is CPython's
//! `fork` pool, which pickles the function by name and the arguments by value. Workers are
//! replaced when they retire (`maxtasksperchild`) or after a call that failed; an idle worker
//! that died is replaced at the next call without failing it, since it lost nothing.
//!
//! - `call`: the dispatch of one call: orders a few chunks ahead, what a death costs.
//! - `orders`: an order's frames, and what the parent keeps about a worker's orders.
//! - `inputs`: a call's inputs, encoded once.
//! - `crew`: the workers, one place each: fork into a place, empty places.
//! - `child`: the child side: orders in, frames out.
//! - `code_map`: which code the workers have, to check a task before it is sent.
#![forbid(unsafe_code)]

mod call;
pub(crate) mod child;
mod code_map;
mod crew;
mod inputs;
mod orders;

use nix::fcntl::{FcntlArg, OFlag, fcntl};
use nix::unistd::Pid;
use serde::Serialize;
use serde::de::DeserializeOwned;

use os::ProcessEnd;

use call::Live;
use crew::Crew;
use inputs::Inputs;
use orders::Order;

use super::Pool;
use super::chunking::Chunking;
use super::engine::{self, Engine};
use super::error::PoolError;
use super::frame::{push_frame, write_all};
use super::sys::TaskAddress;

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
    /// Forks `pool`'s workers: [`Pool::start`].
    pub(crate) fn fork(pool: &Pool) -> Result<Self, PoolError> {
        let mut crew = Crew::new(pool.processes, pool.initializer.clone(), pool.maxtasks)?;
        for place in 0..pool.processes {
            crew.spawn(place)?;
        }
        Ok(Self {
            crew,
            chunking: pool.chunking,
        })
    }

    /// How many workers the pool keeps.
    pub fn processes(&self) -> usize {
        self.crew.places.len()
    }

    /// The pids of the workers alive now (a place left empty is refilled at the next call).
    pub fn pids(&self) -> Vec<Pid> {
        self.crew
            .places
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
        self.call(f, inputs)?.map()
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
        Ok(LiveImap(self.call(f, inputs)?.imap()))
    }

    fn call<T, R>(
        &mut self,
        f: fn(T) -> R,
        inputs: impl IntoIterator<Item = T>,
    ) -> Result<Engine<Live<'_>, R>, PoolError>
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
        let inputs = Inputs::encode(inputs)?;
        self.crew.forget_the_dead()?;
        let len = inputs.len();
        Ok(Engine::new(
            Live::new(&mut self.crew, task, inputs, self.chunking),
            len,
        ))
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
        for mut worker in self.crew.places.iter_mut().filter_map(Option::take) {
            // A few bytes into a pipe the worker drains between calls: room is there, and if
            // the worker is gone the error does not matter.
            let pipe = &worker.orders.pipe;
            let _ = fcntl(pipe, FcntlArg::F_SETFL(OFlag::empty()));
            let _ = write_all(pipe, &stop);
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

/// The iterator [`LivePool::imap`] returns: results in input order, as they come.
pub struct LiveImap<'a, R>(engine::Imap<Live<'a>, R>);

impl<R> std::fmt::Debug for LiveImap<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.debug(f, "LiveImap")
    }
}

impl<R: DeserializeOwned> Iterator for LiveImap<'_, R> {
    type Item = Result<R, PoolError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}
