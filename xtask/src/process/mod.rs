//! One idea: runs a demo as a terminal would, but with a deadline and nothing left behind.
//!
//! stdout and stderr go to one pipe, so the captured text interleaves them as a terminal shows
//! them (Rust's stdout is line-buffered, so whole lines stay whole). The demo runs in a
//! process group of its own: at the deadline the whole group is killed, and once the demo
//! has exited, any process of its group still running a moment later (`group.rs`) is
//! reported and killed, so a demo can neither hang the check nor leave a child behind.
//!
//! A group of its own also means the terminal's Ctrl-C (sent to the foreground group) no
//! longer reaches the demo: [`end_demos_on_interrupt`] makes an interrupted runner kill the
//! demos it is running before it dies.

mod group;

use std::fmt;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitStatus};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use os::ProcessEnd;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// How long a demo may take before it is killed, unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The environment variable that sets the timeout, in seconds, for `cargo test`.
pub const TIMEOUT_VAR: &str = "XTASK_DEMO_TIMEOUT";

/// The timeout from [`TIMEOUT_VAR`], or the default.
pub fn timeout_from_env() -> Result<Duration, String> {
    match std::env::var(TIMEOUT_VAR) {
        Ok(value) => parse_seconds(&value).map_err(|e| format!("{TIMEOUT_VAR}: {e}")),
        Err(_) => Ok(DEFAULT_TIMEOUT),
    }
}

/// A positive number of seconds, such as `60` or `0.5`.
pub fn parse_seconds(value: &str) -> Result<Duration, String> {
    value
        .parse::<f64>()
        .ok()
        .filter(|secs| *secs > 0.0)
        // Not `from_secs_f64`, which panics on a number too large for a Duration.
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .ok_or_else(|| format!("`{value}` is not a positive number of seconds"))
}

/// What a finished run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    /// stdout and stderr, interleaved.
    pub output: String,
    /// How the process ended; `None` if it was killed at the deadline.
    pub status: Option<ExitStatus>,
    /// Processes of its group that were still alive after it exited (and were killed).
    pub left_behind: bool,
}

impl Run {
    /// The exit status as a number, if it exited rather than died.
    pub fn code(&self) -> Option<i32> {
        self.status.and_then(|status| status.code())
    }

    /// The output's lines.
    pub fn lines(&self) -> Vec<String> {
        self.output.lines().map(String::from).collect()
    }

    /// The last `n` lines of the output, indented, for a failure message.
    pub fn tail(&self, n: usize) -> String {
        let lines: Vec<&str> = self.output.lines().collect();
        let start = lines.len().saturating_sub(n);
        let mut tail = String::new();
        if start > 0 {
            tail.push_str(&format!("    ({start} earlier lines)\n"));
        }
        for line in &lines[start..] {
            tail.push_str("    ");
            tail.push_str(line);
            tail.push('\n');
        }
        if lines.is_empty() {
            tail.push_str("    (no output)\n");
        }
        tail
    }
}

/// How a run ended, in words: [`ProcessEnd`]'s, the words of every waiting parent of the
/// workspace (`exited with status 3`, `killed by signal SIGSEGV`), or that the deadline killed
/// it, which only this runner can say: a process killed at the deadline ended by the runner's
/// hand, not its own, and the fix is a longer timeout.
pub struct Ending<'a>(pub &'a Run, pub Duration);

impl fmt::Display for Ending<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ending(run, timeout) = self;
        match run.status {
            None => write!(
                f,
                "did not finish within {:?} and was killed (set a longer timeout with --timeout or {TIMEOUT_VAR})",
                timeout
            ),
            Some(status) => write!(f, "{}", ProcessEnd::from(status)),
        }
    }
}

/// The process groups of the demos running now, for [`end_demos_on_interrupt`].
static RUNNING: Mutex<Vec<Pid>> = Mutex::new(Vec::new());

/// The running groups; a poisoned lock still holds them (a panic elsewhere leaves them right).
fn running() -> std::sync::MutexGuard<'static, Vec<Pid>> {
    RUNNING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A group in [`RUNNING`] until dropped, however [`run`] returns.
struct Registered(Pid);

impl Drop for Registered {
    fn drop(&mut self) {
        running().retain(|group| *group != self.0);
    }
}

/// From now on, SIGINT, SIGTERM or SIGHUP kill the demos [`run`] is running, then end this
/// process as the signal would have. Call it first thing in `main`.
///
/// The signals are caught by a handler (signal-hook's self-pipe), not blocked and waited
/// for: a blocked mask is inherited through `exec`, so every demo and Python block would
/// start with SIGTERM blocked, and a `multiprocessing.Pool` could not terminate its own
/// workers. A caught signal is reset to its default action by `exec`, so children start
/// clean.
pub fn end_demos_on_interrupt() -> Result<(), String> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])
        .map_err(|e| format!("cannot catch SIGINT to end the demos on an interrupt: {e}"))?;
    thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        for group in running().iter() {
            let _ = killpg(*group, Signal::SIGKILL);
        }
        // Die of the signal itself, as a shell expects of an interrupted program.
        let _ = signal_hook::low_level::emulate_default_handler(signal);
        std::process::exit(128 + signal);
    });
    Ok(())
}

/// Runs `command` to completion or to the deadline, whichever comes first.
pub fn run(command: Command, timeout: Duration) -> std::io::Result<Run> {
    capture(command, timeout, Duration::from_secs(10))
}

/// [`run`], waiting up to `grace` after the end for a process that escaped the group (with
/// `setsid`, say) to let go of the output pipe.
fn capture(mut command: Command, timeout: Duration, grace: Duration) -> std::io::Result<Run> {
    let (mut reader, writer) = std::io::pipe()?;
    command
        .stdin(std::process::Stdio::null())
        .stdout(writer.try_clone()?)
        .stderr(writer)
        .process_group(0);
    // Spawned and registered under the lock, so that an interrupt cannot fall between the two.
    let mut running = running();
    let mut child = command.spawn()?;
    let group = Pid::from_raw(child.id() as i32);
    running.push(group);
    drop(running);
    let _registered = Registered(group);
    // The command holds the parent's copies of the pipe's write end: close them, or the
    // reader would never see end-of-file.
    drop(command);

    // The output comes in chunks as it is read, so that what was read is kept even if the
    // pipe never reaches end-of-file.
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut chunk = [0; 8192];
        loop {
            match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(read) => {
                    if sender.send(chunk[..read].to_vec()).is_err() {
                        break;
                    }
                }
                // `read_to_end` retried these; a bare `read` must too.
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    });

    // A timeout past the clock's range (`--timeout 1e19`) is no deadline at all.
    let deadline = Instant::now().checked_add(timeout);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            let _ = killpg(group, Signal::SIGKILL);
            child.wait()?;
            break None;
        }
        thread::sleep(Duration::from_millis(5));
    };
    // Whatever is left of the group once its helpers had their moment to end outlived the
    // demo: kill it, and say so.
    let left_behind = status.is_some()
        && !group::ends_within(group, group::GROUP_ENDS_WITHIN)
        && killpg(group, Signal::SIGKILL).is_ok();
    let mut bytes = Vec::new();
    let end_of_output = Instant::now() + grace;
    loop {
        let wait = end_of_output.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(wait) {
            Ok(chunk) => bytes.extend(chunk),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                bytes.extend(
                    b"\n(the output pipe was held open by a process outside the demo's group)\n",
                );
                break;
            }
        }
    }
    Ok(Run {
        output: String::from_utf8_lossy(&bytes).into_owned(),
        status,
        left_behind,
    })
}

#[cfg(test)]
mod tests {
    // Real shell commands, each showing one way a demo can end.
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
}
