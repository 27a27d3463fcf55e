//! Threads, processes, the GIL and `Pool`: concurrency and parallelism in Rust.
//!
//! The module layout mirrors Python's: [`threading`] for threads (and a modelled GIL),
//! [`multiprocessing`] for real forked processes and a process `Pool`.

pub mod multiprocessing;
pub mod threading;
