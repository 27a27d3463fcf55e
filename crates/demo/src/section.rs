//! A section, one claim of the notes shown by running code, and what it returns.

/// What a section returns: `Err` ends the demo with status 1 and the error printed.
///
/// A boxed error because a section is a leaf that only reports: any error a library returns
/// (`io::Error`, a topic's own, a `String`) goes up with `?` and is printed once, by
/// [`main`](crate::main); nothing matches on it. Named like `io::Result` and `fmt::Result`,
/// and like them always written qualified, `demo::Result`, so it never hides std's.
pub type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// One claim of the notes, shown by running code.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// The name used on the command line and in the docs, in kebab-case.
    pub name: &'static str,
    /// A one-line title, printed in the header when all sections run.
    pub title: &'static str,
    /// Prints the section's output to stdout (and logs to stderr where that is the point).
    pub run: fn() -> Result,
}
