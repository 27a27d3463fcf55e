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
//! Our own types follow the same rule. [`Finite`] is an `f64` that is neither NaN nor infinite,
//! which Python's `float` cannot promise (`float("nan")` is a float). Every `i32` is exactly a
//! finite `f64`, so it gets `From<i32>`, as `f64` itself does; an `f64` may be NaN or
//! infinite, so `TryFrom<f64>` checks; not every `i64` is exactly an `f64`, so there is no
//! `From<i64>`:
//!
//! ```compile_fail,E0277
//! use typing::convert::Finite;
//! let _ = Finite::from(1_i64); // error[E0277]: the trait bound `Finite: From<i64>` is not satisfied
//! ```

use std::fmt;

/// An `f64` known to be finite: not NaN, not infinite. Build it with `From<i32>` (cannot
/// fail: every `i32` is an exact, finite `f64`) or `TryFrom<f64>` (checked).
///
/// ```
/// use typing::convert::Finite;
/// let from_i32: Finite = 7_i32.into();
/// let checked = Finite::try_from(2.5)?; // a float literal: only `TryFrom<f64>` can take it
/// assert_eq!((f64::from(from_i32), f64::from(checked)), (7.0, 2.5));
/// let error = Finite::try_from(f64::NAN).unwrap_err();
/// assert_eq!(error.to_string(), "NaN is not a finite number");
/// # Ok::<(), typing::convert::NotFiniteError>(())
/// ```
// ANCHOR: finite
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Finite(f64);

/// Why an `f64` could not become a [`Finite`]: it was NaN or infinite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NotFiniteError(pub f64);

impl fmt::Display for NotFiniteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not a finite number", self.0)
    }
}

impl std::error::Error for NotFiniteError {}

/// Checked: NaN, `inf` and `-inf` are refused.
impl TryFrom<f64> for Finite {
    type Error = NotFiniteError;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if value.is_finite() {
            Ok(Finite(value))
        } else {
            Err(NotFiniteError(value))
        }
    }
}

/// Lossless: an `i32` has 32 bits, an `f64` holds every integer up to 2^53 exactly.
impl From<i32> for Finite {
    fn from(value: i32) -> Self {
        Finite(f64::from(value))
    }
}

impl From<Finite> for f64 {
    fn from(value: Finite) -> Self {
        value.0
    }
}
// ANCHOR_END: finite

/// Conversions that cannot fail: `From`, and `Into` which every `From` provides.
pub fn lossless() -> Vec<crate::attempt::Attempt> {
    vec![
        crate::attempt!(infallible i64::from(7_i32)),
        crate::attempt!(infallible f64::from(7_i32)),
        crate::attempt!(infallible u32::from('A')),
        crate::attempt!(infallible char::from(65_u8)),
        crate::attempt!(infallible String::from("text")),
        crate::attempt!(infallible Into::<Finite>::into(7_i32)),
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
        crate::attempt!(Finite::try_from(2.5_f64)),
        crate::attempt!(Finite::try_from(f64::NAN)),
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
                "Ok(Finite(7.0))"
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
                "NotFiniteError"
            ]
        );
    }

    #[test]
    fn a_finite_round_trips_and_rejects_nan_and_infinity() {
        assert_eq!(Finite::try_from(0.0).map(f64::from), Ok(0.0));
        assert_eq!(
            Finite::try_from(f64::NEG_INFINITY),
            Err(NotFiniteError(f64::NEG_INFINITY))
        );
        assert_eq!(f64::from(Finite::from(i32::MIN)), -2_147_483_648.0);
        let shown: Vec<String> = fallible().iter().map(Attempt::outcome_text).collect();
        assert!(shown.contains(&"NotFiniteError: NaN is not a finite number".to_owned()));
    }
}
