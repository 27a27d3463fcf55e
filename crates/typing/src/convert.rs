//! Explicit conversions: `From`/`Into` when nothing can be lost, `TryFrom` when it can.
//!
//! Python converts by calling the target type: `int("1")`, `float(1)`, `str(1)`. Rust splits
//! that into two traits. `From` is for conversions that always succeed and lose nothing
//! (`i64::from(1_i32)`); implementing it gives `Into` for free. `TryFrom` returns a
//! `Result` whose error says what went wrong (`u8::try_from(300)`). The standard library
//! withholds `From` where information could be lost, so these do not compile:
//!
//! ```compile_fail,E0277
//! // Not every i64 is an f64: 2^53 + 1 is not.
//! let _ = f64::from(1_i64); // error[E0277]: the trait bound `f64: From<i64>` is not satisfied
//! ```
//!
//! ```compile_fail,E0277
//! let _ = u8::from(300_i32); // error[E0277]: the trait bound `u8: From<i32>` is not satisfied
//! ```
//!
//! Our own types follow the same rule. [`NonNegative`] is the type-level answer to the
//! property notes' setter check `if value < 0: raise ValueError("Must be >= 0")`: a value that
//! exists has passed the check, so no later code has to repeat it.

use std::fmt;

/// An `i64` known to be `>= 0`. Build it with `TryFrom<i64>` (checked) or `From<u32>` (cannot
/// fail: every `u32` is non-negative).
///
/// ```
/// use typing::convert::NonNegative;
/// let ok = NonNegative::try_from(5_i64)?;
/// let from_u32: NonNegative = 7_u32.into();
/// assert_eq!((i64::from(ok), i64::from(from_u32)), (5, 7));
/// let error = NonNegative::try_from(-1_i64).unwrap_err();
/// assert_eq!(error.to_string(), "Must be >= 0 (got -1)");
/// # Ok::<(), typing::convert::NegativeError>(())
/// ```
// ANCHOR: non_negative
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct NonNegative(i64);

/// Why a number could not become a [`NonNegative`]: it was below zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NegativeError(pub i64);

impl fmt::Display for NegativeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Must be >= 0 (got {})", self.0)
    }
}

impl std::error::Error for NegativeError {}

impl TryFrom<i64> for NonNegative {
    type Error = NegativeError;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        if value < 0 {
            Err(NegativeError(value))
        } else {
            Ok(NonNegative(value))
        }
    }
}

impl From<u32> for NonNegative {
    fn from(value: u32) -> Self {
        NonNegative(i64::from(value))
    }
}

impl From<NonNegative> for i64 {
    fn from(value: NonNegative) -> Self {
        value.0
    }
}
// ANCHOR_END: non_negative

/// Conversions that cannot fail: `From`, and `Into` which every `From` provides.
pub fn lossless() -> Vec<crate::attempt::Attempt> {
    vec![
        crate::attempt!(infallible i64::from(7_i32)),
        crate::attempt!(infallible f64::from(7_i32)),
        crate::attempt!(infallible u32::from('A')),
        crate::attempt!(infallible char::from(65_u8)),
        crate::attempt!(infallible String::from("text")),
        crate::attempt!(infallible Into::<NonNegative>::into(7_u32)),
    ]
}

/// Conversions that can fail, some succeeding and some not, each with its error value.
pub fn fallible() -> Vec<crate::attempt::Attempt> {
    vec![
        crate::attempt!(u8::try_from(255_i32)),
        crate::attempt!(u8::try_from(256_i32)),
        crate::attempt!(u32::try_from(-1_i64)),
        crate::attempt!(char::try_from(0x41_u32)),
        crate::attempt!(char::try_from(0xD800_u32)),
        crate::attempt!(<[u8; 2]>::try_from(&b"abc"[..])),
        crate::attempt!(NonNegative::try_from(5_i64)),
        crate::attempt!(NonNegative::try_from(-1_i64)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::Attempt;

    #[test]
    fn lossless_conversions_keep_the_value() {
        // `infallible` wraps each in `Ok`, so what can go wrong is the value itself.
        let values: Vec<String> = lossless().iter().map(Attempt::outcome_text).collect();
        assert_eq!(
            values,
            [
                "Ok(7)",
                "Ok(7.0)",
                "Ok(65)",
                "Ok('A')",
                "Ok(\"text\")",
                "Ok(NonNegative(7))"
            ]
        );
    }

    #[test]
    fn fallible_conversions_name_their_error_types() {
        let failures: Vec<String> = fallible()
            .iter()
            .filter_map(|a| a.outcome.as_ref().err().map(|f| f.error_type.clone()))
            .collect();
        assert_eq!(
            failures,
            [
                "TryFromIntError",
                "TryFromIntError",
                "CharTryFromError",
                "TryFromSliceError",
                "NegativeError"
            ]
        );
    }

    #[test]
    fn a_non_negative_round_trips_and_rejects_negatives() {
        assert_eq!(NonNegative::try_from(0_i64).map(i64::from), Ok(0));
        assert_eq!(
            NonNegative::try_from(i64::MIN),
            Err(NegativeError(i64::MIN))
        );
        let shown: Vec<String> = fallible().iter().map(Attempt::outcome_text).collect();
        assert!(shown.contains(&"NegativeError: Must be >= 0 (got -1)".to_owned()));
    }
}
