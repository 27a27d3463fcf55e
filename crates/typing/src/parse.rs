//! `str::parse` and its errors, beside a model of Python's `int()` and `bool()` on text.
//!
//! Both languages refuse to guess a number out of text that is not one, and both report it:
//! Python with `ValueError`, Rust with an error *value* whose type says what was being parsed
//! (`ParseIntError`, `ParseFloatError`, `ParseBoolError`). They draw the line in different
//! places: Python's `int()` strips surrounding whitespace and accepts `1_000`; Rust's `parse`
//! accepts exactly the digits, with an optional sign. And `bool("False")` is `True` in Python,
//! because `bool()` tests truth (any non-empty string is true) rather than parsing.
//!
//! [`python_int`] and [`python_bool`] are models of CPython's rules for these inputs (base 10,
//! ASCII digits; results up to `i128`); the tests compare them with the real `python3`.

use crate::PyException;
use crate::attempt::Attempt;
use crate::model::Exception;

/// One input, what Rust's `parse` makes of it and what Python's conversion does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The input text, shown in Rust's `Debug` form (quoted, escaped).
    pub input: String,
    /// `Ok(..)` or `ErrorType: message` from Rust.
    pub rust: String,
    /// Python's result as `repr()` shows it, or `ErrorType: message`.
    pub python: String,
}

/// The texts the integer comparison runs on.
pub const INT_INPUTS: &[&str] = &[
    "42",
    "+7",
    "007",
    " 42 ",
    "1_000",
    "4 2",
    "",
    "3.0",
    "99999999999999999999",
];

/// The texts the bool comparison runs on.
pub const BOOL_INPUTS: &[&str] = &["true", "True", "False", ""];

/// Python's `int(text)` for base 10 and ASCII digits: whitespace around is stripped, a sign
/// may lead, single underscores may separate digits.
///
/// ```
/// use typing::PyException;
/// use typing::parse::python_int;
/// assert_eq!(python_int(" 1_000 "), Ok(1000));
/// assert_eq!(
///     python_int("4 2").unwrap_err().traceback_line().to_string(),
///     "ValueError: invalid literal for int() with base 10: '4 2'"
/// );
/// ```
pub fn python_int(text: &str) -> Result<i128, Exception> {
    let invalid = || Exception {
        type_name: "ValueError",
        message: format!("invalid literal for int() with base 10: {}", py_repr(text)),
    };
    let trimmed = text.trim();
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let well_formed = body
        .split('_')
        .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return Err(invalid());
    }
    let digits: String = body.chars().filter(|c| *c != '_').collect();
    let magnitude: i128 = digits.parse().map_err(|_| Exception {
        type_name: "OverflowError",
        message: "this model stops at i128 (Python's int is unbounded)".to_owned(),
    })?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// Python's `bool(text)`: truth, not parsing. Every non-empty string is `True`.
pub fn python_bool(text: &str) -> bool {
    !text.is_empty()
}

/// Python's `repr()` of a string, for the few characters our inputs hold.
fn py_repr(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('\'', "\\'");
    format!("'{escaped}'")
}

// ANCHOR: int_table
/// Each of [`INT_INPUTS`] through `parse::<i64>()` and through Python's `int()`.
pub fn int_table() -> Vec<Comparison> {
    INT_INPUTS
        .iter()
        .map(|text| Comparison {
            input: format!("{text:?}"),
            rust: Attempt::new(text, text.parse::<i64>()).outcome_text(),
            python: match python_int(text) {
                Ok(n) => n.to_string(),
                Err(error) => error.traceback_line().to_string(),
            },
        })
        .collect()
}

/// Each of [`BOOL_INPUTS`] through `parse::<bool>()` and through Python's `bool()`.
pub fn bool_table() -> Vec<Comparison> {
    BOOL_INPUTS
        .iter()
        .map(|text| Comparison {
            input: format!("{text:?}"),
            rust: Attempt::new(text, text.parse::<bool>()).outcome_text(),
            python: demo::py_bool(python_bool(text)).to_owned(),
        })
        .collect()
}

/// Python's leniency, written out: trim the padding and drop the `_` separators yourself.
///
/// ```
/// let attempts = typing::parse::explicit_leniency();
/// let outcomes: Vec<String> = attempts.iter().map(|a| a.outcome_text()).collect();
/// assert_eq!(outcomes, ["Ok(42)", "Ok(1000)"]);
/// ```
pub fn explicit_leniency() -> Vec<Attempt> {
    vec![
        crate::attempt!(" 42 ".trim().parse::<i64>()),
        crate::attempt!("1_000".replace('_', "").parse::<i64>()),
    ]
}
// ANCHOR_END: int_table

/// Floats: Rust's `parse::<f64>()` reads `nan`, `inf` and exponents, but not a decimal comma.
pub fn float_attempts() -> Vec<Attempt> {
    vec![
        crate::attempt!("2.5".parse::<f64>()),
        crate::attempt!("1e3".parse::<f64>()),
        crate::attempt!("nan".parse::<f64>()),
        crate::attempt!("1,5".parse::<f64>()),
        crate::attempt!("".parse::<f64>()),
    ]
}

/// Renders a comparison as aligned rows under a header.
pub fn render(header: [&str; 3], rows: &[Comparison]) -> Vec<String> {
    let cells: Vec<[&str; 3]> = std::iter::once(header)
        .chain(
            rows.iter()
                .map(|r| [r.input.as_str(), r.rust.as_str(), r.python.as_str()]),
        )
        .collect();
    demo::table::columns(&cells, "  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::Failure;

    fn rust_int_failure(text: &str) -> Option<Failure> {
        text.parse::<i64>().err().map(|error| Failure::of(&error))
    }

    #[test]
    fn rust_parse_is_stricter_than_python_int() {
        for text in [" 42 ", "1_000"] {
            assert!(rust_int_failure(text).is_some(), "{text:?}");
            assert!(python_int(text).is_ok(), "{text:?}");
        }
        assert_eq!(
            rust_int_failure("").map(|f| f.message),
            Some("cannot parse integer from empty string".to_owned())
        );
    }

    #[test]
    fn the_int_model_rejects_misplaced_underscores_and_signs() {
        for text in ["_1", "1_", "1__0", "+-1", "-", "0x10"] {
            assert!(python_int(text).is_err(), "{text:?}");
        }
        assert_eq!(python_int("-0"), Ok(0));
        assert_eq!(python_int(" -1_5 "), Ok(-15));
    }

    #[test]
    fn every_input_has_its_row_and_every_float_its_outcome() {
        let inputs =
            |table: Vec<Comparison>| table.into_iter().map(|r| r.input).collect::<Vec<_>>();
        let quoted = |texts: &[&str]| texts.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>();
        assert_eq!(inputs(int_table()), quoted(INT_INPUTS));
        assert_eq!(inputs(bool_table()), quoted(BOOL_INPUTS));
        let floats: Vec<String> = float_attempts().iter().map(Attempt::outcome_text).collect();
        assert_eq!(floats[..3], ["Ok(2.5)", "Ok(1000.0)", "Ok(NaN)"]);
        assert!(
            floats[3..]
                .iter()
                .all(|f| f.starts_with("ParseFloatError: ")),
            "{floats:?}"
        );
    }

    #[test]
    fn python_bool_is_truthiness() {
        assert!(python_bool("False"));
        assert!(!python_bool(""));
        let table = bool_table();
        assert_eq!(table[0].rust, "Ok(true)");
        assert!(table[2].rust.starts_with("ParseBoolError: "));
    }

    #[test]
    fn rendered_columns_line_up() {
        let lines = render(["input", "rust", "python"], &int_table());
        let column = lines[0].find("rust").unwrap();
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| l.as_bytes()[column - 2] == b' ')
        );
    }
}
