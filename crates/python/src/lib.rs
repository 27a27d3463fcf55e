//! Test support: runs code in the real `python3`, so that tests can compare the Rust models
//! with CPython itself instead of with what we believe CPython does.
//!
//! Where the machine has no `python3`, the comparison cannot run: the functions return
//! `None` after printing why, and the calling test skips that comparison. A `python3` that
//! starts and then fails is a test failure, not a skip: the functions panic with its stderr.
//!
//! ```
//! if let Some(platform) = python::run("import sys; print(sys.platform)") {
//!     assert!(!platform.is_empty());
//! }
//! ```
#![forbid(unsafe_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// What a version-manager shim (pyenv) exits with when no interpreter is selected: there is
/// a `python3` on `PATH`, but no Python behind it.
const NO_INTERPRETER: i32 = 127;

/// Runs `python3 -c code` and returns its stdout without the trailing newline; `None` where
/// there is no Python to run.
pub fn run(code: &str) -> Option<String> {
    run_with_input(code, "").map(|stdout| stdout.trim_end().to_owned())
}

/// Runs `python3 -c code` with `input` on its stdin and returns its whole stdout; `None`
/// where there is no Python to run.
pub fn run_with_input(code: &str, input: &str) -> Option<String> {
    let child = Command::new("python3")
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => {
            eprintln!(
                "skipped: cannot start python3 ({error}); this comparison with CPython needs it"
            );
            return None;
        }
    };
    let mut stdin = child.stdin.take().expect("stdin was piped");
    // A writer thread, so that a large input cannot fill both pipes and deadlock.
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("waiting for python3");
    if output.status.code() == Some(NO_INTERPRETER) {
        eprintln!(
            "skipped: python3 has no interpreter behind it (status 127); this comparison with CPython needs one"
        );
        return None;
    }
    let written = writer.join().expect("the writer thread does not panic");
    // The status first: a script that fails before reading its input also breaks the pipe,
    // and its own error is the one worth reading.
    assert!(
        output.status.success(),
        "python3 failed on {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    written.expect("python3 read its input");
    Some(String::from_utf8(output.stdout).expect("python3 printed UTF-8"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn output_comes_back_without_the_trailing_newline() {
        if let Some(out) = super::run("print(6 * 7)") {
            assert_eq!(out, "42");
        }
    }

    #[test]
    fn input_reaches_the_script() {
        if let Some(out) =
            super::run_with_input("import sys; print(sys.stdin.read().upper())", "abc")
        {
            assert_eq!(out, "ABC\n");
        }
    }

    #[test]
    fn a_script_failing_before_it_reads_its_input_reports_its_own_error() {
        // Larger than a pipe's buffer, so the writer is still writing when python3 dies.
        let input = "x".repeat(1 << 20);
        let outcome = std::panic::catch_unwind(|| {
            super::run_with_input("import sys; sys.exit('no input wanted')", &input)
        });
        let Err(panic) = outcome else {
            return; // no python3 here: nothing to compare
        };
        let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(message.contains("no input wanted"), "{message}");
    }

    #[test]
    fn a_failing_script_fails_the_test_instead_of_skipping_it() {
        let outcome = std::panic::catch_unwind(|| super::run("raise SystemExit(3)"));
        if let Ok(None) = outcome {
            return; // no python3 here: nothing to compare
        }
        assert!(
            outcome.is_err(),
            "a python3 that fails must not pass as a skip"
        );
    }
}
