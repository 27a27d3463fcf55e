// typing2: translate a Python list of anything, and `type(x).__name__`.
//
// Page: docs/typing.md#boxdyn-any-and-downcast_ref-a-python-list-of-anything
//
// The Python, as the page runs it under CPython:
//
//     items = [1, "two", 3.0, [4]]
//     print([type(x).__name__ for x in items])
//     print(isinstance(items[1], str))
//
// A Rust `Vec` holds one type; `Vec<Box<dyn Any>>` holds anything, and asks at run time what
// each value is, as `isinstance` does. Done when the program prints what CPython prints.

use std::any::Any;

/// Python's `type(value).__name__` for the types this list holds.
fn type_name(value: &dyn Any) -> &'static str {
    // TODO: ask `value` which type it holds: "int" for an `i64`, "str" for a `&str`, ...
    todo!()
}

fn main() {
    let items: Vec<Box<dyn Any>> = vec![
        Box::new(1_i64),
        Box::new("two"),
        Box::new(3.0_f64),
        Box::new(vec![4_i64]),
    ];
    // TODO: print the names as Python prints the list, then `isinstance(items[1], str)`.
    let _ = type_name(items[0].as_ref());
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
['int', 'str', 'float', 'list']
True
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }
}
