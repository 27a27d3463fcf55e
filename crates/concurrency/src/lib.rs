//! Threads, processes, the GIL and `Pool`: concurrency and parallelism in Rust.
//!
//! The notes, in Python:
//!
//! > Concurrency is when two or more tasks can start, run, and complete in overlapping time
//! > periods. [...] Parallelism is when two or more tasks run at the same time, e.g. on a
//! > multicore processor. [...] The CPython implementation has a Global Interpreter Lock (GIL)
//! > which allows only one thread to be active in the interpreter at once. [...] For parallel
//! > execution of tasks use multiprocessing [...]. The Pool object [...] distributing the
//! > input data across processes (data parallelism).
//!
//! In Rust the same OS threads run in parallel, because there is no interpreter lock: the
//! compiler, not a global lock, keeps shared data safe, so threads are the answer to both
//! IO-bound and CPU-bound work. The GIL is *modelled* here ([`threading::gil`]) to show what
//! it does to Python programs, not because Rust needs one. Processes remain the tool for what
//! threads cannot give, isolation: [`multiprocessing`] forks real ones, with a `Pool` that
//! neither hangs nor loses a result when a worker dies.
//!
//! # Layout
//!
//! The modules mirror Python's:
//!
//! - [`threading`]: threads sharing memory, concurrency vs parallelism drawn from live runs,
//!   the modelled GIL, IO-bound waits that overlap, and a data-parallel map over the cores.
//! - [`multiprocessing`]: `Process` and `Pool` over `fork`, forking per call or once
//!   (`LivePool`), with results sent back over pipes and every failure (a panicking task, a
//!   dying worker) reported as an error value.
//! - [`panics`]: the text of a panic's payload, for every error above that reports one.
//!
//! Only `multiprocessing` uses `unsafe`, all of it in one file: around `fork`, the `_exit` a
//! forked child must leave by, the `MAP_SHARED` page its workers claim tasks from, the
//! signal handler a forked child dies by when its parent does, and turning a long-lived
//! task's code address back into the `fn` it came from; every other module forbids it. (The
//! fork-cost bench, which times a bare `fork` without the pool, has its own two blocks;
//! `xtask/tests/tidy.rs` names both files and fails on `unsafe` anywhere else.)

pub mod multiprocessing;
pub mod panics;
pub mod threading;
