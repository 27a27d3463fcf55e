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

    // ANCHOR: lookup
    /// Where `obj.name` would come from, if anywhere.
    pub fn lookup(&self, name: &str) -> Option<Found> {
        if let Some(value) = self.0.dict.borrow().get(name) {
            return Some(Found::Instance(value.clone()));
        }
        self.0
            .class
            .lookup(name)
            .map(|(class, value)| Found::Class(class, value))
    }
    // ANCHOR_END: lookup

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
            value => Err(
                TypeError::new(format!("'{}' object is not callable", value.type_name())).into(),
            ),
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

#[cfg(test)]
mod tests {
    use crate::{Class, Found, Function, Namespace, PyError, PyException, Value};

    #[test]
    fn lookup_goes_instance_dict_then_the_class_mro() -> Result<(), PyError> {
        let base = Class::new("Base", &[], Namespace::new().with("x", 1).with("y", 1))?;
        let derived = Class::new("Derived", &[base.clone()], Namespace::new().with("y", 2))?;
        let obj = derived.call()?;
        assert_eq!(obj.lookup("x"), Some(Found::Class(base.clone(), 1.into())));
        assert_eq!(
            obj.lookup("y"),
            Some(Found::Class(derived.clone(), 2.into()))
        );
        obj.setattr("y", 3);
        assert_eq!(obj.lookup("y"), Some(Found::Instance(3.into())));
        // The class is untouched: the assignment went to the instance.
        assert_eq!(derived.getattr("y")?, Value::Int(2));
        // A later change to a class is seen through the MRO.
        base.setattr("x", 10);
        assert_eq!(obj.getattr("x")?, Value::Int(10));
        Ok(())
    }

    #[test]
    fn missing_attributes_are_attribute_errors_in_python_words() -> Result<(), PyError> {
        let class = Class::new("C", &[], Namespace::new().with("n", 1))?;
        let obj = class.call()?;
        assert_eq!(
            obj.getattr("z").unwrap_err().traceback_line().to_string(),
            "AttributeError: 'C' object has no attribute 'z'"
        );
        assert_eq!(
            class.getattr("z").unwrap_err().traceback_line().to_string(),
            "AttributeError: type object 'C' has no attribute 'z'"
        );
        assert_eq!(
            obj.call_method("n")
                .unwrap_err()
                .traceback_line()
                .to_string(),
            "TypeError: 'int' object is not callable"
        );
        Ok(())
    }

    #[test]
    fn methods_receive_the_instance_as_self() -> Result<(), PyError> {
        let greet = Function::new("greet", |this| {
            Value::str(format!("hi from {}", this.class().name()))
        });
        let base = Class::new("Base", &[], Namespace::new().with_method(greet))?;
        let child = Class::new("Child", &[base], Namespace::new())?;
        assert_eq!(
            child.call()?.call_method("greet")?,
            Value::str("hi from Child")
        );
        Ok(())
    }
}
