//! The runtime every async part of this crate runs on: tokio's current-thread scheduler, one
//! event loop on the calling thread, as `asyncio.run` makes one.
//!
//! `#[tokio::main]` writes the same thing as a macro; building it by hand shows what the
//! macro hides (and keeps tokio's `macros` feature, and the second `syn` it compiles, out of
//! the build):
//!
//! ```
//! let runtime = asyncio::runtime::one_thread()?;
//! let answer = runtime.block_on(async { 6 * 7 }); // asyncio.run(main())
//! assert_eq!(answer, 42);
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io;

use tokio::runtime::{Builder, Runtime};

/// A runtime whose tasks all run on the thread that calls `block_on`, with the IO driver
/// (sockets) and the timer (`sleep`) enabled; `spawn_blocking` still has its own threads.
///
/// # Errors
///
/// What the OS says when the runtime cannot make its epoll instance or its wake-up pipe.
// ANCHOR: one_thread
pub fn one_thread() -> io::Result<Runtime> {
    Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
}
// ANCHOR_END: one_thread
