//! What Python refuses at run time, or quietly allows, Rust refuses at compile time.
//!
//! Python's `TypeError` for `"1" + 1` is raised when the line *runs*: a function holding that
//! line can be defined, imported and shipped, and fails only when called. Rust's compiler
//! checks every line, run or not. Each block below is a doctest that must *fail to compile*
//! with the error code shown, so these claims are tested on every `cargo test`.
//!
//! `"1" + 1` (Python: `TypeError` when run):
//!
//! ```compile_fail,E0369
//! let _ = "1" + 1; // cannot add `{integer}` to `&str`
//! ```
//!
//! The same line in a function nobody calls (Python: defined without complaint):
//!
//! ```compile_fail,E0369
//! fn never_called() -> String {
//!     "1" + 1
//! }
//! ```
//!
//! `String + int` (Python: `TypeError`): `+` on a `String` takes a `&str`, nothing else.
//!
//! ```compile_fail,E0308
//! let _ = String::from("1") + 1; // error[E0308]: mismatched types
//! ```
//!
//! Here Rust is *stricter* than Python, whose numbers do mix. `1 + 2.5` is `3.5` in Python:
//!
//! ```compile_fail,E0277
//! let _ = 1_i32 + 2.5_f64; // error[E0277]: cannot add `f64` to `i32`
//! ```
//!
//! `True + 1` is `2` in Python, because `bool` is a subclass of `int`:
//!
//! ```compile_fail,E0369
//! let _ = true + 1; // error[E0369]: cannot add `{integer}` to `bool`
//! ```
//!
//! Python tests any object for truth (`if 3:`, `if []:`); Rust's `if` wants a `bool`:
//!
//! ```compile_fail,E0308
//! let n = 3;
//! if n {} // error[E0308]: mismatched types
//! ```
//!
//! Not even a lossless widening happens by itself: `i32` to `i64` is a call you write.
//!
//! ```compile_fail,E0308
//! let small: i32 = 1;
//! let _wide: i64 = small; // error[E0308]: mismatched types
//! ```
//!
//! ```
//! let small: i32 = 1;
//! let wide: i64 = small.into(); // or i64::from(small)
//! assert_eq!(wide, 1);
//! ```
//!
//! [`explicit_conversions`] lists what to write instead, and runs it.

use crate::attempt::Attempt;

/// The explicit conversions that replace Python's refused `"1" + 1`, run: the ones that
/// succeed and the ones that fail, each with its real result or error value.
///
/// ```
/// let attempts = typing::coercion::explicit_conversions();
/// assert!(attempts.iter().any(|a| a.outcome.is_err()));
/// assert!(attempts.iter().any(|a| a.outcome.is_ok()));
/// ```
// ANCHOR: explicit
pub fn explicit_conversions() -> Vec<Attempt> {
    vec![
        // int("1") + 1
        crate::attempt!("1".parse::<i64>().map(|n| n + 1)),
        // "1" + str(1): formatting is the explicit conversion to text.
        crate::attempt!(infallible format!("{}{}", "1", 1)),
        // int("one")
        crate::attempt!("one".parse::<i64>().map(|n| n + 1)),
        // float("1.5") + 1: the 1 is converted by us, not promoted by the language.
        crate::attempt!("1.5".parse::<f64>().map(|x| x + f64::from(1_i32))),
        // A number that does not fit the type asked for is an error, not a wrap-around.
        crate::attempt!(u8::try_from(300_i32)),
        crate::attempt!("300".parse::<u8>()),
    ]
}
// ANCHOR_END: explicit

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_conversions_give_the_values_python_gives_or_real_errors() {
        let outcomes: Vec<String> = explicit_conversions()
            .iter()
            .map(Attempt::outcome_text)
            .collect();
        assert_eq!(
            outcomes,
            [
                "Ok(2)",
                "Ok(\"11\")",
                "ParseIntError: invalid digit found in string",
                "Ok(2.5)",
                "TryFromIntError: out of range integral type conversion attempted",
                "ParseIntError: number too large to fit in target type",
            ]
        );
    }
}
