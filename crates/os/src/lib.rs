//! What the OS says of a process, in one set of words for every crate of the workspace: how a
//! child ended, and which cores a thread may run on.
//!
//! Python keeps both in its `os` module: `os.waitstatus_to_exitcode` folds how a child ended
//! into one integer, `os.sched_getaffinity` and `os.sched_setaffinity` read and set the cores a
//! process may run on. Here they are a library with no presentation in it, so that a topic
//! library (a process pool, a stack-overflow child), the demos and xtask can all depend on it:
//! the demo layer (`crates/demo`) prints, this crate only says.
//!
//! # Layout
//!
//! - [`process_end`]: [`ProcessEnd`], how a child process ended, as one value and in one set
//!   of words for every waiting parent.
//! - `affinity` (Linux and Android): the calling thread's CPU mask, read and pinned to one core.
#![forbid(unsafe_code)]

#[cfg(any(target_os = "linux", target_os = "android"))]
pub mod affinity;
pub mod process_end;

pub use process_end::ProcessEnd;
