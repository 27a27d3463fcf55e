// recursion4: translate naive and memoised Fibonacci, with `@cache`'s counts.
//
// Page: docs/recursion.md#8-the-cost-of-naive-recursion-counted-in-calls
//
// The Python, as the page runs it under CPython:
//
//     from functools import cache
//
//     def fib(n):
//         return n if n < 2 else fib(n - 1) + fib(n - 2)
//
//     @cache
//     def fib_memo(n):
//         return n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
//
//     print(fib(20), fib_memo(20))
//     print(fib_memo.cache_info())     # 21 misses + 18 hits: 39 calls, as in the table below
//
// Rust has no `@cache`: the memoised version passes a `HashMap` down, with the counts
// `cache_info()` reports. Done when the program prints what CPython prints, and both
// functions agree with Python's on more inputs.

use std::collections::HashMap;

fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

#[derive(Default)]
struct Cache {
    values: HashMap<u64, u64>,
    hits: u64,
    misses: u64,
}

fn fib_memo(n: u64, cache: &mut Cache) -> u64 {
    if let Some(&value) = cache.values.get(&n) {
        cache.hits += 1;
        return value;
    }
    cache.misses += 1;
    let value = if n < 2 {
        n
    } else {
        fib_memo(n - 1, cache) + fib_memo(n - 2, cache)
    };
    cache.values.insert(n, value);
    value
}

fn main() {
    let mut cache = Cache::default();
    println!("{} {}", fib(20), fib_memo(20, &mut cache));
    println!(
        "CacheInfo(hits={}, misses={}, maxsize=None, currsize={})",
        cache.hits,
        cache.misses,
        cache.values.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    // learn-check: output
    const EXPECTED: &str = r#"
6765 6765
CacheInfo(hits=18, misses=21, maxsize=None, currsize=21)
"#;

    #[test]
    fn prints_what_cpython_prints() {
        learn_check::prints(main, EXPECTED);
    }

    // learn-check: cpython
    const CPYTHON: [(&str, &str); 4] = [
        ("fib(0)", "0"),
        ("fib(1)", "1"),
        ("fib(15)", "610"),
        ("fib_memo(50)", "12586269025"),
    ];

    #[test]
    fn agrees_with_cpython_on_more_inputs() {
        let rust = [fib(0), fib(1), fib(15), fib_memo(50, &mut Cache::default())];
        learn_check::same_as_cpython(&CPYTHON, &rust.map(|n| n.to_string()));
    }
}
