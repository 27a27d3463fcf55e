//! The notes' `A`: a private field, the getter `x()`, the setter `set_x()`.
//!
//! Python's `_x` (the storage) and `x` (the property) become a private field `x` and a public
//! method `x()`. They can share the name because fields and methods live in different
//! namespaces: `a.x` is the field, `a.x()` the method. Outside this module only the method
//! exists; the field is unreachable, so there is no `a._x = -1` bypass:
//!
//! ```compile_fail,E0616
//! let mut a = property::A::new();
//! a.x = -1; // error[E0616]: field `x` of struct `A` is private
//! ```
//!
//! ```compile_fail,E0451
//! let a = property::A { x: -1 }; // error[E0451]: field `x` of struct `A` is private
//! ```
//!
//! The check that `set_x` runs is private too, an implementation detail callers cannot call:
//!
//! ```compile_fail,E0624
//! let value = property::A::check(-1); // error[E0624]: associated function `check` is private
//! ```

use crate::{NonNegative, ValueError};

/// The notes' class `A`: holds an `x` that is never negative.
///
/// ```
/// use property::{A, PyException};
///
/// let mut a = A::new();
/// let error = a.set_x(-1).unwrap_err();
/// assert_eq!(error.traceback_line().to_string(), "ValueError: Must be >= 0");
/// assert_eq!(a.x(), 0); // unchanged
/// a.set_x(a.x() + 1)?;  // Python's `a.x += 1`
/// assert_eq!(a.x(), 1);
/// # Ok::<(), property::ValueError>(())
/// ```
// ANCHOR: class_a
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct A {
    /// Python's `_x`; 0 to start with, like the class attribute `_x = 0`.
    x: i64,
}

impl A {
    /// `A()`: `x` is 0.
    pub fn new() -> Self {
        A::default()
    }

    /// The getter: Python's `a.x`.
    pub fn x(&self) -> i64 {
        self.x
    }

    /// The setter: Python's `a.x = value`. A negative `value` is refused with
    /// `ValueError: Must be >= 0` and `x` keeps its value.
    pub fn set_x(&mut self, value: i64) -> Result<(), ValueError> {
        self.x = A::check(value)?;
        Ok(())
    }

    /// The setter's rule, on its own: `value` if it is at least 0. The rule is written once,
    /// at the boundary of [`NonNegative`]; `A` keeps a plain `i64` as the notes do.
    fn check(value: i64) -> Result<i64, ValueError> {
        NonNegative::try_from(value).map(NonNegative::get)
    }
}
// ANCHOR_END: class_a

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_zero() {
        assert_eq!(A::new().x(), 0);
    }

    #[test]
    fn negative_values_are_refused_with_the_notes_message() {
        let mut a = A::new();
        let error = a.set_x(-1).unwrap_err();
        assert_eq!(error.to_string(), "Must be >= 0");
        assert_eq!(a.x(), 0);
    }

    #[test]
    fn the_edges() {
        let mut a = A::new();
        assert!(a.set_x(i64::MAX).is_ok());
        assert!(a.set_x(i64::MIN).is_err());
        assert_eq!(a.x(), i64::MAX);
        assert!(a.set_x(0).is_ok());
        assert_eq!(a.x(), 0);
    }

    #[test]
    fn a_failed_set_never_changes_x_for_many_random_values() {
        let mut rng = fastrand::Rng::with_seed(0x5EED);
        let mut a = A::new();
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..100_000 {
            // Half the draws near zero, where the boundary is; half from the whole range.
            let value = if rng.bool() {
                rng.i64(-3..=3)
            } else {
                rng.i64(..)
            };
            let before = a.x();
            match a.set_x(value) {
                Ok(()) => {
                    assert!(value >= 0, "accepted {value}");
                    assert_eq!(a.x(), value);
                    accepted += 1;
                }
                Err(error) => {
                    assert!(value < 0, "refused {value}");
                    assert_eq!(error.message(), "Must be >= 0");
                    assert_eq!(a.x(), before, "a refused {value} changed x");
                    refused += 1;
                }
            }
        }
        // Both branches ran many times; the exact split depends on the seed only.
        assert!(accepted > 1_000 && refused > 1_000);
    }
}
