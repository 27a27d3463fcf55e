//! The model against the real thing: the notes' `func1` and `func2`, run by `python3`, must
//! print the lists the Rust closures build, for several call counts, and CPython's reference
//! count of `func1`'s shared list must be the number of handles the Rust list has.
//!
//! Skipped, with the reason printed, only where `python3` cannot be started.

use defaults::List;
use defaults::shared_default::{define_func1, func2};

/// The notes' two functions, each called `n` times for `n` from 1 to 5, a fresh `def` for
/// every `n`; a line per `n`: func1's results, func2's results, and the number of references
/// to func1's default list (`getrefcount` counts its own argument, hence the `- 1`).
const NOTES: &str = r#"
import sys

for n in range(1, 6):
    def func1(item, lst=[]):
        lst.append(item)
        return lst

    def func2 (item, lst=None):
        if lst is None:
            lst = []
        lst.append(item)
        return lst

    first = [func1(i) for i in range(n)]
    second = [func2(i) for i in range(n)]
    print(first, second, sys.getrefcount(first[0]) - 1)
"#;

#[test]
fn func1_and_func2_build_the_lists_cpython_builds() {
    let Some(cpython) = python::run(NOTES) else {
        return;
    };
    let rust: Vec<String> = (1..6)
        .map(|n| {
            let func1 = define_func1();
            let first: Vec<List<i64>> = (0..n).map(|i| func1(i, None)).collect();
            let second: Vec<List<i64>> = (0..n).map(|i| func2(i, None)).collect();
            format!("{first:?} {second:?} {}", first[0].handles())
        })
        .collect();
    assert_eq!(cpython, rust.join("\n"));
}
