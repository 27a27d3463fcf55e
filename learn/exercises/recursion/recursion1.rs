// recursion1: translate the notes' `factorial`, with a warning per step.
//
// Page: docs/recursion.md#1-the-notes-example-factorial3-one-warning-per-step
//
// The Python, as the page runs it under CPython:
//
//     import logging
//
//     def factorial(n):
//         if n == 0:
//             return 1
//         else:
//             logging.warning(n)
//             return n * factorial(n - 1)
//
//     print(factorial(3))
//
// `logging.warning` writes `WARNING:root:<message>` to stderr; `eprintln!` writes to stderr
// too (the page's demo uses `tracing`, this exercise keeps to `std`). Done when the program
// prints what CPython prints, and `factorial` agrees with Python's on more inputs.

fn factorial(n: u64) -> u64 {
    // TODO: the base case, the warning on stderr, then the recursive call.
    todo!()
}

fn main() {
    println!("{}", factorial(3));
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
WARNING:root:3
WARNING:root:2
WARNING:root:1
6
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }

    // learn-check: cpython
    const CPYTHON: [(&str, &str); 4] = [
        ("factorial(0)", "1"),
        ("factorial(1)", "1"),
        ("factorial(10)", "3628800"),
        ("factorial(20)", "2432902008176640000"),
    ];

    #[test]
    fn agrees_with_cpython_on_more_inputs() {
        let rust = [0, 1, 10, 20].map(|n| factorial(n).to_string());
        learn_check::same_as_cpython(&CPYTHON, &rust);
    }
}
