//! The notes' `func1` (one default list, made once and shared) and `func2` (a fresh list per
//! call), rebuilt on purpose.
//!
//! Python runs `lst=[]` once, when `def func1` executes, and stores the list on the function
//! object (`func1.__defaults__`). Rust has no default arguments, so "a value made when the
//! function is defined" has to be spelled out: [`define_func1`] plays `def`, makes the list
//! once, and returns a closure that captures it. The closure hands out [`List`] handles
//! to that one list, which is why all three results print `[0, 1, 2]`: they are one list.
//!
//! Rust makes you say so because shared mutable state does not exist by default. A plain
//! `Vec` has one owner, so it cannot be handed out three times:
//!
//! ```compile_fail,E0382
//! let default: Vec<i64> = Vec::new();
//! let first = default;
//! let second = default; // error[E0382]: use of moved value: `default`
//! ```
//!
//! Sharing it (`Rc`) makes it read-only; mutating through a shared handle needs a `RefCell`:
//!
//! ```compile_fail,E0596
//! use std::rc::Rc;
//! let default: Rc<Vec<i64>> = Rc::new(Vec::new());
//! let handle = Rc::clone(&default);
//! handle.push(0); // error[E0596]: cannot borrow data in an `Rc` as mutable
//! ```
//!
//! And the closest thing to Python's "stored on the function", a `static`, must be safe to
//! share between threads, so it takes a lock, not a `RefCell`:
//!
//! ```compile_fail,E0277
//! use std::cell::RefCell;
//! static DEFAULT: RefCell<Vec<i64>> = RefCell::new(Vec::new());
//! // error[E0277]: `RefCell<Vec<i64>>` cannot be shared between threads safely
//! ```
//!
//! ```
//! use std::sync::Mutex;
//! static DEFAULT: Mutex<Vec<i64>> = Mutex::new(Vec::new());
//!
//! fn func1(item: i64) -> Vec<i64> {
//!     let mut lst = DEFAULT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
//!     lst.push(item);
//!     lst.clone() // a Vec cannot leave the lock as a shared reference: a copy does
//! }
//! let results: Vec<Vec<i64>> = (0..3).map(func1).collect();
//! assert_eq!(format!("{results:?}"), "[[0], [0, 1], [0, 1, 2]]");
//! ```
//!
//! Note the last output: copies show the list as it was after each call, not three views of
//! one list. Python's `[[0, 1, 2], [0, 1, 2], [0, 1, 2]]` is what *shared handles* print, so
//! [`define_func1`] returns handles.

use crate::List;

/// Plays `def func1(item, lst=[])`: evaluates the default `[]` once, now, and returns the
/// function, which appends to that list whenever it is called with `None` for `lst`.
///
/// ```
/// let func1 = defaults::shared_default::define_func1();
/// let results: Vec<_> = (0..3).map(|i| func1(i, None)).collect();
/// assert_eq!(format!("{results:?}"), "[[0, 1, 2], [0, 1, 2], [0, 1, 2]]");
/// ```
// ANCHOR: funcs
pub fn define_func1<T>() -> impl Fn(T, Option<List<T>>) -> List<T> {
    let default = List::new(); // evaluated once, "at def time"
    move |item, lst| {
        // `clone` copies the handle, so every defaulted call appends to the same list.
        let lst = lst.unwrap_or_else(|| default.clone());
        lst.append(item);
        lst
    }
}

/// `def func2(item, lst=None)`: a new list on every call that passes `None`.
///
/// ```
/// use defaults::shared_default::func2;
/// let results: Vec<_> = (0..3).map(|i| func2(i, None)).collect();
/// assert_eq!(format!("{results:?}"), "[[0], [1], [2]]");
/// ```
pub fn func2<T>(item: T, lst: Option<List<T>>) -> List<T> {
    // `if lst is None: lst = []`
    let lst = lst.unwrap_or_default();
    lst.append(item);
    lst
}
// ANCHOR_END: funcs

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn func1_shares_one_default_list() {
        let func1 = define_func1();
        let results: Vec<List<i64>> = (0..3).map(|i| func1(i, None)).collect();
        assert_eq!(format!("{results:?}"), "[[0, 1, 2], [0, 1, 2], [0, 1, 2]]");
        assert!(results.iter().all(|r| r.is(&results[0])));
        // Three results plus the one the function itself holds.
        assert_eq!(results[0].handles(), 4);
    }

    #[test]
    fn each_definition_gets_its_own_default() {
        let first = define_func1();
        let second = define_func1();
        first(1, None);
        assert!(second(2, None).to_vec() == vec![2]);
    }

    #[test]
    fn func1_uses_a_given_list_and_leaves_the_default_alone() {
        let func1 = define_func1();
        let mine = List::from(vec![9]);
        let returned = func1(1, Some(mine.clone()));
        assert!(returned.is(&mine));
        assert_eq!(func1(2, None).to_vec(), vec![2]);
    }

    #[test]
    fn func2_makes_a_new_list_per_call() {
        let results: Vec<List<i64>> = (0..3).map(|i| func2(i, None)).collect();
        assert_eq!(format!("{results:?}"), "[[0], [1], [2]]");
        assert!(!results[0].is(&results[1]));
        assert!(results.iter().all(|r| r.handles() == 1));
    }

    #[test]
    fn func2_appends_to_a_given_list() {
        let mine = List::from(vec![0]);
        func2(1, Some(mine.clone()));
        assert_eq!(mine.to_vec(), vec![0, 1]);
    }
}
