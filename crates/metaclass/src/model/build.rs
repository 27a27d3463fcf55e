//! The class statement: which metaclass builds the class, and in which order its hooks run.
//!
//! CPython picks the metaclass twice. `__build_class__` picks the most derived of the
//! requested metaclass and the bases' ones and calls it; that metaclass's `__new__` may change
//! the bases, so `type.__new__` picks again from the bases it is given. If that second choice
//! is a more derived metaclass with a `__new__` of its own, `type.__new__` does not build the
//! class itself but hands the changed `(name, bases, namespace)` to that `__new__`
//! (`return winner->tp_new(winner, args, kwds)` in `typeobject.c`), which may change them
//! again, and so on. Once the class exists, `type.__new__` calls `__set_name__` on each
//! attribute that has one and `__init_subclass__` on the parent (PEP 487), and `type.__call__`
//! then runs the `__init__` of the class's own metaclass, the last winner. `build_class`,
//! behind [`Meta::create`], [`Class::new`] and [`ClassStatement`](super::statement::ClassStatement), follows
//! the same steps.

use super::class::{Class, ClassRef};
use super::error::{Exception, TypeError};
use super::meta::{ClassDef, Meta};
use super::statement;

// ANCHOR: calculate_metaclass
/// CPython's `_PyType_CalculateMetaclass`: start from the requested metaclass and replace it
/// by any base's metaclass that is a subclass of it; a base's metaclass that is neither a
/// subclass nor a superclass of the winner is a conflict.
pub fn calculate_metaclass(requested: &Meta, bases: &[ClassRef]) -> Result<Meta, TypeError> {
    let mut winner = requested.clone();
    for base in bases {
        let candidate = base.metaclass();
        if winner.is_subclass(&candidate) {
            continue;
        }
        if candidate.is_subclass(&winner) {
            winner = candidate;
            continue;
        }
        return Err(TypeError::new(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}
// ANCHOR_END: calculate_metaclass

/// `meta(name, bases, namespace, **keywords)`, once the namespace is filled: pick the
/// metaclass, let it see the definition, hand the definition on to a more derived metaclass if
/// the bases it returned call for one, create the class (C3 and all), call each `__set_name__`
/// and the parent's `__init_subclass__` as `type.__new__` does, then let the class's own
/// metaclass see the class. [`ClassStatement`](super::statement::ClassStatement) runs
/// `__prepare__` and the body before this.
///
/// Three things Python can do fall outside the model and need no step here. A [`Meta`]
/// does not inherit its parent's hooks, so a hand-over runs exactly the winner's
/// `new_class` (which calls its parent's only if it is written to, as `super()` would): in
/// Python a winner whose `tp_new` is `type_new` is not handed the definition, which in the
/// model is the default `new_class` returning it unchanged, the same outcome. A Python
/// `__new__` can return something that is not an instance of the metaclass called, and then
/// `type.__call__` skips `__init__`; `new_class` returns a [`ClassDef`], and the class is
/// always an instance of the last winner, a subclass of the first, so `init_class` always
/// runs. And Python's `__init__` receives the `(name, bases, namespace)` of the original call,
/// not the changed ones; `init_class` receives only the finished class.
pub(crate) fn build_class(
    mut def: ClassDef,
    requested: Option<&Meta>,
) -> Result<ClassRef, Exception> {
    // `__build_class__`: the most derived of the requested metaclass and the bases' ones.
    let mut meta = winning_metaclass(requested, &def.bases)?;
    loop {
        def = meta.hooks().new_class(def)?;
        // `type.__new__(meta, ...)` picks again from the bases the hook returned. A more
        // derived winner takes the changed definition to its own `__new__`. Each turn moves
        // to a strict subclass, so this ends unless hooks keep making new metaclasses (which
        // in Python ends in a RecursionError).
        let winner = calculate_metaclass(&meta, &def.bases)?;
        if winner.is(&meta) {
            break;
        }
        meta = winner;
    }
    let class = Class::allocate(&def.name, &def.bases, def.namespace, Some(meta.clone()))?;
    // The rest of `type.__new__` (PEP 487): the new class tells its attributes their names,
    // then its parent that it exists.
    statement::set_names(&class)?;
    statement::init_subclass_after(&class, &class, &def.keywords)?;
    // `type.__call__`: `type(cls).__init__`, the metaclass that built the class.
    meta.hooks().init_class(&class)?;
    Ok(class)
}

/// The metaclass `__build_class__` calls: the most derived of the requested one (`type` if
/// none) and the bases' ones.
pub(crate) fn winning_metaclass(
    requested: Option<&Meta>,
    bases: &[ClassRef],
) -> Result<Meta, TypeError> {
    let requested = requested.cloned().unwrap_or_else(Meta::type_);
    calculate_metaclass(&requested, bases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Namespace, Plain};

    #[test]
    fn the_most_derived_metaclass_wins_and_unrelated_ones_conflict() -> Result<(), Exception> {
        let m1 = Meta::new("M1", &[], Plain)?;
        let m2 = Meta::new("M2", &[m1.clone()], Plain)?;
        let other = Meta::new("Other", &[], Plain)?;
        assert_eq!(m2.class().mro_names(), ["M2", "M1", "type", "object"]);
        let a = m1.create("A", &[], Namespace::new())?;
        let b = m2.create("B", &[], Namespace::new())?;
        assert_eq!(
            Class::new("C", &[a.clone(), b.clone()], Namespace::new())?
                .metaclass()
                .name(),
            "M2"
        );
        // An explicit metaclass loses to a more derived one among the bases.
        assert_eq!(
            m1.create("D", &[b], Namespace::new())?.metaclass().name(),
            "M2"
        );
        let x = other.create("X", &[], Namespace::new())?;
        let error = Class::new("E", &[a, x], Namespace::new()).unwrap_err();
        assert!(
            error.message().starts_with("metaclass conflict: "),
            "{error}"
        );
        assert_eq!(
            Class::new("F", &[], Namespace::new())?.metaclass().name(),
            "type"
        );
        Ok(())
    }
}
