//! Threads: shared memory, concurrency vs parallelism, a modelled GIL.
//!
//! The notes, on Python's `threading`: "A thread is a sequence of instructions within a
//! process ... Threads share the same memory space", and CPython's GIL "allows only one thread
//! to be active in the interpreter at once", so threads help with IO but not with computation.
//!
//! Rust threads are operating-system threads, as Python's are, but there is no interpreter
//! lock: threads run Rust code on as many cores as the machine has, and the compiler, not a
//! global lock, keeps shared data safe. The GIL is *modelled* here ([`gil`]) to show what it
//! does, not because Rust needs one.
//!
//! # Layout
//!
//! - [`join`]: joining threads; a thread's panic becomes an error value.
//! - [`cpu_bound`]: the notes' example, CPU-bound tasks run sequentially and in threads.
//! - [`shared`]: threads share memory: a counter behind `Arc<Mutex<_>>` or an atomic, and
//!   scoped threads borrowing local data; the data race Rust refuses to compile.
//! - [`activity`]: recording, from inside a thread, when it was really running.
//! - [`timeline`]: several workers' activity side by side, drawn as a text timeline.
//! - [`gil`]: a model of CPython's global interpreter lock, with its 5 ms switch interval.
//! - [`io_bound`]: blocking waits overlap in threads.
//! - [`parallel_map`]: a data-parallel map over a slice, one scoped thread per core.
#![forbid(unsafe_code)]

pub mod activity;
pub mod cpu_bound;
pub mod gil;
pub mod io_bound;
pub mod join;
pub mod parallel_map;
pub mod shared;
pub mod timeline;
