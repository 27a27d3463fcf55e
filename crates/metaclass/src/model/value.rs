//! What a class or instance dict holds: values, functions (methods), the two kinds of object
//! a class statement calls back (descriptors with `__set_name__`, `__init_subclass__`), and
//! the ordered namespace itself.

use std::fmt;
use std::rc::Rc;

use super::class::ClassRef;
use super::error::Exception;
use super::instance::Instance;

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

    /// `type(value).__name__`, quoted, for error messages: `'int'`.
    pub fn type_name(&self) -> String {
        let name = match self {
            Self::None => "NoneType",
            Self::Int(_) => "int",
            Self::Str(_) => "str",
            Self::Function(_) => "function",
            Self::Class(_) => "type",
            Self::Descriptor(descriptor) => &descriptor.type_name,
            Self::InitSubclass(_) => "classmethod",
        };
        format!("'{name}'")
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
            (Self::Descriptor(a), Self::Descriptor(b)) => Rc::ptr_eq(&a.set_name, &b.set_name),
            (Self::InitSubclass(a), Self::InitSubclass(b)) => Rc::ptr_eq(&a.0, &b.0),
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
            Self::Descriptor(descriptor) => write!(f, "<{} object>", descriptor.type_name),
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

/// What `__set_name__(self, owner, name)` does: it receives the new class and the name the
/// object was assigned to in the class body.
type SetName = Rc<dyn Fn(&ClassRef, &str) -> Result<(), Exception>>;

/// An instance of a class that defines `__set_name__`: once the class that holds it exists,
/// `type.__new__` calls the hook with that class and the attribute's name. This is how a
/// descriptor (a field, a validator, the property page's accessor) learns its own name.
#[derive(Clone)]
pub struct Descriptor {
    type_name: String,
    set_name: SetName,
}

impl Descriptor {
    /// An instance of `class <type_name>: def __set_name__(self, owner, name): ...`.
    pub fn new(
        type_name: &str,
        set_name: impl Fn(&ClassRef, &str) -> Result<(), Exception> + 'static,
    ) -> Self {
        Self {
            type_name: type_name.to_string(),
            set_name: Rc::new(set_name),
        }
    }

    /// `type(obj).__name__`.
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// `obj.__set_name__(owner, name)`.
    pub fn set_name(&self, owner: &ClassRef, name: &str) -> Result<(), Exception> {
        (self.set_name)(owner, name)
    }
}

impl fmt::Debug for Descriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object>", self.type_name)
    }
}

/// `super().__init_subclass__`, as a hook calls it to let the classes after its own on the
/// MRO see the new class (and the keywords it did not take for itself).
pub struct Super<'a> {
    /// The class whose hook is running (the `__class__` cell of `super()`).
    pub owner: &'a ClassRef,
    /// The new class (`cls`).
    pub class: &'a ClassRef,
}

impl Super<'_> {
    /// `super().__init_subclass__(**keywords)`.
    pub fn init_subclass(&self, keywords: &Namespace) -> Result<(), Exception> {
        super::statement::init_subclass_after(self.owner, self.class, keywords)
    }
}

/// The body of an `__init_subclass__`: it receives the new class, the class statement's
/// keywords (`class C(Base, tag="x")`), and `super()`.
type InitSubclassBody = Rc<dyn Fn(&ClassRef, &Namespace, Super<'_>) -> Result<(), Exception>>;

/// `def __init_subclass__(cls, **kwargs)` in a class body: run when a subclass is created
/// (PEP 487), never for the class that defines it.
#[derive(Clone)]
pub struct InitSubclass(InitSubclassBody);

impl InitSubclass {
    /// A hook with this body.
    pub fn new(
        body: impl Fn(&ClassRef, &Namespace, Super<'_>) -> Result<(), Exception> + 'static,
    ) -> Self {
        Self(Rc::new(body))
    }

    /// Runs the hook for `class`, as found in the `__dict__` of `owner`.
    pub fn call(
        &self,
        owner: &ClassRef,
        class: &ClassRef,
        keywords: &Namespace,
    ) -> Result<(), Exception> {
        (self.0)(class, keywords, Super { owner, class })
    }
}

impl fmt::Debug for InitSubclass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<classmethod __init_subclass__>")
    }
}

/// A class body or an instance `__dict__`: names to values, in insertion order as a Python
/// `dict` keeps them. Assigning an existing name replaces the value in place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Namespace {
    entries: Vec<(String, Value)>,
}

impl Namespace {
    /// An empty namespace, `{}`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builder form of [`Namespace::insert`]: `Namespace::new().with("x", 1)`.
    #[must_use]
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.insert(name, value);
        self
    }

    /// A method, named by the function itself: `def greet(self): ...` in a class body.
    #[must_use]
    pub fn with_method(self, function: Function) -> Self {
        let name = function.name().to_string();
        self.with(&name, function)
    }

    /// `def __init_subclass__(cls, **kwargs): ...` in a class body.
    #[must_use]
    pub fn with_init_subclass(self, hook: InitSubclass) -> Self {
        self.with("__init_subclass__", Value::InitSubclass(hook))
    }

    /// `ns[name] = value`.
    pub fn insert(&mut self, name: &str, value: impl Into<Value>) {
        let value = value.into();
        match self.entries.iter_mut().find(|(key, _)| key == name) {
            Some((_, slot)) => *slot = value,
            None => self.entries.push((name.to_string(), value)),
        }
    }

    /// `ns.get(name)`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }

    /// `name in ns`.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// `del ns[name]`, returning the value if there was one.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let index = self.entries.iter().position(|(key, _)| key == name)?;
        Some(self.entries.remove(index).1)
    }

    /// The names, in insertion order (`list(ns)`).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(key, _)| key.as_str())
    }

    /// The entries, in insertion order (`ns.items()`).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries
            .iter()
            .map(|(key, value)| (key.as_str(), value))
    }

    /// `len(ns)`.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `not ns`.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Prints as a Python dict: `{'x': 1, 'greet': <function greet>}`.
impl fmt::Display for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{")?;
        for (i, (key, value)) in self.entries.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "'{key}': {value}")?;
        }
        f.write_str("}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_namespace_keeps_insertion_order_as_a_dict_does() {
        // d = {'x': 1, 'f': ...}; d['x'] = 3: 'x' keeps its place; del d['x'] removes it.
        let f = Function::new("f", |_| Value::None);
        let mut ns = Namespace::new().with("x", 1).with_method(f.clone());
        ns.insert("x", 3);
        assert_eq!(ns.keys().collect::<Vec<_>>(), ["x", "f"]);
        assert_eq!(ns.to_string(), "{'x': 3, 'f': <function f>}");
        assert_eq!(ns.get("f"), Some(&Value::Function(f.clone())));
        // Functions compare by identity: the same name and body text is another function.
        assert_ne!(
            ns.get("f"),
            Some(&Value::Function(Function::new("f", |_| Value::None)))
        );
        assert_eq!(ns.remove("x"), Some(Value::Int(3)));
        assert_eq!((ns.len(), ns.contains("x")), (1, false));
        assert!(!ns.is_empty());
        assert_eq!(
            ns.remove("f").map(|f| f.type_name()),
            Some("'function'".into())
        );
        assert_eq!((ns.len(), ns.is_empty()), (0, true));
        assert_eq!(Namespace::new().with("a", 1).with("b", 2).len(), 2);
    }

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
