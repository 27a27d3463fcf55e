//! Real processes made with `fork`, and a process `Pool`.
//!
//! > For parallel execution of tasks use multiprocessing, a package that supports spawning
//! > processes using an API similar to the threading module. It side-steps the GIL by using
//! > subprocesses instead of threads. The Pool object which offers a convenient means of
//! > parallelizing the execution of a function across multiple input values, distributing
//! > the input data across processes (data parallelism).
//!
//! Rust has no GIL, so threads already run Rust code in parallel; processes are for what
//! threads cannot give: a crash, a leak or an `abort` that stays in its own address space.
//! This module makes them with `nix::unistd::fork`, as CPython's `fork` start method does.
//!
//! # `Process`: a closure in a child with its own memory
//!
//! ```
//! use concurrency::multiprocessing::{ProcessEnd, Process};
//!
//! let mut counter = 0;
//! let child = Process::start(|| counter += 1)?; // runs in the child, on its copy
//! assert_eq!(child.join()?, ProcessEnd::Exited(0));
//! assert_eq!(counter, 0); // the parent's copy never changed
//! # Ok::<(), concurrency::multiprocessing::PoolError>(())
//! ```
//!
//! # `Pool`: `map`, `imap`, `chunksize`, `initializer`
//!
//! [`Pool::map`] returns the results in input order; [`Pool::imap`] yields them in input
//! order as they come. The function and the inputs are not serialised: each call forks its
//! workers after they exist, so the children simply have them (the `fork` start method's
//! advantage over `spawn`, which pickles both). Only results cross back, over a pipe per
//! worker, as postcard frames: any `Serialize + DeserializeOwned` type, up to 4 GiB a result.
//!
//! ```
//! use concurrency::multiprocessing::Pool;
//!
//! let pool = Pool::new(2).chunksize(1);
//! let words = vec!["fork", "pipe", "poll"];
//! let mut lengths = pool.imap(|word: &str| word.len(), words)?;
//! assert_eq!(lengths.next(), Some(Ok(4)));
//! assert_eq!(lengths.collect::<Result<Vec<_>, _>>()?, [4, 4]);
//! # Ok::<(), concurrency::multiprocessing::PoolError>(())
//! ```
//!
//! # `LivePool`: workers forked once, for many calls
//!
//! [`Pool::start`] forks the workers once and returns a [`LivePool`]: every later `map` and
//! `imap` costs no fork, however big the parent has grown since (a fork copies its page
//! tables), which is what CPython's `Pool` does. The workers can then run only what they
//! were forked with: a task is a `fn` (a closure that captures nothing coerces to one), and
//! the inputs cross to them serialised, like the results.
//!
//! ```
//! use concurrency::multiprocessing::Pool;
//!
//! let mut pool = Pool::new(2).maxtasksperchild(1000).start()?;
//! let lengths = pool.map(|word: String| word.len(), ["fork", "once"].map(String::from))?;
//! assert_eq!(lengths, [4, 4]);
//! # Ok::<(), concurrency::multiprocessing::PoolError>(())
//! ```
//!
//! # Errors that say what happened
//!
//! A panic in a task comes back as [`PoolError::TaskPanicked`] with the input's index and
//! the panic message (CPython's remote traceback). A worker that dies (`SIGKILL`, `abort`,
//! `exit`) is seen at once, through end of file on its pipe, and the map fails fast with
//! [`PoolError::WorkerDied`] naming its pid, its signal or status and its task. (CPython's
//! `Pool` waits forever there; `ProcessPoolExecutor` raises `BrokenProcessPool`.)
//!
//! ```
//! use concurrency::multiprocessing::{Pool, PoolError};
//!
//! let error = Pool::new(2)
//!     .map(|x: i32| if x == 3 { panic!("no threes") } else { x }, 0..5)
//!     .unwrap_err();
//! assert!(matches!(error, PoolError::TaskPanicked { index: 3, ref message, .. }
//!     if message == "no threes"));
//! ```
//!
//! ```
//! use concurrency::multiprocessing::{ProcessEnd, Pool, PoolError};
//! use nix::sys::signal::Signal;
//!
//! let abort = || {
//! #   // No core file in the working directory, whatever the machine's limit.
//! #   let _ = nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_CORE, 0, 0);
//!     std::process::abort()
//! };
//! let error = Pool::new(2).map(|x: u8| if x == 1 { abort() } else { x }, 0..4).unwrap_err();
//! let PoolError::WorkerDied { status, task, .. } = error else { panic!("{error}") };
//! assert!(matches!(status, ProcessEnd::Signaled { signal: Signal::SIGABRT, .. }));
//! assert_eq!(task, Some(1));
//! ```
//!
//! Every worker is reaped before a call returns, or when an [`Imap`] is dropped (also by a
//! panic unwinding through the caller): no zombies, no open pipes.
//!
//! # Forking a multi-threaded process
//!
//! The child of `fork` has one thread, a copy of the caller, and a copy of every lock the
//! parent's other threads held at that instant, held forever. The pool's child side takes
//! none: it claims tasks with atomics on a `MAP_SHARED` page, writes its pipe with raw
//! `write(2)` and leaves with `_exit`. Stdout and stderr are the exception made safe: the
//! fork happens while the forking thread holds both locks with stdout's buffer empty, and
//! the child releases its copies, so `print!` works in a child whatever the parent's other
//! threads print. Your function runs there too: allocation is fine (glibc's malloc resets its
//! locks in the child), but a `Mutex` another thread may hold can deadlock it. CPython 3.12
//! warns about the same hazard (`DeprecationWarning: ... use of fork() may lead to deadlocks
//! in the child`).
//!
//! # Output, and a parent that dies
//!
//! What a task prints reaches stdout once, newline or not: a worker writes out what its
//! tasks left in stdout's buffer after its last result and before it reports `Finished`, so
//! it is out when `map` returns (CPython's workers flush `sys.stdout` when they exit). The
//! parent's own unflushed output is written before each fork, never by a child.
//!
//! On Linux no child outlives its parent process: each asks the kernel for a signal when the
//! parent dies (`PR_SET_PDEATHSIG`), checks `getppid()` against the pid recorded before the
//! fork in case the parent died first, and kills itself when the parent is gone, within
//! milliseconds of a `SIGKILL` or a crash of the parent. Since Linux sends that signal when
//! the *thread* that forked exits, the child checks whether the process is gone before
//! dying: a pool or a `Process` started on a short-lived thread lives on. A child that must
//! outlive the parent (a daemon) calls `nix::sys::prctl::set_pdeathsig(None)`. Elsewhere an
//! orphaned worker runs its current task to the end, then fails to write to the dead
//! parent's pipe and exits. (CPython's orphaned `Pool` workers run on until their task ends,
//! then exit when they find the result pipe broken.)
//!
//! # Layout
//!
//! Both pools run on one engine and differ in how work reaches their workers.
//!
//! - `process`: [`Process`], one closure in one child; how it ended is a [`ProcessEnd`],
//!   the workspace's one type for that (from the shared `demo` crate).
//! - `pool`: [`Pool`], the options both pools take, and its `map` and [`Imap`] on workers
//!   forked per call; [`Pool::start`] makes the other kind.
//! - `engine`: the parent side of a call, for both: poll the pipes, frames into outcomes,
//!   reap, fail fast, `map` and `imap`; a worker as the parent sees it; the `Dispatch` each
//!   pool gives it.
//! - `per_call`: the fork-per-call dispatch: workers forked with the inputs claim them from a
//!   counter; its child side.
//! - `live`: [`LivePool`] and [`LiveImap`], forked once: orders down pipes, a few chunks
//!   ahead; its workers, its child side, the code its workers can run.
//! - `page`: the shared page as typed views: the claim counter, each worker's cells.
//! - `chunking`: how many inputs a worker takes at a time.
//! - `outcomes`: each input's result or error, kept in input order, none lost or doubled.
//! - `child`: what both pools' children share: the panic hook, the initializer, one task's
//!   outcome as a frame, the exit statuses.
//! - `frame`: length-prefixed postcard frames over a pipe.
//! - `error`: [`PoolError`].
//! - `sys`: the module's only `unsafe`: `fork` (with stdio's locks held across it), `_exit`,
//!   the shared memory, dying with the parent, and a started pool's task's code address.

mod child;
mod chunking;
mod engine;
mod error;
mod frame;
mod live;
mod outcomes;
mod page;
mod per_call;
mod pool;
mod process;
mod sys;

pub use error::PoolError;
pub use live::{LiveImap, LivePool};
pub use os::ProcessEnd;
pub use pool::{Imap, Pool};
pub use process::{PANIC_EXIT_STATUS, Process};
