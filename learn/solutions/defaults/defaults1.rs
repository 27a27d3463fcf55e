// defaults1: translate `head`, a function with a default argument.
//
// Page: docs/defaults.md#impl-intooptiont-skipping-some-and-its-costs
//
// The Python, as the page runs it under CPython:
//
//     def head(items, n=5):     # pandas' DataFrame.head(n=5) has this shape
//         return items[:n]
//
//     rows = [1, 2, 3, 4, 5, 6, 7]
//     print(head(rows, 3))
//     print(head(rows))
//
// Rust has no default arguments: a parameter the caller may leave out is an `Option`, and
// the caller writes `None` where Python writes nothing. Done when the program prints what
// CPython prints, and `head` answers as the Python `head` does on more inputs.

fn head(items: &[i64], n: Option<usize>) -> &[i64] {
    let n = n.unwrap_or(5);
    &items[..n.min(items.len())]
}

fn main() {
    let rows = [1, 2, 3, 4, 5, 6, 7];
    println!("{:?}", head(&rows, Some(3)));
    println!("{:?}", head(&rows, None));
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
[1, 2, 3]
[1, 2, 3, 4, 5]
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }

    // learn-check: cpython
    const CPYTHON: [(&str, &str); 4] = [
        ("head([1, 2], 5)", "[1, 2]"),
        ("head([1, 2, 3], 0)", "[]"),
        ("head([])", "[]"),
        ("head(list(range(9)))", "[0, 1, 2, 3, 4]"),
    ];

    #[test]
    fn agrees_with_cpython_on_more_inputs() {
        let rust = [
            head(&[1, 2], Some(5)),
            head(&[1, 2, 3], Some(0)),
            head(&[], None),
            head(&[0, 1, 2, 3, 4, 5, 6, 7, 8], None),
        ];
        learn_check::same_as_cpython(&CPYTHON, &rust.map(|answer| format!("{answer:?}")));
    }
}
