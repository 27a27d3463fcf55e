// typing1: fix the compile error: `"1" + 1`.
//
// Page: docs/typing.md#the-notes-claim-no-implicit-coercion-so-convert-explicitly
//
// Python's `"1" + 1` raises `TypeError: can only concatenate str (not "int") to str` when
// the line runs. Rust refuses the same line before the program runs. Done when it compiles
// and prints 2: convert the text to a number first, as `int("1") + 1` does.

fn main() {
    let count = "1";
    let total = count.parse::<i64>().expect("a number") + 1;
    println!("{total}");
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &str = r#"
2
"#;

    #[test]
    fn converts_explicitly() {
        learn_check::prints(main, EXPECTED);
    }
}
