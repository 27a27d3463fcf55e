//! Comparisons with CPython as libtest-mimic trials, so that a skip is reported as one.
//!
//! libtest's `#[test]` can only pass or fail once it runs; a test target with
//! `harness = false` whose `main` calls [`run_trials`] can report a trial `ignored` at run
//! time, with its reason, which a default `cargo test` prints beside the test's name.

use std::process::ExitCode;

use libtest_mimic::{Arguments, Completion, Failed, Trial};

use crate::{IN_TRIAL, SKIPPED};

/// A trial that compares with CPython: `compare` returns `None` where there is no Python
/// (as [`run`](crate::run) does, so `?` passes it on), and the trial is then ignored with the
/// reason. Everything `compare` checks before its first call to Python runs on every machine.
/// A panic, or a missing Python under `REQUIRE_PYTHON=1`, fails it.
pub fn comparison<F>(name: &str, compare: F) -> Trial
where
    F: FnOnce() -> Option<()> + Send + 'static,
{
    Trial::ignorable_test(name, move || {
        IN_TRIAL.with(|flag| *flag.borrow_mut() = true);
        SKIPPED.with(|skipped| skipped.borrow_mut().take());
        let compared = compare();
        IN_TRIAL.with(|flag| *flag.borrow_mut() = false);
        match compared {
            Some(()) => Ok(Completion::Completed),
            None => {
                let reason = SKIPPED.with(|skipped| skipped.borrow_mut().take());
                let reason = reason.ok_or_else(|| {
                    Failed::from("the comparison returned None, but no Python was missing")
                })?;
                Ok(Completion::ignored_with(reason))
            }
        }
    })
}

/// The `main` of a `harness = false` test target: runs `trials` under the usual test flags.
pub fn run_trials(trials: Vec<Trial>) -> ExitCode {
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}
