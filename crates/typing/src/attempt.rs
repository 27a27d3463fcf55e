//! One conversion attempt and its outcome, printed like the last line of a Python traceback.
//!
//! Python shows a failed conversion as `ValueError: invalid literal for int() ...`: the
//! exception's type, then its message. A Rust error is a value of some type that implements
//! [`std::error::Error`]; [`Attempt`] keeps that type's name and the error's own message, so
//! the demo prints `ParseIntError: invalid digit found in string` from the real error value,
//! with the [`PyException::traceback_line`] every Python exception of the workspace is
//! printed with.

use exception::PyException;
use std::fmt::{self, Debug};

/// A failed attempt's error, recorded: the error type's short name and its message. It
/// prints as the crates' Python exceptions do: `Display` is the message alone, and
/// [`traceback_line`](PyException::traceback_line) puts the type's name before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The error's type, without its module path (`ParseIntError`).
    pub error_type: String,
    /// The error's `Display` text, exactly as the standard library (or we) wrote it.
    pub message: String,
}

impl Failure {
    /// Records a real error value: its type's short name and its message.
    pub fn of<E: std::error::Error>(error: &E) -> Self {
        Failure {
            error_type: short_type_name::<E>(),
            message: error.to_string(),
        }
    }
}

/// The error's own message, as the error itself displays it.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

impl PyException for Failure {
    fn type_name(&self) -> &str {
        &self.error_type
    }
}

/// A piece of code and what running it gave: `Ok(value)` or the error it returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The code, as written (the demo passes `stringify!` of the real expression).
    pub code: String,
    /// `Ok` with the value's `Debug` text, or the failure.
    pub outcome: Result<String, Failure>,
}

impl Attempt {
    /// Runs nothing itself: records the code and the `Result` it produced.
    pub fn new<T: Debug, E: std::error::Error>(code: &str, result: Result<T, E>) -> Self {
        Attempt {
            code: code.to_owned(),
            outcome: result
                .map(|value| format!("Ok({value:?})"))
                .map_err(|error| Failure::of(&error)),
        }
    }

    /// The outcome as one line of text: `Ok(2)` or `ParseIntError: invalid digit ...`.
    pub fn outcome_text(&self) -> String {
        match &self.outcome {
            Ok(value) => value.clone(),
            Err(failure) => failure.traceback_line().to_string(),
        }
    }
}

/// Records `$code` (the expression's own text) and the `Result` it evaluates to.
///
/// ```
/// let attempt = typing::attempt!(u8::try_from(300_i32));
/// assert_eq!(attempt.code, "u8::try_from(300_i32)");
/// assert_eq!(
///     attempt.outcome_text(),
///     "TryFromIntError: out of range integral type conversion attempted"
/// );
/// ```
///
/// `attempt!(infallible CODE)` records code that cannot fail (its error type is
/// [`std::convert::Infallible`]), such as `From` conversions and `format!`.
#[macro_export]
macro_rules! attempt {
    (infallible $code:expr) => {
        $crate::attempt::Attempt::new(stringify!($code), Ok::<_, std::convert::Infallible>($code))
    };
    ($code:expr) => {
        $crate::attempt::Attempt::new(stringify!($code), $code)
    };
}

/// Lays attempts out as aligned lines: `code  ->  outcome`.
pub fn render(attempts: &[Attempt]) -> Vec<String> {
    let outcomes: Vec<String> = attempts.iter().map(Attempt::outcome_text).collect();
    let rows: Vec<[&str; 2]> = attempts
        .iter()
        .zip(&outcomes)
        .map(|(attempt, outcome)| [attempt.code.as_str(), outcome.as_str()])
        .collect();
    demo::table::columns(&rows, "  ->  ")
}

/// `core::num::error::ParseIntError` becomes `ParseIntError`; generic arguments are kept.
pub fn short_type_name<T: ?Sized>() -> String {
    let full = std::any::type_name::<T>();
    let (path, generics) = full.split_at(full.find('<').unwrap_or(full.len()));
    let last = path.rsplit("::").next().unwrap_or(path);
    format!("{last}{generics}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_keeps_the_error_type_and_its_message() {
        let error = "x".parse::<i32>().unwrap_err();
        let failure = Failure::of(&error);
        assert_eq!(failure.error_type, "ParseIntError");
        assert_eq!(failure.to_string(), "invalid digit found in string");
        assert_eq!(
            failure.traceback_line().to_string(),
            "ParseIntError: invalid digit found in string"
        );
    }

    #[test]
    fn success_shows_the_value_in_debug_form() {
        let attempt = crate::attempt!("7".parse::<u8>());
        assert_eq!(attempt.outcome, Ok("Ok(7)".to_owned()));
        assert_eq!(attempt.code, "\"7\".parse::<u8>()");
    }

    #[test]
    fn render_aligns_the_arrows() {
        let lines = render(&[
            crate::attempt!("1".parse::<i8>()),
            crate::attempt!(i8::try_from(1_000_i32)),
        ]);
        let arrows: Vec<usize> = lines.iter().map(|l| l.find("->").unwrap()).collect();
        assert_eq!(arrows[0], arrows[1]);
    }

    #[test]
    fn short_type_names_drop_the_path_but_keep_generics() {
        assert_eq!(
            short_type_name::<std::num::TryFromIntError>(),
            "TryFromIntError"
        );
        assert_eq!(short_type_name::<Vec<u8>>(), "Vec<u8>");
    }
}
