//! One worker as the parent sees it, in either pool: its pid, its result pipe, how far it got.
#![forbid(unsafe_code)]

use std::os::fd::OwnedFd;

use nix::errno::Errno;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde::Deserialize;

use os::ProcessEnd;

use crate::multiprocessing::error::PoolError;
use crate::multiprocessing::frame::FrameBuffer;
use crate::multiprocessing::process::{try_wait, wait};

/// A forked worker, from the parent's side, with what its pool's dispatch keeps about it
/// (`O`: nothing for a fork-per-call worker, its orders for a started pool's).
///
/// Dropping one that was not reaped kills and reaps it: no zombie, no open pipe.
#[derive(Debug)]
pub(crate) struct Worker<O> {
    pub(crate) pid: Pid,
    /// The read end of its result pipe, until end of file.
    pub(crate) results: Option<OwnedFd>,
    buffer: FrameBuffer,
    /// It sent `Finished`: it has no task left and is on its way to `_exit`.
    pub(crate) finished: bool,
    /// Its exit status, once reaped.
    status: Option<ProcessEnd>,
    /// What the pool sends it, if it sends it anything.
    pub(crate) orders: O,
}

impl<O> Worker<O> {
    pub(crate) fn new(pid: Pid, results: OwnedFd, orders: O) -> Self {
        Self {
            pid,
            results: Some(results),
            buffer: FrameBuffer::default(),
            finished: false,
            status: None,
            orders,
        }
    }

    /// Reads once from its pipe (which `poll` said is readable) and decodes every complete
    /// frame; closes the pipe at end of file.
    pub(crate) fn read<M: for<'de> Deserialize<'de>>(&mut self) -> Result<Vec<M>, PoolError> {
        let Some(results) = &self.results else {
            return Ok(Vec::new());
        };
        let read = self
            .buffer
            .read_from(results)
            .map_err(PoolError::os("read"))?;
        if read == 0 {
            self.results = None;
        }
        let pid = self.pid;
        (self.buffer.frames()).map_err(|message| PoolError::Protocol { pid, message })
    }

    /// Reaps it if it has ended, without blocking.
    pub(crate) fn reap_if_ended(&mut self) -> Result<Option<ProcessEnd>, Errno> {
        if self.status.is_none() {
            self.status = try_wait(self.pid)?;
        }
        Ok(self.status)
    }

    /// Waits for it to end (it closed its pipe, sent `Finished`, or was killed) and reaps it.
    pub(crate) fn reap(&mut self) -> ProcessEnd {
        *self
            .status
            .get_or_insert_with(|| wait(self.pid).unwrap_or(ProcessEnd::Unknown))
    }

    /// Sends it `SIGKILL` unless it was reaped; dropping it then reaps it.
    pub(crate) fn signal_kill(&self) {
        if self.status.is_none() {
            // Not reaped yet, so the pid is still our child: it names no other process.
            let _ = kill(self.pid, Signal::SIGKILL);
        }
    }

    /// In a child forked after it: closes this process's copies of its pipes, and forgets
    /// it (it is a sibling, not a child, of this process).
    pub(crate) fn forget_in_child(mut self) {
        self.status = Some(ProcessEnd::Unknown);
    }
}

impl<O> Drop for Worker<O> {
    fn drop(&mut self) {
        self.signal_kill();
        self.reap();
    }
}
