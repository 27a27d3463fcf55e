//! What Rust evaluates once (`const`, `static`, `LazyLock`) and what per call, for the notes'
//! "this feature gives speed and memory boosts".
//!
//! Python evaluates a default when `def` runs and keeps that one object; the notes credit this
//! with speed (no rebuilding per call) and memory (one object). Rust separates the cases a
//! Python default mixes together, and each is visible in the code:
//!
//! - A [`const`](SMALL_PRIMES) is computed by the compiler and copied into every place that
//!   uses it: zero run-time evaluations, and every use is a *fresh* value, so a `const` can
//!   never be the shared mutable list of `func1` (see [`EMPTY`]).
//! - A `static` is one value at one address for the whole program; [`LazyLock`] builds it on
//!   first use, exactly once even with many threads ([`PRIMES`]). Statics are shared, so they
//!   must be `Sync`: mutation needs a `Mutex` or an atomic.
//! - Anything in a function body, including `unwrap_or_else(|| ...)`, runs per call. For the
//!   empty collections that mutable defaults usually are, that costs nothing: `Vec::new()`,
//!   `String::new()` and `HashMap::new()` allocate nothing until the first insert.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// An empty list as a `const`: each use is a new `Vec`, so mutating one use changes no other.
///
/// ```
/// use defaults::evaluated_once::EMPTY;
/// let mut a = EMPTY;
/// a.push(1);
/// let b = EMPTY;
/// assert_eq!((a, b), (vec![1], vec![]));
/// ```
// ANCHOR: once
pub const EMPTY: Vec<i64> = Vec::new();

/// The 25 primes below 100, computed by the compiler from [`primes_by_trial_division`]; the
/// program only contains the finished array.
pub const SMALL_PRIMES: [u32; 25] = primes_by_trial_division();

// Checked at compile time: if this fails, the crate does not build.
const _: () = assert!(SMALL_PRIMES[0] == 2 && SMALL_PRIMES[24] == 97);

/// The primes below 100 by trial division, in a `const fn` so the compiler can run it.
pub const fn primes_by_trial_division() -> [u32; 25] {
    let mut primes = [0; 25];
    let mut found = 0;
    let mut n = 2;
    while n < 100 {
        let mut d = 2;
        let mut prime = true;
        while d * d <= n {
            if n % d == 0 {
                prime = false;
            }
            d += 1;
        }
        if prime {
            primes[found] = n;
            found += 1;
        }
        n += 1;
    }
    primes
}

/// The limit of [`PRIMES`]: it holds every prime below this.
pub const PRIMES_BELOW: u32 = 10_000;

static PRIME_BUILDS: AtomicUsize = AtomicUsize::new(0);

/// Every prime below [`PRIMES_BELOW`], built on first use, then shared by all callers.
pub static PRIMES: LazyLock<Vec<u32>> = LazyLock::new(|| {
    PRIME_BUILDS.fetch_add(1, Ordering::Relaxed);
    sieve(PRIMES_BELOW)
});
// ANCHOR_END: once

/// How many times [`PRIMES`] has been built in this process: 0 before first use, then 1.
pub fn prime_builds() -> usize {
    PRIME_BUILDS.load(Ordering::Relaxed)
}

/// Whether `n` is prime, looked up in [`PRIMES`]; `None` if `n` is beyond the table.
pub fn is_prime(n: u32) -> Option<bool> {
    (n < PRIMES_BELOW).then(|| PRIMES.binary_search(&n).is_ok())
}

/// The primes below `limit`, by the sieve of Eratosthenes: the costly value worth building
/// once.
pub fn sieve(limit: u32) -> Vec<u32> {
    let limit = limit as usize;
    let mut composite = vec![false; limit];
    let mut primes = Vec::new();
    for n in 2..limit {
        if !composite[n] {
            // `n < limit <= u32::MAX`, so the cast back is lossless.
            primes.push(n as u32);
            for multiple in (n * n..limit).step_by(n) {
                composite[multiple] = true;
            }
        }
    }
    primes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_lock_builds_once_however_often_it_is_used() {
        // Many threads, many lookups: the build counter can only ever reach 1.
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for n in 0..100 {
                        is_prime(n);
                    }
                });
            }
        });
        assert_eq!(prime_builds(), 1);
        assert_eq!(PRIMES.len(), 1229);
    }

    #[test]
    fn lookups_agree_with_the_sieve() {
        assert_eq!(is_prime(97), Some(true));
        assert_eq!(is_prime(1), Some(false));
        assert_eq!(is_prime(9_999), Some(false));
        assert_eq!(is_prime(PRIMES_BELOW), None);
    }

    #[test]
    fn the_const_and_the_sieve_agree() {
        assert_eq!(sieve(100), SMALL_PRIMES);
    }

    #[test]
    fn each_use_of_a_const_is_fresh() {
        let mut first = EMPTY;
        first.push(3);
        assert!(EMPTY.is_empty());
    }

    #[test]
    fn empty_collections_do_not_allocate() {
        assert_eq!(Vec::<i64>::new().capacity(), 0);
        assert_eq!(String::new().capacity(), 0);
    }
}
