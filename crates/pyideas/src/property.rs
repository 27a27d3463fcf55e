//! The notes' `class A` as a Python class whose `x` is a property with a checking setter.
//!
//! `#[pyclass]` makes the Rust struct a Python type; `#[getter]` and `#[setter]` make `x` a
//! data descriptor on it, as `@property` and `@x.setter` do. The check itself is the property
//! crate's [`property::A::set_x`], whose `Err(ValueError)` becomes Python's `ValueError` with
//! the same message. The field behind `x` is Rust's: Python sees no `_x` at all (an instance
//! of a `#[pyclass]` has no `__dict__`), so `a._x = -1` is refused instead of allowed.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

// ANCHOR: class_a
/// The notes' `A`: `x` starts at 0, and a negative value is refused with
/// `ValueError: Must be >= 0`.
#[pyclass(module = "pyideas")]
#[derive(Default)]
pub struct A {
    inner: property::A,
}

#[pymethods]
impl A {
    #[new]
    fn new() -> Self {
        A::default()
    }

    /// The getter, as `@property def x(self)`.
    #[getter]
    fn x(&self) -> i64 {
        self.inner.x()
    }

    /// The setter, as `@x.setter`: the property crate's check, its error raised as Python's.
    #[setter]
    fn set_x(&mut self, value: i64) -> PyResult<()> {
        self.inner
            .set_x(value)
            .map_err(|error| PyValueError::new_err(error.message().to_string()))
    }
}
// ANCHOR_END: class_a
