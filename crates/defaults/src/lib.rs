//! Mutable default arguments: what Python shares and what Rust makes explicit.
//!
//! The notes' Python:
//!
//! ```python
//! def func1(item, lst=[]):
//!     lst.append(item)
//!     return lst
//!
//! def func2 (item, lst=None):
//!     if lst is None:
//!         lst = []
//!     lst.append(item)
//!     return lst
//!
//! print([func1(i) for i in range(3)])   # [[0, 1, 2], [0, 1, 2], [0, 1, 2]]
//! print([func2(i) for i in range(3)])   # [[0], [1], [2]]
//! ```
//!
//! Python evaluates `[]` once, when `def` runs, and every call that leaves out `lst` appends to
//! that one list. **Rust has no default arguments**: every call passes every parameter, and a
//! value that outlives one call has to be declared as such (a `static`, a captured handle).
//! So the pitfall cannot happen by accident. To show what Python does silently, [`shared_default`]
//! rebuilds it on purpose with shared handles ([`List`], an `Rc<RefCell<Vec<T>>>`); the other
//! modules are what Rust programmers write instead of default arguments.
//!
//! # Layout
//!
//! - [`list`]: [`List`], a shared, mutable list handle that prints like Python's `repr`.
//! - [`shared_default`]: the notes' `func1` (one default list, made once and shared) and
//!   `func2` (a fresh list per call).
//! - [`option_params`]: `Option<T>` parameters with `unwrap_or_default` / `unwrap_or_else`, and
//!   why `unwrap_or(make())` builds its default even when it is not used.
//! - [`struct_update`]: the `Default` trait and struct update syntax (`..Default::default()`),
//!   Rust's keyword arguments with defaults.
//! - [`builder`]: a consuming builder that validates everything once, at `build()`.
//! - [`into_option`]: `impl Into<Option<T>>` parameters, and where they hurt.
//! - [`evaluated_once`]: what Rust evaluates once (`const`, `static`, `LazyLock`) and what
//!   per call, for the notes' "speed and memory boosts".
#![forbid(unsafe_code)]

pub mod builder;
pub mod evaluated_once;
pub mod into_option;
pub mod list;
pub mod option_params;
pub mod shared_default;
pub mod struct_update;

pub use list::List;
