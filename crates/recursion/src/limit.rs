//! A recursion limit as a value: Python's `RecursionError`, modelled with a depth guard.
//!
//! CPython counts frames and raises `RecursionError` when the count passes
//! `sys.getrecursionlimit()` (1000 by default), long before the C stack is in danger. Rust
//! counts nothing: a recursion runs until the thread's stack is full, and then the process dies
//! (see [`crate::overflow`]). Where the depth depends on input, a Rust function carries the
//! count itself: a [`Depth`] passed down each call, which refuses to go past its limit.

use exception::PyException;
use std::fmt;

/// CPython's default recursion limit, `sys.getrecursionlimit()`.
pub const PYTHON_DEFAULT_LIMIT: usize = 1000;

/// Python's `RecursionError`, as a value: the recursion went deeper than its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecursionError {
    /// The limit that was passed.
    pub limit: usize,
}

/// `str(error)`: the message alone, with what to do about it.
impl fmt::Display for RecursionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "maximum recursion depth exceeded (limit {}); \
             raise the limit or rewrite the recursion as a loop",
            self.limit
        )
    }
}

impl std::error::Error for RecursionError {}

impl PyException for RecursionError {
    fn type_name(&self) -> &str {
        "RecursionError"
    }
}

/// How deep a recursion is, and how deep it may go: pass `depth.deeper()?` to each call.
///
/// ```
/// use recursion::limit::Depth;
///
/// let top = Depth::new(2);
/// let one = top.deeper()?;
/// let two = one.deeper()?;
/// assert_eq!(two.current(), 2);
/// assert!(two.deeper().is_err());
/// # Ok::<(), recursion::limit::RecursionError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Depth {
    current: usize,
    limit: usize,
}

impl Depth {
    /// The outermost call: depth 0, which may go `limit` calls deeper.
    pub fn new(limit: usize) -> Self {
        Depth { current: 0, limit }
    }

    /// One call deeper, or the `RecursionError` if that passes the limit.
    pub fn deeper(self) -> Result<Depth, RecursionError> {
        if self.current >= self.limit {
            return Err(RecursionError { limit: self.limit });
        }
        Ok(Depth {
            current: self.current + 1,
            limit: self.limit,
        })
    }

    /// How many calls deep this is.
    pub fn current(self) -> usize {
        self.current
    }

    /// The limit this depth was created with.
    pub fn limit(self) -> usize {
        self.limit
    }
}

/// Counts `n` down to 0 recursively, one call per step: the Python
/// `def count_down(n): return 0 if n == 0 else 1 + count_down(n - 1)`, with a guard.
///
/// ```
/// use recursion::limit::{count_down, Depth, RecursionError};
///
/// assert_eq!(count_down(500, Depth::new(1000)), Ok(500));
/// assert_eq!(count_down(5000, Depth::new(1000)), Err(RecursionError { limit: 1000 }));
/// ```
// ANCHOR: count_down
pub fn count_down(n: u64, depth: Depth) -> Result<u64, RecursionError> {
    if n == 0 {
        return Ok(0);
    }
    Ok(1 + count_down(n - 1, depth.deeper()?)?)
}
// ANCHOR_END: count_down

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_the_limit_is_allowed_one_more_is_not() {
        let limit = PYTHON_DEFAULT_LIMIT;
        assert_eq!(
            count_down(limit as u64, Depth::new(limit)),
            Ok(limit as u64)
        );
        assert_eq!(
            count_down(limit as u64 + 1, Depth::new(limit)),
            Err(RecursionError { limit })
        );
    }

    #[test]
    fn the_error_says_what_to_do() {
        let error = RecursionError { limit: 10 };
        let message = error.to_string();
        assert!(message.starts_with("maximum recursion depth exceeded"));
        assert!(
            error
                .traceback_line()
                .to_string()
                .starts_with("RecursionError: maximum recursion depth exceeded")
        );
        assert!(message.contains("limit 10"));
    }

    #[test]
    fn a_zero_limit_allows_only_the_outermost_call() {
        assert_eq!(count_down(0, Depth::new(0)), Ok(0));
        assert!(count_down(1, Depth::new(0)).is_err());
    }
}
