//! A run-time model of `+` in a strong dynamic language (Python) and a weak one (JavaScript).
//!
//! This module is a *model*, written to set the two axes side by side; it is not how Rust
//! behaves. *Strong vs weak* asks whether mismatched types are converted by guesswork
//! (JavaScript: `"1" + 1` is `"11"`) or refused (Python: `TypeError`). *Static vs dynamic*
//! asks *when* types are checked: Python checks each operation as it runs (this model, too,
//! can only answer once it has values), Rust checks the program before it runs (see
//! [`crate::coercion`]). Python is strong and dynamic, JavaScript weak and dynamic, Rust strong
//! and static; C, which converts many types silently at compile time, is weak and static.
//!
//! Model limits, on purpose: `int` is an `i64` (Python's is unbounded; an overflow is reported
//! as `OverflowError` here), and only `+` is modelled.

use exception::PyException;
use std::fmt;

/// A Python value of one of the few types the model knows.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `int` (an `i64` in this model).
    Int(i64),
    /// `float`.
    Float(f64),
    /// `bool`, which Python makes a subclass of `int`.
    Bool(bool),
    /// `str`.
    Str(String),
    /// `None`.
    None,
}

impl Value {
    /// The name `type(value).__name__` gives in Python.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Bool(_) => "bool",
            Value::Str(_) => "str",
            Value::None => "NoneType",
        }
    }

    /// The number this value stands for in arithmetic, if Python treats it as one.
    fn as_number(&self) -> Option<Number> {
        match *self {
            Value::Int(n) => Some(Number::Int(n)),
            Value::Bool(b) => Some(Number::Int(i64::from(b))),
            Value::Float(x) => Some(Number::Float(x)),
            Value::Str(_) | Value::None => None,
        }
    }
}

/// Python's `repr()`: `1`, `2.5`, `True`, `'1'`, `None`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(n) => write!(f, "{n}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Bool(b) => f.write_str(demo::py_bool(*b)),
            Value::Str(s) => write!(f, "'{s}'"),
            Value::None => f.write_str("None"),
        }
    }
}

#[derive(Clone, Copy)]
enum Number {
    Int(i64),
    Float(f64),
}

/// A Python exception raised by the model: its class name and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exception {
    /// `TypeError`, or `OverflowError` where the model's `i64` runs out.
    pub type_name: &'static str,
    /// The message, worded as CPython 3.11 words it.
    pub message: String,
}

/// `str(error)`: the message alone.
impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Exception {}

impl PyException for Exception {
    fn type_name(&self) -> &str {
        self.type_name
    }
}

/// `a + b` under Python's rules: numbers mix (`bool` < `int` < `float`), `str + str`
/// concatenates, anything else is a `TypeError` raised when the addition runs.
///
/// ```
/// use typing::PyException;
/// use typing::model::{python_add, Value};
/// let error = python_add(&Value::Str("1".into()), &Value::Int(1)).unwrap_err();
/// assert_eq!(
///     error.traceback_line().to_string(),
///     r#"TypeError: can only concatenate str (not "int") to str"#
/// );
/// assert_eq!(python_add(&Value::Bool(true), &Value::Int(1)), Ok(Value::Int(2)));
/// ```
pub fn python_add(a: &Value, b: &Value) -> Result<Value, Exception> {
    match (a, b, a.as_number(), b.as_number()) {
        (Value::Str(x), Value::Str(y), _, _) => Ok(Value::Str(format!("{x}{y}"))),
        (Value::Str(_), _, _, _) => Err(Exception {
            type_name: "TypeError",
            message: format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            ),
        }),
        (_, _, Some(Number::Int(x)), Some(Number::Int(y))) => {
            x.checked_add(y).map(Value::Int).ok_or_else(|| Exception {
                type_name: "OverflowError",
                message: "this model's int is an i64 (Python's is unbounded)".to_owned(),
            })
        }
        (_, _, Some(x), Some(y)) => Ok(Value::Float(to_f64(x) + to_f64(y))),
        _ => Err(Exception {
            type_name: "TypeError",
            message: format!(
                "unsupported operand type(s) for +: '{}' and '{}'",
                a.type_name(),
                b.type_name()
            ),
        }),
    }
}

fn to_f64(n: Number) -> f64 {
    match n {
        // Python's int-to-float promotion rounds large ints the same way.
        Number::Int(i) => i as f64,
        Number::Float(x) => x,
    }
}

/// A JavaScript value as `+` produces it: there is one number type, and strings.
#[derive(Clone, Debug, PartialEq)]
pub enum JsValue {
    /// A JavaScript number (always a double).
    Number(f64),
    /// A JavaScript string.
    String(String),
}

/// How JavaScript shows the result: `"11"`, `3.5`, `2` (no `.0` on whole numbers).
impl fmt::Display for JsValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsValue::Number(x) => f.write_str(&js_number(*x)),
            JsValue::String(s) => write!(f, "{s:?}"),
        }
    }
}

/// `a + b` under JavaScript's rules, with `None` playing `null`: if either side is a string
/// the other is *converted to text*; otherwise both are converted to numbers. It never fails.
///
/// ```
/// use typing::model::{javascript_add, JsValue, Value};
/// let sum = javascript_add(&Value::Str("1".into()), &Value::Int(1));
/// assert_eq!(sum, JsValue::String("11".into()));
/// assert_eq!(javascript_add(&Value::None, &Value::Int(1)), JsValue::Number(1.0));
/// ```
pub fn javascript_add(a: &Value, b: &Value) -> JsValue {
    if matches!(a, Value::Str(_)) || matches!(b, Value::Str(_)) {
        JsValue::String(format!("{}{}", js_string(a), js_string(b)))
    } else {
        JsValue::Number(js_number_of(a) + js_number_of(b))
    }
}

fn js_number_of(value: &Value) -> f64 {
    match value {
        Value::Int(n) => *n as f64,
        Value::Float(x) => *x,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::None => 0.0,
        // Not reached from `javascript_add`, which concatenates as soon as it sees a string;
        // this is roughly JavaScript's `Number(s)` (which also makes "" 0), for completeness.
        Value::Str(s) => s.trim().parse().unwrap_or(f64::NAN),
    }
}

fn js_string(value: &Value) -> String {
    match value {
        Value::Int(n) => n.to_string(),
        Value::Float(x) => js_number(*x),
        Value::Bool(b) => b.to_string(),
        Value::Str(s) => s.clone(),
        Value::None => "null".to_owned(),
    }
}

fn js_number(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_owned()
    } else if x.fract() == 0.0 && x.abs() < 1e21 {
        format!("{x:.0}")
    } else {
        x.to_string()
    }
}

/// The operand pairs the demo and the docs compare, in Python's notation.
pub fn examples() -> Vec<(Value, Value)> {
    let s = |text: &str| Value::Str(text.to_owned());
    vec![
        (s("1"), Value::Int(1)),
        (Value::Int(1), s("1")),
        (s("1"), s("1")),
        (Value::Int(1), Value::Float(2.5)),
        (Value::Bool(true), Value::Int(1)),
        (Value::None, Value::Int(1)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_refuses_mixed_str_and_int_in_both_orders() {
        let s = Value::Str("1".into());
        let n = Value::Int(1);
        let left = python_add(&s, &n).unwrap_err();
        let right = python_add(&n, &s).unwrap_err();
        assert_eq!(
            left.message,
            r#"can only concatenate str (not "int") to str"#
        );
        assert_eq!(
            right.message,
            "unsupported operand type(s) for +: 'int' and 'str'"
        );
    }

    #[test]
    fn python_promotes_numbers_but_javascript_concatenates_strings() {
        let (one, half) = (Value::Int(1), Value::Float(2.5));
        assert_eq!(python_add(&one, &half), Ok(Value::Float(3.5)));
        assert_eq!(javascript_add(&one, &half), JsValue::Number(3.5));
        let s = Value::Str("1".into());
        assert_eq!(javascript_add(&one, &s).to_string(), "\"11\"");
        assert_eq!(
            javascript_add(&Value::Bool(true), &s).to_string(),
            "\"true1\""
        );
    }

    #[test]
    fn the_model_reports_its_own_int_limit() {
        let error = python_add(&Value::Int(i64::MAX), &Value::Int(1)).unwrap_err();
        assert_eq!(error.type_name, "OverflowError");
    }

    #[test]
    fn repr_matches_python() {
        let shown: Vec<String> = [
            Value::Float(3.0),
            Value::Bool(false),
            Value::Str("a".into()),
            Value::None,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(shown, ["3.0", "False", "'a'", "None"]);
    }
}
