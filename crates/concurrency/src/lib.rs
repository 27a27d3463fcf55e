//! Threads, processes, the GIL and Pool: concurrency and parallelism in Rust.
#![forbid(unsafe_code)]
