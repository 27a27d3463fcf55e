//! Recursion's cost, counted: naive Fibonacci against a memoised one.
//!
//! `fib(n) = fib(n - 1) + fib(n - 2)` read literally recomputes the same values again and
//! again: the number of calls grows like fib(n) itself. Remembering each answer (Python's
//! `@functools.cache`, here a `HashMap` passed down) makes it one computation per `n`.
//! The functions count their calls rather than time them, so the difference is exact and
//! the same on every machine.

use std::collections::HashMap;

/// A result and the number of calls it took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    /// fib(n).
    pub value: u64,
    /// How many times the function was called, the first call included.
    pub calls: u64,
}

/// fib(n) by the definition, with no memory: about 1.6ⁿ calls.
///
/// ```
/// use recursion::fibonacci::{naive, Counted};
///
/// assert_eq!(naive(10), Counted { value: 55, calls: 177 });
/// ```
pub fn naive(n: u32) -> Counted {
    let mut calls = 0;
    let value = naive_counting(n, &mut calls);
    Counted { value, calls }
}

fn naive_counting(n: u32, calls: &mut u64) -> u64 {
    *calls += 1;
    if n < 2 {
        return u64::from(n);
    }
    naive_counting(n - 1, calls) + naive_counting(n - 2, calls)
}

/// fib(n) with a cache of the values already computed: 2n - 1 calls (one for n = 0).
///
/// Values past fib(93) do not fit in a `u64`; asking for them panics in debug builds and
/// wraps around silently in release builds, like any overflowing `+` (section 2's lesson:
/// a `checked_add` would turn that into an error).
///
/// ```
/// use recursion::fibonacci::{memoised, Counted};
///
/// assert_eq!(memoised(10), Counted { value: 55, calls: 19 });
/// assert_eq!(memoised(90).value, 2_880_067_194_370_816_120);
/// ```
pub fn memoised(n: u32) -> Counted {
    let mut cache = HashMap::new();
    let mut calls = 0;
    let value = memoised_counting(n, &mut cache, &mut calls);
    Counted { value, calls }
}

// ANCHOR: memoised
fn memoised_counting(n: u32, cache: &mut HashMap<u32, u64>, calls: &mut u64) -> u64 {
    *calls += 1;
    if n < 2 {
        return u64::from(n);
    }
    if let Some(&known) = cache.get(&n) {
        return known;
    }
    let value = memoised_counting(n - 1, cache, calls) + memoised_counting(n - 2, cache, calls);
    cache.insert(n, value);
    value
}
// ANCHOR_END: memoised

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_agree_on_the_values() {
        for n in 0..=25 {
            assert_eq!(naive(n).value, memoised(n).value, "fib({n})");
        }
        assert_eq!(naive(20).value, 6765);
    }

    #[test]
    fn naive_calls_are_two_fib_n_plus_one_minus_one() {
        for n in 0..=25 {
            assert_eq!(naive(n).calls, 2 * naive(n + 1).value - 1, "n = {n}");
        }
    }

    #[test]
    fn memoised_calls_grow_linearly() {
        assert_eq!(memoised(0).calls, 1);
        for n in 1..=90 {
            assert_eq!(memoised(n).calls, 2 * u64::from(n) - 1, "n = {n}");
        }
    }
}
