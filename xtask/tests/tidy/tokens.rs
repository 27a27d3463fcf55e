//! The tokens of a bench constant's value, the same for Rust and Python source: numbers as
//! both write them (`5_000`, `200_u64`, `1.4`, `1e-3`), strings in either quote, paths
//! (`Duration::from_millis`, `Length::Short`), and the few operators and brackets
//! [`value`](super::value) reads.

/// One word of a value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Token {
    Number(f64),
    Text(String),
    Path(String),
    Symbol(&'static str),
}

/// The operators and brackets, longest first.
const SYMBOLS: [&str; 10] = ["<<", "+", "-", "*", "/", "(", ")", "[", "]", ","];

/// `text` as tokens; a character no value uses is an error quoting it.
pub(crate) fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = text.trim_start();
    while let Some(first) = rest.chars().next() {
        let length = if first.is_ascii_digit() {
            let length = number_length(rest);
            tokens.push(Token::Number(number(&rest[..length])?));
            length
        } else if first == '"' || first == '\'' {
            let end = rest[1..]
                .find(first)
                .ok_or_else(|| format!("an unclosed string in `{text}`"))?;
            tokens.push(Token::Text(rest[1..=end].to_owned()));
            end + 2
        } else if first.is_alphabetic() || first == '_' {
            let length = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            tokens.push(Token::Path(rest[..length].to_owned()));
            length
        } else {
            let symbol = SYMBOLS
                .into_iter()
                .find(|symbol| rest.starts_with(symbol))
                .ok_or_else(|| format!("`{first}` in `{text}`"))?;
            tokens.push(Token::Symbol(symbol));
            symbol.len()
        };
        rest = rest[length..].trim_start();
    }
    Ok(tokens)
}

/// How long the numeric literal at the start of `text` is: digits, `_`, `.`, a suffix, and an
/// exponent's sign (`1e-3`).
fn number_length(text: &str) -> usize {
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        let exponent_sign = (c == '-' || c == '+') && matches!(previous, 'e' | 'E');
        if !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || exponent_sign) {
            return at;
        }
        previous = c;
    }
    text.len()
}

/// A decimal literal of either language: `_` separators, a Rust type suffix.
fn number(literal: &str) -> Result<f64, String> {
    let digits = literal.replace('_', "");
    let without_suffix = [
        "u8", "u16", "u32", "u64", "usize", "i32", "i64", "f32", "f64",
    ]
    .into_iter()
    .find_map(|suffix| digits.strip_suffix(suffix))
    .unwrap_or(&digits);
    without_suffix
        .parse()
        .map_err(|_| format!("the number `{literal}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_both_languages_write_them() {
        let numbers = tokens("200_000 5_000_u64 1.4 1e-3 7usize").unwrap();
        let expected = [200_000.0, 5_000.0, 1.4, 0.001, 7.0].map(Token::Number);
        assert_eq!(numbers, expected);
        assert!(tokens("0x10").is_err());
    }

    #[test]
    fn strings_paths_and_symbols() {
        let found = tokens(r#"[Duration::from_millis(2), 'a', "b c"] << 1"#).unwrap();
        let expected = [
            Token::Symbol("["),
            Token::Path("Duration::from_millis".to_owned()),
            Token::Symbol("("),
            Token::Number(2.0),
            Token::Symbol(")"),
            Token::Symbol(","),
            Token::Text("a".to_owned()),
            Token::Symbol(","),
            Token::Text("b c".to_owned()),
            Token::Symbol("]"),
            Token::Symbol("<<"),
            Token::Number(1.0),
        ];
        assert_eq!(found, expected);
        assert!(tokens("x = 1").is_err());
        assert!(tokens("'open").is_err());
    }
}
