//! [`ValueError`]: Python's `ValueError` as an error value.
//!
//! Python raises `ValueError("Must be >= 0")` and unwinds; Rust returns it. Its `Display` is
//! the message alone, like Python's `str(error)`, so it composes into other messages; the
//! last line of a traceback, `ValueError: Must be >= 0`, is
//! [`traceback_line`](PyException::traceback_line), the workspace's one way to print it.

use exception::PyException;
use std::fmt;

/// A value was of the right type but not acceptable, with a message saying what is.
///
/// ```
/// use property::{PyException, ValueError};
/// let error = ValueError::new("Must be >= 0");
/// assert_eq!(error.to_string(), "Must be >= 0");
/// assert_eq!(error.traceback_line().to_string(), "ValueError: Must be >= 0");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    message: String,
}

impl ValueError {
    /// An error with this message, as `ValueError(message)`.
    pub fn new(message: impl Into<String>) -> Self {
        ValueError {
            message: message.into(),
        }
    }

    /// The message alone, as Python's `str(error)`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `str(error)`: the message alone.
impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}

impl PyException for ValueError {
    fn type_name(&self) -> &str {
        "ValueError"
    }
}
