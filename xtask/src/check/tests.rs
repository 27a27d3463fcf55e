//! Tests of [`super`]: the arguments the check runs with.

use super::*;

#[test]
fn demos_run_one_at_a_time_unless_asked_otherwise() {
    let args = |extra: &[&str]| {
        arguments(
            std::iter::once("x")
                .chain(extra.iter().copied())
                .map(String::from),
        )
    };
    assert_eq!(args(&[]).test_threads, Some(1));
    assert_eq!(args(&["--test-threads", "2"]).test_threads, Some(2));
    assert_eq!(
        args(&["defaults", "--exact"]).filter.as_deref(),
        Some("defaults")
    );
}
