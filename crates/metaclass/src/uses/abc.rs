//! Validation with `ABCMeta`: a class that leaves an abstract method undefined cannot be
//! instantiated.
//!
//! ```python
//! from abc import ABC, abstractmethod
//! class Shape(ABC):
//!     @abstractmethod
//!     def area(self): ...
//! class Square(Shape):
//!     def area(self): return 4
//! class Blob(Shape): pass
//! Square().area()   # 4
//! Blob()            # TypeError: Can't instantiate abstract class Blob with abstract method area
//! ```
//!
//! [`shapes`] builds the demo's example, with two abstract methods and a grandchild.
//!
//! `ABCMeta.__new__` computes `__abstractmethods__`: the names marked abstract in the class
//! body, plus the abstract names of every base that the new class still resolves to an
//! abstract function. `object.__new__` refuses a class whose set is not empty
//! ([`Instance::new`](crate::Instance::new)).

use crate::model::class::{Class, ClassRef};
use crate::model::error::{Exception, TypeError};
use crate::model::meta::{Meta, MetaHooks};
use crate::model::value::{Function, Namespace, Value};

/// The hooks of `ABCMeta`.
#[derive(Clone, Copy, Debug, Default)]
pub struct AbcMeta;

thread_local! {
    static ABC_META: Meta = Meta::new("ABCMeta", &[], AbcMeta)
        .expect("a metaclass whose only base is type always has an MRO");
    static ABC: ClassRef = ABC_META
        .with(|meta| meta.create("ABC", &[], Namespace::new()))
        .expect("ABC has no bases and no abstract methods");
}

/// `abc.ABCMeta`: the same metaclass every time.
pub fn abc_meta() -> Meta {
    ABC_META.with(Clone::clone)
}

/// `abc.ABC`: a class whose metaclass is `ABCMeta`, to inherit from.
pub fn abc() -> ClassRef {
    ABC.with(Clone::clone)
}

/// The abstract methods `class` still has: its own, and its bases' that it does not override.
pub fn abstract_methods_of(class: &ClassRef) -> Vec<String> {
    let mut names: Vec<String> = class
        .dict()
        .iter()
        .filter(|(_, value)| value.is_abstract_method())
        .map(|(name, _)| name.to_string())
        .collect();
    for base in class.bases() {
        for name in base.abstract_methods() {
            let still_abstract = class
                .getattr(&name)
                .is_ok_and(|value| value.is_abstract_method());
            if still_abstract {
                names.push(name);
            }
        }
    }
    names
}

/// The module's example, `Shape`, `Square(Shape)` and `Unit(Square)`, as the demo shows it
/// and as the CPython comparison test builds it in `python3` too.
pub fn shapes() -> Result<[ClassRef; 3], Exception> {
    let shape = Class::new(
        "Shape",
        &[abc()],
        Namespace::new()
            .with_method(Function::abstract_method("area"))
            .with_method(Function::abstract_method("perimeter")),
    )?;
    let perimeter = Function::new("perimeter", |_| Value::Int(4));
    let square = Class::new(
        "Square",
        &[shape.clone()],
        Namespace::new().with_method(perimeter),
    )?;
    let area = Function::new("area", |_| Value::Int(1));
    let unit = Class::new(
        "Unit",
        &[square.clone()],
        Namespace::new().with_method(area),
    )?;
    Ok([shape, square, unit])
}

// ANCHOR: abc_meta
impl MetaHooks for AbcMeta {
    fn init_class(&self, class: &ClassRef) -> Result<(), TypeError> {
        class.set_abstract_methods(abstract_methods_of(class));
        Ok(())
    }
}
// ANCHOR_END: abc_meta

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Class, Function, Value};

    #[test]
    fn abstract_methods_are_inherited_until_overridden() -> Result<(), Exception> {
        let shape = Class::new(
            "Shape",
            &[abc()],
            Namespace::new().with_method(Function::abstract_method("area")),
        )?;
        assert_eq!(shape.metaclass().name(), "ABCMeta");
        let blob = Class::new("Blob", &[shape.clone()], Namespace::new())?;
        assert_eq!(blob.abstract_methods(), ["area"]);
        let error = blob.call().unwrap_err();
        assert_eq!(
            error.message(),
            "Can't instantiate abstract class Blob with abstract method area"
        );
        let area = Function::new("area", |_| Value::Int(4));
        let square = Class::new("Square", &[shape], Namespace::new().with_method(area))?;
        assert_eq!(square.call()?.call_method("area").ok(), Some(Value::Int(4)));
        Ok(())
    }
}
