//! `as` casts: the one place Rust converts numbers silently, and loses information doing it.
//!
//! Say it plainly: `as` is where Rust is *weaker* than one might think. `300_i32 as u8` is
//! `44` (the low 8 bits), `-1_i32 as u32` is `4294967295`, `1e10_f64 as i32` saturates at
//! `i32::MAX`, `f64::NAN as i32` is `0`, and a large `i64 as f64` rounds. None of these is an
//! error, a panic or (by default) a warning. Python has no fixed-width integers, so its `int`
//! never wraps; `int(float("nan"))` raises `ValueError`; but `float(2**53 + 1)` rounds too.
//!
//! What to do instead: `TryFrom` for integers (`u8::try_from(300_i32)` is an `Err`), `From`
//! where it exists (it exists only where nothing can be lost), and for floats an explicit
//! check (`x.is_finite()`, a range test) before the cast. Clippy's pedantic lints
//! (`cast_possible_truncation`, `cast_sign_loss`, `cast_possible_wrap`, `cast_precision_loss`)
//! flag every lossy `as` if you ask for them.
//!
//! The functions here do not cast; they *classify* a cast the caller did, by comparing the
//! value before and after exactly (through `i128`, which holds every `i64` and `u64`).

use std::fmt;

/// What a cast did to the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// The value came through unchanged.
    Exact,
    /// An integer kept only its low bits: the value modulo 2^bits, reinterpreted.
    Wrapped,
    /// A float lost its fraction: truncated toward zero.
    Truncated,
    /// A float beyond the integer type's range became the type's minimum or maximum.
    Saturated,
    /// NaN has no integer value; the cast gives 0.
    NanBecameZero,
    /// The target float type could not hold the value exactly; the nearest one was taken.
    Rounded,
    /// A finite value too large for the target float type became infinity.
    Overflowed,
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Loss::Exact => "exact",
            Loss::Wrapped => "wrapped: kept the low bits, silently",
            Loss::Truncated => "truncated toward zero, silently",
            Loss::Saturated => "saturated at the type's limit, silently",
            Loss::NanBecameZero => "NaN became 0, silently",
            Loss::Rounded => "rounded to the nearest float, silently",
            Loss::Overflowed => "overflowed to infinity, silently",
        })
    }
}

/// An integer-to-integer cast: exact, or wrapped.
///
/// ```
/// use typing::casts::{int_to_int, Loss};
/// assert_eq!(int_to_int(300_i32, 300_i32 as u8), Loss::Wrapped);
/// assert_eq!(int_to_int(200_i32, 200_i32 as u8), Loss::Exact);
/// ```
pub fn int_to_int<S: Into<i128>, T: Into<i128>>(source: S, cast: T) -> Loss {
    if source.into() == cast.into() {
        Loss::Exact
    } else {
        Loss::Wrapped
    }
}

// ANCHOR: casts
/// A float-to-integer cast: exact, truncated, saturated, or NaN made 0.
///
/// ```
/// use typing::casts::{float_to_int, Loss};
/// assert_eq!(float_to_int(3.99, 3.99_f64 as i32), Loss::Truncated);
/// assert_eq!(float_to_int(1e10, 1e10_f64 as i32), Loss::Saturated);
/// ```
pub fn float_to_int<T: Into<i128>>(source: f64, cast: T) -> Loss {
    let cast = cast.into();
    if source.is_nan() {
        Loss::NanBecameZero
    } else if source.trunc() != cast as f64 {
        // The integer part itself did not survive: the source was out of range.
        Loss::Saturated
    } else if source.fract() != 0.0 {
        Loss::Truncated
    } else {
        Loss::Exact
    }
}

/// An integer-to-float cast: exact, or rounded to the nearest float.
///
/// ```
/// use typing::casts::{int_to_float, Loss};
/// let big = 2_i64.pow(53) + 1;
/// assert_eq!(int_to_float(big, big as f64), Loss::Rounded);
/// ```
pub fn int_to_float<S: Into<i128>>(source: S, cast: f64) -> Loss {
    // `f64 as i128` is exact for every f64 that came from an i64 or u64 (at most 2^64).
    if cast as i128 == source.into() {
        Loss::Exact
    } else {
        Loss::Rounded
    }
}

/// An `f64`-to-`f32` cast: exact, rounded, or overflowed to infinity.
pub fn f64_to_f32(source: f64, cast: f32) -> Loss {
    if source.is_finite() && cast.is_infinite() {
        Loss::Overflowed
    } else if f64::from(cast) == source || (source.is_nan() && cast.is_nan()) {
        Loss::Exact
    } else {
        Loss::Rounded
    }
}

/// One cast as the demo shows it: the code, the value it produced, and what was lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cast {
    /// The cast expression's own text.
    pub code: &'static str,
    /// The result's `Debug` text.
    pub value: String,
    /// What the cast did to the value.
    pub loss: Loss,
}

/// Casts `$value as $ty` and classifies it with `$classify(source, result)`.
macro_rules! cast {
    ($value:expr => $ty:ty, $classify:path) => {
        Cast {
            code: stringify!($value as $ty),
            value: format!("{:?}", $value as $ty),
            loss: $classify($value, $value as $ty),
        }
    };
}

/// The casts the demo shows, from harmless to surprising.
///
/// Of all of them, clippy's default lints flag only `f64::NAN as i32`, with a warning
/// (`cast_nan_to_int`: `f64::NAN` is a constant it knows is NaN), which CI's `-D warnings`
/// would make an error; showing it is the point, hence the `allow`.
#[allow(clippy::cast_nan_to_int)]
pub fn examples() -> Vec<Cast> {
    vec![
        cast!(200_i32 => u8, int_to_int),
        cast!(300_i32 => u8, int_to_int),
        cast!(-1_i32 => u32, int_to_int),
        cast!(u64::MAX => i64, int_to_int),
        cast!(3.99_f64 => i32, float_to_int),
        cast!(-3.99_f64 => i32, float_to_int),
        cast!(1e10_f64 => i32, float_to_int),
        cast!(-1.0_f64 => u8, float_to_int),
        cast!(f64::NAN => i32, float_to_int),
        cast!(9_007_199_254_740_993_i64 => f64, int_to_float),
        cast!(1e40_f64 => f32, f64_to_f32),
    ]
}
// ANCHOR_END: casts

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_silent_loss_is_shown_by_an_example() {
        let losses: Vec<Loss> = examples().iter().map(|c| c.loss).collect();
        for loss in [
            Loss::Exact,
            Loss::Wrapped,
            Loss::Truncated,
            Loss::Saturated,
            Loss::NanBecameZero,
            Loss::Rounded,
            Loss::Overflowed,
        ] {
            assert!(losses.contains(&loss), "{loss:?}");
        }
    }

    #[test]
    fn the_values_are_the_ones_the_reference_documents() {
        let values: Vec<(&str, String)> =
            examples().into_iter().map(|c| (c.code, c.value)).collect();
        assert!(values.contains(&("300_i32 as u8", "44".to_owned())));
        assert!(values.contains(&("-1_i32 as u32", "4294967295".to_owned())));
        assert!(values.contains(&("1e10_f64 as i32", i32::MAX.to_string())));
        assert!(values.contains(&("f64::NAN as i32", "0".to_owned())));
        assert!(values.contains(&("1e40_f64 as f32", "inf".to_owned())));
    }

    #[test]
    fn try_from_refuses_what_as_wraps() {
        assert!(u8::try_from(300_i32).is_err());
        assert_eq!(int_to_int(300_i32, 300_i32 as u8), Loss::Wrapped);
    }

    #[test]
    fn float_edge_cases_classify_correctly() {
        assert_eq!(float_to_int(-0.5, -0.5_f64 as i8), Loss::Truncated);
        assert_eq!(
            float_to_int(f64::INFINITY, f64::INFINITY as i64),
            Loss::Saturated
        );
        assert_eq!(float_to_int(255.0, 255.0_f64 as u8), Loss::Exact);
        assert_eq!(int_to_float(i64::MAX, i64::MAX as f64), Loss::Rounded);
        assert_eq!(f64_to_f32(0.5, 0.5), Loss::Exact);
    }
}
