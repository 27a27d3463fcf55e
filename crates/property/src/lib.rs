//! The property decorator and the uniform access principle, in Rust.
//!
//! The notes' Python:
//!
//! ```python
//! class A(object):
//!     _x = 0
//!     '''A._x is an attribute'''
//!
//!     @property
//!     def x(self):
//!         return self._x
//!
//!     @x.setter
//!     def x(self, value):
//!         if value < 0:
//!             raise ValueError("Must be >= 0")
//!         self._x = value
//!
//! a = A()
//! a._x = -1   # allowed: "private" is a naming convention
//! a.x = -1    # ValueError: Must be >= 0
//! ```
//!
//! Rust has no properties: a field is a field and a method is a method, and callers see the
//! difference (`a.x` against `a.x()`). What Python keeps by convention (`_x`), Rust's
//! compiler enforces at the module boundary, so [`A`]'s field is private in fact, its setter
//! returns `Result<(), ValueError>` instead of raising, and turning a public field into
//! accessors later *is* a breaking change. Two Rust answers replace "migrate to `@property`
//! later": start with accessors when there is an invariant, or put the invariant into the
//! field's type ([`NonNegative`]) so the field can stay public.
//!
//! # Layout
//!
//! - [`error`]: [`ValueError`], Python's `ValueError` as an error value; [`PyException`] (from
//!   the `exception` crate) prints it as a traceback's last line.
//! - [`class_a`]: the notes' `A`: a private field, the getter `x()`, the setter `set_x()`.
//! - [`non_negative`]: [`NonNegative`], a newtype that checks once, at `TryFrom`.
//! - [`designs`]: `foo.x += 1` with a public field, with accessors, and with the newtype.
//! - [`privacy`]: Python's `_x` and `__x` (name mangling) against Rust's module privacy.
//! - [`uniform_access`]: plain-data structs with public fields against accessor APIs.
//! - [`cached`]: a lazily computed, cached property with `OnceCell`.
//! - [`deref_abuse`]: why `Deref` is not a way to fake properties.
#![forbid(unsafe_code)]

pub mod cached;
pub mod class_a;
pub mod deref_abuse;
pub mod designs;
pub mod error;
pub mod non_negative;
pub mod privacy;
pub mod uniform_access;

pub use class_a::A;
pub use error::ValueError;
pub use exception::PyException;
pub use non_negative::NonNegative;
