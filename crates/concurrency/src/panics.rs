//! The text of a panic, for every error that reports one: a thread's, a pool task's.
//!
//! A panic's payload is a `Box<dyn Any + Send>`: `panic!("literal")` makes it a `&str`,
//! `panic!("{x}")` a `String`, and `std::panic::panic_any` anything at all. Python's
//! exception always has a message; here the caller asks for one, once, in this module.
#![forbid(unsafe_code)]

use std::any::Any;

/// The text of a panic payload: `panic!`'s message, or a placeholder for other payloads.
///
/// ```
/// use concurrency::panics;
///
/// let payload = std::panic::catch_unwind(|| panic!("no {}", 3)).unwrap_err();
/// assert_eq!(panics::message(&*payload), "no 3");
/// let payload = std::panic::catch_unwind(|| std::panic::panic_any(7)).unwrap_err();
/// assert_eq!(panics::message(&*payload), "a panic with a non-string payload");
/// ```
pub fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic with a non-string payload".to_owned()
    }
}
