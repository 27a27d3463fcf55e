//! Instances: their own `__dict__` first, then their class's MRO.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::class::ClassRef;
use super::error::{AttributeError, PyError, TypeError};
use super::value::{Namespace, Value};

/// An object made by calling a class.
///
/// Attribute lookup is the rule people rely on every day: the instance's own `__dict__`, then
/// the class and its bases in MRO order. (Real Python checks *data descriptors*, such as a
/// `property`, on the class before the instance dict; the `property` topic covers those, and
/// this model has none.)
#[derive(Clone)]
pub struct Instance(Rc<InstanceData>);

struct InstanceData {
    class: ClassRef,
    dict: RefCell<Namespace>,
}

/// Where [`Instance::lookup`] found a name.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// In the instance's own `__dict__`.
    Instance(Value),
    /// In the `__dict__` of this class on the MRO.
    Class(ClassRef, Value),
}

impl Instance {
    /// `object.__new__(cls)`: a fresh instance with an empty `__dict__`, refused for a class
    /// that still has abstract methods, with CPython 3.11's message.
    pub fn new(class: &ClassRef) -> Result<Instance, TypeError> {
        let missing = class.abstract_methods();
        if !missing.is_empty() {
            let plural = if missing.len() > 1 { "s" } else { "" };
            return Err(TypeError::new(format!(
                "Can't instantiate abstract class {} with abstract method{plural} {}",
                class.name(),
                missing.join(", ")
            )));
        }
        Ok(Instance(Rc::new(InstanceData {
            class: class.clone(),
            dict: RefCell::new(Namespace::new()),
        })))
    }

    /// `type(obj)`.
    pub fn class(&self) -> ClassRef {
        self.0.class.clone()
    }

    /// `a is b`.
    pub fn is(&self, other: &Instance) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// A copy of `obj.__dict__`.
    pub fn dict(&self) -> Namespace {
        self.0.dict.borrow().clone()
    }

    /// `obj.name = value`: always the instance's own `__dict__`, never the class's.
    pub fn setattr(&self, name: &str, value: impl Into<Value>) {
        self.0.dict.borrow_mut().insert(name, value);
    }

    /// Where `obj.name` would come from, if anywhere.
    pub fn lookup(&self, name: &str) -> Option<Found> {
        if let Some(value) = self.0.dict.borrow().get(name) {
            return Some(Found::Instance(value.clone()));
        }
        self.0.class.lookup(name).map(|(class, value)| Found::Class(class, value))
    }

    /// `obj.name`.
    pub fn getattr(&self, name: &str) -> Result<Value, AttributeError> {
        match self.lookup(name) {
            Some(Found::Instance(value) | Found::Class(_, value)) => Ok(value),
            None => Err(AttributeError(format!(
                "'{}' object has no attribute '{name}'",
                self.0.class.name()
            ))),
        }
    }

    /// `obj.name()`: a function found along the way is called with `obj` as `self`; any other
    /// value is not callable, as in Python.
    pub fn call_method(&self, name: &str) -> Result<Value, PyError> {
        match self.getattr(name)? {
            Value::Function(function) => Ok(function.call(self)),
            value => Err(TypeError::new(format!("{} object is not callable", value.type_name())).into()),
        }
    }
}

/// `repr(obj)` without the address: `<C object>`.
impl fmt::Display for Instance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object>", self.0.class.name())
    }
}

impl fmt::Debug for Instance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
