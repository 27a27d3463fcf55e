//! How a process or a pool fails: values that say which task, which worker and why.
#![forbid(unsafe_code)]

use std::fmt;

use nix::errno::Errno;
use nix::unistd::Pid;
use os::ProcessEnd;

/// Why a [`Pool`](super::Pool) or [`LivePool`](super::LivePool) call did not give all its
/// results.
///
/// The first two are per task (CPython's remote traceback); the others stop the whole map,
/// and by then the pool has killed and reaped every worker (CPython's `BrokenProcessPool`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PoolError {
    /// The function panicked on the input at `index`.
    TaskPanicked {
        /// The input's index.
        index: usize,
        /// The worker that ran it.
        pid: Pid,
        /// The panic's message (`panic!("...")`'s text).
        message: String,
        /// `file:line:column` of the `panic!`, when the worker's panic hook saw it.
        location: Option<String>,
    },
    /// The function's result for the input at `index` could not be encoded by postcard.
    Unencodable {
        /// The input's index.
        index: usize,
        /// The worker that ran it.
        pid: Pid,
        /// postcard's error.
        message: String,
    },
    /// The initializer panicked in a worker, which then ran no task.
    InitializerPanicked {
        /// The worker.
        pid: Pid,
        /// The panic's message.
        message: String,
    },
    /// A worker ended without finishing its tasks: killed, aborted, or it called `exit`.
    WorkerDied {
        /// The worker.
        pid: Pid,
        /// How it ended.
        status: ProcessEnd,
        /// The input it was working on, if it had claimed one.
        task: Option<usize>,
    },
    /// The input at `index` could not be encoded by postcard, to go to a long-lived worker.
    InputUnencodable {
        /// The input's index.
        index: usize,
        /// postcard's error.
        message: String,
    },
    /// A long-lived pool was given a task whose code was not mapped when its workers were
    /// forked (a library loaded later), so they cannot run it.
    TaskNotForked {
        /// The function's address.
        address: usize,
    },
    /// A system call failed in the parent (`pipe`, `fork`, `poll`, `mmap`, `read`).
    Os {
        /// The call.
        call: &'static str,
        /// Its error.
        errno: Errno,
    },
    /// A worker sent bytes that do not make sense: a bug in this module, or a task that
    /// wrote to the worker's pipe behind its back.
    Protocol {
        /// The worker.
        pid: Pid,
        /// What was wrong.
        message: String,
    },
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TaskPanicked {
                index,
                pid,
                message,
                location,
            } => {
                write!(f, "task {index} panicked in worker {pid}: {message}")?;
                if let Some(location) = location {
                    write!(f, " (at {location})")?;
                }
                Ok(())
            }
            Self::Unencodable {
                index,
                pid,
                message,
            } => {
                write!(
                    f,
                    "the result of task {index} (worker {pid}) cannot be sent: {message}"
                )
            }
            Self::InitializerPanicked { pid, message } => {
                write!(f, "the initializer panicked in worker {pid}: {message}")
            }
            Self::WorkerDied { pid, status, task } => {
                write!(f, "worker {pid} {status}")?;
                if let Some(task) = task {
                    write!(f, " while running task {task}")?;
                }
                f.write_str("; the pool stopped its other workers")
            }
            Self::InputUnencodable { index, message } => {
                write!(f, "input {index} cannot be sent to a worker: {message}")
            }
            Self::TaskNotForked { address } => write!(
                f,
                "the task's code at {address:#x} was not mapped when the workers were forked \
                 (a library loaded later?), so they cannot run it"
            ),
            Self::Os { call, errno } => write!(f, "{call} failed: {}", errno.desc()),
            Self::Protocol { pid, message } => write!(f, "worker {pid}: {message}"),
        }
    }
}

impl std::error::Error for PoolError {}

impl PoolError {
    /// Wraps a failed system call.
    pub(crate) fn os(call: &'static str) -> impl FnOnce(Errno) -> Self {
        move |errno| Self::Os { call, errno }
    }
}
