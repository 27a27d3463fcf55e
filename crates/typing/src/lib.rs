//! Strong typing: no implicit coercion, explicit conversions, dynamic typing in Rust.
//!
//! The notes say, with no code attached:
//!
//! ```python
//! # Strong-typing: You cannot coerce objects into a different type by any kind of
//! # inferring, as in weakly-typed languages. In so, the object type is more explicit.
//! "1" + 1   # the classic illustration (ours, not the notes'):
//!           # TypeError: can only concatenate str (not "int") to str
//! ```
//!
//! Python is strongly but *dynamically* typed: it refuses `"1" + 1` when that line runs.
//! Rust is strongly and *statically* typed: it refuses to compile the line at all, and every
//! conversion is a function call you write and can read back. Where Rust does convert
//! silently after all is the `as` cast, shown in [`casts`].
//!
//! ```compile_fail,E0369
//! let _ = "1" + 1; // error[E0369]: cannot add `{integer}` to `&str`
//! ```
//!
//! ```
//! let sum: i64 = "1".parse::<i64>()? + 1; // int("1") + 1
//! let text = format!("{}{}", "1", 1);     // "1" + str(1)
//! assert_eq!((sum, text.as_str()), (2, "11"));
//! # Ok::<(), std::num::ParseIntError>(())
//! ```
//!
//! # Layout
//!
//! - [`attempt`](mod@attempt): one conversion attempt and its outcome, printed like a traceback's last line.
//! - [`coercion`]: what Rust refuses at compile time (`compile_fail` doctests with their codes).
//! - [`model`]: a small run-time value model of Python's (strong) and JavaScript's (weak) `+`,
//!   to set strong/weak beside static/dynamic. A *model*, not Rust's own rules.
//! - [`convert`]: `From`/`Into` (lossless, infallible) and `TryFrom` with its error.
//! - [`parse`]: `str::parse` and its errors, beside a model of Python's `int()` rules.
//! - [`casts`]: `as` casts, which truncate, wrap and saturate without a word.
//! - [`any`]: `Box<dyn Any>` and `downcast_ref`: dynamic typing inside Rust.
//! - [`duck`]: trait objects as duck typing, generics with bounds as checked duck typing.
#![forbid(unsafe_code)]

pub mod any;
pub mod attempt;
pub mod casts;
pub mod coercion;
pub mod convert;
pub mod duck;
pub mod model;
pub mod parse;

pub use exception::PyException;
