//! IO at scale: many waits served by threads and by `asyncio` in CPython, by threads and by
//! `tokio` in Rust.
//!
//! The notes' case for threads is IO:
//!
//! > Using threads for these tasks improves performance, since in network IO for example, most
//! > of the time is spent waiting for a response from the URL.
//!
//! A Python programmer today reaches for `asyncio` there: one thread runs an event loop, each
//! request is a coroutine (`async def`), and `await` hands the thread back to the loop while
//! the request waits. Rust's equivalent is an `async fn`, whose `.await` does the same, run
//! by a runtime: [`tokio`], here its current-thread runtime, which is asyncio's one loop on one
//! thread. The model is the same in both languages, and so are its traps: a blocking call
//! inside a task holds the one thread and stalls every other task, and the way out is to send
//! it to a thread (`asyncio.to_thread`, `tokio::task::spawn_blocking`).
//!
//! Everything here runs for real: a server on `127.0.0.1` (a port the OS picks), started and
//! stopped by the code that uses it, stands in for the notes' URL by waiting before it
//! answers; clients wait for it in a thread each, or in a task each on one thread.
//!
//! # Layout
//!
//! - [`runtime`]: the one-thread runtime every async part runs on, built without macros.
//! - [`server`]: [`SlowServer`], the local server that answers each request after a delay,
//!   serves a bounded number of requests and stops by itself.
//! - [`clients`]: one request, and many at once: in a thread each, or in a task each.
//! - [`stall`]: what a blocking call in a task does to the loop, and `spawn_blocking`.
//! - [`memory`]: the resident memory of this process, from `/proc/self/status`.
//! - [`waiters`]: what many waiting threads, and many waiting tasks, add to it.
#![forbid(unsafe_code)]

pub mod clients;
pub mod memory;
pub mod runtime;
pub mod server;
pub mod stall;
pub mod waiters;

pub use server::SlowServer;
