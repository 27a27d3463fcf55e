//! `Box<dyn Any>` and `downcast_ref`: dynamic typing inside Rust, when you ask for it.
//!
//! A Python list holds anything: `[1, "two", 3.0]`, and code asks each item
//! `isinstance(x, str)` at run time. Rust's nearest thing is `Vec<Box<dyn Any>>`: each box
//! holds a value of any `'static` type plus its `TypeId`, and `downcast_ref::<T>()` asks
//! "is this a `T`?", answering `Some(&T)` or `None`. Two differences a Python programmer
//! will notice:
//!
//! - you can only ask about types you name: `dyn Any` keeps a `TypeId`, not a type name, so
//!   there is no `type(x).__name__` for an unknown item;
//! - `std::any::type_name_of_val` reports the *static* type, `dyn core::any::Any`, not what
//!   is inside the box.
//!
//! Reach for an `enum` first (its variants are the list of types, and `match` checks you
//! handled them all); `dyn Any` is for values whose types the code cannot list.

use std::any::Any;

/// Like `isinstance(value, T)`, for one exact type `T` (there is no subclassing to follow).
///
/// ```
/// use typing::any::isinstance;
/// let value: Box<dyn std::any::Any> = Box::new(String::from("two"));
/// assert!(isinstance::<String>(value.as_ref()));
/// assert!(!isinstance::<&str>(value.as_ref())); // String and &str are different types
/// ```
pub fn isinstance<T: Any>(value: &dyn Any) -> bool {
    value.is::<T>()
}

/// Names what is in the box, for the types this function knows to ask about.
///
/// ```
/// use typing::any::describe;
/// assert_eq!(describe(&1_i64), "i64 1");
/// assert_eq!(describe(&'x'), "unknown type: dyn Any keeps a TypeId, not a name");
/// ```
// ANCHOR: describe
pub fn describe(value: &dyn Any) -> String {
    if let Some(n) = value.downcast_ref::<i64>() {
        format!("i64 {n}")
    } else if let Some(x) = value.downcast_ref::<f64>() {
        format!("f64 {x:?}")
    } else if let Some(s) = value.downcast_ref::<String>() {
        format!("String {s:?}")
    } else if let Some(s) = value.downcast_ref::<&'static str>() {
        format!("&str {s:?}")
    } else {
        "unknown type: dyn Any keeps a TypeId, not a name".to_owned()
    }
}
// ANCHOR_END: describe

/// Python's `[1, "two", 3.0, [4]]` as a `Vec<Box<dyn Any>>`.
pub fn python_list() -> Vec<Box<dyn Any>> {
    vec![
        Box::new(1_i64),
        Box::new(String::from("two")),
        Box::new(3.0_f64),
        Box::new(vec![4_i64]),
    ]
}

/// Takes the value out of the box if it is a `T`, or gives the box back untouched.
///
/// ```
/// use typing::any::take;
/// let boxed: Box<dyn std::any::Any> = Box::new(7_i64);
/// let boxed = take::<String>(boxed).unwrap_err(); // not a String: the box comes back
/// assert_eq!(take::<i64>(boxed).ok(), Some(7));
/// ```
pub fn take<T: Any>(value: Box<dyn Any>) -> Result<T, Box<dyn Any>> {
    value.downcast::<T>().map(|boxed| *boxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_item_is_recognised_by_its_exact_type() {
        let described: Vec<String> = python_list().iter().map(|v| describe(v.as_ref())).collect();
        assert_eq!(described[0], "i64 1");
        assert_eq!(described[1], "String \"two\"");
        assert_eq!(described[2], "f64 3.0");
        assert!(described[3].starts_with("unknown type"));
    }

    #[test]
    fn a_wrong_downcast_is_none_not_a_conversion() {
        let list = python_list();
        assert!(list[0].downcast_ref::<i32>().is_none()); // i64 is not i32
        assert!(list[0].downcast_ref::<f64>().is_none()); // nor a float
        assert_eq!(list[0].downcast_ref::<i64>(), Some(&1));
    }

    #[test]
    fn type_name_of_val_sees_only_the_static_type() {
        let list = python_list();
        assert_eq!(
            std::any::type_name_of_val(list[1].as_ref()),
            "dyn core::any::Any"
        );
    }
}
