//! The trap `asyncio` and tokio share: a blocking call inside a task holds the loop's one
//! thread, and no other task runs until it returns. The way out in both is to run the call on
//! another thread and await its end: `await asyncio.to_thread(f)` in Python,
//! `tokio::task::spawn_blocking(f).await` in Rust.
//!
//! How it is shown: a ticker task adds one to a counter every [`TICK`]; another task reads
//! the counter, makes a call of [`CALL`], and reads it again. Blocking in the task, the ticker
//! cannot run in between, so the count does not move: exactly zero ticks, on any machine,
//! because nothing else ran on the thread. Sent to `spawn_blocking` (or awaited, as a timer),
//! the ticker runs during the call: at least one tick in 200 ms, which a loaded machine still
//! gives.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use tokio::task;
use tokio::time::sleep;

/// How often the ticker ticks.
pub const TICK: Duration = Duration::from_millis(10);
/// How long the call takes.
pub const CALL: Duration = Duration::from_millis(200);

/// Where the task makes its call of [`CALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    /// `std::thread::sleep` in the task itself (`time.sleep` in a coroutine).
    BlockingInTheTask,
    /// The same blocking call on tokio's blocking pool, awaited (`asyncio.to_thread`).
    SpawnBlocking,
    /// `tokio::time::sleep(..).await` (`await asyncio.sleep(..)`): no thread blocks at all.
    Awaited,
}

/// What the loop did while the call ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stall {
    /// How long the call took, from the calling task's side.
    pub took: Duration,
    /// How many times the ticker ticked during the call.
    pub ticks: u64,
}

// ANCHOR: ticks_during
/// Runs a ticker and, in another task on the same thread, the call; counts the ticks it saw.
///
/// # Errors
///
/// The runtime could not start, or a task panicked.
pub fn ticks_during(call: Call) -> io::Result<Stall> {
    let runtime = crate::runtime::one_thread()?;
    runtime.block_on(async {
        let ticks = Arc::new(AtomicU64::new(0));
        let counted = Arc::clone(&ticks);
        let ticker = task::spawn(async move {
            loop {
                sleep(TICK).await;
                counted.fetch_add(1, Ordering::Relaxed);
            }
        });
        let caller = task::spawn(async move {
            let (before, start) = (ticks.load(Ordering::Relaxed), Instant::now());
            match call {
                Call::BlockingInTheTask => thread::sleep(CALL), // holds the loop's thread
                Call::SpawnBlocking => task::spawn_blocking(|| thread::sleep(CALL)).await?,
                Call::Awaited => sleep(CALL).await,
            }
            let ticks = ticks.load(Ordering::Relaxed) - before;
            Ok::<_, task::JoinError>(Stall {
                took: start.elapsed(),
                ticks,
            })
        });
        let stall = caller
            .await
            .and_then(|stall| stall)
            .map_err(io::Error::other);
        ticker.abort();
        stall
    })
}
// ANCHOR_END: ticks_during

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocking_call_in_a_task_lets_no_tick_through() {
        let stall = ticks_during(Call::BlockingInTheTask).unwrap();
        assert_eq!(stall.ticks, 0);
        assert!(stall.took >= CALL);
    }

    #[test]
    fn spawn_blocking_and_an_awaited_sleep_let_the_ticker_run() {
        for call in [Call::SpawnBlocking, Call::Awaited] {
            let stall = ticks_during(call).unwrap();
            assert!(stall.ticks > 0, "{call:?}: {stall:?}");
            assert!(stall.took >= CALL);
        }
    }
}
