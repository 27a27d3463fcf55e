//! Recursion: termination, depth limits, stack overflow and recursive data.
//!
//! The notes' example, in Python:
//!
//! ```python
//! import logging
//!
//! def factorial(n):
//!     if n == 0:
//!         return 1
//!     else:
//!         logging.warning(n)
//!         return n * factorial(n - 1)
//!
//! factorial(3)   # 6, after warnings for 3, 2 and 1
//! ```
//!
//! In Rust the function reads the same (a termination condition, a reduction step) and
//! `tracing::warn!` plays `logging.warning`. What differs is around it: integers have a width,
//! so a factorial can overflow; there is no recursion limit, only the thread's stack, and
//! overflowing that kills the process instead of raising `RecursionError`; neither language
//! promises to eliminate a tail call (an optimised Rust build may); and a type that contains
//! itself needs a `Box`.
//!
//! # Layout
//!
//! - [`factorial`]: the notes' function with its warnings, and factorials that return an error
//!   instead of overflowing (`u128` holds up to 34!).
//! - [`limit`]: Python's `RecursionError` as a value (a [`PyException`]), raised by a
//!   [`Depth`](limit::Depth) guard passed down the calls.
//! - [`overflow`]: a recursion bounded only by the stack, and the hidden child mode that runs it
//!   until the process dies.
//! - [`no_base_case`]: the notes' `is_human`, with no base case: memory stops it, not the
//!   stack.
//! - [`isolate`]: the parent side: run that child, survive, and report the signal and message.
//! - [`tail_call`]: one tail-recursive function compiled at `opt-level=0` and `3`: an overflow
//!   in the one, constant stack in the other.
//! - [`tree`]: a recursive type (`enum` with `Box`) and recursive functions over it.
//! - [`walk`]: a recursive walk of a real directory tree, sorted, with depths.
//! - [`fibonacci`]: the cost of naive recursion, in calls, against a memoised one.
//! - [`explicit_stack`]: the tree functions rewritten as loops over a `Vec` stack.
#![forbid(unsafe_code)]

pub mod explicit_stack;
pub mod factorial;
pub mod fibonacci;
pub mod isolate;
pub mod limit;
pub mod no_base_case;
pub mod overflow;
pub mod tail_call;
pub mod tree;
pub mod walk;

pub use exception::PyException;
