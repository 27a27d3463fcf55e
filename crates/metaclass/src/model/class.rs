//! Classes as values: built from (name, bases, namespace), with an `__mro__` and attribute
//! lookup along it.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::build;
use super::c3;
use super::error::{AttributeError, Exception, TypeError};
use super::instance::Instance;
use super::meta::{ClassDef, Meta};
use super::value::{Namespace, Value};

/// A class: what a `class` statement (or `type(name, bases, dict)`) creates.
///
/// Only [`ClassRef`]s are handed out: a class is shared by its subclasses, its instances and
/// whoever names it, as a Python class object is. Classes are reference-counted with `Rc`,
/// so the model is single-threaded, as one Python interpreter is under its GIL.
pub struct Class {
    name: String,
    bases: Vec<ClassRef>,
    /// `__mro__[1:]`: the class itself is left out, or it would own a reference to itself.
    ancestors: Vec<ClassRef>,
    dict: RefCell<Namespace>,
    /// `None` stands for `type`, so that `type` and `object` need no cycle to describe.
    metaclass: Option<Meta>,
    abstract_methods: RefCell<Vec<String>>,
}

/// A shared handle to a [`Class`]; `a.is(&b)` is Python's `a is b`.
#[derive(Clone)]
pub struct ClassRef(Rc<Class>);

thread_local! {
    static OBJECT: ClassRef = ClassRef(Rc::new(Class {
        name: "object".to_string(),
        bases: Vec::new(),
        ancestors: Vec::new(),
        dict: RefCell::new(Namespace::new()),
        metaclass: None,
        abstract_methods: RefCell::new(Vec::new()),
    }));
}

impl Class {
    /// `type(name, bases, namespace)`: a class statement without a `metaclass=` keyword.
    ///
    /// The metaclass is the most derived one among the bases' (plain `type` if they have
    /// none), and it runs its hooks as in [`Meta::create`]. No bases means `(object,)`.
    ///
    /// ```
    /// use metaclass::{Class, Namespace};
    ///
    /// let a = Class::new("A", &[], Namespace::new().with("x", 1))?;
    /// let b = Class::new("B", &[a.clone()], Namespace::new())?;
    /// assert_eq!(b.mro_names(), ["B", "A", "object"]);
    /// assert_eq!(b.getattr("x")?.to_string(), "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[expect(
        clippy::new_ret_no_self,
        reason = "classes are shared objects: what `type(...)` returns is a handle"
    )]
    pub fn new(
        name: &str,
        bases: &[ClassRef],
        namespace: Namespace,
    ) -> Result<ClassRef, Exception> {
        build::build_class(ClassDef::new(name, bases, namespace), None)
    }

    /// What `type.__new__` does once a metaclass has had its say: fill in `(object,)`, compute
    /// the MRO (refusing duplicate bases and inconsistent orders), and make the class object.
    pub(crate) fn allocate(
        name: &str,
        bases: &[ClassRef],
        namespace: Namespace,
        metaclass: Option<Meta>,
    ) -> Result<ClassRef, TypeError> {
        let bases = if bases.is_empty() {
            vec![ClassRef::object()]
        } else {
            bases.to_vec()
        };
        let ancestors = c3::linearize(&bases)?;
        Ok(ClassRef(Rc::new(Class {
            name: name.to_string(),
            bases,
            ancestors,
            dict: RefCell::new(namespace),
            metaclass,
            abstract_methods: RefCell::new(Vec::new()),
        })))
    }
}

impl ClassRef {
    /// The root of every hierarchy, `object`: the same class every time it is asked for.
    pub fn object() -> ClassRef {
        OBJECT.with(Clone::clone)
    }

    /// `C.__name__`.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// `C.__bases__`: the bases as written, or `(object,)` if none were.
    pub fn bases(&self) -> &[ClassRef] {
        &self.0.bases
    }

    /// `C.__mro__`: the class itself first, then its ancestors in C3 order, `object` last.
    pub fn mro(&self) -> Vec<ClassRef> {
        std::iter::once(self.clone())
            .chain(self.0.ancestors.iter().cloned())
            .collect()
    }

    /// The names along [`ClassRef::mro`], for printing and tests.
    pub fn mro_names(&self) -> Vec<String> {
        self.mro()
            .iter()
            .map(|class| class.name().to_string())
            .collect()
    }

    /// A copy of `C.__dict__`: this class's own namespace, nothing inherited.
    pub fn dict(&self) -> Namespace {
        self.0.dict.borrow().clone()
    }

    /// `type(C)`: the metaclass that created this class.
    pub fn metaclass(&self) -> Meta {
        self.0.metaclass.clone().unwrap_or_else(Meta::type_)
    }

    /// `a is b`.
    pub fn is(&self, other: &ClassRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `issubclass(self, other)`: whether `other` is on this class's MRO.
    pub fn is_subclass(&self, other: &ClassRef) -> bool {
        self.is(other) || self.0.ancestors.iter().any(|class| class.is(other))
    }

    /// Where `C.name` comes from: the first class along the MRO whose own `__dict__` holds the
    /// name, with the value found there.
    pub fn lookup(&self, name: &str) -> Option<(ClassRef, Value)> {
        self.mro().into_iter().find_map(|class| {
            class
                .0
                .dict
                .borrow()
                .get(name)
                .cloned()
                .map(|value| (class.clone(), value))
        })
    }

    /// `C.name`: the first definition along the MRO.
    pub fn getattr(&self, name: &str) -> Result<Value, AttributeError> {
        self.lookup(name).map(|(_, value)| value).ok_or_else(|| {
            AttributeError(format!(
                "type object '{}' has no attribute '{name}'",
                self.name()
            ))
        })
    }

    /// `C.name = value`: classes stay mutable after creation, and every subclass and instance
    /// sees the change at its next lookup.
    pub fn setattr(&self, name: &str, value: impl Into<Value>) {
        self.0.dict.borrow_mut().insert(name, value);
    }

    /// `C.__abstractmethods__`, sorted; empty for a concrete class.
    pub fn abstract_methods(&self) -> Vec<String> {
        self.0.abstract_methods.borrow().clone()
    }

    /// Sets `C.__abstractmethods__`, as `ABCMeta` does after creating a class; a class with
    /// any is refused by [`Instance::new`].
    pub fn set_abstract_methods(&self, mut names: Vec<String>) {
        names.sort();
        names.dedup();
        *self.0.abstract_methods.borrow_mut() = names;
    }

    /// `C()`: asks the metaclass ([`MetaHooks::call`](crate::MetaHooks::call)), which by
    /// default makes a fresh instance.
    pub fn call(&self) -> Result<Instance, TypeError> {
        self.metaclass().hooks().call(self)
    }
}

/// `==` on classes is identity, as in Python.
impl PartialEq for ClassRef {
    fn eq(&self, other: &Self) -> bool {
        self.is(other)
    }
}

/// `repr(C)`: `<class 'C'>` (the model has no modules, so no `__main__.` prefix).
impl fmt::Display for ClassRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<class '{}'>", self.name())
    }
}

impl fmt::Debug for ClassRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Python's `repr()` of a tuple of classes, as `C.__bases__` and `C.__mro__` print:
/// `(<class 'C'>, <class 'object'>)`, and `(<class 'object'>,)` for one.
pub fn tuple_repr(classes: &[ClassRef]) -> String {
    let items: Vec<String> = classes.iter().map(ToString::to_string).collect();
    match items.as_slice() {
        [only] => format!("({only},)"),
        _ => format!("({})", items.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_print_as_python_prints_a_tuple_of_them() {
        let object = ClassRef::object();
        assert_eq!(
            tuple_repr(std::slice::from_ref(&object)),
            "(<class 'object'>,)"
        );
        let c = Class::new("C", &[], Namespace::new()).unwrap();
        assert_eq!(tuple_repr(&c.mro()), "(<class 'C'>, <class 'object'>)");
        assert_eq!(format!("{c:?}"), "<class 'C'>");
    }
}
