//! The bench's `count_primes`, called from Python threads while holding the GIL and after
//! releasing it.
//!
//! A `#[pyfunction]` is called with the GIL held (the `Python<'py>` token is the proof), and
//! PyO3 does not let it go by itself: while [`count_primes`] computes, no other thread of the
//! interpreter runs Python, nor any other call of it, so two Python threads calling it take
//! turns, as two threads running Python code do. [`count_primes_detached`] computes inside
//! `py.detach(...)`, which releases the GIL for the closure and takes it back after: the
//! other thread runs meanwhile, on another core if there is one.
//!
//! What the closure may touch is checked by the compiler: `detach` requires the closure and
//! its result to be `Ungil`, which PyO3 defines as `Send` on stable Rust, and neither a
//! `Python<'py>` token nor a `Bound<'py, T>` (a Python object used with the GIL held) is
//! `Send`. So the closure can only work on Rust data (here a `u64`), never on a Python object
//! whose reference count another thread may be changing:
//!
//! ```compile_fail,E0277
//! use pyo3::prelude::*;
//! use pyo3::types::PyList;
//!
//! fn len_detached(py: Python<'_>, list: Bound<'_, PyList>) -> usize {
//!     // error[E0277]: `*mut pyo3::Python<'static>` cannot be shared between threads safely
//!     py.detach(|| list.len())
//! }
//! ```

use std::sync::OnceLock;
use std::time::Instant;

use concurrency::threading::cpu_bound;
use pyo3::prelude::*;

// ANCHOR: count_primes
/// Counts the primes below `below` by trial division, holding the GIL throughout.
#[pyfunction]
pub fn count_primes(below: u64) -> u64 {
    cpu_bound::count_primes(below)
}

/// The same count with the GIL released while it runs: other Python threads go on meanwhile.
#[pyfunction]
pub fn count_primes_detached(py: Python<'_>, below: u64) -> u64 {
    py.detach(|| cpu_bound::count_primes(below))
}
// ANCHOR_END: count_primes

/// `count_primes`, detached or not, with when it started and ended inside Rust: seconds since
/// the first such call of the process, so that two calls' spans can be compared.
#[pyfunction]
#[pyo3(signature = (below, *, detach))]
pub fn count_primes_timed(py: Python<'_>, below: u64, detach: bool) -> (u64, f64, f64) {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    let origin = *ORIGIN.get_or_init(Instant::now);
    let timed = move || {
        let started = origin.elapsed().as_secs_f64();
        let count = cpu_bound::count_primes(below);
        (count, started, origin.elapsed().as_secs_f64())
    };
    if detach { py.detach(timed) } else { timed() }
}
