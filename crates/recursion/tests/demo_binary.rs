//! Runs the demo binary itself: the hidden overflow child, and the logging's `RUST_LOG` switch.

use std::path::Path;
use std::process::Command;

use nix::sys::resource::{Resource, getrlimit};
use recursion::isolate::{Death, overflow_in_child};
use recursion::overflow::{CHILD_ENV, CHILD_STACK, ChildMode};

const DEMO: &str = env!("CARGO_BIN_EXE_recursion");

/// The stack limit every overflow child should report: 8 MiB, unless the hard limit is lower.
fn expected_child_stack() -> u64 {
    let (_, hard) = getrlimit(Resource::RLIMIT_STACK).unwrap();
    CHILD_STACK.min(hard)
}

/// Rust's handler caught the overflow on the guard page: its message, then SIGABRT.
fn assert_rust_reported_the_overflow(death: &Death, thread: &str) {
    assert_eq!(
        death.signal_name().as_deref(),
        Some("SIGABRT"),
        "{death}; stderr:\n{}",
        death.stderr
    );
    let message = death.overflow_message().unwrap_or_default();
    assert!(
        message.starts_with(&format!("thread '{thread}'")),
        "{message:?}"
    );
}

#[test]
fn the_child_overflows_its_main_stack_and_the_parent_reports_it() {
    let death = overflow_in_child(Path::new(DEMO), ChildMode::MainThread).unwrap();
    assert_rust_reported_the_overflow(&death, "main");
    assert_eq!(death.stack_limit, Some(expected_child_stack()));
    assert!(death.deepest.unwrap() > 1000);
}

/// The environment the child must not depend on: with an unlimited stack, a child that kept
/// it would die by a silent SIGSEGV (Rust's guard page would be in the wrong place).
#[test]
fn an_unlimited_stack_gives_the_same_death() {
    let output = Command::new("sh")
        .args([
            "-c",
            "ulimit -s unlimited 2>/dev/null || exit 77; exec \"$0\"",
            DEMO,
        ])
        .env(CHILD_ENV, ChildMode::MainThread.to_env_value())
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    if output.status.code() == Some(77) {
        eprintln!("skipped: the hard stack limit here does not allow `ulimit -s unlimited`");
        return;
    }
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let death = Death::from_output(output.status, &text(&output.stdout), &text(&output.stderr));
    assert_rust_reported_the_overflow(&death, "main");
    assert_eq!(death.stack_limit, Some(CHILD_STACK));
}

#[test]
fn a_thread_with_a_bigger_stack_goes_deeper() {
    let depth = |stack_bytes| {
        let death = overflow_in_child(Path::new(DEMO), ChildMode::Thread { stack_bytes }).unwrap();
        assert_rust_reported_the_overflow(&death, "deep");
        death.deepest.unwrap()
    };
    let (small, big) = (depth(1 << 20), depth(8 << 20));
    assert!(big > 4 * small, "1 MiB: {small}, 8 MiB: {big}");
}

#[test]
fn a_program_that_is_not_a_child_is_an_error_not_a_report() {
    let error = overflow_in_child(Path::new("/bin/true"), ChildMode::MainThread).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("did not run as an overflow child"),
        "{error}"
    );
}

#[test]
fn a_malformed_child_mode_is_a_usage_error() {
    let output = Command::new(DEMO)
        .env(CHILD_ENV, "sideways")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("expected `main`"));
}

#[test]
fn the_child_mode_is_not_a_section() {
    let output = Command::new(DEMO)
        .arg("--list")
        .env_remove(CHILD_ENV)
        .output()
        .unwrap();
    let list = String::from_utf8(output.stdout).unwrap();
    assert!(list.lines().any(|name| name == "stack-overflow"));
    assert!(!list.to_lowercase().contains("child"), "{list}");
}

fn factorial_section(rust_log: Option<&str>) -> (String, String) {
    let mut command = Command::new(DEMO);
    command
        .arg("factorial")
        .env_remove(CHILD_ENV)
        .env_remove("RUST_LOG");
    if let Some(level) = rust_log {
        command.env("RUST_LOG", level);
    }
    let output = command.output().unwrap();
    assert!(output.status.success());
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (text(output.stdout), text(output.stderr))
}

#[test]
fn factorial_warns_once_per_step_by_default() {
    let (stdout, stderr) = factorial_section(None);
    assert_eq!(stdout, "factorial(3) = 6\n");
    let steps: Vec<&str> = stderr
        .lines()
        .map(|line| line.rsplit("n=").next().unwrap())
        .collect();
    assert_eq!(steps, ["3", "2", "1"], "{stderr}");
    assert!(!stderr.contains('\x1b'), "no colours: {stderr:?}");
}

#[test]
fn rust_log_off_silences_the_warnings_and_error_level_too() {
    for level in ["off", "error"] {
        let (stdout, stderr) = factorial_section(Some(level));
        assert_eq!(stdout, "factorial(3) = 6\n");
        assert_eq!(stderr, "", "RUST_LOG={level}");
    }
}
