//! The Python exceptions the model raises, as error values with CPython's wording: the
//! `TypeError` and `AttributeError` of the model's own rules, and [`Exception`], any exception,
//! for what a class statement raises when code it runs (`__set_name__`, `__init_subclass__`)
//! fails. Each displays as `str(error)`, the message alone; [`PyException::traceback_line`]
//! prints it as a traceback ends, `TypeError: <message>`.

use exception::PyException;
use std::fmt;

/// Python's `TypeError`: a class that cannot be created (inconsistent MRO, duplicate base,
/// metaclass conflict, a metaclass that refuses it) or an instance that cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeError(pub String);

/// Python's `AttributeError`: a name found neither on the instance nor along the MRO.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeError(pub String);

impl TypeError {
    /// A `TypeError` with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }

    /// The message alone, as `str(error)` gives it in Python.
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl AttributeError {
    /// The message alone, as `str(error)` gives it in Python.
    pub fn message(&self) -> &str {
        &self.0
    }
}

/// `str(error)`: the message alone.
impl fmt::Display for TypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `str(error)`: the message alone.
impl fmt::Display for AttributeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TypeError {}
impl std::error::Error for AttributeError {}

impl PyException for TypeError {
    fn type_name(&self) -> &str {
        "TypeError"
    }
}

impl PyException for AttributeError {
    fn type_name(&self) -> &str {
        "AttributeError"
    }
}

/// Any of the model's exceptions, for operations that can raise more than one (`obj.method()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PyError {
    /// A `TypeError`.
    Type(TypeError),
    /// An `AttributeError`.
    Attribute(AttributeError),
    /// Whatever a class statement raised (see [`Exception`]).
    Statement(Exception),
}

impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Type(error) => error.fmt(f),
            Self::Attribute(error) => error.fmt(f),
            Self::Statement(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for PyError {}

impl PyException for PyError {
    fn type_name(&self) -> &str {
        match self {
            Self::Type(error) => error.type_name(),
            Self::Attribute(error) => error.type_name(),
            Self::Statement(error) => error.type_name(),
        }
    }

    fn notes(&self) -> &[String] {
        match self {
            Self::Statement(error) => error.notes(),
            Self::Type(_) | Self::Attribute(_) => &[],
        }
    }
}

impl From<TypeError> for PyError {
    fn from(error: TypeError) -> Self {
        Self::Type(error)
    }
}

/// Any Python exception: its type's name, its message, the notes added to it (PEP 678, 3.11+)
/// and the exception it was raised from (`__cause__`). What a class statement returns, since
/// the code it runs may raise anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exception {
    type_name: String,
    message: String,
    notes: Vec<String>,
    cause: Option<Box<Exception>>,
    /// Set where `type.__new__` added its `__set_name__` note, for [`Exception::as_before_3_12`].
    set_name_context: Option<String>,
}

impl Exception {
    /// `Kind(message)`: `Exception::new("ValueError", "no x")` is `ValueError("no x")`.
    pub fn new(type_name: &str, message: impl Into<String>) -> Self {
        Self {
            type_name: type_name.to_string(),
            message: message.into(),
            notes: Vec::new(),
            cause: None,
            set_name_context: None,
        }
    }

    /// `str(error)`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `error.__cause__`: the exception this one was raised `from`.
    pub fn cause(&self) -> Option<&Exception> {
        self.cause.as_deref()
    }

    /// What `type.__new__` raises when a `__set_name__` raises `self`, since CPython 3.12.0:
    /// the same exception, with a note saying where it came from (gh-77757).
    pub(crate) fn noted_by_set_name(mut self, context: String) -> Self {
        self.notes.push(context.clone());
        self.set_name_context = Some(context);
        self
    }

    /// The same failure as CPython 3.9 to 3.11 report it: an exception a `__set_name__` raised
    /// is not passed on with a note but wrapped, `raise RuntimeError(context) from error`.
    /// Any other exception is returned as it is.
    #[must_use]
    pub fn as_before_3_12(&self) -> Exception {
        let Some(context) = &self.set_name_context else {
            return self.clone();
        };
        let mut original = self.clone();
        original.notes.retain(|note| note != context);
        original.set_name_context = None;
        Exception {
            cause: Some(Box::new(original)),
            ..Exception::new("RuntimeError", context.clone())
        }
    }
}

/// `str(error)`: the message alone; the notes are printed by
/// [`traceback_line`](PyException::traceback_line), under it.
impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Exception {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|cause| cause as &(dyn std::error::Error + 'static))
    }
}

impl PyException for Exception {
    fn type_name(&self) -> &str {
        &self.type_name
    }

    /// `error.__notes__` (empty where there are none).
    fn notes(&self) -> &[String] {
        &self.notes
    }
}

impl From<TypeError> for Exception {
    fn from(error: TypeError) -> Self {
        Exception::new("TypeError", error.0)
    }
}

impl From<Exception> for PyError {
    fn from(error: Exception) -> Self {
        Self::Statement(error)
    }
}

impl From<AttributeError> for PyError {
    fn from(error: AttributeError) -> Self {
        Self::Attribute(error)
    }
}
