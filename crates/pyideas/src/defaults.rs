//! The notes' `func1` and `func2` with their defaults written in `#[pyo3(signature = ...)]`.
//!
//! A default in a PyO3 signature is a Rust expression, and the generated wrapper evaluates
//! it on each call that leaves the argument out, as the body of `func2` does with `None`.
//! So `lst = Vec::new()` is a fresh list per call: the list Python shares between calls
//! (made once, when `def` runs) cannot be written this way. A `Vec` argument is also a copy
//! of the caller's list, converted at the boundary: appending to it leaves the caller's
//! list alone, which `func2` shows by taking the Python list itself instead.

use pyo3::prelude::*;
use pyo3::types::PyList;

// ANCHOR: func1
/// `func1(item, lst=[])`, whose `[]` is evaluated at each call: `[0]`, `[1]`, `[2]`.
#[pyfunction]
#[pyo3(signature = (item, lst = Vec::new()))]
pub fn func1(item: i64, lst: Vec<i64>) -> Vec<i64> {
    defaults::option_params::append_to(item, Some(lst))
}
// ANCHOR_END: func1

// ANCHOR: func2
/// `func2(item, lst=None)`: `None` means a new list; a list passed in is appended to, as
/// Python's `lst.append(item)` does, since it is the caller's list object, not a copy.
#[pyfunction]
#[pyo3(signature = (item, lst = None))]
pub fn func2<'py>(
    py: Python<'py>,
    item: i64,
    lst: Option<Bound<'py, PyList>>,
) -> PyResult<Bound<'py, PyList>> {
    let lst = lst.unwrap_or_else(|| PyList::empty(py));
    lst.append(item)?;
    Ok(lst)
}
// ANCHOR_END: func2
