//! The parent side of one `map`: its workers, their pipes, the results, and the reaping.
//!
//! The parent waits on every worker's pipe at once with `poll`, reads whatever is there,
//! and keeps partial frames for later, so no worker ever blocks for long on a full pipe.
//! End of file on a pipe means the worker is gone: `waitpid` says how. A dead worker that
//! had not sent `Finished` stops the run: the others are killed and reaped at once. A sweep
//! with `waitpid(WNOHANG)` every [`SWEEP`] also catches a death whose end of file is late
//! because some other process forked by another thread holds a copy of the pipe.
#![forbid(unsafe_code)]

use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde::Deserialize;

use os::ProcessEnd;

use super::error::PoolError;
use super::frame::{FrameBuffer, Message};
use super::outcomes::{Outcomes, Recorded};
use super::process::{try_wait, wait};
use super::sys::SharedSlots;

/// How often the parent checks for dead workers besides watching their pipes.
const SWEEP: Duration = Duration::from_millis(100);

/// Waits up to `timeout` for any of `fds` (an interrupting signal ends the wait early) and
/// returns the positions of those that have something to say: data, end of file, an error.
pub(crate) fn poll_ready(fds: &mut [PollFd], timeout: Duration) -> Result<Vec<usize>, PoolError> {
    let timeout = PollTimeout::try_from(timeout).unwrap_or(PollTimeout::NONE);
    match poll(fds, timeout) {
        Ok(_) | Err(Errno::EINTR) => {}
        Err(errno) => {
            return Err(PoolError::Os {
                call: "poll",
                errno,
            });
        }
    }
    Ok((0..fds.len())
        .filter(|&at| fds[at].revents().is_some_and(|events| !events.is_empty()))
        .collect())
}

/// One forked worker as the parent sees it: its pid, its pipe, and how far it got (the child
/// side is [`child`](super::child)).
#[derive(Debug)]
pub(crate) struct ChildHandle {
    pub(crate) pid: Pid,
    /// The read end of its result pipe, until end of file.
    pub(crate) pipe: Option<OwnedFd>,
    buffer: FrameBuffer,
    /// It sent `Finished`: every task it claimed has a result or an error.
    finished: bool,
    /// Its exit status, once reaped.
    status: Option<ProcessEnd>,
}

impl ChildHandle {
    pub(crate) fn new(pid: Pid, pipe: OwnedFd) -> Self {
        Self {
            pid,
            pipe: Some(pipe),
            buffer: FrameBuffer::default(),
            finished: false,
            status: None,
        }
    }
}

/// A map in flight: the workers it forked and what they sent so far.
pub(crate) struct PoolCall<R> {
    pub(crate) workers: Vec<ChildHandle>,
    pub(crate) slots: SharedSlots,
    outcomes: Outcomes<R>,
    /// An error that stops the run (a dead worker), not yet handed out.
    fatal: Option<PoolError>,
    last_sweep: Instant,
}

impl<R: for<'de> Deserialize<'de>> PoolCall<R> {
    pub(crate) fn new(len: usize, slots: SharedSlots) -> Self {
        Self {
            workers: Vec::new(),
            slots,
            outcomes: Outcomes::new(len),
            fatal: None,
            last_sweep: Instant::now(),
        }
    }

    /// The number of inputs.
    pub(crate) fn len(&self) -> usize {
        self.outcomes.len()
    }

    /// Whether the run can make no more progress: every worker reaped.
    pub(crate) fn all_reaped(&self) -> bool {
        self.workers.iter().all(|worker| worker.status.is_some())
    }

    /// Takes the result or the error of the input at `index`, if it has come.
    pub(crate) fn take(&mut self, index: usize) -> Option<Result<R, PoolError>> {
        self.outcomes.take(index)
    }

    /// The error that stopped the run and cost a result (see [`has_fatal`](Self::has_fatal)),
    /// once.
    pub(crate) fn take_fatal(&mut self) -> Option<PoolError> {
        if self.has_fatal() {
            self.fatal.take()
        } else {
            None
        }
    }

    /// Whether a fatal error is waiting that cost a result: a death after every input had
    /// its outcome lost nothing, and `map` and `imap` both let it pass.
    pub(crate) fn has_fatal(&self) -> bool {
        self.fatal.is_some() && !self.outcomes.complete()
    }

    /// The per-task error with the lowest index, if any.
    pub(crate) fn first_task_error(&mut self) -> Option<PoolError> {
        self.outcomes.first_error()
    }

    /// Waits until some worker sends something or ends, and takes it in.
    pub(crate) fn pump(&mut self) -> Result<(), PoolError> {
        let ready: Vec<_> = {
            let mut fds = Vec::new();
            let mut owners = Vec::new();
            for (i, worker) in self.workers.iter().enumerate() {
                if let Some(pipe) = &worker.pipe {
                    fds.push(PollFd::new(pipe.as_fd(), PollFlags::POLLIN));
                    owners.push(i);
                }
            }
            if fds.is_empty() {
                // Every pipe is closed: only reaping is left.
                return self.reap_all_blocking();
            }
            poll_ready(&mut fds, SWEEP)?
                .into_iter()
                .map(|at| owners[at])
                .collect()
        };
        for i in ready {
            self.read_worker(i)?;
        }
        if self.last_sweep.elapsed() >= SWEEP {
            self.last_sweep = Instant::now();
            self.sweep()?;
        }
        Ok(())
    }

    /// Reads once from worker `i`, handles its complete frames, and reaps it once it has
    /// finished or its pipe is at end of file.
    fn read_worker(&mut self, i: usize) -> Result<(), PoolError> {
        self.read_worker_without_reaping(i)?;
        let worker = &mut self.workers[i];
        // After `Finished` the worker is on its way to `_exit`: waiting for it is short.
        if (worker.pipe.is_none() || worker.finished) && worker.status.is_none() {
            worker.pipe = None;
            let status = wait(worker.pid).map_err(PoolError::os("waitpid"))?;
            self.ended(i, status);
        }
        Ok(())
    }

    fn handle(&mut self, i: usize, message: Message<R>) -> Result<(), PoolError> {
        let pid = self.workers[i].pid;
        match self.outcomes.record(pid, message)? {
            Recorded::Task(_) => {}
            Recorded::InitPanicked(message) => {
                self.stop(PoolError::InitializerPanicked { pid, message });
            }
            Recorded::Finished => self.workers[i].finished = true,
        }
        Ok(())
    }

    /// Records that worker `i` ended; a worker that had not finished stops the run.
    fn ended(&mut self, i: usize, status: ProcessEnd) {
        let worker = &mut self.workers[i];
        worker.status = Some(status);
        worker.pipe = None;
        if !worker.finished {
            let task = self.slots.slots()[1 + i]
                .load(Ordering::Relaxed)
                .checked_sub(1);
            let pid = worker.pid;
            self.stop(PoolError::WorkerDied { pid, status, task });
        }
    }

    /// Fails fast: keeps the first fatal error, kills and reaps every other worker. Unless
    /// every input already has its outcome: then the others are left to finish, and to write
    /// out what their tasks printed.
    fn stop(&mut self, error: PoolError) {
        self.fatal.get_or_insert(error);
        if !self.outcomes.complete() {
            self.kill_all();
        }
    }

    /// Reaps any worker that ended, reading what its pipe still holds first.
    fn sweep(&mut self) -> Result<(), PoolError> {
        for i in 0..self.workers.len() {
            if self.workers[i].status.is_some() {
                continue;
            }
            let Some(status) = try_wait(self.workers[i].pid).map_err(PoolError::os("waitpid"))?
            else {
                continue;
            };
            // Reaped: record it now, so that nothing signals or waits on a pid that is no
            // longer ours. It is gone, so whatever it wrote is in the pipe: drain it without
            // blocking.
            self.workers[i].status = Some(status);
            while let Some(pipe) = &self.workers[i].pipe {
                let mut fd = [PollFd::new(pipe.as_fd(), PollFlags::POLLIN)];
                match poll(&mut fd, PollTimeout::ZERO) {
                    Ok(1..) => self.read_worker_without_reaping(i)?,
                    Err(Errno::EINTR) => {}
                    Ok(_) | Err(_) => break,
                }
            }
            self.ended(i, status);
        }
        Ok(())
    }

    /// Reads once from worker `i` and handles its complete frames; closes its pipe at end of
    /// file.
    fn read_worker_without_reaping(&mut self, i: usize) -> Result<(), PoolError> {
        let worker = &mut self.workers[i];
        let Some(pipe) = &worker.pipe else {
            return Ok(());
        };
        let (messages, end) = worker
            .buffer
            .read_messages::<Message<R>>(pipe, worker.pid)?;
        if end {
            worker.pipe = None;
        }
        for message in messages {
            self.handle(i, message)?;
        }
        Ok(())
    }

    fn reap_all_blocking(&mut self) -> Result<(), PoolError> {
        for i in 0..self.workers.len() {
            if self.workers[i].status.is_none() {
                let status = wait(self.workers[i].pid).map_err(PoolError::os("waitpid"))?;
                self.ended(i, status);
            }
        }
        Ok(())
    }
}

impl<R> PoolCall<R> {
    /// Kills every worker not reaped yet and reaps it: no zombie, no open pipe.
    pub(crate) fn kill_all(&mut self) {
        for worker in &mut self.workers {
            worker.pipe = None;
            if worker.status.is_none() {
                // Not reaped yet, so the pid is still our child: it names no other process.
                let _ = kill(worker.pid, Signal::SIGKILL);
            }
        }
        for worker in &mut self.workers {
            if worker.status.is_none() {
                worker.status = Some(wait(worker.pid).unwrap_or(ProcessEnd::Unknown));
            }
        }
    }
}

impl<R> Drop for PoolCall<R> {
    fn drop(&mut self) {
        self.kill_all();
    }
}
