//! The parent side of a call, for both pools: wait on the workers' pipes, turn frames into
//! outcomes, reap, fail fast, and hand the results out (`map`, or one by one as an [`Imap`]).
//!
//! The two pools differ in one decision, how work reaches a worker, and its consequence, what
//! a worker's death costs: that is their [`Dispatch`] (ripgrep's searcher has one `Core` that
//! each way of reading feeds; this is that shape). Everything else is here, once.
//!
//! The parent waits on every worker's pipe at once with `poll`, reads whatever is there, and
//! keeps partial frames for later, so no worker ever blocks for long on a full pipe. End of
//! file on a pipe, or `Finished`, means the worker is gone or going: `waitpid` says how. A
//! sweep with `waitpid(WNOHANG)` every [`SWEEP`] also catches a death whose end of file is
//! late because some other process forked by another thread holds a copy of the pipe; what
//! the dead worker wrote is then still in the pipe, and is read before its death is judged.
//! A signal that interrupts `poll` ends a wait early (the caller waits again) and never ends
//! that reading: whether the pipe holds more is asked again, so no result is left unread.
#![forbid(unsafe_code)]

mod dispatch;
mod imap;
mod worker;

use std::os::fd::{AsFd, BorrowedFd};
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use serde::de::DeserializeOwned;

use os::ProcessEnd;

pub(crate) use dispatch::Dispatch;
pub(crate) use imap::Imap;
pub(crate) use worker::Worker;

use super::error::PoolError;
use super::frame::Message;
use super::outcomes::{Outcomes, Recorded};

/// How often the parent checks for dead workers besides watching their pipes.
const SWEEP: Duration = Duration::from_millis(100);

/// A call in flight: its dispatch, the outcomes so far, and the error that stopped it.
pub(crate) struct Engine<D: Dispatch, R> {
    dispatch: D,
    outcomes: Outcomes<R>,
    /// An error that stopped the call (a dead worker), not yet handed out.
    fatal: Option<PoolError>,
    last_sweep: Instant,
}

/// Which of a worker's pipes `poll` reported.
#[derive(Clone, Copy)]
enum Ready {
    Results(usize),
    Room(usize),
}

impl<D: Dispatch, R: DeserializeOwned> Engine<D, R> {
    /// A call of `len` inputs, sent by `dispatch`.
    pub(crate) fn new(dispatch: D, len: usize) -> Self {
        Self {
            dispatch,
            outcomes: Outcomes::new(len),
            fatal: None,
            last_sweep: Instant::now(),
        }
    }

    /// Every result in input order, or the first error: the `map` of both pools.
    pub(crate) fn map(mut self) -> Result<Vec<R>, PoolError> {
        loop {
            if let Some(error) = self.take_fatal() {
                return Err(error);
            }
            if D::STOP_AT_TASK_ERROR
                && let Some(error) = self.outcomes.first_error()
            {
                return Err(error);
            }
            if self.outcomes.complete() && self.dispatch.settled() {
                break;
            }
            self.pump()?;
        }
        if let Some(error) = self.outcomes.first_error() {
            return Err(error);
        }
        (0..self.outcomes.len())
            .map(|index| {
                self.outcomes
                    .take(index)
                    .unwrap_or_else(|| Err(lost(index)))
            })
            .collect()
    }

    /// The results one by one, in input order, as they come: the `imap` of both pools.
    pub(crate) fn imap(self) -> Imap<D, R> {
        Imap::new(self)
    }

    /// The error that stopped the call, once, if it cost a result: a death after every input
    /// had its outcome lost nothing, and `map` and `imap` both let it pass.
    fn take_fatal(&mut self) -> Option<PoolError> {
        if self.outcomes.complete() {
            None
        } else {
            self.fatal.take()
        }
    }

    /// Sends what it can, then waits until some worker sends something, frees room in its
    /// order pipe, or ends, and takes it in.
    fn pump(&mut self) -> Result<(), PoolError> {
        if self.fatal.is_none() {
            self.dispatch.dispatch()?;
        }
        let (mut fds, mut ready) = (Vec::new(), Vec::new());
        for (place, worker) in self.dispatch.places().iter().enumerate() {
            let Some(worker) = worker else { continue };
            if let Some(results) = &worker.results {
                fds.push(PollFd::new(results.as_fd(), PollFlags::POLLIN));
                ready.push(Ready::Results(place));
            }
            if let Some(orders) = D::waits_for_room(worker) {
                fds.push(PollFd::new(orders, PollFlags::POLLOUT));
                ready.push(Ready::Room(place));
            }
        }
        if fds.is_empty() {
            // No worker is left to wait for, and some input has no outcome.
            let index = (0..self.outcomes.len())
                .find(|&index| !self.outcomes.arrived(index))
                .unwrap_or(0);
            return Err(lost(index));
        }
        let timeout = PollTimeout::try_from(SWEEP).unwrap_or(PollTimeout::NONE);
        match poll(&mut fds, timeout) {
            // A signal ends the wait early: look again at what is ready, and sweep if due.
            Ok(_) | Err(Errno::EINTR) => {}
            Err(errno) => {
                return Err(PoolError::Os {
                    call: "poll",
                    errno,
                });
            }
        }
        let ready: Vec<Ready> = (fds.iter().map(|fd| fd.revents()))
            .zip(ready)
            .filter(|(events, _)| events.is_some_and(|events| !events.is_empty()))
            .map(|(_, ready)| ready)
            .collect();
        drop(fds);
        for ready in ready {
            match ready {
                Ready::Results(place) => self.read(place)?,
                Ready::Room(place) => self.dispatch.write(place),
            }
        }
        if self.last_sweep.elapsed() >= SWEEP {
            self.last_sweep = Instant::now();
            self.sweep()?;
        }
        Ok(())
    }

    /// Reads once from the worker in `place` and keeps what its frames say; reaps it once it
    /// has finished or its pipe is at end of file.
    fn read(&mut self, place: usize) -> Result<(), PoolError> {
        let Some(worker) = &mut self.dispatch.places()[place] else {
            return Ok(());
        };
        let pid = worker.pid;
        for message in worker.read::<Message<R>>()? {
            match self.outcomes.record(pid, message)? {
                Recorded::Task(index) => self.dispatch.answered(place, index),
                Recorded::InitPanicked(message) => {
                    self.stop(PoolError::InitializerPanicked { pid, message });
                }
                Recorded::Finished => {
                    if let Some(worker) = &mut self.dispatch.places()[place] {
                        worker.finished = true;
                    }
                }
            }
        }
        if let Some(worker) = &mut self.dispatch.places()[place]
            && (worker.results.is_none() || worker.finished)
        {
            // After `Finished` or end of file the worker is on its way to `_exit`: waiting
            // for it is short.
            let status = worker.reap();
            self.ended(place, status);
        }
        Ok(())
    }

    /// Reaps any worker that ended, reading what its pipe still holds first.
    fn sweep(&mut self) -> Result<(), PoolError> {
        for place in 0..self.dispatch.places().len() {
            let Some(worker) = &mut self.dispatch.places()[place] else {
                continue;
            };
            let Some(status) = worker.reap_if_ended().map_err(PoolError::os("waitpid"))? else {
                continue;
            };
            // It is gone, so whatever it wrote is in the pipe: read it all without blocking
            // (the reads reap it at end of file), then judge what its death cost.
            while let Some(results) = self.dispatch.places()[place]
                .as_ref()
                .and_then(|worker| worker.results.as_ref())
            {
                if !readable_now(results.as_fd()) {
                    break;
                }
                self.read(place)?;
            }
            self.ended(place, status);
        }
        Ok(())
    }

    /// Records that the worker in `place` ended and empties its place; if it owed work of
    /// this call, its dispatch says what that cost.
    fn ended(&mut self, place: usize, status: ProcessEnd) {
        let Some(mut worker) = self.dispatch.places()[place].take() else {
            return;
        };
        if D::owes(&worker)
            && let Some(error) = self.dispatch.death(place, &mut worker, status)
        {
            self.stop(error);
        }
    }

    /// Fails fast: keeps the first fatal error, and kills and reaps every worker that owes
    /// work of this call. Unless every input already has its outcome: then the others are
    /// left to finish, and to write out what their tasks printed.
    fn stop(&mut self, error: PoolError) {
        self.fatal.get_or_insert(error);
        if !self.outcomes.complete() {
            self.kill_owing();
        }
    }
}

impl<D: Dispatch, R> Engine<D, R> {
    /// Kills every worker that owes work of this call, all at once, then reaps each.
    fn kill_owing(&mut self) {
        let owing: Vec<bool> = (self.dispatch.places().iter())
            .map(|worker| worker.as_ref().is_some_and(D::owes))
            .collect();
        for (worker, owes) in self.dispatch.places().iter().zip(&owing) {
            if let (Some(worker), true) = (worker, owes) {
                worker.signal_kill();
            }
        }
        for (place, owes) in self.dispatch.places().iter_mut().zip(owing) {
            if owes {
                // Dropped: reaped.
                place.take();
            }
        }
    }
}

impl<D: Dispatch, R> Drop for Engine<D, R> {
    fn drop(&mut self) {
        // A call given up (an `imap` dropped early, a panic unwinding through the caller)
        // must not leave its tasks running.
        self.kill_owing();
    }
}

/// Whether `fd` has something to read (or is at end of file) now, without waiting. A signal
/// that interrupts the question does not answer it: it is asked again.
fn readable_now(fd: BorrowedFd<'_>) -> bool {
    loop {
        let mut fds = [PollFd::new(fd, PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::ZERO) {
            Err(Errno::EINTR) => {}
            Ok(ready) => return ready > 0,
            Err(_) => return false,
        }
    }
}

fn lost(index: usize) -> PoolError {
    PoolError::Protocol {
        pid: nix::unistd::getpid(),
        message: format!("every worker finished but input {index} has no result"),
    }
}
