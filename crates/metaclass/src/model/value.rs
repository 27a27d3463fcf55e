//! What a class or instance dict holds: values, functions (methods), and the ordered
//! namespace itself.

use std::fmt;
use std::rc::Rc;

use super::class::ClassRef;
use super::hooks::{Descriptor, InitSubclass};
use super::instance::Instance;
pub use super::namespace::Namespace;

/// A Python value, cut down to what the demos need.
///
/// `repr()` is the [`Display`](fmt::Display) form: `1`, `'text'`, `<function greet>`,
/// `<class 'A'>`.
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// An `int` (64-bit here; Python's are unbounded).
    Int(i64),
    /// A `str`.
    Str(String),
    /// A function stored in a class body: a method once looked up through an instance.
    Function(Function),
    /// A class, as a value (classes are objects in Python).
    Class(ClassRef),
    /// An object whose class defines `__set_name__`, such as a descriptor.
    Descriptor(Descriptor),
    /// `def __init_subclass__(cls, **kwargs)` in a class body (implicitly a classmethod).
    InitSubclass(InitSubclass),
}

impl Value {
    /// A `str` value.
    pub fn str(text: impl Into<String>) -> Self {
        Self::Str(text.into())
    }

    /// The text of a `str`, unquoted (`str(value)` rather than `repr(value)`).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Str(text) => Some(text),
            _ => None,
        }
    }

    /// `type(value).__name__`: `int`.
    pub fn type_name(&self) -> &str {
        match self {
            Self::None => "NoneType",
            Self::Int(_) => "int",
            Self::Str(_) => "str",
            Self::Function(_) => "function",
            Self::Class(_) => "type",
            Self::Descriptor(descriptor) => descriptor.type_name(),
            Self::InitSubclass(_) => "classmethod",
        }
    }

    /// True for a function marked `@abstractmethod` (its `__isabstractmethod__`).
    pub fn is_abstract_method(&self) -> bool {
        matches!(self, Self::Function(function) if function.is_abstract())
    }
}

/// Identity for functions and classes (`is`), equality for the rest, as `==` does in Python
/// for these types.
impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::None, Self::None) => true,
            (Self::Int(a), Self::Int(b)) => a == b,
            (Self::Str(a), Self::Str(b)) => a == b,
            (Self::Function(a), Self::Function(b)) => Rc::ptr_eq(&a.body, &b.body),
            (Self::Class(a), Self::Class(b)) => a.is(b),
            (Self::Descriptor(a), Self::Descriptor(b)) => a.is(b),
            (Self::InitSubclass(a), Self::InitSubclass(b)) => a.is(b),
            _ => false,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::None => f.write_str("None"),
            Self::Int(n) => write!(f, "{n}"),
            Self::Str(s) => write!(f, "'{s}'"),
            Self::Function(function) => write!(f, "<function {}>", function.name),
            Self::Class(class) => write!(f, "{class}"),
            Self::Descriptor(descriptor) => write!(f, "<{} object>", descriptor.type_name()),
            Self::InitSubclass(_) => f.write_str("<classmethod __init_subclass__>"),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Self::Int(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Self::Str(s.to_string())
    }
}

impl From<Descriptor> for Value {
    fn from(descriptor: Descriptor) -> Self {
        Self::Descriptor(descriptor)
    }
}

impl From<Function> for Value {
    fn from(function: Function) -> Self {
        Self::Function(function)
    }
}

/// The body of a method: it receives `self` and returns a value.
type Body = Rc<dyn Fn(&Instance) -> Value>;

/// A `def` in a class body. Called through an instance, it receives that instance as `self`.
#[derive(Clone)]
pub struct Function {
    name: String,
    body: Body,
    is_abstract: bool,
}

impl Function {
    /// `def name(self): ...` with this body.
    pub fn new(name: &str, body: impl Fn(&Instance) -> Value + 'static) -> Self {
        Self {
            name: name.to_string(),
            body: Rc::new(body),
            is_abstract: false,
        }
    }

    /// `@abstractmethod def name(self): ...`: a method every concrete subclass must override.
    pub fn abstract_method(name: &str) -> Self {
        Self {
            name: name.to_string(),
            body: Rc::new(|_| Value::None),
            is_abstract: true,
        }
    }

    /// The function's `__name__`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its `__isabstractmethod__` flag.
    pub fn is_abstract(&self) -> bool {
        self.is_abstract
    }

    /// Calls the function with `this` as `self`.
    pub fn call(&self, this: &Instance) -> Value {
        (self.body)(this)
    }
}

impl fmt::Debug for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<function {}>", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equality_is_by_value_for_data_and_by_identity_for_classes() {
        assert_eq!(Value::None, Value::None);
        assert_ne!(Value::None, Value::Int(0));
        let object = crate::ClassRef::object();
        assert_eq!(Value::Class(object.clone()), Value::Class(object.clone()));
        let other = crate::Class::new("C", &[], Namespace::new()).unwrap();
        assert_ne!(Value::Class(object), Value::Class(other));
        // `str(value)`: only a `str` has text of its own.
        assert_eq!(Value::str("abc").as_str(), Some("abc"));
        assert_eq!(Value::Int(1).as_str(), None);
    }
}
