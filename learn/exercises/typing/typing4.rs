// typing4: make it hold: conversions that say when they fail, as Python's `int()` does.
//
// Page: docs/typing.md#strparse-and-its-errors-beside-pythons-int-and-bool
//
// Python converts with `int(s)`, which raises `ValueError` for text that is not a number.
// Rust's `str::parse` returns a `Result`, and `u8::try_from` refuses a number that does not
// fit where `n as u8` would silently wrap. Done when the tests pass, and `parse_int` answers
// as CPython's `int` does.

/// Python's `int(text)`: the error is `ValueError`'s message.
fn parse_int(text: &str) -> Result<i64, String> {
    // TODO: Python strips the whitespace around the number, and says what it could not read.
    text.parse::<i64>().map_err(|error| error.to_string())
}

/// `n` as a byte, or why it is not one.
fn to_u8(n: i64) -> Result<u8, String> {
    // TODO: `as` wraps 300 to 44 without a word; refuse what does not fit.
    Ok(n as u8)
}

fn main() {
    println!("{:?} {:?}", parse_int(" 42 "), to_u8(300));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_that_does_not_fit_is_refused() {
        assert_eq!(to_u8(255), Ok(255));
        assert_eq!(to_u8(300), Err("300 does not fit in a u8".to_owned()));
        assert_eq!(to_u8(-1), Err("-1 does not fit in a u8".to_owned()));
    }

    // learn-check: cpython
    const CPYTHON: [(&str, &str); 5] = [
        ("int(' 42 ')", "42"),
        ("int('-7')", "-7"),
        (
            "int('4.2')",
            "ValueError: invalid literal for int() with base 10: '4.2'",
        ),
        (
            "int('')",
            "ValueError: invalid literal for int() with base 10: ''",
        ),
        (
            "int('12ab')",
            "ValueError: invalid literal for int() with base 10: '12ab'",
        ),
    ];

    #[test]
    fn parse_int_agrees_with_cpython() {
        let rust = [" 42 ", "-7", "4.2", "", "12ab"].map(|text| match parse_int(text) {
            Ok(n) => n.to_string(),
            Err(message) => format!("ValueError: {message}"),
        });
        learn_check::same_as_cpython(&CPYTHON, &rust);
    }
}
