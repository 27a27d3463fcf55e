//! IO-bound work overlaps in threads: many blocking waits take about as long as one.
//!
//! The notes: "parallel IO operations are possible using threads ... most of the time is spent
//! waiting for a response". A thread blocked in the kernel (a read, a sleep) uses no core, so
//! while it waits the others run or wait too. [`wait_in_threads`] starts one thread per wait;
//! [`wait_sequentially`] is the single-threaded baseline. In Python the same holds because
//! blocking calls release the GIL; in Rust there is no lock to release.

use std::thread;
use std::time::{Duration, Instant};

use super::join::{ThreadPanicked, join_all};

/// One blocking wait of `wait` for each of `waits` threads, all started at once; returns
/// how long until the last one finished.
///
/// ```
/// use std::time::Duration;
/// use concurrency::threading::io_bound::wait_in_threads;
///
/// let one = Duration::from_millis(50);
/// let took = wait_in_threads(10, one)?;
/// assert!(took >= one);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a thread panicked.
// ANCHOR: wait_in_threads
pub fn wait_in_threads(waits: usize, wait: Duration) -> Result<Duration, ThreadPanicked> {
    let start = Instant::now();
    let handles = (0..waits)
        .map(|_| thread::spawn(move || thread::sleep(wait)))
        .collect();
    join_all(handles)?;
    Ok(start.elapsed())
}
// ANCHOR_END: wait_in_threads

/// The same waits one after another on the calling thread: about `waits * wait`.
pub fn wait_sequentially(waits: usize, wait: Duration) -> Duration {
    let start = Instant::now();
    for _ in 0..waits {
        thread::sleep(wait);
    }
    start.elapsed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_waits_in_threads_take_about_one() {
        let one = Duration::from_millis(200);
        let took = wait_in_threads(8, one).unwrap();
        assert!(took >= one);
        assert!(took < one * 4, "8 waits of 200 ms in threads took {took:?}");
    }

    #[test]
    fn sequential_waits_add_up() {
        let one = Duration::from_millis(20);
        assert!(wait_sequentially(5, one) >= one * 5);
        assert!(wait_sequentially(0, one) < one);
    }
}
