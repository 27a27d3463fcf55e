//! A data-parallel map over a slice: one scoped thread per core, results in input order.
//!
//! The notes send CPU-bound work in Python to `multiprocessing.Pool.map`, because threads
//! cannot run Python bytecode in parallel. Rust threads can, so the same data parallelism
//! needs no processes: [`parallel_map`] starts one scoped thread per core (`num_cpus::get()`,
//! which respects the affinity mask), each borrowing the slice. Thread `t` of `n` maps items
//! `t, t + n, t + 2n, ...`, so a slice whose items grow in cost still splits evenly, and the
//! results are interleaved back into input order. (The `rayon` crate does this with work
//! stealing, for any mix of costs; this is the whole idea in a few lines.)

use std::thread;

use super::join::{ThreadPanicked, join_all_scoped};

/// `[f(x) for x in items]`, computed by one thread per available core.
///
/// ```
/// use concurrency::threading::parallel_map::parallel_map;
///
/// let squares = parallel_map(&[1, 2, 3, 4, 5], |x| x * x)?;
/// assert_eq!(squares, [1, 4, 9, 16, 25]);
/// # Ok::<(), concurrency::threading::join::ThreadPanicked>(())
/// ```
///
/// # Errors
///
/// [`ThreadPanicked`] if `f` panicked on some item; its `worker` is the thread's number `t`,
/// the one that maps items `t, t + n, ...`.
// ANCHOR: parallel_map
pub fn parallel_map<T, R, F>(items: &[T], f: F) -> Result<Vec<R>, ThreadPanicked>
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
/// [`ThreadPanicked`] if `f` panicked on some item.
pub fn parallel_map_with<T, R, F>(
    threads: usize,
    items: &[T],
    f: F,
) -> Result<Vec<R>, ThreadPanicked>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    let f = &f;
    let strands = thread::scope(|s| {
        let handles = (0..threads)
            .map(|first| {
                s.spawn(move || items.iter().skip(first).step_by(threads).map(f).collect())
            })
            .collect();
        join_all_scoped(handles)
    })?;
    Ok(interleave(strands, items.len()))
}
// ANCHOR_END: parallel_map

/// Puts strided results back in input order: item `i` is `strands[i % n][i / n]`.
fn interleave<R>(strands: Vec<Vec<R>>, len: usize) -> Vec<R> {
    let mut strands: Vec<_> = strands.into_iter().map(Vec::into_iter).collect();
    let mut results = Vec::with_capacity(len);
    'rounds: loop {
        for strand in &mut strands {
            match strand.next() {
                Some(result) => results.push(result),
                None => break 'rounds,
            }
        }
    }
    results
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
    fn interleaving_restores_input_order() {
        let strands = vec![vec![0, 3, 6], vec![1, 4], vec![2, 5]];
        assert_eq!(interleave(strands, 7), [0, 1, 2, 3, 4, 5, 6]);
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
