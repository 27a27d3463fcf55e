//! Test support: runs code in the real `python3`, so that tests can compare the Rust models
//! with CPython itself instead of with what we believe CPython does.
//!
//! Where the machine has no `python3`, the comparison cannot run: the functions return
//! `None` and record why, and the calling test skips that comparison. A skip must be seen:
//!
//! - a test written as a [`comparison`] trial (a `harness = false` test target, see
//!   [`run_trials`]) is reported `ignored`, with the reason, in a default `cargo test`;
//! - anywhere else the reason is written straight to the process's stderr, past the test
//!   harness's capture, so that a default run shows it beside the `ok`;
//! - with `REQUIRE_PYTHON=1` (set in `.ci/run`) there is no skip: a missing `python3` panics,
//!   and the test fails.
//!
//! A `python3` that starts and then fails is a test failure, not a skip: the functions panic
//! with its stderr. `XTASK_PYTHON` names another interpreter, as it does for xtask.
//!
//! ```
//! if let Some(platform) = python::run("import sys; print(sys.platform)") {
//!     assert!(!platform.is_empty());
//! }
//! ```
//!
//! # Layout
//!
//! - [`run`], [`run_with_input`], [`output`]: run a script, or say why there is no Python.
//! - [`version`], [`gated`]: a comparison that holds for some CPython versions only asks
//!   which one runs, and is reported skipped, with its reason, under the others.
//! - [`comparison`], [`run_trials`]: comparisons as libtest-mimic trials that report a skip.
//! - [`chosen`], [`probe`], [`find_all`]: the one lookup of interpreters, which xtask's check,
//!   `demo --python` and bench use too: the one chosen, what it is (version, free-threaded),
//!   and every one the machine offers.
#![forbid(unsafe_code)]

mod find;
mod probe;
mod trials;

use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub use find::{Found, Lookup, OLDEST, Unusable, find_all};
pub use libtest_mimic::{Failed, Trial};
pub use probe::{Interpreter, PROBE_TIMEOUT, chosen, isolated, probe};
pub use trials::{comparison, run_trials};

use probe::NO_INTERPRETER;

/// The environment variable that turns a skip into a failure.
pub const REQUIRE: &str = "REQUIRE_PYTHON";

/// The environment variable that names the interpreter instead of `python3`.
pub const INTERPRETER: &str = "XTASK_PYTHON";

thread_local! {
    /// Why this thread's last comparison was skipped; read by [`comparison`].
    static SKIPPED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether a [`comparison`] trial is running on this thread, which reports the skip itself.
    static IN_TRIAL: RefCell<bool> = const { RefCell::new(false) };
}

/// The interpreter the comparisons run: `XTASK_PYTHON`, else `python3` from `PATH`.
pub fn interpreter() -> PathBuf {
    chosen(None)
}

/// Whether `REQUIRE_PYTHON=1`: a missing interpreter is then a failure, not a skip.
pub fn required() -> bool {
    std::env::var_os(REQUIRE).is_some_and(|value| value == "1")
}

/// Records that there is no Python to compare with, or panics where one is required.
fn skip(reason: String) -> Option<Output> {
    let reason = format!("{reason}; this comparison with CPython needs it");
    assert!(!required(), "{REQUIRE}=1, but {reason}");
    record_skip(reason);
    None
}

/// `sys.version_info[:3]` of the interpreter the comparisons run (`(3, 12, 1)`); `None` where
/// there is no Python to run.
pub fn version() -> Option<(u32, u32, u32)> {
    let printed = run("import sys; print(*sys.version_info[:3])")?;
    let release = probe::release(printed.trim_end());
    Some(release.unwrap_or_else(|| panic!("sys.version_info[:3] printed {printed:?}")))
}

/// Skips a comparison that does not hold for this interpreter's version, and returns `None`
/// for the comparison to return: `reason` says which versions it is for, and why. Unlike a
/// missing interpreter, this is no failure under `REQUIRE_PYTHON=1`: CI runs the comparisons
/// under every CPython it has, and each gated one under the versions it is for.
pub fn gated(reason: String) -> Option<()> {
    record_skip(reason);
    None
}

/// Records why this comparison was skipped, for [`comparison`] to report (or, outside a
/// trial, says so on stderr).
fn record_skip(reason: String) {
    if !IN_TRIAL.with(|flag| *flag.borrow()) {
        // Past the harness's capture (which only `print!` and `eprint!` go through), so a
        // default `cargo test` shows the skip; a failed write has nowhere better to go.
        let _ = writeln!(std::io::stderr(), "skipped: {reason}");
    }
    SKIPPED.with(|skipped| *skipped.borrow_mut() = Some(reason));
}

/// Runs `python3 -c code` and returns its stdout without the trailing newline; `None` where
/// there is no Python to run.
pub fn run(code: &str) -> Option<String> {
    run_with_input(code, "").map(|stdout| stdout.trim_end().to_owned())
}

/// Runs `python3 -c code` with `input` on its stdin and returns its whole stdout; `None`
/// where there is no Python to run.
pub fn run_with_input(code: &str, input: &str) -> Option<String> {
    let output = spawn(code, input)?;
    // The status first: a script that fails before reading its input also breaks the pipe,
    // and its own error is the one worth reading.
    assert!(
        output.status.success(),
        "python3 failed on {code:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("python3 printed UTF-8"))
}

/// Runs `python3 -c code` and returns how it ended, whatever its status (for a comparison of
/// exit statuses); `None` where there is no Python to run.
pub fn output(code: &str) -> Option<Output> {
    spawn(code, "")
}

/// Runs the interpreter on `code`, `input` on its stdin, and waits for it to end.
fn spawn(code: &str, input: &str) -> Option<Output> {
    let chosen = interpreter();
    // The executable behind a shim, asked once a process ([`probe`]); where it cannot say, the
    // program chosen, whose failure to start is then reported as a skip below.
    let python = probe(&chosen, PROBE_TIMEOUT).map_or(chosen, |found| found.program);
    let child = Command::new(&python)
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) => return skip(format!("cannot start {} ({error})", python.display())),
    };
    let mut stdin = child.stdin.take().expect("stdin was piped");
    // A writer thread, so that a large input cannot fill both pipes and deadlock.
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("waiting for python3");
    if output.status.code() == Some(NO_INTERPRETER) {
        return skip(format!(
            "{} has no interpreter behind it (status 127)",
            python.display()
        ));
    }
    let written = writer.join().expect("the writer thread does not panic");
    if output.status.success() {
        written.expect("python3 read its input");
    }
    Some(output)
}
