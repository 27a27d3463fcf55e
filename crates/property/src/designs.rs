//! `foo.x += 1` with a public field, with accessors, and with the newtype.
//!
//! The notes prefer `foo.x += 1` to `foo.set_x(foo.get_x() + 1)`. Three Rust designs, and how
//! that line reads in each:
//!
//! ```
//! use property::designs::{Plain, Typed};
//! use property::A;
//!
//! let mut plain = Plain::default();
//! plain.x += 1; // as in Python; nothing stops `plain.x = -1` either
//!
//! let mut a = A::new();
//! a.set_x(a.x() + 1)?; // the notes' "less readable" form, plus `?` for the error
//!
//! let mut typed = Typed::default();
//! typed.x += 1; // as in Python, and `typed.x` still cannot become negative
//!
//! assert_eq!((plain.x, a.x(), typed.x.get()), (1, 1, 1));
//! # Ok::<(), property::ValueError>(())
//! ```
//!
//! Going down is where the designs differ: `plain.x -= 5` silently makes it negative,
//! `a.set_x(a.x() - 5)` returns the `ValueError`, and `typed.x` offers only
//! [`checked_sub`](crate::NonNegative::checked_sub), whose `None` the caller must handle.

use crate::NonNegative;

// ANCHOR: designs
/// The notes' starting point: expose the attribute. Every `i64` is a valid `x`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Plain {
    /// Anything goes, negative included.
    pub x: i64,
}

/// The invariant in the field's type: the field can be public because every value it can hold
/// is valid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Typed {
    /// Never negative, whoever writes it.
    pub x: NonNegative,
}
// ANCHOR_END: designs

#[cfg(test)]
mod tests {
    use super::*;
    use crate::A;

    #[test]
    fn going_below_zero_in_each_design() {
        let mut plain = Plain { x: 3 };
        plain.x -= 5;
        assert_eq!(plain.x, -2);

        let mut a = A::new();
        a.set_x(3).unwrap();
        assert!(a.set_x(a.x() - 5).is_err());
        assert_eq!(a.x(), 3);

        let typed = Typed {
            x: NonNegative::try_from(3).unwrap(),
        };
        assert_eq!(typed.x.checked_sub(5), None);
    }
}
