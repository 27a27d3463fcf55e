//! The recursion crate's factorial and a deep recursion, called from Python.
//!
//! [`factorial`] is the notes' function in Rust (a `tracing` warning per step, which
//! [`crate::logging`] sends to Python's `logging`), returning a `u128`: past 34! it does not
//! fit, and the crate's error is raised as `OverflowError`. A big-integer type would give
//! Python's unbounded `int` instead, but then the function would no longer be the crate's,
//! and the width of Rust's integers is the point of the topic. [`dive`] recurses as deep as
//! asked: `sys.getrecursionlimit()` counts Python frames only, and a Rust call makes none;
//! only the thread's stack bounds it.

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;

// ANCHOR: factorial
/// `n!` by the notes' recursion, with a warning per step; `OverflowError` past 34!.
#[pyfunction]
pub fn factorial(n: u32) -> PyResult<u128> {
    recursion::factorial::factorial(n).map_err(|error| PyOverflowError::new_err(error.to_string()))
}

/// Recurses `depth` calls deep, one Rust stack frame each, and returns the depth reached.
#[pyfunction]
pub fn dive(depth: u64) -> u64 {
    recursion::overflow::dive(0, depth, &mut |_| {})
}
// ANCHOR_END: factorial
