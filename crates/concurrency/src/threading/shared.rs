//! Threads share memory: every thread sees the same counter, the same borrowed data.
//!
//! The notes: "Threads share the same memory space." In Python any thread may touch any
//! object, and the GIL keeps the interpreter's own bookkeeping (reference counts, dicts)
//! intact. Rust has no such lock; instead the type system decides what may be shared:
//!
//! - a counter several threads update lives behind `Arc<Mutex<u64>>` ([`count_with_mutex`])
//!   or is an atomic ([`count_with_atomic`]);
//! - threads started in [`std::thread::scope`] may borrow the caller's local data, shared
//!   read-only ([`sum_in_scoped_threads`]) or mutably in disjoint pieces
//!   ([`double_in_scoped_threads`]).
//!
//! Two threads mutating one `Vec` is a data race, and it does not compile (E0499: two
//! mutable borrows at once). The example is the case file
//! `crates/concurrency/tests/compile_fail/two_writers.rs`, which docs/concurrency.md shows
//! and `cargo test` compiles, expecting that error.
//!
//! Nor does sending a non-atomic reference count to another thread (E0277: `Rc` is not
//! `Send`). The GIL exists largely to protect CPython's reference counts; Rust offers `Arc`,
//! whose count is atomic, and refuses `Rc` across threads:
//!
//! ```compile_fail,E0277
//! use std::rc::Rc;
//! let shared = Rc::new(vec![1, 2, 3]);
//! let other = Rc::clone(&shared);
//! std::thread::spawn(move || other.len()); // error[E0277]: `Rc<Vec<i32>>` cannot be sent between threads safely
//! ```
//!
//! What the compiler cannot refuse is a *race condition* made of individually safe steps:
//! [`count_with_load_then_store`] reads and writes an atomic in two steps and loses updates,
//! exactly as `counter += 1` can in Python threads.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier, Mutex, PoisonError};
use std::thread;

use super::join::{ThreadPanicked, join_all, join_all_scoped};

/// `threads` threads each add 1 to one counter `increments` times, under a mutex.
///
/// The Python original is a global `counter` with a `threading.Lock()` held around
/// `counter += 1`. The `Arc` gives every thread an owning handle to the one counter.
///
/// ```
/// use concurrency::threading::shared::count_with_mutex;
///
/// assert_eq!(count_with_mutex(4, 1_000)?, 4_000);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a thread panicked.
// ANCHOR: count_with_mutex
pub fn count_with_mutex(threads: usize, increments: u64) -> Result<u64, ThreadPanicked> {
    let counter = Arc::new(Mutex::new(0_u64));
    let handles = (0..threads)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                for _ in 0..increments {
                    // A poisoned lock means another thread panicked while holding it; a u64
                    // cannot be left half-updated, so the value inside is still valid.
                    *counter.lock().unwrap_or_else(PoisonError::into_inner) += 1;
                }
            })
        })
        .collect();
    join_all(handles)?;
    let total = *counter.lock().unwrap_or_else(PoisonError::into_inner);
    Ok(total)
}
// ANCHOR_END: count_with_mutex

/// The same count with an atomic: each `fetch_add` is one indivisible read-modify-write.
///
/// ```
/// use concurrency::threading::shared::count_with_atomic;
///
/// assert_eq!(count_with_atomic(4, 1_000)?, 4_000);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a thread panicked.
pub fn count_with_atomic(threads: usize, increments: u64) -> Result<u64, ThreadPanicked> {
    let counter = Arc::new(AtomicU64::new(0));
    let handles = (0..threads)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                for _ in 0..increments {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    join_all(handles)?;
    Ok(counter.load(Ordering::Relaxed))
}

/// The same count done wrong: load, add one, store. Safe Rust, but a race condition.
///
/// Between one thread's load and its store, another thread's updates are overwritten, so the
/// result is at most `threads * increments` and, when threads really overlap, less.
///
/// Every thousandth time, a thread offers its core to the others between the load and the
/// store, as CPython's `sys.setswitchinterval` offers the GIL sooner: on one core, threads
/// otherwise only interleave when the scheduler preempts one, seldom right between the two
/// steps, and the race, real as it is, may lose nothing. With the offer, a thread that
/// yields holds a stale count while another one runs, and its store overwrites what that one
/// added, on any number of cores.
///
/// ```
/// use concurrency::threading::shared::count_with_load_then_store;
///
/// assert!(count_with_load_then_store(4, 1_000)? <= 4_000);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a thread panicked.
pub fn count_with_load_then_store(threads: usize, increments: u64) -> Result<u64, ThreadPanicked> {
    let counter = AtomicU64::new(0);
    // All threads start counting together: a thread started late could otherwise finish its
    // loop before the next one begins, and a race that never overlaps loses nothing.
    let start = Barrier::new(threads);
    thread::scope(|s| {
        let handles = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    start.wait();
                    for done in 0..increments {
                        let seen = counter.load(Ordering::Relaxed);
                        if done % 1_000 == 0 {
                            thread::yield_now();
                        }
                        counter.store(seen + 1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        join_all_scoped(handles)
    })?;
    Ok(counter.load(Ordering::Relaxed))
}

/// Sums `data` in `threads` scoped threads that borrow it: no copy, no `Arc`.
///
/// `std::thread::scope` joins every thread before it returns, so the compiler knows the
/// borrow of `data` outlives them.
///
/// ```
/// use concurrency::threading::shared::sum_in_scoped_threads;
///
/// let data: Vec<u64> = (1..=100).collect();
/// assert_eq!(sum_in_scoped_threads(&data, 3)?, 5_050);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a thread panicked.
pub fn sum_in_scoped_threads(data: &[u64], threads: usize) -> Result<u64, ThreadPanicked> {
    let chunk = chunk_len(data.len(), threads);
    let partials = thread::scope(|s| {
        let handles = data
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().sum::<u64>()))
            .collect();
        join_all_scoped(handles)
    })?;
    Ok(partials.into_iter().sum())
}

/// Doubles every element of `data` in place, each scoped thread owning a disjoint piece.
///
/// `chunks_mut` hands out non-overlapping `&mut` slices, so no two threads can write the
/// same element: what the compiler refuses for one `Vec` shared whole, it accepts here.
///
/// ```
/// use concurrency::threading::shared::double_in_scoped_threads;
///
/// let mut data = vec![1, 2, 3, 4, 5];
/// double_in_scoped_threads(&mut data, 2)?;
/// assert_eq!(data, [2, 4, 6, 8, 10]);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if a thread panicked.
// ANCHOR: double_in_scoped_threads
pub fn double_in_scoped_threads(data: &mut [u64], threads: usize) -> Result<(), ThreadPanicked> {
    let chunk = chunk_len(data.len(), threads);
    thread::scope(|s| {
        let handles = data
            .chunks_mut(chunk)
            .map(|part| s.spawn(move || part.iter_mut().for_each(|x| *x *= 2)))
            .collect();
        join_all_scoped(handles)
    })?;
    Ok(())
}
// ANCHOR_END: double_in_scoped_threads

/// The length of each of `parts` nearly equal chunks of `len` items (at least 1).
fn chunk_len(len: usize, parts: usize) -> usize {
    len.div_ceil(parts.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutex_and_atomic_counters_lose_no_update() {
        assert_eq!(count_with_mutex(8, 5_000).unwrap(), 40_000);
        assert_eq!(count_with_atomic(8, 5_000).unwrap(), 40_000);
        assert_eq!(count_with_mutex(0, 5_000).unwrap(), 0);
    }

    #[test]
    fn load_then_store_never_counts_more_than_it_should() {
        let count = count_with_load_then_store(4, 10_000).unwrap();
        assert!(count <= 40_000, "{count}");
        assert_eq!(count_with_load_then_store(1, 10_000).unwrap(), 10_000);
    }

    /// The race is real: where two cores can run the threads at once, updates are lost. One
    /// run may not overlap (a busy machine, or the tests beside this one, can leave one core
    /// to run the threads one after another), so each thread counts for longer than a time
    /// slice and there are several tries; on one core there is nothing to show.
    #[test]
    fn load_then_store_loses_updates_where_threads_run_in_parallel() {
        const INCREMENTS: u64 = 1_000_000;
        let cores = os::affinity::usable_cores().unwrap();
        if cores.len() < 2 {
            return;
        }
        let counts: Vec<u64> = (0..10)
            .map(|_| count_with_load_then_store(4, INCREMENTS).unwrap())
            .take_while(|&count| count == 4 * INCREMENTS)
            .collect();
        assert!(counts.len() < 10, "no update lost in {} runs", counts.len());
    }

    #[test]
    fn scoped_threads_see_and_change_the_callers_data() {
        let mut data: Vec<u64> = (0..1_001).collect();
        assert_eq!(sum_in_scoped_threads(&data, 4).unwrap(), 500_500);
        double_in_scoped_threads(&mut data, 4).unwrap();
        assert_eq!(sum_in_scoped_threads(&data, 7).unwrap(), 1_001_000);
        assert_eq!(data[1_000], 2_000);
    }

    #[test]
    fn empty_data_and_more_threads_than_items_are_fine() {
        assert_eq!(sum_in_scoped_threads(&[], 4).unwrap(), 0);
        let mut few = vec![1, 2];
        double_in_scoped_threads(&mut few, 16).unwrap();
        assert_eq!(few, [2, 4]);
    }

    #[test]
    fn chunks_cover_the_data() {
        assert_eq!(chunk_len(10, 3), 4);
        assert_eq!(chunk_len(0, 3), 1);
        assert_eq!(chunk_len(5, 0), 5);
    }
}
