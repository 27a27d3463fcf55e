//! Metaclasses: the class of a class, as hooks on class creation and on instantiation.
//!
//! A `class` statement collects `(name, bases, namespace)` and hands them to the metaclass.
//! Here a metaclass is a [`Meta`]: a class in the model (so it has a name, bases and an MRO,
//! and `type` is the root of every metaclass hierarchy) paired with the hooks it runs, a
//! [`MetaHooks`] value. Hooks a metaclass does not override behave as `type`'s do.

use std::rc::Rc;

use super::build;
use super::class::{Class, ClassRef};
use super::error::{Exception, TypeError};
use super::instance::Instance;
use super::value::Namespace;

/// The three arguments of a class statement, as a metaclass receives them: it may read,
/// change or refuse them before the class exists.
#[derive(Clone, Debug)]
pub struct ClassDef {
    /// The class name.
    pub name: String,
    /// The bases as written (an empty list becomes `(object,)` later).
    pub bases: Vec<ClassRef>,
    /// The class body's namespace, which becomes the class `__dict__`.
    pub namespace: Namespace,
    /// The class statement's other keywords (`class C(Base, tag="x")`), which
    /// `__init_subclass__` receives; empty for `type(name, bases, namespace)`.
    pub keywords: Namespace,
}

impl ClassDef {
    /// `(name, bases, namespace)` with no keywords, as `type(name, bases, namespace)` has.
    pub fn new(name: &str, bases: &[ClassRef], namespace: Namespace) -> Self {
        Self {
            name: name.to_string(),
            bases: bases.to_vec(),
            namespace,
            keywords: Namespace::new(),
        }
    }
}

// ANCHOR: metaclass_trait
/// What a metaclass can do: the hooks a [`Meta`] runs. Every method defaults to `type`'s
/// behaviour; a metaclass that also wants its parent metaclass's behaviour calls it, as
/// Python code calls `super()`.
pub trait MetaHooks {
    /// `Meta.__prepare__(name, bases, **keywords)`: the namespace the class body fills, before
    /// the body runs. `type`'s is an empty dict; a metaclass may return one already holding
    /// names, which the body then sees and may overwrite.
    fn prepare(&self, _name: &str, _bases: &[ClassRef], _keywords: &Namespace) -> Namespace {
        Namespace::new()
    }

    /// `Meta.__new__` before `type.__new__`: sees `(name, bases, namespace)` and returns them,
    /// changed or not, or refuses the class with a `TypeError`. If the bases it returns call
    /// for a more derived metaclass, that one's `new_class` runs next, on the changed
    /// definition, and that one builds the class, as in CPython (see [`build`]).
    fn new_class(&self, def: ClassDef) -> Result<ClassDef, TypeError> {
        Ok(def)
    }

    /// `Meta.__init__`: runs once the class exists, after `type.__new__` has called every
    /// `__set_name__` and the parent's `__init_subclass__` (registries record it here).
    fn init_class(&self, _class: &ClassRef) -> Result<(), TypeError> {
        Ok(())
    }

    /// `Meta.__call__`: what `C()` does; by default `object.__new__`, a fresh instance.
    fn call(&self, class: &ClassRef) -> Result<Instance, TypeError> {
        Instance::new(class)
    }
}
// ANCHOR_END: metaclass_trait

/// A metaclass with nothing of its own: `class M(type): pass`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain;

impl MetaHooks for Plain {}

/// A metaclass: its class in the model (name, bases, MRO) and its hooks.
#[derive(Clone)]
pub struct Meta {
    class: ClassRef,
    hooks: Rc<dyn MetaHooks>,
}

thread_local! {
    static TYPE: Meta = Meta {
        // `type`'s only base is `object`, whose MRO is `(object,)`: C3 cannot fail on it.
        class: Class::allocate("type", &[], Namespace::new(), None)
            .expect("a class whose only base is object always has an MRO"),
        hooks: Rc::new(Plain),
    };
}

impl Meta {
    /// `type`, the default metaclass: the same one every time it is asked for.
    pub fn type_() -> Meta {
        TYPE.with(Clone::clone)
    }

    /// `class Name(*bases): ...` for a metaclass: a subclass of `bases` (of `type` if empty)
    /// running `hooks`. Its MRO is computed by C3 like any class's.
    ///
    /// The hooks are `hooks` alone: a Python metaclass inherits its bases' `__new__`, a
    /// `Meta` does not. To extend a parent, hold it and call `parent.hooks()`, the model's
    /// `super()`.
    pub fn new(
        name: &str,
        bases: &[Meta],
        hooks: impl MetaHooks + 'static,
    ) -> Result<Meta, TypeError> {
        let bases: Vec<ClassRef> = if bases.is_empty() {
            vec![Meta::type_().class]
        } else {
            bases.iter().map(|base| base.class.clone()).collect()
        };
        let class = Class::allocate(name, &bases, Namespace::new(), None)?;
        Ok(Meta {
            class,
            hooks: Rc::new(hooks),
        })
    }

    /// The metaclass's `__name__`.
    pub fn name(&self) -> &str {
        self.class.name()
    }

    /// The metaclass as a class of the model (for its MRO, say).
    pub fn class(&self) -> &ClassRef {
        &self.class
    }

    /// The hooks this metaclass runs.
    pub fn hooks(&self) -> &dyn MetaHooks {
        &*self.hooks
    }

    /// `a is b`.
    pub fn is(&self, other: &Meta) -> bool {
        self.class.is(&other.class)
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Meta) -> bool {
        self.class.is_subclass(&other.class)
    }

    /// `class Name(*bases, metaclass=self): <namespace>`.
    ///
    /// The metaclass used is the most derived of `self` and the bases' metaclasses (a
    /// `TypeError` if they are unrelated); its hooks run around `type.__new__`, which hands the
    /// class on to a more derived metaclass if the hook's bases call for one (see [`build`]).
    pub fn create(
        &self,
        name: &str,
        bases: &[ClassRef],
        namespace: Namespace,
    ) -> Result<ClassRef, Exception> {
        build::build_class(ClassDef::new(name, bases, namespace), Some(self))
    }
}

/// `repr(M)`: `<class 'M'>`, as for any class.
impl std::fmt::Display for Meta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.class)
    }
}

impl std::fmt::Debug for Meta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Value;
    use crate::examples::Upper;

    /// Refuses lower-case class names.
    struct Capitalised;

    impl MetaHooks for Capitalised {
        fn new_class(&self, def: ClassDef) -> Result<ClassDef, TypeError> {
            match def.name.chars().next() {
                Some(first) if first.is_uppercase() => Ok(def),
                _ => Err(TypeError::new(format!(
                    "class name {:?} must be capitalised",
                    def.name
                ))),
            }
        }
    }

    #[test]
    fn a_metaclass_can_change_the_namespace() -> Result<(), Exception> {
        let upper = Meta::new("Upper", &[], Upper)?;
        let class = upper.create("Config", &[], Namespace::new().with("debug", 1))?;
        assert_eq!(class.dict().keys().collect::<Vec<_>>(), ["DEBUG"]);
        // And it is inherited: a subclass written without `metaclass=` still gets it.
        let child = Class::new("Child", &[class], Namespace::new().with("level", 2))?;
        assert_eq!(child.metaclass().name(), "Upper");
        assert_eq!(child.getattr("LEVEL").ok(), Some(Value::Int(2)));
        Ok(())
    }

    #[test]
    fn a_metaclass_can_refuse_a_class() -> Result<(), Exception> {
        let meta = Meta::new("Capitalised", &[], Capitalised)?;
        assert!(meta.create("Good", &[], Namespace::new()).is_ok());
        let error = meta.create("bad", &[], Namespace::new()).unwrap_err();
        assert_eq!(error.message(), "class name \"bad\" must be capitalised");
        Ok(())
    }

    /// `class Suffixed(Upper)` whose `__new__` calls `super().__new__` and then renames.
    struct Suffixed(Meta);

    impl MetaHooks for Suffixed {
        fn new_class(&self, def: ClassDef) -> Result<ClassDef, TypeError> {
            let mut def = self.0.hooks().new_class(def)?;
            def.name.push_str("Impl");
            Ok(def)
        }
    }

    #[test]
    fn a_derived_metaclass_runs_its_parents_hooks_through_super() -> Result<(), Exception> {
        let upper = Meta::new("Upper", &[], Upper)?;
        let suffixed = Meta::new("Suffixed", &[upper.clone()], Suffixed(upper.clone()))?;
        let class = suffixed.create("Config", &[], Namespace::new().with("debug", 1))?;
        assert_eq!(class.name(), "ConfigImpl");
        assert_eq!(class.dict().keys().collect::<Vec<_>>(), ["DEBUG"]);
        assert!(class.metaclass().is_subclass(&upper));
        Ok(())
    }
}
