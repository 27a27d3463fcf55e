// recursion2: make it hold: `RecursionError` at a depth limit, as a value.
//
// Page: docs/recursion.md#3-recursionerror-at-a-depth-limit-as-a-value
//
// CPython counts frames and raises `RecursionError` past `sys.getrecursionlimit()`. Rust
// counts nothing: a function whose depth depends on its input carries the count itself and
// returns an `Err` at the limit, which the caller handles like any other error. Done when the
// tests pass: `count_down(n)` needs `n + 1` calls, and the call past the limit fails.

use std::fmt;

#[derive(Debug, PartialEq)]
struct RecursionError;

// Python's `str(error)`: the message alone. A traceback puts the type's name before it.
impl fmt::Display for RecursionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "maximum recursion depth exceeded")
    }
}

/// Python's `0 if n == 0 else 1 + count_down(n - 1)`, as call number `depth` of at most
/// `limit`.
fn count_down(n: u64, depth: u32, limit: u32) -> Result<u64, RecursionError> {
    // TODO: return `Err(RecursionError)` once `depth` passes `limit`.
    if n == 0 {
        Ok(0)
    } else {
        Ok(1 + count_down(n - 1, depth + 1, limit)?)
    }
}

fn main() {
    match count_down(5000, 1, 1000) {
        Ok(n) => println!("{n}"),
        Err(error) => println!("RecursionError: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_the_limit_it_counts() {
        assert_eq!(count_down(0, 1, 1), Ok(0));
        assert_eq!(count_down(9, 1, 10), Ok(9));
    }

    #[test]
    fn the_call_past_the_limit_is_an_error() {
        assert_eq!(count_down(10, 1, 10), Err(RecursionError));
        assert_eq!(count_down(5000, 1, 1000), Err(RecursionError));
    }

    #[test]
    fn a_higher_limit_goes_deeper_as_setrecursionlimit_does() {
        assert_eq!(count_down(5000, 1, 10_000), Ok(5000));
    }
}
