//! A data-parallel map over a slice: one scoped thread per core, results in input order.
//!
//! The notes send CPU-bound work in Python to `multiprocessing.Pool.map`, because threads
//! cannot run Python bytecode in parallel. Rust threads can, so the same data parallelism
//! needs no processes: [`parallel_map`] splits the slice into one contiguous chunk per core
//! (`num_cpus::get()`, which respects the affinity mask), maps each chunk in a scoped thread
//! that borrows it, and concatenates the chunks' results in order. (The `rayon` crate does
//! this with work stealing; this is the whole idea in a few lines.)

use std::thread;

use super::shared::chunk_len;
use super::worker::{WorkerPanicked, join_all_scoped};

/// `[f(x) for x in items]`, computed by one thread per available core.
///
/// ```
/// use concurrency::threading::parallel_map::parallel_map;
///
/// let squares = parallel_map(&[1, 2, 3, 4, 5], |x| x * x)?;
/// assert_eq!(squares, [1, 4, 9, 16, 25]);
/// # Ok::<(), concurrency::threading::worker::WorkerPanicked>(())
/// ```
///
/// # Errors
///
/// [`WorkerPanicked`] if `f` panicked on some item; the worker is the chunk's index.
pub fn parallel_map<T, R, F>(items: &[T], f: F) -> Result<Vec<R>, WorkerPanicked>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    parallel_map_with(num_cpus::get(), items, f)
}

/// [`parallel_map`] with an explicit number of threads (at least one is used).
///
/// # Errors
///
/// [`WorkerPanicked`] if `f` panicked on some item.
pub fn parallel_map_with<T, R, F>(
    threads: usize,
    items: &[T],
    f: F,
) -> Result<Vec<R>, WorkerPanicked>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let chunk = chunk_len(items.len(), threads);
    let f = &f;
    let chunks = thread::scope(|s| {
        let handles = items
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        join_all_scoped(handles)
    })?;
    Ok(chunks.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threading::cpu_bound::count_primes;

    #[test]
    fn results_are_in_input_order_for_any_thread_count() {
        let items: Vec<u64> = (0..1_000).map(|_| fastrand::u64(0..5_000)).collect();
        let expected: Vec<u64> = items.iter().map(|&n| count_primes(n)).collect();
        for threads in [1, 2, 3, 7, 64, 2_000] {
            let got = parallel_map_with(threads, &items, |&n| count_primes(n)).unwrap();
            assert_eq!(got, expected, "with {threads} threads");
        }
        assert_eq!(
            parallel_map(&items, |&n| count_primes(n)).unwrap(),
            expected
        );
    }

    #[test]
    fn an_empty_slice_maps_to_an_empty_vec() {
        let none: [u8; 0] = [];
        assert_eq!(parallel_map(&none, |x| *x).unwrap(), Vec::<u8>::new());
        assert_eq!(parallel_map_with(0, &[1], |x| x + 1).unwrap(), [2]);
    }

    #[test]
    fn a_panic_in_f_is_an_error() {
        let error = parallel_map_with(2, &[1, 2, 3, 4], |&x| {
            assert_ne!(x, 4, "four is right out");
            x
        })
        .unwrap_err();
        assert_eq!(error.worker, 1);
        assert!(
            error.message.contains("four is right out"),
            "{}",
            error.message
        );
    }
}
