//! What the boundary does with a value of the wrong type: Python's `TypeError`, raised before
//! any Rust runs.
//!
//! A `#[pyfunction]`'s parameters are Rust types, and PyO3 converts each argument before the
//! body runs (`FromPyObject`): a `str` where an `i64` is expected raises `TypeError`, an `int`
//! too big for it `OverflowError`; there is no coercion, as there is none in `"1" + 1`. An
//! `Option<T>` parameter accepts `None`. A check that is Rust's own (`TryFrom`) raises what
//! its error is mapped to, here `ValueError`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use typing::convert::Finite;

// ANCHOR: square
/// `n * n` for an `i64`; `None` gives `None`.
#[pyfunction]
pub fn square(n: Option<i64>) -> Option<i64> {
    n.map(|n| n.saturating_mul(n))
}

/// The typing crate's `Finite::try_from`: a float that is not NaN nor infinite, or
/// `ValueError` with the crate's message.
#[pyfunction]
pub fn finite(value: f64) -> PyResult<f64> {
    Finite::try_from(value)
        .map(f64::from)
        .map_err(|error| PyValueError::new_err(error.to_string()))
}
// ANCHOR_END: square
