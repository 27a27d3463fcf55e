//! Python's exceptions as Rust error values, printed one way in every crate of the workspace.
//!
//! Python shows an exception two ways: `str(error)` is the message alone, and the last line of
//! a traceback (`traceback.format_exception_only`) puts the type's name before it:
//!
//! ```python
//! >>> error = ValueError("Must be >= 0")
//! >>> str(error)
//! 'Must be >= 0'
//! >>> raise error
//! Traceback (most recent call last):
//!   ...
//! ValueError: Must be >= 0
//! ```
//!
//! Rust's standard errors agree with the first: a `ParseIntError` displays as `invalid digit
//! found in string`, without its type's name. So every type here that stands for a Python
//! exception (`property::ValueError`, `metaclass::TypeError`, `recursion::RecursionError`, ...)
//! follows both:
//!
//! - its `Display` is `str(error)`, the message alone, so that it composes into other
//!   messages, and a Python exception made from it (PyO3's `PyValueError::new_err(error.to_string())`)
//!   gets the message alone, as Python's own would;
//! - it implements [`PyException`], which names its Python type; the line a traceback ends
//!   with, `ValueError: Must be >= 0`, is [`PyException::traceback_line`], written once here.
//!
//! ```
//! use exception::PyException;
//! use std::fmt;
//!
//! #[derive(Debug)]
//! struct ValueError(&'static str);
//!
//! impl fmt::Display for ValueError {
//!     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
//!         f.write_str(self.0)
//!     }
//! }
//!
//! impl std::error::Error for ValueError {}
//!
//! impl PyException for ValueError {
//!     fn type_name(&self) -> &str {
//!         "ValueError"
//!     }
//! }
//!
//! let error = ValueError("Must be >= 0");
//! assert_eq!(error.to_string(), "Must be >= 0");
//! assert_eq!(error.traceback_line().to_string(), "ValueError: Must be >= 0");
//! // `raise ValueError("")` ends its traceback with the type's name alone.
//! assert_eq!(ValueError("").traceback_line().to_string(), "ValueError");
//! ```
#![forbid(unsafe_code)]

use std::fmt;

/// A Rust error value that stands for a Python exception. Its `Display` is `str(error)`: the
/// message alone.
pub trait PyException: std::error::Error {
    /// `type(error).__name__`: `ValueError`.
    fn type_name(&self) -> &str;

    /// `error.__notes__`, the notes added with `add_note` (PEP 678, CPython 3.11+); none
    /// unless the type keeps them.
    fn notes(&self) -> &[String] {
        &[]
    }

    /// What a traceback ends with, as `traceback.format_exception_only` gives it:
    /// `ValueError: Must be >= 0`, the type's name alone where the message is empty, and then
    /// each note on a line of its own.
    fn traceback_line(&self) -> TracebackLine<'_, Self>
    where
        Self: Sized,
    {
        TracebackLine(self)
    }
}

/// An exception as the last line of its traceback (see [`PyException::traceback_line`]).
#[derive(Debug)]
pub struct TracebackLine<'a, E>(&'a E);

impl<E: PyException> fmt::Display for TracebackLine<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let error = self.0;
        let message = error.to_string();
        f.write_str(error.type_name())?;
        if !message.is_empty() {
            write!(f, ": {message}")?;
        }
        for note in error.notes() {
            write!(f, "\n{note}")?;
        }
        Ok(())
    }
}
