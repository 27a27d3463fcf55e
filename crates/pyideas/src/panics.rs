//! A Rust panic inside a call from Python: raised as PyO3's `PanicException`.
//!
//! PyO3 catches a panic at the boundary (unwinding into CPython's C frames would be undefined
//! behaviour) and raises `pyo3_runtime.PanicException` with the panic's message. It derives
//! from `BaseException`, not `Exception`, so an `except Exception:` does not swallow it: a
//! panic means a bug, not an error to handle. The interpreter goes on.

use property::NonNegative;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

// ANCHOR: panic
/// `NonNegative(x) + n` from the property crate, whose `+` panics past `i64::MAX`.
#[pyfunction]
pub fn add_to_non_negative(x: i64, n: u32) -> PyResult<i64> {
    let x = NonNegative::try_from(x).map_err(|error| PyValueError::new_err(error.to_string()))?;
    Ok((x + n).get())
}
// ANCHOR_END: panic
