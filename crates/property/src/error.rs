//! [`ValueError`]: an error value that prints as Python's traceback line would.
//!
//! Python raises `ValueError("Must be >= 0")` and unwinds; Rust returns it. Its `Display` is
//! the message alone, like Python's `str(error)`, so it composes into other messages;
//! [`ValueError::python_line`] adds the type name, like the last line of a traceback.

use std::fmt;

/// A value was of the right type but not acceptable, with a message saying what is.
///
/// ```
/// use property::ValueError;
/// let error = ValueError::new("Must be >= 0");
/// assert_eq!(error.to_string(), "Must be >= 0");
/// assert_eq!(error.python_line(), "ValueError: Must be >= 0");
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

    /// The line Python prints last in a traceback: `ValueError: <message>`.
    pub fn python_line(&self) -> String {
        format!("ValueError: {self}")
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}
