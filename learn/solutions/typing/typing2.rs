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
    if value.is::<i64>() {
        "int"
    } else if value.is::<&str>() {
        "str"
    } else if value.is::<f64>() {
        "float"
    } else if value.is::<Vec<i64>>() {
        "list"
    } else {
        "object"
    }
}

fn main() {
    let items: Vec<Box<dyn Any>> = vec![
        Box::new(1_i64),
        Box::new("two"),
        Box::new(3.0_f64),
        Box::new(vec![4_i64]),
    ];
    let names: Vec<String> = items
        .iter()
        .map(|item| format!("'{}'", type_name(item.as_ref())))
        .collect();
    println!("[{}]", names.join(", "));
    let is_str = items[1].is::<&str>();
    println!("{}", if is_str { "True" } else { "False" });
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
