// property3: make it hold: a newtype checked once, at `TryFrom`, and after every change.
//
// Page: docs/property.md#a-nonnegative-newtype-validate-once-at-tryfrom
//
// Python's `class NonNegative(int)` checks in `__new__`, but `x -= 10` returns a plain `int`:
// `-4`, silently. A Rust newtype can only be made through `TryFrom`, and arithmetic on it
// returns a `Result`, so a `NonNegative` is never negative. Done when the tests pass.

use std::convert::TryFrom;

#[derive(Debug, Clone, Copy, PartialEq)]
struct NonNegative(i64);

impl TryFrom<i64> for NonNegative {
    type Error = String;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        if value < 0 {
            Err("Must be >= 0".to_owned())
        } else {
            Ok(NonNegative(value))
        }
    }
}

impl NonNegative {
    fn get(self) -> i64 {
        self.0
    }

    /// `self + delta`, still checked: Python's `x += delta` is not.
    fn checked_add(self, delta: i64) -> Result<NonNegative, String> {
        NonNegative::try_from(self.0 + delta)
    }
}

fn main() {
    let x = NonNegative::try_from(5);
    println!("{x:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_value_is_refused() {
        assert_eq!(NonNegative::try_from(-1), Err("Must be >= 0".to_owned()));
        assert_eq!(NonNegative::try_from(5).map(NonNegative::get), Ok(5));
    }

    #[test]
    fn arithmetic_keeps_the_check() {
        let x = NonNegative::try_from(5).unwrap();
        assert_eq!(x.checked_add(1).map(NonNegative::get), Ok(6));
        // Python: `x -= 10` gives -4, silently.
        assert_eq!(x.checked_add(-10), Err("Must be >= 0".to_owned()));
    }
}
