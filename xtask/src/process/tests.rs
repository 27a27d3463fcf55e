//! Tests of [`super`]: real shell commands, each showing one way a demo can end.

use super::*;

fn sh(script: &str) -> Command {
    let mut command = Command::new("sh");
    command.args(["-c", script]);
    command
}

#[test]
fn stdout_and_stderr_are_interleaved_in_order() {
    let run = run(sh("echo out; echo err >&2; echo out2"), DEFAULT_TIMEOUT).unwrap();
    assert_eq!(run.output, "out\nerr\nout2\n");
    assert_eq!(run.code(), Some(0));
    assert!(!run.left_behind);
}

#[test]
fn a_non_zero_exit_is_reported_with_its_status() {
    let run = run(sh("echo partial; exit 3"), DEFAULT_TIMEOUT).unwrap();
    assert_eq!(run.code(), Some(3));
    assert_eq!(
        Ending(&run, DEFAULT_TIMEOUT).to_string(),
        "exited with status 3"
    );
    assert_eq!(run.tail(5), "    partial\n");
}

#[test]
fn a_death_by_signal_is_reported_by_name() {
    let run = run(sh("kill -SEGV $$"), DEFAULT_TIMEOUT).unwrap();
    assert_eq!(run.code(), None);
    assert!(
        Ending(&run, DEFAULT_TIMEOUT)
            .to_string()
            .starts_with("killed by signal SIGSEGV")
    );
}

#[test]
fn a_hanging_process_is_killed_at_the_deadline_with_its_children() {
    let started = Instant::now();
    let run = run(
        sh("echo started; sleep 30 & sleep 30; wait"),
        Duration::from_millis(300),
    )
    .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the deadline was not kept"
    );
    assert!(run.status.is_none());
    assert_eq!(run.output, "started\n");
    assert!(
        Ending(&run, Duration::from_millis(300))
            .to_string()
            .contains("did not finish within 300ms")
    );
}

#[test]
fn a_child_left_running_is_detected_and_killed() {
    // The background sleep keeps the pipe open too: killing the group is what ends the read.
    let run = run(sh("sleep 30 & echo parent done"), DEFAULT_TIMEOUT).unwrap();
    assert_eq!(run.code(), Some(0));
    assert!(run.left_behind);
    assert_eq!(run.output, "parent done\n");
}

#[test]
fn a_helper_that_ends_soon_after_the_program_is_not_left_behind() {
    // As CPython's fork server and resource tracker do once their parent's pipe closes.
    let run = run(sh("sleep 0.3 & echo parent done"), DEFAULT_TIMEOUT).unwrap();
    assert_eq!(run.code(), Some(0));
    assert!(!run.left_behind);
}

#[test]
fn output_is_kept_when_an_escaped_process_holds_the_pipe_open() {
    // `setsid` takes the sleep out of the demo's group, beyond the reach of killpg.
    let run = capture(
        sh("echo before; setsid sleep 5 & sleep 0.5; echo after"),
        DEFAULT_TIMEOUT,
        Duration::from_secs(1),
    )
    .unwrap();
    assert_eq!(run.code(), Some(0));
    assert!(
        run.output.starts_with("before\nafter\n"),
        "{:?}",
        run.output
    );
    assert!(
        run.output
            .ends_with("held open by a process outside the demo's group)\n")
    );
}

#[test]
fn a_fractional_timeout_is_named_as_given() {
    let killed = Run {
        output: String::new(),
        status: None,
        left_behind: false,
    };
    let message = Ending(&killed, parse_seconds("1.5").unwrap()).to_string();
    assert!(
        message.starts_with("did not finish within 1.5s "),
        "{message}"
    );
}

#[test]
fn a_timeout_beyond_the_clock_is_no_deadline() {
    let run = run(sh("echo ok"), parse_seconds("1e19").unwrap()).unwrap();
    assert_eq!((run.code(), run.output.as_str()), (Some(0), "ok\n"));
}

#[test]
fn timeouts_are_positive_seconds() {
    assert_eq!(parse_seconds("60"), Ok(Duration::from_secs(60)));
    assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
    for bad in ["0", "-1", "soon", "inf", "NaN", "1e30", ""] {
        assert!(parse_seconds(bad).is_err(), "{bad}");
    }
}
