//! The notes' example: the same CPU-bound tasks run one after another, then in threads.
//!
//! The notes' picture shows two threads of one program, interleaved on one core and side by
//! side on two. [`run_sequentially`] and [`run_in_threads`] run the same list of tasks both
//! ways and time them, as `t.start(); t.join()` does with `threading.Thread`; [`count_primes`]
//! is a task that only computes.

use std::thread;
use std::time::{Duration, Instant};

use super::join::{ThreadPanicked, join_all};

/// A value together with how long it took to compute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timed<T> {
    /// What the work returned.
    pub value: T,
    /// Wall-clock time from start to finish.
    pub elapsed: Duration,
}

/// Counts the primes below `below` by trial division: pure computation, no IO, no sharing.
///
/// ```
/// use concurrency::threading::cpu_bound::count_primes;
///
/// assert_eq!(count_primes(10), 4); // 2, 3, 5, 7
/// assert_eq!(count_primes(100_000), 9_592);
/// ```
pub fn count_primes(below: u64) -> u64 {
    (2..below).map(|n| u64::from(is_prime(n))).sum()
}

/// Whether `n` is prime, by trial division up to its square root.
pub fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    let mut divisor = 2;
    while divisor * divisor <= n {
        if n.is_multiple_of(divisor) {
            return false;
        }
        divisor += 1;
    }
    true
}

/// Runs the tasks one after another on the calling thread: `f(); g()` in Python.
///
/// ```
/// use concurrency::threading::cpu_bound::{count_primes, run_sequentially};
///
/// let timed = run_sequentially(vec![|| count_primes(100), || count_primes(1_000)]);
/// assert_eq!(timed.value, vec![25, 168]);
/// ```
pub fn run_sequentially<R>(tasks: Vec<impl FnOnce() -> R>) -> Timed<Vec<R>> {
    let start = Instant::now();
    let value = tasks.into_iter().map(|task| task()).collect();
    Timed {
        value,
        elapsed: start.elapsed(),
    }
}

/// Runs each task in its own thread and joins them all, results in task order.
///
/// The Python original is `threading.Thread(target=task)`, `start()`, then `join()` for each.
/// The tasks move into their threads (`'static`), as a `Thread`'s target and arguments do.
///
/// ```
/// use concurrency::threading::cpu_bound::{count_primes, run_in_threads};
///
/// let timed = run_in_threads(vec![|| count_primes(100), || count_primes(1_000)])?;
/// assert_eq!(timed.value, vec![25, 168]);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a task panicked; the other threads are still joined.
// ANCHOR: run_in_threads
pub fn run_in_threads<R, F>(tasks: Vec<F>) -> Result<Timed<Vec<R>>, ThreadPanicked>
where
    F: FnOnce() -> R + Send + 'static,
    R: Send + 'static,
{
    let start = Instant::now();
    let handles = tasks.into_iter().map(thread::spawn).collect();
    let value = join_all(handles)?;
    Ok(Timed {
        value,
        elapsed: start.elapsed(),
    })
}
// ANCHOR_END: run_in_threads

/// How many times faster `fast` was than `slow` (`slow / fast`), for printing.
pub fn speedup(slow: Duration, fast: Duration) -> f64 {
    slow.as_secs_f64() / fast.as_secs_f64().max(f64::MIN_POSITIVE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_are_counted_correctly() {
        let small: Vec<u64> = (0..30).filter(|&n| is_prime(n)).collect();
        assert_eq!(small, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        assert_eq!(count_primes(0), 0);
        assert_eq!(count_primes(3), 1);
        assert_eq!(count_primes(1_000), 168);
    }

    #[test]
    fn threads_and_sequential_agree_in_order() {
        let limits = [5_000, 100, 20_000, 2];
        let make = || limits.map(|limit| move || count_primes(limit)).to_vec();
        let sequential = run_sequentially(make());
        let threaded = run_in_threads(make()).unwrap();
        assert_eq!(sequential.value, vec![669, 25, 2_262, 0]);
        assert_eq!(threaded.value, sequential.value);
    }

    #[test]
    fn a_panicking_task_is_an_error() {
        let tasks: Vec<Box<dyn FnOnce() -> u64 + Send>> =
            vec![Box::new(|| 1), Box::new(|| panic!("no primes today"))];
        let error = run_in_threads(tasks).unwrap_err();
        assert_eq!(error.worker, 1);
    }

    #[test]
    fn speedup_is_the_ratio_of_times() {
        let ratio = speedup(Duration::from_millis(300), Duration::from_millis(100));
        assert!((ratio - 3.0).abs() < 1e-9);
    }
}
