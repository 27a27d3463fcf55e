//! The parent side of one call on the long-lived pool: hand out chunks, take in results,
//! replace retired workers, fail fast on a death.
//!
//! Each worker is sent at most [`DEPTH`] chunks ahead, so it never waits for the parent
//! between two, and the rest stay in the parent for whichever worker frees up first. Orders
//! go out through non-blocking pipes and results are read as they come with `poll`, so the
//! parent never blocks on one worker while another waits for it (a worker blocked writing
//! results while the parent blocks writing its orders would be a deadlock). As in `run`, a
//! `waitpid(WNOHANG)` sweep every [`SWEEP`] catches a death whose end of file is late.
#![forbid(unsafe_code)]

use std::ops::Range;
use std::os::fd::AsFd;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use serde::de::DeserializeOwned;

use super::error::PoolError;
use super::frame::{Message, push_frame};
use super::live_pool::Crew;
use super::live_worker::{Bytes, Order};
use super::outcomes::Outcomes;
use super::sys::TaskAddress;
use super::worker::{Chunking, guided_chunk};

/// How many chunks a worker may have been sent and not finished, at least: one to run and
/// one to go on with, so that it never waits for the parent between two.
const DEPTH: usize = 2;

/// At most, for tasks so short that a round trip per chunk would cost more than the tasks.
const MAX_DEPTH: usize = 64;

/// How much work, in time, a worker is sent ahead: enough to hide the round trip to the
/// parent, little enough that chunks left in the parent still balance the end of the call.
const AHEAD: Duration = Duration::from_micros(500);

/// How often the parent checks for dead workers besides watching their pipes.
const SWEEP: Duration = Duration::from_millis(100);

/// A call in flight on a [`LivePool`](super::LivePool).
pub(crate) struct Call<'a, R> {
    crew: &'a mut Crew,
    task: TaskAddress,
    /// The encoded inputs, each kept until its outcome comes, in case its worker dies
    /// before starting it and it must go to another.
    inputs: Vec<Vec<u8>>,
    /// The first input not sent yet.
    next: usize,
    /// Inputs sent to a worker that died before it started them: sent again first.
    retry: Vec<Range<usize>>,
    chunking: Chunking,
    outcomes: Outcomes<R>,
    /// An error that stopped the call (a dead worker), not yet handed out.
    fatal: Option<PoolError>,
    last_sweep: Instant,
    /// When the call began, how many outcomes came since, and the last chunk's length:
    /// what [`depth`](Self::depth) measures the tasks by.
    begun: Instant,
    answered: usize,
    chunk_len: usize,
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
        let mut ready = Vec::new();
        {
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
            let timeout = PollTimeout::try_from(SWEEP).unwrap_or(PollTimeout::NONE);
            match poll(&mut fds, timeout) {
                Ok(_) | Err(Errno::EINTR) => {}
                Err(errno) => {
                    return Err(PoolError::Os {
                        call: "poll",
                        errno,
                    });
                }
            }
            for (fd, owner) in fds.iter().zip(owners) {
                if fd.revents().is_some_and(|events| !events.is_empty()) {
                    ready.push(owner);
                }
            }
        }
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

    /// How many chunks a worker may have in flight: [`DEPTH`], or more while the call's
    /// chunks take less than [`AHEAD`] each, as measured so far.
    fn depth(&self) -> usize {
        let answered = self.answered.max(1) as f64;
        let per_chunk = self.begun.elapsed().as_secs_f64() * self.crew.workers.len() as f64
            / answered
            * self.chunk_len as f64;
        if self.answered == 0 || per_chunk <= 0.0 {
            return DEPTH;
        }
        ((AHEAD.as_secs_f64() / per_chunk) as usize).clamp(DEPTH, MAX_DEPTH)
    }

    /// Whether inputs are left to send.
    fn unsent(&self) -> bool {
        self.next < self.inputs.len() || !self.retry.is_empty()
    }

    /// The next chunk to send, of at most `limit` inputs: from the retries first.
    fn next_chunk(&mut self, limit: usize) -> Option<Range<usize>> {
        let processes = self.crew.workers.len();
        if let Some(range) = self.retry.pop() {
            let size = range.len().min(limit);
            if size < range.len() {
                self.retry.push(range.start + size..range.end);
            }
            return (size > 0).then(|| range.start..range.start + size);
        }
        let remaining = self.inputs.len() - self.next;
        let size = match self.chunking {
            Chunking::Fixed(size) => size,
            Chunking::Guided => guided_chunk(remaining, processes),
        }
        .min(remaining)
        .min(limit);
        let start = self.next;
        self.next += size;
        self.chunk_len = size.max(1);
        (size > 0).then(|| start..start + size)
    }

    /// Sends each worker chunks until it has [`DEPTH`] of them, forking a worker into any
    /// empty place (a retired or a dead one) while inputs are left.
    fn dispatch(&mut self) -> Result<(), PoolError> {
        if self.fatal.is_some() {
            return Ok(());
        }
        let depth = self.depth();
        for slot in 0..self.crew.workers.len() {
            if !self.unsent() {
                break;
            }
            if self.crew.workers[slot].is_none() {
                self.crew.spawn(slot)?;
            }
            while let Some(worker) = self.crew.workers[slot].as_ref() {
                if !self.unsent() || worker.finished || worker.in_flight.len() >= depth {
                    break;
                }
                // `maxtasksperchild`: a worker is never sent more than it may run; once it
                // has them all, it retires after the last.
                let limit = worker.tasks_left.unwrap_or(usize::MAX);
                let Some(range) = self.next_chunk(limit) else {
                    break;
                };
                let order = Order::Chunk {
                    task: self.task,
                    start: range.start,
                    inputs: self.inputs[range.clone()]
                        .iter()
                        .cloned()
                        .map(Bytes)
                        .collect(),
                };
                let Some(worker) = self.crew.workers[slot].as_mut() else {
                    break;
                };
                push_frame(&mut worker.outbox, &order).map_err(|message| {
                    PoolError::InputUnencodable {
                        index: range.start,
                        message,
                    }
                })?;
                if let Some(left) = &mut worker.tasks_left {
                    *left -= range.len();
                }
                worker.in_flight.push_back(range);
            }
            if let Some(worker) = self.crew.workers[slot].as_mut() {
                let _ = worker.write_outbox();
            }
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
        let n = worker
            .buffer
            .read_from(results)
            .map_err(PoolError::os("read"))?;
        let pid = worker.pid;
        let messages = worker
            .buffer
            .frames::<Message<R>>()
            .map_err(|message| PoolError::Protocol { pid, message })?;
        if n == 0 {
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
        match message {
            Message::Done { index, value } => {
                worker.answer();
                self.answered += 1;
                self.outcomes.result(pid, index, value)?;
                self.forget_input(index);
            }
            Message::Panicked {
                index,
                message,
                location,
            } => {
                worker.answer();
                self.answered += 1;
                let error = PoolError::TaskPanicked {
                    index,
                    pid,
                    message,
                    location,
                };
                self.outcomes.error(pid, index, error)?;
                self.forget_input(index);
            }
            Message::Unencodable { index, message } => {
                worker.answer();
                self.answered += 1;
                let error = PoolError::Unencodable {
                    index,
                    pid,
                    message,
                };
                self.outcomes.error(pid, index, error)?;
                self.forget_input(index);
            }
            Message::InitPanicked { message } => {
                self.stop(PoolError::InitializerPanicked { pid, message });
            }
            Message::Finished => worker.finished = true,
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
