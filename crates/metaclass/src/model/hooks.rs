//! The two kinds of object a class statement calls back once the class exists: an object
//! whose type defines `__set_name__` (a descriptor learning its name), and a class body's
//! `__init_subclass__` (PEP 487), which runs for each subclass.

use std::fmt;
use std::rc::Rc;

use super::class::ClassRef;
use super::error::Exception;
use super::value::Namespace;

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

    /// `a is b`.
    pub fn is(&self, other: &Descriptor) -> bool {
        Rc::ptr_eq(&self.set_name, &other.set_name)
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

    /// `a is b`.
    pub fn is(&self, other: &InitSubclass) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
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
