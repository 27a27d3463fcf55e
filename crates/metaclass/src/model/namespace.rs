//! A class body or an instance `__dict__`: names to values, in insertion order.

use std::fmt;

use super::hooks::InitSubclass;
use super::value::{Function, Value};

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
            ns.remove("f").as_ref().map(Value::type_name),
            Some("function")
        );
        assert_eq!((ns.len(), ns.is_empty()), (0, true));
        assert_eq!(Namespace::new().with("a", 1).with("b", 2).len(), 2);
    }
}
