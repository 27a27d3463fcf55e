//! Runs the demo binary itself: the hidden overflow child, and the logging's `RUST_LOG` switch.

use std::path::Path;
use std::process::Command;

use recursion::isolate::overflow_in_child;
use recursion::overflow::{CHILD_ENV, ChildMode};

const DEMO: &str = env!("CARGO_BIN_EXE_recursion");

#[test]
fn the_child_overflows_its_main_stack_and_the_parent_reports_it() {
    let death = overflow_in_child(Path::new(DEMO), ChildMode::MainThread).unwrap();
    assert!(death.status.code().is_none(), "killed by a signal: {death}");
    assert!(
        matches!(death.signal_name(), Some("SIGABRT" | "SIGSEGV")),
        "{death}"
    );
    assert!(death.deepest.unwrap() > 1000);
    // Rust's handler reports and aborts; a fault outside the guard page (as under
    // `ulimit -s unlimited`) is a silent SIGSEGV instead.
    if death.signal_name() == Some("SIGABRT") {
        let message = death.overflow_message().unwrap();
        assert!(message.starts_with("thread 'main'"), "{message}");
    }
}

#[test]
fn a_thread_with_a_bigger_stack_goes_deeper() {
    let depth = |stack_bytes| {
        let death = overflow_in_child(Path::new(DEMO), ChildMode::Thread { stack_bytes }).unwrap();
        assert!(
            death
                .overflow_message()
                .unwrap()
                .starts_with("thread 'deep'")
        );
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
