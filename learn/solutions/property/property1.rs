// property1: translate the notes' class `A`: a validated `x`, and a refused set.
//
// Page: docs/property.md#a-refused-set-leaves-x-as-it-was
//
// The Python, as the page runs it under CPython (after the class `A` of the section before,
// whose setter raises `ValueError("Must be >= 0")` for a negative value):
//
//     a.x = 3
//     try:
//         a.x = -1
//     except ValueError:
//         pass
//     print(a.x)   # still 3
//
// Rust has no `@property`: `x` is a private field with a getter `x()` and a setter
// `set_x(..)` that returns a `Result`. Done when the program prints what CPython prints, and
// the setter answers as Python's does on more values.

use std::fmt;

#[derive(Debug, PartialEq)]
struct ValueError;

// Python's `str(error)`: the message alone. A traceback puts the type's name before it.
impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Must be >= 0")
    }
}

struct A {
    x: i64,
}

impl A {
    fn new() -> A {
        A { x: 0 }
    }

    fn x(&self) -> i64 {
        self.x
    }

    fn set_x(&mut self, value: i64) -> Result<(), ValueError> {
        if value < 0 {
            return Err(ValueError);
        }
        self.x = value;
        Ok(())
    }
}

fn main() {
    let mut a = A::new();
    a.set_x(3).unwrap();
    // Python's `except ValueError: pass`: the refusal is seen, and ignored.
    let _refused = a.set_x(-1);
    println!("{}", a.x());
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
3
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }

    // learn-check: cpython
    const CPYTHON: [(&str, &str); 4] = [
        ("(lambda a: (setattr(a, 'x', 5), a.x)[1])(A())", "5"),
        ("setattr(A(), 'x', -1)", "ValueError: Must be >= 0"),
        ("(lambda a: (setattr(a, 'x', 0), a.x)[1])(A())", "0"),
        ("A().x", "0"),
    ];

    /// `a = A(); a.x = value; a.x`, or the error the setter raises.
    fn set(value: i64) -> String {
        let mut a = A::new();
        match a.set_x(value) {
            Ok(()) => a.x().to_string(),
            Err(error) => format!("ValueError: {error}"),
        }
    }

    #[test]
    fn agrees_with_cpython_on_more_inputs() {
        let rust = [set(5), set(-1), set(0), A::new().x().to_string()];
        learn_check::same_as_cpython(&CPYTHON, &rust);
    }
}
