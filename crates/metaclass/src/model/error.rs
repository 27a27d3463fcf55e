//! The two Python exceptions the model raises, as error values with CPython's wording.

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

/// Prints as Python's traceback ends: `TypeError: <message>`.
impl fmt::Display for TypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TypeError: {}", self.0)
    }
}

/// Prints as Python's traceback ends: `AttributeError: <message>`.
impl fmt::Display for AttributeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AttributeError: {}", self.0)
    }
}

impl std::error::Error for TypeError {}
impl std::error::Error for AttributeError {}

/// Either exception, for operations that can raise both (`obj.method()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PyError {
    /// A `TypeError`.
    Type(TypeError),
    /// An `AttributeError`.
    Attribute(AttributeError),
}

impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Type(error) => error.fmt(f),
            Self::Attribute(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for PyError {}

impl From<TypeError> for PyError {
    fn from(error: TypeError) -> Self {
        Self::Type(error)
    }
}

impl From<AttributeError> for PyError {
    fn from(error: AttributeError) -> Self {
        Self::Attribute(error)
    }
}
