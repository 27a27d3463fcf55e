//! What a bench constant's value means, read the same from Rust and from Python source, so
//! that `16 << 20` equals `16 << 20` and `Duration::from_millis(100)` equals Python's `0.1`.
//!
//! The grammar is the small one bench constants are written in: numbers, strings (read by
//! [`tokens`](super::tokens)), `+ - * / <<` with both languages' precedence, lists and tuples,
//! `Duration::from_*` (Python's durations are seconds, as `time.sleep` takes them), and paths
//! (`Length::Short`), which the caller resolves. Anything else is an error that quotes it, so
//! an unreadable constant fails the check instead of passing unread.

use std::fmt;

use super::tokens::{Token, tokens};

/// A constant's meaning: a number (durations in seconds), a string, or a sequence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Number(f64),
    Text(String),
    Sequence(Vec<Value>),
}

impl Value {
    /// Equal meanings; numbers within rounding (`20 / 1000` against the literal `0.020`).
    pub(crate) fn same_as(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => (a - b).abs() <= 1e-12 * a.abs().max(b.abs()),
            (Value::Text(a), Value::Text(b)) => a == b,
            (Value::Sequence(a), Value::Sequence(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.same_as(b))
            }
            _ => false,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{n}"),
            Value::Text(text) => write!(f, "{text:?}"),
            Value::Sequence(items) => {
                let items: Vec<String> = items.iter().map(Value::to_string).collect();
                write!(f, "[{}]", items.join(", "))
            }
        }
    }
}

/// Reads `text`; `resolve` gives the source text a path stands for (an enum variant's arm).
pub(crate) fn read(
    text: &str,
    resolve: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Value, String> {
    let tokens = tokens(text)?;
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
        resolve,
    };
    let value = parser.expression()?;
    match tokens.get(parser.at) {
        None => Ok(value),
        Some(token) => Err(format!("{token:?} after a complete value in `{text}`")),
    }
}

struct Parser<'a> {
    tokens: &'a [Token],
    at: usize,
    resolve: &'a dyn Fn(&str) -> Result<String, String>,
}

impl Parser<'_> {
    fn eat(&mut self, symbol: &str) -> bool {
        let found = matches!(self.tokens.get(self.at), Some(Token::Symbol(s)) if *s == symbol);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, symbol: &str) -> Result<(), String> {
        if self.eat(symbol) {
            Ok(())
        } else {
            Err(format!(
                "expected `{symbol}` at {:?}",
                self.tokens.get(self.at)
            ))
        }
    }

    /// Lowest precedence first, as in both languages: `<<`, then `+ -`, then `* /`.
    fn expression(&mut self) -> Result<Value, String> {
        let mut value = self.sum()?;
        while self.eat("<<") {
            let shift = self.sum()?;
            value = arithmetic(value, shift, |a, b| a * 2_f64.powf(b))?;
        }
        Ok(value)
    }

    fn sum(&mut self) -> Result<Value, String> {
        let mut value = self.product()?;
        loop {
            if self.eat("+") {
                value = arithmetic(value, self.product()?, |a, b| a + b)?;
            } else if self.eat("-") {
                value = arithmetic(value, self.product()?, |a, b| a - b)?;
            } else {
                return Ok(value);
            }
        }
    }

    fn product(&mut self) -> Result<Value, String> {
        let mut value = self.unary()?;
        loop {
            if self.eat("*") {
                value = arithmetic(value, self.unary()?, |a, b| a * b)?;
            } else if self.eat("/") {
                value = arithmetic(value, self.unary()?, |a, b| a / b)?;
            } else {
                return Ok(value);
            }
        }
    }

    fn unary(&mut self) -> Result<Value, String> {
        if self.eat("-") {
            return arithmetic(Value::Number(0.0), self.unary()?, |a, b| a - b);
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Value, String> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        match token {
            Some(Token::Number(n)) => Ok(Value::Number(n)),
            Some(Token::Text(text)) => Ok(Value::Text(text)),
            Some(Token::Symbol("[")) => Ok(Value::Sequence(self.items("]")?.0)),
            Some(Token::Symbol("(")) => match self.items(")")? {
                // `(x)` is grouping; `(x,)` and `(x, y)` are tuples.
                (mut items, false) if items.len() == 1 => Ok(items.remove(0)),
                (items, _) => Ok(Value::Sequence(items)),
            },
            Some(Token::Path(path)) => {
                if self.eat("(") {
                    let argument = self.expression()?;
                    self.expect(")")?;
                    duration(&path, argument)
                } else {
                    read(&(self.resolve)(&path)?, self.resolve)
                }
            }
            other => Err(format!("expected a value, found {other:?}")),
        }
    }

    /// Comma-separated values up to `close`, a trailing comma allowed; and whether there was
    /// a comma at all.
    fn items(&mut self, close: &str) -> Result<(Vec<Value>, bool), String> {
        let mut items = Vec::new();
        let mut comma = false;
        while !self.eat(close) {
            items.push(self.expression()?);
            if self.eat(",") {
                comma = true;
            } else {
                self.expect(close)?;
                break;
            }
        }
        Ok((items, comma))
    }
}

/// `Duration::from_millis(100)` and its siblings, in seconds.
fn duration(function: &str, argument: Value) -> Result<Value, String> {
    let seconds_per_unit = match function {
        "Duration::from_secs" | "Duration::from_secs_f64" => 1.0,
        "Duration::from_millis" => 1e-3,
        "Duration::from_micros" => 1e-6,
        "Duration::from_nanos" => 1e-9,
        _ => return Err(format!("a call to `{function}`")),
    };
    match argument {
        Value::Number(n) => Ok(Value::Number(n * seconds_per_unit)),
        other => Err(format!("`{function}` of {other}")),
    }
}

fn arithmetic(a: Value, b: Value, op: fn(f64, f64) -> f64) -> Result<Value, String> {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => Ok(Value::Number(op(a, b))),
        (a, b) => Err(format!("arithmetic on {a} and {b}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_paths(path: &str) -> Result<String, String> {
        Err(format!("no path here: {path}"))
    }

    fn value(text: &str) -> Value {
        read(text, &no_paths).unwrap_or_else(|error| panic!("{text}: {error}"))
    }

    #[test]
    fn arithmetic_has_both_languages_precedence() {
        assert_eq!(value("200_000"), Value::Number(200_000.0));
        assert_eq!(value("5_000_u64"), Value::Number(5_000.0));
        assert_eq!(value("1.4"), Value::Number(1.4));
        assert_eq!(value("16 << 20"), Value::Number(16_777_216.0));
        assert_eq!(value("1 + 2 * 3 << 1"), Value::Number(14.0));
        assert_eq!(value("-(2 - 5)"), Value::Number(3.0));
    }

    #[test]
    fn a_rust_duration_is_python_seconds() {
        assert!(value("Duration::from_millis(100)").same_as(&value("0.1")));
        assert!(value("Duration::from_millis(20)").same_as(&value("0.020")));
        assert!(!value("Duration::from_secs(1)").same_as(&value("0.1")));
    }

    #[test]
    fn sequences_and_tuples_compare_item_by_item() {
        let rust = value(r#"[(0, "0", "0"), (256 << 20, "256mib", "256 MiB"),]"#);
        let python = value(r#"[(0, "0", "0"), (256 << 20, '256mib', '256 MiB')]"#);
        assert!(rust.same_as(&python));
        assert!(!rust.same_as(&value(r#"[(0, "0", "0")]"#)));
        assert_eq!(value("(7)"), Value::Number(7.0));
        assert_eq!(value("(7,)"), Value::Sequence(vec![Value::Number(7.0)]));
    }

    #[test]
    fn a_path_is_read_through_the_resolver() {
        let arms = |path: &str| match path {
            "Length::Short" => Ok("Duration::from_millis(20)".to_owned()),
            other => Err(format!("no arm for {other}")),
        };
        let read = read("[Length::Short]", &arms).unwrap();
        assert!(read.same_as(&value("[0.020]")));
    }

    #[test]
    fn what_it_cannot_read_is_an_error_quoting_it() {
        assert!(read("vec![1]", &no_paths).is_err());
        assert!(read("std::f64::consts::PI", &no_paths).is_err());
        assert!(read("Foo::new(1)", &no_paths).is_err());
        assert!(read("[1, 2", &no_paths).is_err());
        assert!(read("1 2", &no_paths).is_err());
    }
}
