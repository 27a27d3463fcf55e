//! One long-lived worker as the parent sees it: its pid, its two pipes, what it was sent.
#![forbid(unsafe_code)]

use std::collections::VecDeque;
use std::ops::Range;
use std::os::fd::OwnedFd;

use nix::errno::Errno;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

use super::frame::FrameBuffer;
use super::process::{try_wait, wait};
use os::ProcessEnd;

/// A long-lived worker, from the parent's side.
#[derive(Debug)]
pub(crate) struct LiveWorker {
    pub(crate) pid: Pid,
    /// The write end of its order pipe, non-blocking: the parent never waits on a worker.
    pub(crate) orders: OwnedFd,
    /// The read end of its result pipe, until end of file.
    pub(crate) results: Option<OwnedFd>,
    pub(crate) buffer: FrameBuffer,
    /// Order bytes not written yet (the pipe was full).
    pub(crate) outbox: Vec<u8>,
    /// The inputs it was sent whose outcomes have not come, as the chunks' ranges, oldest
    /// first. A worker runs its chunks in order, so each outcome is the front one's first.
    pub(crate) in_flight: VecDeque<Range<usize>>,
    /// How many outcomes it sent in all: compared with how many tasks it started, it tells
    /// whether a worker that died took a task with it.
    pub(crate) answered: usize,
    /// How many more tasks it may be sent (`maxtasksperchild`), if limited.
    pub(crate) tasks_left: Option<usize>,
    /// It sent `Finished`: it retires once its last chunk is done.
    pub(crate) finished: bool,
    /// Its exit status, once reaped.
    pub(crate) status: Option<ProcessEnd>,
}

impl LiveWorker {
    pub(crate) fn new(
        pid: Pid,
        orders: OwnedFd,
        results: OwnedFd,
        maxtasks: Option<usize>,
    ) -> Self {
        Self {
            pid,
            orders,
            results: Some(results),
            buffer: FrameBuffer::default(),
            outbox: Vec::new(),
            in_flight: VecDeque::new(),
            answered: 0,
            tasks_left: maxtasks,
            finished: false,
            status: None,
        }
    }

    /// Whether it has tasks it was sent and has not answered.
    pub(crate) fn busy(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// Records that one outcome from it came.
    pub(crate) fn answer(&mut self) {
        self.answered += 1;
        if let Some(front) = self.in_flight.front_mut() {
            front.start += 1;
            if Range::is_empty(front) {
                self.in_flight.pop_front();
            }
        }
    }

    /// Writes what the outbox holds, as far as the pipe takes it without blocking.
    pub(crate) fn write_outbox(&mut self) -> Result<(), Errno> {
        while !self.outbox.is_empty() {
            match nix::unistd::write(&self.orders, &self.outbox) {
                Ok(n) => {
                    self.outbox.drain(..n);
                }
                Err(Errno::EINTR) => {}
                Err(Errno::EAGAIN) => return Ok(()),
                Err(error) => {
                    // The worker is gone (`EPIPE`): its orders can never go out, and `poll`
                    // must not keep reporting the pipe until its death is seen.
                    self.outbox.clear();
                    return Err(error);
                }
            }
        }
        Ok(())
    }

    /// Reaps it if it has ended, without blocking.
    pub(crate) fn reap_if_ended(&mut self) -> Result<Option<ProcessEnd>, Errno> {
        if self.status.is_none() {
            self.status = try_wait(self.pid)?;
        }
        Ok(self.status)
    }

    /// Waits for it to end (it has closed its pipe, or was killed) and reaps it.
    pub(crate) fn reap(&mut self) -> ProcessEnd {
        *self
            .status
            .get_or_insert_with(|| wait(self.pid).unwrap_or(ProcessEnd::Unknown))
    }

    /// Kills it (`SIGKILL`) unless reaped, and reaps it: no zombie, no open pipe once dropped.
    pub(crate) fn kill(&mut self) -> ProcessEnd {
        if self.status.is_none() {
            // Not reaped yet, so the pid is still our child: it names no other process.
            let _ = kill(self.pid, Signal::SIGKILL);
        }
        self.reap()
    }
}
