//! The parent side of one call on the long-lived pool: hand out chunks, take in results,
//! replace retired workers, fail fast on a death.
//!
//! Each worker is sent a few chunks ahead (see `live_dispatch`), so it never waits for the
//! parent between two, and the rest stay in the parent for whichever worker frees up first. Orders
//! go out through non-blocking pipes and results are read as they come with `poll`, so the
//! parent never blocks on one worker while another waits for it (a worker blocked writing
//! results while the parent blocks writing its orders would be a deadlock). As in `run`, a
//! `waitpid(WNOHANG)` sweep every [`SWEEP`] catches a death whose end of file is late.
#![forbid(unsafe_code)]

use std::ops::Range;
use std::os::fd::AsFd;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use serde::de::DeserializeOwned;

use super::child::Chunking;
use super::error::PoolError;
use super::frame::Message;
use super::live_crew::Crew;
use super::outcomes::{Outcomes, Recorded};
use super::pool_call::poll_ready;
use super::sys::TaskAddress;

/// How often the parent checks for dead workers besides watching their pipes.
const SWEEP: Duration = Duration::from_millis(100);

/// A call in flight on a [`LivePool`](super::LivePool).
pub(crate) struct Call<'a, R> {
    pub(super) crew: &'a mut Crew,
    pub(super) task: TaskAddress,
    /// The encoded inputs, each kept until its outcome comes, in case its worker dies
    /// before starting it and it must go to another.
    pub(super) inputs: Vec<Vec<u8>>,
    /// The first input not sent yet.
    pub(super) next: usize,
    /// Inputs sent to a worker that died before it started them: sent again first.
    pub(super) retry: Vec<Range<usize>>,
    pub(super) chunking: Chunking,
    outcomes: Outcomes<R>,
    /// An error that stopped the call (a dead worker), not yet handed out.
    pub(super) fatal: Option<PoolError>,
    last_sweep: Instant,
    /// When the call began, how many outcomes came since, and the last chunk's length:
    /// what [`depth`](Self::depth) measures the tasks by.
    pub(super) begun: Instant,
    pub(super) answered: usize,
    pub(super) chunk_len: usize,
}

impl<'a, R: DeserializeOwned> Call<'a, R> {
    pub(crate) fn new(
        crew: &'a mut Crew,
        task: TaskAddress,
        inputs: Vec<Vec<u8>>,
        chunking: Chunking,
    ) -> Self {
        Self {
            crew,
            task,
            outcomes: Outcomes::new(inputs.len()),
            inputs,
            next: 0,
            retry: Vec::new(),
            chunking,
            fatal: None,
            last_sweep: Instant::now(),
            begun: Instant::now(),
            answered: 0,
            chunk_len: 1,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.outcomes.len()
    }

    /// Whether every input has its outcome.
    pub(crate) fn complete(&self) -> bool {
        self.outcomes.complete()
    }

    pub(crate) fn take(&mut self, index: usize) -> Option<Result<R, PoolError>> {
        self.outcomes.take(index)
    }

    pub(crate) fn take_fatal(&mut self) -> Option<PoolError> {
        self.fatal.take()
    }

    pub(crate) fn first_task_error(&mut self) -> Option<PoolError> {
        self.outcomes.first_error()
    }

    /// Sends what it can, then waits until some worker sends something, frees room in its
    /// pipe, or ends, and takes it in.
    pub(crate) fn pump(&mut self) -> Result<(), PoolError> {
        self.dispatch()?;
        let ready: Vec<_> = {
            let mut fds = Vec::new();
            let mut owners = Vec::new();
            for (slot, worker) in self.crew.workers.iter().enumerate() {
                let Some(worker) = worker else { continue };
                if let Some(results) = &worker.results {
                    fds.push(PollFd::new(results.as_fd(), PollFlags::POLLIN));
                    owners.push((slot, false));
                }
                if !worker.outbox.is_empty() {
                    fds.push(PollFd::new(worker.orders.as_fd(), PollFlags::POLLOUT));
                    owners.push((slot, true));
                }
            }
            if fds.is_empty() {
                return Err(self.lost());
            }
            poll_ready(&mut fds, SWEEP)?
                .into_iter()
                .map(|at| owners[at])
                .collect()
        };
        for (slot, orders) in ready {
            if orders {
                self.write(slot);
            } else {
                self.read(slot)?;
            }
        }
        if self.last_sweep.elapsed() >= SWEEP {
            self.last_sweep = Instant::now();
            self.sweep()?;
        }
        Ok(())
    }

    /// Writes what worker `slot`'s outbox holds. A failure (`EPIPE`: the worker is gone)
    /// is left to the end of file on its result pipe to report.
    fn write(&mut self, slot: usize) {
        if let Some(worker) = self.crew.workers[slot].as_mut() {
            let _ = worker.write_outbox();
        }
    }

    /// Reads once from worker `slot` and handles its frames; at end of file, reaps it.
    fn read(&mut self, slot: usize) -> Result<(), PoolError> {
        let Some(worker) = self.crew.workers[slot].as_mut() else {
            return Ok(());
        };
        let Some(results) = &worker.results else {
            return Ok(());
        };
        let (messages, end) = worker
            .buffer
            .read_messages::<Message<R>>(results, worker.pid)?;
        if end {
            worker.results = None;
        }
        for message in messages {
            self.handle(slot, message)?;
        }
        if self.crew.workers[slot]
            .as_ref()
            .is_some_and(|w| w.results.is_none())
        {
            self.ended(slot);
        }
        Ok(())
    }

    fn handle(&mut self, slot: usize, message: Message<R>) -> Result<(), PoolError> {
        let Some(worker) = self.crew.workers[slot].as_mut() else {
            return Ok(());
        };
        let pid = worker.pid;
        match self.outcomes.record(pid, message)? {
            Recorded::Task(index) => {
                worker.answer();
                self.answered += 1;
                self.forget_input(index);
            }
            Recorded::InitPanicked(message) => {
                self.stop(PoolError::InitializerPanicked { pid, message });
            }
            Recorded::Finished => worker.finished = true,
        }
        Ok(())
    }

    /// Drops input `index`'s bytes: its outcome came, so it is never sent again.
    fn forget_input(&mut self, index: usize) {
        if let Some(input) = self.inputs.get_mut(index) {
            *input = Vec::new();
        }
    }

    /// Worker `slot` closed its pipe or was reaped. One that owed nothing retired (or died
    /// idle) and its place is refilled when needed. One that died owing results but had
    /// started no task whose outcome did not come (killed while it waited for orders) lost
    /// nothing either: its inputs go to the others. Any other death took a task with it, and
    /// stops the call.
    fn ended(&mut self, slot: usize) {
        let Some(mut worker) = self.crew.workers[slot].take() else {
            return;
        };
        let status = worker.reap();
        if !worker.busy() {
            return;
        }
        let slots = self.crew.slots.slots();
        let started = slots[2 * slot + 1].load(Ordering::Relaxed);
        if started == worker.answered {
            self.retry.extend(worker.in_flight.drain(..));
            return;
        }
        let task = slots[2 * slot].load(Ordering::Relaxed).checked_sub(1);
        self.stop(PoolError::WorkerDied {
            pid: worker.pid,
            status,
            task,
        });
    }

    /// Fails fast: keeps the first fatal error, and kills and reaps every worker that still
    /// runs tasks of this call. The pool forks their replacements at its next call.
    fn stop(&mut self, error: PoolError) {
        self.fatal.get_or_insert(error);
        self.crew.kill_busy();
    }

    /// Reaps any worker that ended, reading what its pipe still holds first.
    fn sweep(&mut self) -> Result<(), PoolError> {
        for slot in 0..self.crew.workers.len() {
            let ended = match self.crew.workers[slot].as_mut() {
                Some(worker) => worker
                    .reap_if_ended()
                    .map_err(PoolError::os("waitpid"))?
                    .is_some(),
                None => false,
            };
            if !ended {
                continue;
            }
            // It is gone, so whatever it wrote is in the pipe: drain it without blocking.
            loop {
                let readable = self.crew.workers[slot]
                    .as_ref()
                    .and_then(|w| w.results.as_ref())
                    .is_some_and(|results| {
                        let mut fd = [PollFd::new(results.as_fd(), PollFlags::POLLIN)];
                        matches!(poll(&mut fd, PollTimeout::ZERO), Ok(1..))
                    });
                if !readable {
                    break;
                }
                self.read(slot)?;
            }
            self.ended(slot);
        }
        Ok(())
    }

    fn lost(&self) -> PoolError {
        PoolError::Protocol {
            pid: nix::unistd::getpid(),
            message: "no worker is left to wait for, but some inputs have no outcome".to_owned(),
        }
    }
}

impl<R> Drop for Call<'_, R> {
    fn drop(&mut self) {
        // A call given up (an `imap` dropped early, a panic unwinding through the caller)
        // must not leave its tasks running: the next call would read their results.
        self.crew.kill_busy();
    }
}
