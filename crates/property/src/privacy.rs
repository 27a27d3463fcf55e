//! Python's `_x` and `__x` (name mangling) against Rust's module privacy.
//!
//! Python has no private attributes. `_x` is a convention ("not to be messed with"), and
//! `__x` inside `class A` is renamed to `_A__x` so subclasses do not clash with it; both stay
//! reachable: `a._x = -1` and `a._A__x = -1` work. [`mangle`] computes the renaming.
//!
//! Rust checks privacy at compile time, and its unit is the *module*, not the type: an item
//! without `pub` is visible in the module that defines it and that module's children, and
//! nowhere else. There is no naming trick around it; code outside gets a compile error. See
//! the `compile_fail` examples on [`class_a`](crate::class_a): reading or writing `A`'s field
//! (E0616), building an `A` with a struct literal (E0451), calling its private `check` (E0624).
//!
//! ```compile_fail,E0616
//! let a = property::A::new();
//! let x = a.x; // error[E0616]: field `x` of struct `A` is private
//! ```
//!
//! Between the two: `pub(crate)` makes an item visible in its whole crate and nowhere else,
//! and `pub(super)` in the parent module; there is no per-type `private` as in Java or C++.

/// The name Python stores `name` under when it is written inside `class class_name`.
///
/// The rule (CPython's `_Py_Mangle`): a name that starts with two underscores and does not
/// end with two is prefixed with `_` and the class name stripped of its leading underscores;
/// dunder names like `__init__`, and names in a class whose name is all underscores, are
/// left alone.
///
/// ```
/// use property::privacy::mangle;
/// assert_eq!(mangle("A", "__x"), "_A__x");
/// assert_eq!(mangle("A", "_x"), "_x");
/// assert_eq!(mangle("A", "__init__"), "__init__");
/// assert_eq!(mangle("_Base", "__x"), "_Base__x");
/// ```
// ANCHOR: mangle
pub fn mangle(class_name: &str, name: &str) -> String {
    let class = class_name.trim_start_matches('_');
    let private = name.starts_with("__") && !name.ends_with("__") && !name.contains('.');
    if !private || class.is_empty() {
        return name.to_owned();
    }
    format!("_{class}{name}")
}
// ANCHOR_END: mangle

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_double_underscore_names_are_mangled() {
        assert_eq!(mangle("A", "x"), "x");
        assert_eq!(mangle("A", "_x"), "_x");
        assert_eq!(mangle("A", "__x"), "_A__x");
        assert_eq!(mangle("A", "__x_"), "_A__x_");
    }

    #[test]
    fn dunders_and_underscore_only_classes_are_left_alone() {
        assert_eq!(mangle("A", "__len__"), "__len__");
        assert_eq!(mangle("___", "__x"), "__x");
        assert_eq!(mangle("__Meta", "__x"), "_Meta__x");
    }
}
