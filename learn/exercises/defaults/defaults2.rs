// defaults2: fix the compile error: a list used after it moved.
//
// Page: docs/defaults.md#the-notes-example-one-shared-default-list-then-none
//
// In Python, `func2(1, start)` and `func2(2, start)` append to the one list `start` names:
// both calls return it, `[10, 1, 2]`. In Rust, passing a `Vec` by value moves it into the
// function, and the compiler refuses a second use of `start`: where Python shares silently,
// Rust makes you choose. Done when it compiles and each call gets its own copy.

fn func2(item: i64, lst: Option<Vec<i64>>) -> Vec<i64> {
    let mut lst = lst.unwrap_or_default();
    lst.push(item);
    lst
}

fn main() {
    let fresh: Vec<Vec<i64>> = (0..3).map(|i| func2(i, None)).collect();
    println!("{fresh:?}");

    let start = vec![10];
    // TODO: `start` moves into the first call; give each call its own list.
    let first = func2(1, Some(start));
    let second = func2(2, Some(start));
    // error[E0382]: use of moved value: `start`
    println!("{first:?} {second:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &str = r#"
[[0], [1], [2]]
[10, 1] [10, 2]
"#;

    #[test]
    fn each_call_gets_its_own_list() {
        learn_check::prints(main, EXPECTED);
    }
}
