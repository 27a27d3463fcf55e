//! The example classes and metaclass that the demo and the unit tests both build, written
//! once: [`class`] for a `class Name(bases): pass`, and [`Upper`], the classic metaclass that
//! changes the namespace.

use crate::{Class, ClassDef, ClassRef, Exception, MetaHooks, Namespace, TypeError, tuple_repr};

/// `class Name(*bases): pass`: a class with an empty body, built by `type`.
///
/// ```
/// use metaclass::examples::class;
///
/// let (a, b) = (class("A", &[])?, class("B", &[])?);
/// assert_eq!(class("C", &[&a, &b])?.mro_names(), ["C", "A", "B", "object"]);
/// # Ok::<(), metaclass::Exception>(())
/// ```
pub fn class(name: &str, bases: &[&ClassRef]) -> Result<ClassRef, Exception> {
    let bases: Vec<ClassRef> = bases.iter().map(|&base| base.clone()).collect();
    Class::new(name, &bases, Namespace::new())
}

// ANCHOR: upper
/// `class Upper(type)`: prints what it receives, refuses lower-case class names, and
/// upper-cases every attribute name.
#[derive(Debug)]
pub struct Upper;

impl MetaHooks for Upper {
    fn new_class(&self, mut def: ClassDef) -> Result<ClassDef, TypeError> {
        println!(
            "  Upper.__new__ sees name='{}', bases={}, namespace={}",
            def.name,
            tuple_repr(&def.bases),
            def.namespace
        );
        if !def.name.starts_with(|first: char| first.is_uppercase()) {
            return Err(TypeError::new(format!(
                "class name '{}' must be capitalised",
                def.name
            )));
        }
        let mut upper = Namespace::new();
        for (name, value) in def.namespace.iter() {
            upper.insert(&name.to_uppercase(), value.clone());
        }
        def.namespace = upper;
        Ok(def)
    }

    fn init_class(&self, class: &ClassRef) -> Result<(), TypeError> {
        println!("  Upper.__init__ sees the new {class}");
        Ok(())
    }
}
// ANCHOR_END: upper
