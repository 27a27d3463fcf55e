//! The [`Default`] trait and struct update syntax: Rust's keyword arguments with defaults.
//!
//! Python's `print(*objects, sep=' ', end='\n')` lets a caller name the one argument it cares
//! about: `print(1, 2, sep=', ')`. Rust gathers such arguments into an options struct whose
//! [`Default`] holds the defaults; the caller names the fields it sets and fills in the rest
//! with `..Default::default()`:
//!
//! ```
//! use defaults::struct_update::{print_line, PrintOptions};
//!
//! let line = print_line(&[&1, &2], &PrintOptions { sep: ", ", ..Default::default() });
//! assert_eq!(line, "1, 2\n");
//! ```
//!
//! `PrintOptions::default()` runs on every call that asks for it, like `func2`'s `[]`; here
//! it costs nothing, since it only copies two `&'static str`s. The defaults live in one place,
//! the `Default` impl, and the caller's struct literal can only name fields that exist. A
//! typo is a compile error, where Python raises `TypeError` when the call runs
//! (`print(1, 2, seperator=", ")`: `'seperator' is an invalid keyword argument for print()`),
//! and a Python function that takes `**kwargs` accepts the typo without a word:
//!
//! ```compile_fail,E0560
//! use defaults::struct_update::PrintOptions;
//! let options = PrintOptions { seperator: ", ", ..Default::default() };
//! // error[E0560]: struct `PrintOptions<'_>` has no field named `seperator`
//! ```

use std::fmt::{Display, Write};

/// The keyword arguments of Python's `print`, with its defaults.
// ANCHOR: print_options
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintOptions<'a> {
    /// Put between objects; Python's default `' '`.
    pub sep: &'a str,
    /// Put after the last object; Python's default `'\n'`.
    pub end: &'a str,
}

impl Default for PrintOptions<'_> {
    fn default() -> Self {
        PrintOptions {
            sep: " ",
            end: "\n",
        }
    }
}
// ANCHOR_END: print_options

/// What `print(*objects, sep=..., end=...)` writes, as a `String`.
///
/// ```
/// use defaults::struct_update::{print_line, PrintOptions};
/// assert_eq!(print_line(&[&"a", &1.5], &PrintOptions::default()), "a 1.5\n");
/// ```
pub fn print_line(objects: &[&dyn Display], options: &PrintOptions<'_>) -> String {
    let mut line = String::new();
    for (i, object) in objects.iter().enumerate() {
        if i > 0 {
            line.push_str(options.sep);
        }
        write_display(&mut line, object);
    }
    line.push_str(options.end);
    line
}

fn write_display(line: &mut String, object: &dyn Display) {
    // Writing to a `String` cannot fail: its `fmt::Write` impl always returns `Ok`, so an
    // error can only come from a `Display` impl that breaks its contract (see `std::fmt`);
    // `ToString::to_string` panics in that case too, with the same message.
    write!(line, "{object}").expect("a Display implementation returned an error unexpectedly");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_python_print() {
        let options = PrintOptions::default();
        assert_eq!((options.sep, options.end), (" ", "\n"));
        assert_eq!(print_line(&[&1, &2, &3], &options), "1 2 3\n");
    }

    #[test]
    fn update_syntax_keeps_the_other_defaults() {
        let options = PrintOptions {
            end: "",
            ..Default::default()
        };
        assert_eq!(options.sep, " ");
        assert_eq!(print_line(&[&"x", &"y"], &options), "x y");
    }

    #[test]
    fn no_objects_prints_only_end() {
        assert_eq!(print_line(&[], &PrintOptions::default()), "\n");
    }
}
