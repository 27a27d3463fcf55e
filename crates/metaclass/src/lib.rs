//! Metaclasses and the MRO: Python's class model in Rust, and Rust's own answer.
//!
//! The notes:
//!
//! > The class of a class. Class definitions create a class name, a class dictionary, and a
//! > list of base classes. The metaclass is responsible for taking those three arguments and
//! > creating the class. The\[y\] let you intercept the class statement and provide special
//! > behaviour each time a class is defined. [...] most users never need to.
//! >
//! > `MRO  dict  __mro__`
//!
//! Rust has no classes, so this crate does two things. First it **models** Python's classes
//! at run time, because that is where Python builds them: [`Class::new`] takes
//! `(name, bases, namespace)` like `type(name, bases, dict)`, computes the `__mro__` with C3
//! exactly as CPython does (tested against `python3` on random hierarchies), looks attributes
//! up along it, and lets a metaclass (a [`Meta`], running [`MetaHooks`]) intercept the
//! creation; [`ClassStatement`] runs the whole class statement in CPython's order
//! (`__prepare__`, the body, `__set_name__`, `__init_subclass__`, compared with `python3` on
//! generated statements). Then it shows what
//! a Rust programmer **reaches for instead**, all at compile time: a `macro_rules!` that
//! rewrites a struct definition, a plugin registry, traits with default methods and
//! supertraits, and a method resolution that refuses ambiguity rather than ordering it.
//!
//! ```
//! use metaclass::{Class, Namespace};
//!
//! // class A: x = 1
//! // class B(A): pass
//! // C = type("C", (B,), {"y": 2})
//! let a = Class::new("A", &[], Namespace::new().with("x", 1))?;
//! let b = Class::new("B", &[a], Namespace::new())?;
//! let c = Class::new("C", &[b], Namespace::new().with("y", 2))?;
//! assert_eq!(c.mro_names(), ["C", "B", "A", "object"]);
//! assert_eq!(c.getattr("x")?.to_string(), "1");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Layout
//!
//! - [`model`]: the runtime object model.
//!   - [`model::value`]: values and functions.
//!   - [`model::namespace`]: the ordered namespace (`__dict__`).
//!   - [`model::hooks`]: what a class statement calls back: `__set_name__`, `__init_subclass__`.
//!   - [`model::class`]: classes built from (name, bases, namespace); `__mro__`, lookup.
//!   - [`model::c3`]: the C3 linearisation, step for step as CPython computes it.
//!   - [`model::instance`]: instances; lookup goes instance dict, then the class MRO.
//!   - [`model::meta`]: metaclasses ([`Meta`]) as classes of the model, and the [`MetaHooks`]
//!     they run.
//!   - [`model::build`]: `meta(name, bases, namespace)`: which metaclass wins, and when its
//!     hooks run.
//!   - [`model::statement`]: the whole class statement: `__prepare__`, the body,
//!     `__set_name__` and `__init_subclass__` (PEP 487), in CPython's order.
//!   - [`model::error`]: `TypeError` and `AttributeError` with CPython's messages, and any
//!     exception a class statement raises.
//! - [`uses`]: the three real uses of metaclasses, on the model.
//!   - [`uses::registry`]: subclasses register themselves (plugins).
//!   - [`uses::abc`]: `ABCMeta`: abstract methods refuse instantiation.
//!   - [`uses::singleton`]: one instance per class.
//! - [`rust_way`]: the same jobs done the Rust way, at compile time.
//!   - [`rust_way::intercept`]: a `macro_rules!` that intercepts a struct definition.
//!   - [`rust_way::plugins`]: a plugin registry with `inventory`, and an explicit one.
//!   - [`rust_way::traits`]: default methods and supertraits; required methods as "abstract".
//!   - [`rust_way::resolution`]: how Rust resolves a method name, beside the MRO.
//!   - [`rust_way::once`]: a singleton is a `static` with `OnceLock`.
//! - [`examples`]: the example classes the demo and the tests share: `class Name(bases): pass`
//!   and `Upper`, a metaclass that changes the namespace.
#![forbid(unsafe_code)]
// `&[base.clone()]` reads as Python's `(base,)`; `std::slice::from_ref(&base)` does not.
#![allow(clippy::cloned_ref_to_slice_refs)]

/// Re-exported for [`dataclass!`], whose expansion registers each struct with it.
#[doc(hidden)]
pub use inventory;

pub mod examples;
pub mod model;
pub mod rust_way;
pub mod uses;

pub use exception::PyException;
pub use model::build::calculate_metaclass;
pub use model::class::{Class, ClassRef, tuple_repr};
pub use model::error::{AttributeError, Exception, PyError, TypeError};
pub use model::hooks::{Descriptor, InitSubclass, Super};
pub use model::instance::{Found, Instance};
pub use model::meta::{ClassDef, Meta, MetaHooks, Plain};
pub use model::statement::ClassStatement;
pub use model::value::{Function, Namespace, Value};
