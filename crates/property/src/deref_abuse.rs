//! Why `Deref` is not a way to fake properties.
//!
//! `Deref` makes `*w` and method calls on a wrapper reach the value inside, which is tempting
//! for a newtype: `w.pow(2)` instead of `w.get().pow(2)`. The Rust API guidelines reserve it
//! for smart pointers (C-DEREF), for two reasons this module shows:
//!
//! - `DerefMut` hands out `&mut` to the inside, so every write skips the newtype's check:
//!   [`DerefNonNegative`] promises what [`NonNegative`] does and cannot
//!   keep it.
//! - Every method of the target appears on the wrapper, so its API is whatever `i64` has
//!   (`is_negative`, `wrapping_sub`, ...), and method lookup silently picks the target's
//!   method when the wrapper lacks one.
//!
//! For read access, a `get()` or `From` (as on `NonNegative`) says what it does; for a
//! computed value, a method does (see [`cached`](crate::cached)).

use std::ops::{Deref, DerefMut};

use crate::{NonNegative, ValueError};

// ANCHOR: deref
/// **What not to do**: a "non-negative" integer whose `DerefMut` lets anyone break that.
///
/// ```
/// use property::deref_abuse::DerefNonNegative;
/// let mut x = DerefNonNegative::new(3)?;
/// *x -= 5; // compiles: `DerefMut` gave out `&mut i64`
/// assert!(x.is_negative()); // an i64 method, through `Deref`
/// assert!(!x.upholds_its_invariant());
/// # Ok::<(), property::ValueError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DerefNonNegative(i64);

impl DerefNonNegative {
    /// Checks `value >= 0`, with `NonNegative::try_from`'s check and message.
    pub fn new(value: i64) -> Result<Self, ValueError> {
        let checked = NonNegative::try_from(value)?;
        Ok(DerefNonNegative(checked.get()))
    }

    /// Whether the value is still what `new` checked: not after a write through `DerefMut`.
    pub fn upholds_its_invariant(&self) -> bool {
        self.0 >= 0
    }
}

impl Deref for DerefNonNegative {
    type Target = i64;

    fn deref(&self) -> &i64 {
        &self.0
    }
}

impl DerefMut for DerefNonNegative {
    fn deref_mut(&mut self) -> &mut i64 {
        &mut self.0
    }
}
// ANCHOR_END: deref

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_checks_but_deref_mut_does_not() {
        assert!(DerefNonNegative::new(-1).is_err());
        let mut x = DerefNonNegative::new(0).unwrap();
        assert!(x.upholds_its_invariant(), "zero is what new checked");
        *x = -7;
        assert_eq!(*x, -7);
        assert!(!x.upholds_its_invariant());
    }
}
