//! The whole class statement, in CPython's order: `__prepare__`, the body, the metaclass's
//! `__new__` (and `type.__new__`, which calls `__set_name__` on each attribute that has one,
//! then the parent's `__init_subclass__`), and the metaclass's `__init__`.
//!
//! ```python
//! class C(Base, metaclass=Meta, tag="x"):   # 1. Meta.__prepare__("C", (Base,), tag="x")
//!     field = Field()                        # 2. the body fills the namespace
//! # 3. Meta.__new__ -> type.__new__: C exists; Field.__set_name__(C, "field");
//! #    Base.__init_subclass__(tag="x")  (PEP 487)
//! # 4. Meta.__init__(C, ...)
//! ```
//!
//! What these steps raise is what CPython raises: an `__init_subclass__`'s exception as it
//! is; a `__set_name__`'s with a note since 3.12.0, wrapped in a `RuntimeError` before
//! ([`Exception::as_before_3_12`]).

use super::build::{build_class, winning_metaclass};
use super::class::ClassRef;
use super::error::{Exception, TypeError};
use super::meta::{ClassDef, Meta};
use super::value::{Namespace, Value};

/// `class Name(*bases, metaclass=..., **keywords): <body>`.
///
/// ```
/// use metaclass::{ClassStatement, Descriptor, Namespace};
///
/// // class Point: x = Field()   where Field.__set_name__ records the name it is given
/// let named = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
/// let seen = named.clone();
/// let field = Descriptor::new("Field", move |owner, name| {
///     *seen.borrow_mut() = format!("{}.{name}", owner.name());
///     Ok(())
/// });
/// let point = ClassStatement::new("Point").body(|ns: &mut Namespace| ns.insert("x", field))?;
/// assert_eq!(*named.borrow(), "Point.x");
/// # Ok::<(), metaclass::Exception>(())
/// ```
#[derive(Clone, Debug)]
pub struct ClassStatement {
    name: String,
    bases: Vec<ClassRef>,
    metaclass: Option<Meta>,
    keywords: Namespace,
}

impl ClassStatement {
    /// `class Name:`, with no bases, keywords or metaclass yet.
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_string(),
            bases: Vec::new(),
            metaclass: None,
            keywords: Namespace::new(),
        }
    }

    /// `class Name(*bases)`.
    #[must_use]
    pub fn bases(mut self, bases: &[ClassRef]) -> Self {
        self.bases = bases.to_vec();
        self
    }

    /// `class Name(metaclass=meta)`.
    #[must_use]
    pub fn metaclass(mut self, meta: &Meta) -> Self {
        self.metaclass = Some(meta.clone());
        self
    }

    /// `class Name(name=value)`: a keyword for `__prepare__`, the metaclass and, through
    /// `type.__new__`, `__init_subclass__`.
    #[must_use]
    pub fn keyword(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.keywords.insert(name, value);
        self
    }

    // ANCHOR: body
    /// Runs the statement with this body: it fills the namespace `__prepare__` returned.
    pub fn body(self, body: impl FnOnce(&mut Namespace)) -> Result<ClassRef, Exception> {
        // `__build_class__`: the winning metaclass prepares the namespace...
        let meta = winning_metaclass(self.metaclass.as_ref(), &self.bases)?;
        let mut namespace = meta
            .hooks()
            .prepare(&self.name, &self.bases, &self.keywords);
        // ...the body runs in it...
        body(&mut namespace);
        // ...and `meta(name, bases, namespace, **keywords)` does the rest.
        build_class(
            ClassDef {
                name: self.name,
                bases: self.bases,
                namespace,
                keywords: self.keywords,
            },
            Some(&meta),
        )
    }
    // ANCHOR_END: body
}

// ANCHOR: pep487
/// `type.__new__`, once the class exists: `__set_name__(cls, name)` on every attribute whose
/// type has one, in the order of the class `__dict__`. The first to raise stops the class
/// statement; CPython 3.12.0 and later add a note to its exception.
pub(crate) fn set_names(class: &ClassRef) -> Result<(), Exception> {
    for (name, value) in class.dict().iter() {
        if let Value::Descriptor(descriptor) = value {
            descriptor.set_name(class, name).map_err(|error| {
                error.noted_by_set_name(format!(
                    "Error calling __set_name__ on '{}' instance '{name}' in '{}'",
                    descriptor.type_name(),
                    class.name()
                ))
            })?;
        }
    }
    Ok(())
}

/// `super(owner, class).__init_subclass__(**keywords)`: the first `__init_subclass__` on the
/// MRO of `class` after `owner`. `type.__new__` starts after the new class itself, so a class's
/// own hook runs for its subclasses, never for itself. `object`'s takes no keywords.
pub(crate) fn init_subclass_after(
    owner: &ClassRef,
    class: &ClassRef,
    keywords: &Namespace,
) -> Result<(), Exception> {
    let mro = class.mro();
    let after_owner = mro.iter().skip_while(|c| !c.is(owner)).skip(1);
    for parent in after_owner {
        match parent.dict().get("__init_subclass__") {
            Some(Value::InitSubclass(hook)) => return hook.call(parent, class, keywords),
            Some(other) => {
                return Err(TypeError::new(format!(
                    "'{}' object is not callable",
                    other.type_name()
                ))
                .into());
            }
            None => {}
        }
    }
    if keywords.is_empty() {
        Ok(())
    } else {
        Err(TypeError::new(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            class.name()
        ))
        .into())
    }
}
// ANCHOR_END: pep487
