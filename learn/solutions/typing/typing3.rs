// typing3: fix the compile error: duck typing checked at the call.
//
// Page: docs/typing.md#generics-with-trait-bounds-checked-duck-typing-at-compile-time
//
// Python's `total(["a", "b"])` fails inside `sum`, with `TypeError: unsupported operand
// type(s) for +: 'int' and 'str'`, when it runs. A generic Rust function says what it needs
// of its argument (`T: Sum`), and a call with anything else does not compile. Done when it
// compiles and prints the total, then the strings joined.

use std::iter::Sum;

fn total<T: Sum<T> + Copy>(xs: &[T]) -> T {
    xs.iter().copied().sum()
}

fn main() {
    println!("{}", total(&[1, 2, 3]));
    println!("{}", ["a", "b"].concat());
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &str = r#"
6
ab
"#;

    #[test]
    fn sums_numbers_and_joins_strings() {
        learn_check::prints(main, EXPECTED);
    }
}
