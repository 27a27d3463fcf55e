//! `python::run` and friends against the real interpreter, each a comparison trial: reported
//! ignored, with the reason, where there is none.

use python::{comparison, run_trials};

fn main() -> std::process::ExitCode {
    run_trials(vec![
        comparison("output_comes_back_without_the_trailing_newline", || {
            assert_eq!(python::run("print(6 * 7)")?, "42");
            Some(())
        }),
        comparison("the_version_is_the_interpreters_own", || {
            let (major, minor, _) = python::version()?;
            let printed =
                python::run("import sys; print(sys.version_info.major, sys.version_info.minor)")?;
            assert_eq!(printed, format!("{major} {minor}"));
            assert!(major == 3 && minor >= 6, "{major}.{minor}");
            Some(())
        }),
        comparison("input_reaches_the_script", || {
            let out = python::run_with_input("import sys; print(sys.stdin.read().upper())", "abc")?;
            assert_eq!(out, "ABC\n");
            Some(())
        }),
        comparison("an_exit_status_comes_back_from_output", || {
            let output = python::output("import sys; print('bye'); sys.exit(3)")?;
            assert_eq!(output.status.code(), Some(3));
            assert_eq!(output.stdout, b"bye\n");
            Some(())
        }),
        comparison(
            "a_script_failing_before_it_reads_its_input_reports_its_own_error",
            || {
                python::output("pass")?; // no python3 here: nothing to compare
                // Larger than a pipe's buffer, so the writer is still writing when python3 dies.
                let input = "x".repeat(1 << 20);
                let outcome = std::panic::catch_unwind(|| {
                    python::run_with_input("import sys; sys.exit('no input wanted')", &input)
                });
                let panic = outcome.expect_err("a failing script must fail the test");
                let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
                assert!(message.contains("no input wanted"), "{message}");
                Some(())
            },
        ),
        comparison(
            "a_failing_script_fails_the_test_instead_of_skipping_it",
            || {
                python::output("pass")?;
                let outcome = std::panic::catch_unwind(|| python::run("raise SystemExit(3)"));
                assert!(
                    outcome.is_err(),
                    "a python3 that fails must not pass as a skip"
                );
                Some(())
            },
        ),
    ])
}
