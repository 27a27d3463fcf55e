//! A hidden child mode: the demo binary started again by one of its own sections, to show
//! something that must happen in a process of its own (a stack overflow, a process exit).

use std::process::ExitCode;

/// A child mode, declared once by the library that starts the child (a `pub const` of this
/// type) and checked first thing by the binary: `main` begins with
/// `if let Some(status) = CHILD.run_if_asked() { return status; }`.
///
/// It is not a [`Section`](crate::Section): an environment variable selects it, not the
/// command line, so `--list` never shows it and the documented outputs never run it by
/// mistake. The check is the first statement of `main` (not a step of [`main`](crate::main))
/// because what the child must not do comes before the command line: recursion's child must
/// not install the demo's logger, and a bench binary, which has no sections, has a child too.
///
/// ```
/// use std::process::ExitCode;
///
/// fn echo(value: &str) -> Result<ExitCode, String> {
///     value.parse::<u8>().map(ExitCode::from).map_err(|e| format!("ECHO_CHILD={value:?}: {e}"))
/// }
///
/// const CHILD: demo::Child = demo::Child { env: "ECHO_CHILD", main: echo };
/// // Not started as a child: nothing happens, and `main` goes on as a demo.
/// assert!(std::env::var_os("ECHO_CHILD").is_none());
/// assert!(CHILD.run_if_asked().is_none());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Child {
    /// The environment variable that makes the binary this child; its value says what to do.
    pub env: &'static str,
    /// The child's whole life, given the variable's value: the status to exit with (or it
    /// never returns). `Err` says the value is malformed: a usage error, printed as
    /// `error: ...` with status 2, as [`main`](crate::main) does for a bad command line.
    pub main: fn(&str) -> Result<ExitCode, String>,
}

impl Child {
    /// Runs the child if its variable is set, and returns the status `main` must return;
    /// `None` at once otherwise (the binary is not a child, it goes on as usual).
    pub fn run_if_asked(&self) -> Option<ExitCode> {
        let value = std::env::var(self.env).ok()?;
        Some((self.main)(&value).unwrap_or_else(|message| {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }))
    }
}
