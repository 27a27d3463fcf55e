//! How many inputs a worker takes at a time: fixed, or guided (shrinking to one at the end),
//! and claiming a chunk from the counter on the shared page.
#![forbid(unsafe_code)]

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many inputs a worker claims at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Chunking {
    /// Always this many (at least 1).
    Fixed(usize),
    /// Guided: a quarter of a fair share of what is left, so chunks start at CPython's
    /// default size and shrink to 1 near the end.
    Guided,
}

/// The size of the next chunk under [`Chunking::Guided`] with `remaining` inputs left.
///
/// CPython's default is fixed: `chunksize, extra = divmod(len, 4 * processes)`, rounded up,
/// so the last chunk may leave one worker busy alone for a quarter of its share. Guided
/// chunking starts at the same size and shrinks with what remains, so the tail is balanced
/// to one task. Each claim takes at least `1/(4p)` of what is left (`p` processes), so the
/// chunks above one take at most about `4p * ln(len / 4p)` claims, and the tail of chunks of
/// one at most `4p` more: each claim is one atomic operation.
pub(crate) fn guided_chunk(remaining: usize, processes: usize) -> usize {
    remaining.div_ceil(4 * processes.max(1)).max(1)
}

/// Claims the next range of inputs from the shared counter, or `None` when none is left.
pub(crate) fn claim(
    next: &AtomicUsize,
    len: usize,
    processes: usize,
    chunking: Chunking,
) -> Option<Range<usize>> {
    match chunking {
        Chunking::Fixed(size) => {
            // No bigger than the input: every worker's last claim adds `size` to the counter
            // once more, and a few huge chunks would wrap it round to inputs already taken.
            let size = size.clamp(1, len.max(1));
            let start = next.fetch_add(size, Ordering::Relaxed);
            (start < len).then(|| start..(start + size).min(len))
        }
        Chunking::Guided => {
            let mut start = next.load(Ordering::Relaxed);
            loop {
                if start >= len {
                    return None;
                }
                let end = start + guided_chunk(len - start, processes);
                match next.compare_exchange_weak(start, end, Ordering::Relaxed, Ordering::Relaxed) {
                    Ok(_) => return Some(start..end),
                    Err(now) => start = now,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guided_chunks_start_at_cpythons_size_and_shrink_to_one() {
        // CPython: divmod(100, 4 * 2) = (12, 4), rounded up to 13.
        assert_eq!(guided_chunk(100, 2), 13);
        assert_eq!(guided_chunk(7, 2), 1);
        assert_eq!(guided_chunk(0, 2), 1);
    }

    #[test]
    fn claims_cover_every_index_exactly_once() {
        for chunking in [Chunking::Guided, Chunking::Fixed(1), Chunking::Fixed(7)] {
            let next = AtomicUsize::new(0);
            let mut seen = Vec::new();
            while let Some(range) = claim(&next, 1000, 3, chunking) {
                seen.extend(range);
            }
            assert_eq!(seen, (0..1000).collect::<Vec<_>>(), "{chunking:?}");
        }
    }

    #[test]
    fn huge_chunks_never_wrap_the_counter() {
        let next = AtomicUsize::new(0);
        let huge = Chunking::Fixed(1 << (usize::BITS - 1));
        assert_eq!(claim(&next, 10, 2, huge), Some(0..10));
        for _ in 0..4 {
            assert_eq!(claim(&next, 10, 2, huge), None);
        }
    }

    // ANCHOR: guided_claims
    #[test]
    fn guided_claims_are_at_most_4p_times_ln_len_over_4p_plus_a_tail_of_4p() {
        let claims = |len: usize, processes: usize| {
            let next = AtomicUsize::new(0);
            std::iter::from_fn(|| claim(&next, len, processes, Chunking::Guided)).count()
        };
        // 2 workers, 10,000 tasks: 4p = 8, 8 * ln(10_000 / 8) = 57.0, plus a tail of 8.
        assert_eq!(claims(10_000, 2), 58);
        for (len, processes) in [(100, 2), (10_000, 2), (1_000_000, 2), (10_000, 8)] {
            let four_p = (4 * processes) as f64;
            let bound = four_p * (len as f64 / four_p).ln() + four_p;
            let counted = claims(len, processes);
            assert!(counted as f64 <= bound, "{len}, {processes}: {counted}");
        }
    }
    // ANCHOR_END: guided_claims
}
