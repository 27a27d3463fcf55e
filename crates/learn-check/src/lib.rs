//! The checks the exercises of `learn/` run in their own tests, so that rustlings, which only
//! asks whether an exercise builds, passes its tests and exits 0, also tells a learner whether
//! the program prints what the page (and CPython) prints.
//!
//! Python has no counterpart: a Python learner compares by eye. Here a translate exercise's
//! test calls [`prints`] with the exercise's `main` and the page's output; the check runs
//! `main` in a child process (the test binary, run again), under a time limit, and fails with
//! a line diff where the output differs:
//!
//! ```no_run
//! fn main() {
//!     println!("6");
//! }
//! learn_check::prints(main, "6\n");
//! ```
//!
//! A function exercise also compares its answers with CPython's on more inputs
//! ([`same_as_cpython`]), so that printing the expected text by hand does not pass.
//!
//! # Layout
//!
//! - [`child`]: runs `main` in a child process with a time limit, capturing what it prints.
//! - [`compare`]: an output against the expected text (`[..]` matches any text within a
//!   line), and the diff shown where they differ.
#![forbid(unsafe_code)]

pub mod child;
pub mod compare;

use std::time::Duration;

/// How long `main` may run before it is stopped as an endless loop: every exercise's program
/// finishes in well under a second.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Runs `main` in a child process and panics, with a diff, unless it prints `expected` (its
/// stdout and stderr together, as a terminal shows them) and exits successfully.
///
/// `expected` may use `[..]` for text that varies within a line (a kernel release).
#[track_caller]
pub fn prints(main: fn(), expected: &str) {
    // A raw string starting on the line after its quote reads best in an exercise.
    let expected = expected.strip_prefix('\n').unwrap_or(expected);
    let Some(run) = child::run_main(main, TIME_LIMIT) else {
        return; // This is the child: `main` ran, and the process ends with it.
    };
    let exercise = child::exercise_name();
    if run.timed_out {
        panic!(
            "`{exercise}` was stopped after {} s without finishing: an endless loop? What it \
             printed until then:\n{}",
            TIME_LIMIT.as_secs(),
            run.output
        );
    }
    if let Err(diff) = compare::same(expected, &run.output) {
        panic!(
            "`{exercise}` does not print what the page shows (- the page, + your program):\n\
             {diff}"
        );
    }
    assert!(
        run.success,
        "`{exercise}` printed the right text, but did not exit successfully:\n{}",
        run.output
    );
}

/// Panics unless the Rust function's answers equal CPython's, row by row. `cpython` holds the
/// Python calls and CPython's answers, recorded in the exercise (xtask's `exercises` test
/// checks each against `python3`); `rust` holds the Rust function's answers on the same
/// inputs, in the same order, formatted as Python prints them.
#[track_caller]
pub fn same_as_cpython(cpython: &[(&str, &str)], rust: &[String]) {
    assert_eq!(
        cpython.len(),
        rust.len(),
        "one Rust answer for each Python call"
    );
    let wrong: Vec<String> = cpython
        .iter()
        .zip(rust)
        .filter(|((_, python), rust)| rust != python)
        .map(|((call, python), rust)| format!("  {call}: CPython says {python}, yours {rust}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "your function disagrees with the Python original on these inputs:\n{}",
        wrong.join("\n")
    );
}
