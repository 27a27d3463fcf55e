//! `Process`: run a closure in a forked child, then `join` it for its exit status.
#![forbid(unsafe_code)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use nix::errno::Errno;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;

use os::ProcessEnd;

use super::error::PoolError;
use super::sys::fork_with;

/// The exit status of a child whose closure panicked: what a Rust `main` that panics gives.
pub const PANIC_EXIT_STATUS: i32 = 101;

/// A child process running a closure: Python's `multiprocessing.Process`, started.
///
/// The child is a copy of the parent made by `fork`: it sees every variable the parent had,
/// and changes it makes stay in its own copy. Dropping a `Process` that was not joined kills
/// the child (`SIGKILL`) and reaps it, so no child outlives its handle as a zombie.
#[derive(Debug)]
#[must_use = "a dropped Process is killed; call join() to wait for it"]
pub struct Process {
    pid: Pid,
    status: Option<ProcessEnd>,
}

impl Process {
    /// Forks a child that runs `target` and exits: with status 0 when it returns,
    /// [`PANIC_EXIT_STATUS`] if it panics.
    ///
    /// `target` runs only in the child, on its copy of the memory, so it may borrow and even
    /// mutate the caller's variables: the parent never sees the change. The child writes out
    /// what it left in stdout's buffer and leaves with `_exit`, so destructors and `atexit`
    /// handlers do not run there. It may print, and a panic in it is printed as in any
    /// program (see the module docs on forking a multi-threaded process). On Linux it dies
    /// when the parent process does (not when the thread that started it ends).
    ///
    /// # Errors
    /// `fork`'s error, e.g. `EAGAIN` when the process limit is reached.
    pub fn start(target: impl FnOnce()) -> Result<Self, PoolError> {
        let pid = fork_with(|| match catch_unwind(AssertUnwindSafe(target)) {
            Ok(()) => 0,
            Err(_) => PANIC_EXIT_STATUS,
        })
        .map_err(PoolError::os("fork"))?;
        Ok(Self { pid, status: None })
    }

    /// The child's process id.
    pub fn pid(&self) -> Pid {
        self.pid
    }

    /// Waits for the child to end and returns how it ended.
    ///
    /// # Errors
    /// `waitpid`'s error other than `ECHILD` (which gives [`ProcessEnd::Unknown`]).
    pub fn join(mut self) -> Result<ProcessEnd, PoolError> {
        let status = wait(self.pid).map_err(PoolError::os("waitpid"))?;
        self.status = Some(status);
        Ok(status)
    }

    /// Sends `SIGKILL`, like Python's `Process.kill()`; [`join`](Self::join) still reaps it.
    ///
    /// # Errors
    /// `kill`'s error.
    pub fn kill(&self) -> Result<(), PoolError> {
        kill(self.pid, Signal::SIGKILL).map_err(PoolError::os("kill"))
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if self.status.is_none() {
            // Not reaped yet, so the pid is still ours: it cannot name another process.
            let _ = kill(self.pid, Signal::SIGKILL);
            let _ = wait(self.pid);
        }
    }
}

/// Blocks until child `pid` ends and reaps it.
pub(crate) fn wait(pid: Pid) -> Result<ProcessEnd, Errno> {
    loop {
        match waitpid(pid, None) {
            Err(Errno::EINTR) => {}
            Err(Errno::ECHILD) => return Ok(ProcessEnd::Unknown),
            Err(error) => return Err(error),
            Ok(status) => {
                if let Some(status) = ProcessEnd::from_wait_status(status) {
                    return Ok(status);
                }
            }
        }
    }
}

/// Reaps child `pid` if it has ended, without blocking.
pub(crate) fn try_wait(pid: Pid) -> Result<Option<ProcessEnd>, Errno> {
    match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
        Err(Errno::EINTR) => Ok(None),
        Err(Errno::ECHILD) => Ok(Some(ProcessEnd::Unknown)),
        Err(error) => Err(error),
        Ok(status) => Ok(ProcessEnd::from_wait_status(status)),
    }
}
