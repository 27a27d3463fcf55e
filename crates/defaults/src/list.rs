//! [`List`]: a shared, mutable list handle that prints like Python's `repr`.
//!
//! A Python variable holds a *reference*: `a = []; b = a; b.append(1)` changes `a` too. A Rust
//! `Vec<T>` has exactly one owner, so to model Python's lists honestly we need shared ownership
//! ([`Rc`]) and mutation through a shared handle ([`RefCell`]). Cloning a [`List`] clones the
//! handle, never the elements, just as `b = a` does in Python.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// A handle to a list that other handles may share, like a Python list reference.
///
/// ```
/// use defaults::List;
///
/// let a = List::new();
/// let b = a.clone(); // b = a: a second handle, the same list
/// b.append(1);
/// assert_eq!(a.to_string(), "[1]");
/// assert!(a.is(&b));
/// ```
///
/// `Rc` makes the handle single-threaded: a `List` cannot be sent to another thread, which is
/// what lets it skip locking. Python lists are shared across threads under the GIL instead.
pub struct List<T>(Rc<RefCell<Vec<T>>>);

impl<T> List<T> {
    /// A new, empty list: Python's `[]`. Allocates the handle, not yet any elements.
    pub fn new() -> Self {
        List(Rc::new(RefCell::new(Vec::new())))
    }

    /// Appends `item`, through a shared handle: Python's `lst.append(item)`.
    pub fn append(&self, item: T) {
        // `RefCell::borrow_mut` panics only if the list is already borrowed. Every borrow in
        // this type ends before its method returns and none is held while calling out to user
        // code that could reach this list, so the borrow cannot be taken twice.
        self.0.borrow_mut().push(item);
    }

    /// The number of elements: Python's `len(lst)`.
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    /// Whether the list has no elements: Python's `not lst`.
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }

    /// Whether both handles point at the same list: Python's `a is b`.
    pub fn is(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// How many handles share this list (`Rc::strong_count`), the analog of
    /// `sys.getrefcount` minus its temporary reference.
    pub fn handles(&self) -> usize {
        Rc::strong_count(&self.0)
    }

    /// A copy of the elements as they are now: Python's `lst.copy()`, as a plain `Vec`.
    pub fn to_vec(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.0.borrow().clone()
    }
}

/// `clone()` copies the handle (Python's `b = a`), never the elements; so no `T: Clone` bound.
impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        List(Rc::clone(&self.0))
    }
}

/// The empty list, `[]`; no `T: Default` bound, since no element is made.
impl<T> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List(Rc::new(RefCell::new(items)))
    }
}

/// Prints like Python's `repr` where the elements' `Debug` does, as for integers: `[0, 1, 2]`
/// (booleans and strings differ: `true` for `True`, `"a"` for `'a'`). So `{:?}` of a
/// `Vec<List<i64>>` prints what Python's `print` of a list of lists does.
impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0.borrow(), f)
    }
}

/// Same text as [`Debug`](fmt::Debug): Python's `str` of a list is its `repr`.
impl<T: fmt::Debug> fmt::Display for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_list() {
        let a = List::new();
        let b = a.clone();
        assert!(a.is_empty());
        b.append(7);
        assert!(!a.is_empty());
        assert_eq!(a.to_vec(), vec![7]);
        assert!(a.is(&b));
        assert_eq!(a.handles(), 2);
    }

    #[test]
    fn separate_lists_are_not_the_same_list() {
        let a: List<i32> = List::new();
        let b: List<i32> = List::new();
        assert!(!a.is(&b));
        assert!(a.is_empty() && b.is_empty());
    }

    #[test]
    fn prints_like_python_repr() {
        let empty: List<i64> = List::new();
        assert_eq!(empty.to_string(), "[]");
        let lists = vec![List::from(vec![0, 1, 2]), List::from(vec![3])];
        assert_eq!(format!("{lists:?}"), "[[0, 1, 2], [3]]");
    }

    #[test]
    fn len_counts_elements() {
        let a = List::from(vec!['a', 'b']);
        a.append('c');
        assert_eq!(a.len(), 3);
    }
}
