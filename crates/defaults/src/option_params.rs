//! `Option<T>` parameters: Rust's spelling of Python's `lst=None` and `if lst is None`.
//!
//! The caller always passes the argument, `None` when it has nothing to say, and the function
//! decides what `None` means, on every call:
//!
//! - `unwrap_or(value)` for a cheap default that already exists (a literal, a `&'static str`);
//! - `unwrap_or_default()` for the type's [`Default`] (`Vec::new()`, `0`, `""`);
//! - `unwrap_or_else(|| make())` for a default that costs something to make: the closure runs
//!   only when the argument is `None`;
//! - a `match` when `None` means a different behaviour rather than a value, as in Python's
//!   `str.split(sep=None)`.
//!
//! `unwrap_or(make())` looks like `unwrap_or_else` but evaluates `make()` *before* the call,
//! even when the argument is `Some`; [`Evaluations`] counts it. Clippy's `or_fun_call` lint
//! flags the pattern, but it sits in the opt-in `nursery` group, so by default nothing warns.

use std::cell::Cell;

/// `def greet(name, greeting="Hello")`: a cheap default that already exists.
///
/// ```
/// use defaults::option_params::greet;
/// assert_eq!(greet("Ada", None), "Hello, Ada!");
/// assert_eq!(greet("Ada", Some("Hi")), "Hi, Ada!");
/// ```
// ANCHOR: params
pub fn greet(name: &str, greeting: Option<&str>) -> String {
    let greeting = greeting.unwrap_or("Hello");
    format!("{greeting}, {name}!")
}

/// The notes' `func2`, the way Rust code writes it: the list is owned, so the caller's list
/// comes back with the item, and `None` gets a fresh `Vec` that nobody else can hold.
///
/// ```
/// use defaults::option_params::append_to;
/// assert_eq!(append_to(0, None), vec![0]);
/// assert_eq!(append_to(2, Some(vec![0, 1])), vec![0, 1, 2]);
/// ```
pub fn append_to<T>(item: T, lst: Option<Vec<T>>) -> Vec<T> {
    let mut lst = lst.unwrap_or_default();
    lst.push(item);
    lst
}

/// Python's `str.split(sep=None)`: `None` does not stand for a default separator but for
/// another behaviour (split on runs of whitespace, drop empty strings), so it is a `match`.
///
/// ```
/// use defaults::option_params::split;
/// assert_eq!(split("a  b c", None), ["a", "b", "c"]);
/// assert_eq!(split("a  b c", Some(" ")), ["a", "", "b", "c"]);
/// ```
pub fn split<'a>(text: &'a str, sep: Option<&str>) -> Vec<&'a str> {
    match sep {
        None => text.split_whitespace().collect(),
        Some(sep) => text.split(sep).collect(),
    }
}
// ANCHOR_END: params

/// Counts how often a default is actually made, to show which spelling makes it when.
///
/// ```
/// use defaults::option_params::Evaluations;
///
/// let eager = Evaluations::default();
/// let given = Some(vec![1]);
/// let _ = given.clone().unwrap_or(eager.make(Vec::new)); // made, then thrown away
/// assert_eq!(eager.count(), 1);
///
/// let lazy = Evaluations::default();
/// let _ = given.unwrap_or_else(|| lazy.make(Vec::new)); // never made
/// assert_eq!(lazy.count(), 0);
/// ```
#[derive(Debug, Default)]
pub struct Evaluations(Cell<usize>);

impl Evaluations {
    /// Runs `make`, counting the run, and returns what it made.
    pub fn make<T>(&self, make: impl FnOnce() -> T) -> T {
        self.0.set(self.0.get() + 1);
        make()
    }

    /// How many times [`make`](Self::make) ran.
    pub fn count(&self) -> usize {
        self.0.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwrap_or_else_makes_the_default_only_for_none() {
        let made = Evaluations::default();
        let args = [Some(vec![1]), None, Some(vec![2]), None];
        let results: Vec<Vec<i32>> = args
            .into_iter()
            .map(|arg| arg.unwrap_or_else(|| made.make(Vec::new)))
            .collect();
        assert_eq!(results, [vec![1], vec![], vec![2], vec![]]);
        assert_eq!(made.count(), 2);
    }

    #[test]
    #[allow(clippy::or_fun_call)] // the eager spelling is the point of this test
    fn unwrap_or_makes_the_default_on_every_call() {
        let made = Evaluations::default();
        for arg in [Some(vec![1]), None, Some(vec![2])] {
            let _ = arg.unwrap_or(made.make(Vec::new));
        }
        assert_eq!(made.count(), 3);
    }

    #[test]
    fn append_to_never_shares() {
        let a = append_to(0, None);
        let b = append_to(1, None);
        assert_eq!((a, b), (vec![0], vec![1]));
    }

    #[test]
    fn split_none_drops_empty_parts() {
        assert_eq!(split("  x ", None), ["x"]);
        assert_eq!(split("x,,y", Some(",")), ["x", "", "y"]);
    }

    #[test]
    fn greet_uses_the_given_greeting() {
        assert_eq!(greet("Bo", Some("Hey")), "Hey, Bo!");
    }
}
