//! `sys.platform` read from Rust through the interpreter, beside what Rust itself knows.
//!
//! Python's `sys.platform` is an attribute an interpreter fills in; from Rust, with the GIL
//! held, it is read like any attribute (`py.import("sys")?.getattr("platform")`). Rust's own
//! answer is a constant of the build, `std::env::consts::OS`, and the platform crate derives
//! Python's spelling from it and the running kernel.

use pyo3::prelude::*;

// ANCHOR: sys_platform
/// `sys.platform`, read by Rust from the interpreter that called it.
#[pyfunction]
pub fn sys_platform_from_rust(py: Python<'_>) -> PyResult<String> {
    py.import("sys")?.getattr("platform")?.extract()
}

/// `std::env::consts::OS`: the target the module was compiled for.
#[pyfunction]
pub fn rust_os() -> &'static str {
    std::env::consts::OS
}

/// The platform crate's `sys.platform`, from the constant and the kernel's `uname`.
#[pyfunction]
pub fn sys_platform_of_the_os() -> PyResult<String> {
    platform::sys_platform::sys_platform().map_err(|errno| PyErr::from(std::io::Error::from(errno)))
}
// ANCHOR_END: sys_platform
