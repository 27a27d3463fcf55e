//! Threads: shared memory, concurrency vs parallelism, a modelled GIL.
#![forbid(unsafe_code)]
