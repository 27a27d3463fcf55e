//! A Rust class that Python code subclasses, and the MRO of those subclasses computed by the
//! metaclass crate's model of CPython's classes.
//!
//! `#[pyclass(subclass)]` lets a `class Child(Base)` statement in Python derive from the Rust
//! type (without it, PyO3 makes the type final). The Python subclass is an ordinary class:
//! its metaclass is `type` unless it names another, its `__mro__` is computed by CPython.
//! `Base.mro_by_the_model()` rebuilds the class's hierarchy in the metaclass crate's model
//! (`Class::new(name, bases, namespace)`, C3 as CPython computes it) so the page can set the
//! two MROs side by side. The Rust type itself was made by PyO3 with `type` as its metaclass;
//! no Python metaclass took part in creating it.

use std::collections::HashMap;

use metaclass::{Class, ClassRef, Namespace};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyAny, PyType};

// ANCHOR: base
/// A class defined in Rust that Python classes may derive from.
#[pyclass(subclass, module = "pyideas")]
pub struct Base;

#[pymethods]
impl Base {
    #[new]
    fn new() -> Self {
        Base
    }

    /// The names of `cls.__mro__`, computed by the metaclass crate's C3 from `cls.__bases__`.
    #[classmethod]
    fn mro_by_the_model(cls: &Bound<'_, PyType>) -> PyResult<Vec<String>> {
        let mut built = HashMap::new();
        Ok(model_of(cls, &mut built)?.mro_names())
    }
}
// ANCHOR_END: base

/// The model's class for a Python class, its bases first; each Python class (by identity)
/// becomes one model class, so a base shared by two paths is one class, as C3 needs.
fn model_of(cls: &Bound<'_, PyType>, built: &mut HashMap<usize, ClassRef>) -> PyResult<ClassRef> {
    let key = cls.as_ptr() as usize;
    if let Some(class) = built.get(&key) {
        return Ok(class.clone());
    }
    let mut bases = Vec::new();
    for base in cls.getattr("__bases__")?.try_iter()? {
        let base = base?.cast_into::<PyType>()?;
        if base.is(base.py().get_type::<PyAny>()) {
            continue; // `object`: the model adds it, as `type()` does
        }
        bases.push(model_of(&base, built)?);
    }
    let name: String = cls.getattr("__name__")?.extract()?;
    let class = Class::new(&name, &bases, Namespace::new())
        .map_err(|error| PyTypeError::new_err(error.to_string()))?;
    built.insert(key, class.clone());
    Ok(class)
}
