//! The other direction: each topic's Rust called from Python, as the extension module
//! `pyideas`.
//!
//! The notes are Python, and most Python programmers first meet Rust from the Python side,
//! through an extension module:
//!
//! ```python
//! import pyideas
//!
//! a = pyideas.A()
//! a.x = -1        # ValueError: Must be >= 0, raised by Rust's setter
//! ```
//!
//! [PyO3](https://pyo3.rs) turns Rust functions into Python callables (`#[pyfunction]`) and
//! Rust structs into Python classes (`#[pyclass]`); each argument is converted at the
//! boundary, and each Rust error becomes a Python exception. Every function here calls the
//! topic crate's own code: the module adds the boundary, never a second copy of an idea.
//! It is built with the stable ABI of CPython 3.9 (`abi3-py39`), so one build imports in
//! every CPython from 3.9 on.
//!
//! # Layout
//!
//! - [`property`]: the notes' `class A` as a `#[pyclass]` whose setter raises `ValueError`.
//! - [`defaults`]: default arguments in `#[pyo3(signature = ...)]`, evaluated at each call.
//! - [`concurrency`]: `count_primes` holding the GIL, and with it released (`py.detach`).
//! - [`typing`]: what the boundary does with a value of the wrong type.
//! - [`recursion`]: the factorial, its overflow as `OverflowError`, recursion past
//!   `sys.getrecursionlimit()`.
//! - [`logging`]: Rust's `tracing` events sent to Python's `logging`.
//! - [`metaclass`]: a class Python can subclass, and its MRO computed by the crate's model.
//! - [`platform`]: `sys.platform` read through the interpreter, beside Rust's constants.
//! - [`panics`]: a Rust panic inside a call, raised as PyO3's `PanicException`.

#![forbid(unsafe_code)]

pub mod concurrency;
pub mod defaults;
pub mod logging;
pub mod metaclass;
pub mod panics;
pub mod platform;
pub mod property;
pub mod recursion;
pub mod typing;

use pyo3::prelude::*;

/// Rust from the notes' seven topics, called from Python (see each function's docstring).
#[pymodule]
mod pyideas {
    #[pymodule_export]
    use super::concurrency::{count_primes, count_primes_detached, count_primes_timed};
    #[pymodule_export]
    use super::defaults::{func1, func2};
    #[pymodule_export]
    use super::metaclass::Base;
    #[pymodule_export]
    use super::panics::add_to_non_negative;
    #[pymodule_export]
    use super::platform::{rust_os, sys_platform_from_rust, sys_platform_of_the_os};
    #[pymodule_export]
    use super::property::A;
    #[pymodule_export]
    use super::recursion::{dive, factorial};
    #[pymodule_export]
    use super::typing::{finite, square};

    use pyo3::prelude::*;

    /// Sends the Rust code's `tracing` events to Python's `logging` from the first import.
    #[pymodule_init]
    fn init(_module: &Bound<'_, PyModule>) -> PyResult<()> {
        super::logging::install();
        Ok(())
    }
}
