//! `impl Into<Option<T>>` parameters, and where they hurt.
//!
//! Every `T` converts into `Option<T>` (std has `impl<T> From<T> for Option<T>`), so a
//! parameter of type `impl Into<Option<usize>>` accepts `3`, `Some(3)` and `None`. Callers
//! can skip the `Some(..)`, which makes a call read almost like Python's `head(rows, 3)`:
//!
//! ```
//! use defaults::into_option::head;
//! let rows = [1, 2, 3, 4, 5, 6, 7];
//! assert_eq!(head(&rows, 3), [1, 2, 3]);
//! assert_eq!(head(&rows, Some(3)), [1, 2, 3]);
//! assert_eq!(head(&rows, None), [1, 2, 3, 4, 5]); // the default, 5
//! ```
//!
//! Where it hurts:
//!
//! - It does not make the argument omittable: `head(&rows)` is still an error, and the
//!   caller writes `None` where Python would write nothing.
//! - `head(&rows, None)` does not say what `None` means (the default? no limit?); with a plain
//!   `Option<usize>` the reader has the same problem, but with a named constant or a builder
//!   the call site would say it.
//! - The function is generic: each argument type (`usize`, `Option<usize>`) compiles its own
//!   copy, and the signature in the docs is harder to read than `Option<usize>`.
//! - When the `T` itself is generic, `None` leaves the compiler nothing to infer `T` from:
//!
//! ```compile_fail,E0283
//! fn or_default<T: Default>(value: impl Into<Option<T>>) -> T {
//!     value.into().unwrap_or_default()
//! }
//! let x = or_default(None); // error[E0283]: type annotations needed
//! ```
//!
//! Use it sparingly, for one trailing argument that is usually given; prefer plain `Option<T>`
//! when `None` is common, and an options struct or a builder when there are several.

/// How many items [`head`] returns when given `None`, like `pandas.DataFrame.head(n=5)`.
// ANCHOR: head
pub const DEFAULT_HEAD: usize = 5;

/// The first `n` items (all of them if there are fewer), [`DEFAULT_HEAD`] when `n` is `None`.
pub fn head<T>(items: &[T], n: impl Into<Option<usize>>) -> &[T] {
    let n = n.into().unwrap_or(DEFAULT_HEAD);
    &items[..n.min(items.len())]
}
// ANCHOR_END: head

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_three_spellings_work() {
        let items: Vec<u32> = (1..=10).collect();
        assert_eq!(head(&items, 2), [1, 2]);
        assert_eq!(head(&items, Some(2)), [1, 2]);
        assert_eq!(head(&items, None).len(), DEFAULT_HEAD);
    }

    #[test]
    fn asking_for_more_than_there_is_returns_everything() {
        assert_eq!(head(&[1, 2], 10), [1, 2]);
        assert!(head::<u8>(&[], None).is_empty());
    }
}
