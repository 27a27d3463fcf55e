//! [`NonNegative`]: a newtype that checks once, at `TryFrom`, so an invalid value cannot exist.
//!
//! `A::set_x` checks on every write and hands back an `i64` that every reader has to trust.
//! A type whose only constructor checks turns "x is never negative" from a rule into a fact:
//! a function that takes a `NonNegative` never validates again, and a struct can even make
//! such a field public (see [`designs::Typed`](crate::designs::Typed)).
//!
//! Only operations that keep the value non-negative exist: adding a `u32` (`x += 1`, which
//! reads as in Python) and `checked_sub`. Subtracting with `-=` does not compile, and neither
//! does assigning a bare integer:
//!
//! ```compile_fail,E0368
//! let mut x = property::NonNegative::ZERO;
//! x -= 1; // error[E0368]: binary assignment operation `-=` cannot be applied to type `NonNegative`
//! ```
//!
//! ```compile_fail,E0308
//! let mut x = property::NonNegative::ZERO;
//! x = -1; // error[E0308]: mismatched types
//! ```

use std::fmt;
use std::ops::{Add, AddAssign};

use crate::ValueError;

/// An `i64` that is at least 0.
///
/// ```
/// use property::{NonNegative, PyException};
///
/// let mut x = NonNegative::try_from(41)?;
/// x += 1;
/// assert_eq!(x.get(), 42);
/// let error = NonNegative::try_from(-1).unwrap_err();
/// assert_eq!(error.traceback_line().to_string(), "ValueError: Must be >= 0");
/// # Ok::<(), property::ValueError>(())
/// ```
// ANCHOR: non_negative
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NonNegative(i64);

impl NonNegative {
    /// Zero.
    pub const ZERO: NonNegative = NonNegative(0);

    /// The value, as a plain `i64` (always `>= 0`).
    pub const fn get(self) -> i64 {
        self.0
    }

    /// `self - rhs`, or `None` if that would be negative.
    pub fn checked_sub(self, rhs: u32) -> Option<NonNegative> {
        let difference = self.0 - i64::from(rhs); // cannot overflow: self.0 >= 0
        (difference >= 0).then_some(NonNegative(difference))
    }

    /// `self + rhs`, or `None` past `i64::MAX`.
    pub fn checked_add(self, rhs: u32) -> Option<NonNegative> {
        self.0.checked_add(i64::from(rhs)).map(NonNegative)
    }
}

/// The boundary: the one place a plain integer becomes a `NonNegative`.
impl TryFrom<i64> for NonNegative {
    type Error = ValueError;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        if value < 0 {
            return Err(ValueError::new("Must be >= 0"));
        }
        Ok(NonNegative(value))
    }
}

// No `From<u32>`, though it could not fail: with it, `TryFrom<u32>` would exist too, and an
// integer literal in `NonNegative::try_from(5)` could no longer be inferred as an `i64`.

impl From<NonNegative> for i64 {
    fn from(value: NonNegative) -> Self {
        value.0
    }
}

/// `x + 1`.
///
/// # Panics
///
/// Past `i64::MAX`, as integer arithmetic does in debug builds; here in release builds too,
/// since wrapping around would make the value negative. Use
/// [`checked_add`](NonNegative::checked_add) to handle it.
impl Add<u32> for NonNegative {
    type Output = NonNegative;

    fn add(self, rhs: u32) -> NonNegative {
        match self.checked_add(rhs) {
            Some(sum) => sum,
            None => panic!("NonNegative overflowed: {} + {rhs} > i64::MAX", self.0),
        }
    }
}

/// `x += 1`, with [`Add`]'s panic past `i64::MAX`.
impl AddAssign<u32> for NonNegative {
    fn add_assign(&mut self, rhs: u32) {
        *self = *self + rhs;
    }
}
// ANCHOR_END: non_negative

impl fmt::Display for NonNegative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn try_from_accepts_exactly_the_non_negative_values() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..100_000 {
            let value = rng.i64(..);
            match NonNegative::try_from(value) {
                Ok(x) => {
                    assert_eq!(x.get(), value);
                    assert_eq!(x.to_string(), value.to_string());
                }
                Err(error) => {
                    assert!(value < 0);
                    assert_eq!(error.to_string(), "Must be >= 0");
                }
            }
        }
        assert_eq!(NonNegative::try_from(0), Ok(NonNegative::ZERO));
        assert!(NonNegative::try_from(-1).is_err());
    }

    #[test]
    fn plus_equals_reads_as_in_python() {
        let mut x = NonNegative::ZERO;
        x += 1;
        x += 1;
        assert_eq!(x.get(), 2);
    }

    #[test]
    fn checked_sub_refuses_to_go_negative() {
        let x = NonNegative::try_from(3).unwrap();
        assert_eq!(x.checked_sub(3), Some(NonNegative::ZERO));
        assert_eq!(x.checked_sub(4), None);
    }

    #[test]
    fn checked_add_stops_at_the_top() {
        let top = NonNegative::try_from(i64::MAX).unwrap();
        assert_eq!(top.checked_add(1), None);
        assert_eq!(
            NonNegative::ZERO.checked_add(u32::MAX).map(i64::from),
            Some(4_294_967_295)
        );
    }

    #[test]
    fn plus_past_the_top_panics_instead_of_wrapping() {
        let top = NonNegative::try_from(i64::MAX).unwrap();
        let result = std::panic::catch_unwind(|| top + 1);
        assert!(result.is_err());
    }
}
