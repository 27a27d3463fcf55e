//! Runs the demo binary as the exit child both ways and checks status and `Drop`.

use platform::exit::{CHILD_ENV, Outcome, Way, run_child};
use std::path::Path;

fn run(way: Way) -> Outcome {
    run_child(Path::new(env!("CARGO_BIN_EXE_platform")), way).expect("the demo binary runs")
}

#[test]
fn process_exit_skips_destructors() {
    assert_eq!(
        run(Way::ProcessExit),
        Outcome {
            status: Some(3),
            dropped: false
        }
    );
}

#[test]
fn returning_an_exit_code_runs_them() {
    assert_eq!(
        run(Way::ReturnExitCode),
        Outcome {
            status: Some(3),
            dropped: true
        }
    );
}

#[test]
fn a_panic_in_main_unwinds_and_exits_with_101() {
    assert_eq!(
        run(Way::Panic),
        Outcome {
            status: Some(101),
            dropped: true
        }
    );
}

#[test]
fn a_value_naming_no_way_is_a_usage_error_that_says_what_to_set() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_platform"))
        .env(CHILD_ENV, "sideways")
        .output()
        .expect("the demo binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"process-exit\""), "{stderr}");
    assert!(output.stdout.is_empty(), "no guard, no demo: {output:?}");
}
