//! The parent's side of a stack overflow: run the dive in a child process and report its death.
//!
//! A Python `RecursionError` is an exception the program can catch and survive. A Rust stack
//! overflow is not: the runtime prints a message and aborts the process. To show one and
//! live, the demo re-executes its own binary (`std::env::current_exe()`) with
//! [`CHILD_ENV`] set, so the child dives (see
//! [`crate::overflow`]), and reads how it died from its exit status, its stdout (the depths it
//! reported) and its stderr (the runtime's message). No `fork`, so no `unsafe`.

use std::fmt;
use std::io;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

use os::ProcessEnd;

use crate::overflow::{CHILD_ENV, CHILD_HELLO, ChildMode, REEXECUTED_ENV};

/// How an overflow child ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Death {
    /// The child's exit status: a signal, normally.
    pub status: ExitStatus,
    /// The deepest depth the child reported before it died (a lower bound: it reports every
    /// [`REPORT_EVERY`](crate::overflow::REPORT_EVERY) calls).
    pub deepest: Option<u64>,
    /// The child's main-thread stack limit in bytes, as it reported it (see
    /// [`CHILD_STACK`](crate::overflow::CHILD_STACK)).
    pub stack_limit: Option<u64>,
    /// Everything the child wrote to stderr.
    pub stderr: String,
    /// What the child wrote to stdout after its first line (a program it ran prints here).
    pub stdout: String,
}

impl Death {
    /// Reads a child's death from its raw outputs.
    pub fn from_output(status: ExitStatus, stdout: &str, stderr: &str) -> Self {
        // Only whole lines count: a child can die halfway through writing one.
        let lines = || {
            stdout
                .split_inclusive('\n')
                .filter_map(|l| l.strip_suffix('\n'))
        };
        let deepest = lines().filter_map(|line| line.parse().ok()).max();
        let stack_limit = lines()
            .next()
            .and_then(|hello| hello.strip_prefix(CHILD_HELLO)?.trim().parse().ok());
        Death {
            status,
            deepest,
            stack_limit,
            stderr: stderr.to_owned(),
            stdout: stdout
                .split_once('\n')
                .map_or("", |(_, rest)| rest)
                .to_owned(),
        }
    }

    /// How the child ended, as every waiting parent of the workspace says it.
    pub fn end(&self) -> ProcessEnd {
        ProcessEnd::from(self.status)
    }

    /// The signal that killed the child, by name (`"SIGABRT"`), if a signal did.
    pub fn signal_name(&self) -> Option<String> {
        self.end().signal_name()
    }

    /// The runtime's report, the stderr line that says `has overflowed its stack`, if any.
    pub fn overflow_message(&self) -> Option<&str> {
        self.stderr
            .lines()
            .find(|line| line.contains("has overflowed its stack"))
    }
}

impl fmt::Display for Death {
    /// [`ProcessEnd`]'s words but for a signal, which Python's words say: "killed by
    /// SIGABRT", where [`ProcessEnd`] says "killed by signal SIGABRT" and may add a core-dump
    /// note. The recursion page sets this line beside its Python twin, which prints `"killed
    /// by " + signal.Signals(-returncode).name`, so that the two sides say a death alike.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.signal_name() {
            Some(signal) => write!(f, "killed by {signal}"),
            None => write!(f, "{}", self.end()),
        }
    }
}

/// Runs `program` as an overflow child in `mode` and waits for it to die.
///
/// `program` must be a binary whose `main` checks [`CHILD`](crate::overflow::CHILD)
/// first: the demo passes
/// `std::env::current_exe()`. A program that does not answer as a child is an error rather
/// than a confusing report (re-running a test harness, say).
pub fn overflow_in_child(program: &Path, mode: ChildMode) -> io::Result<Death> {
    run_child(program, mode, &[])
}

/// Runs `program` (the demo) as a [`ChildMode::Exec`] child that prepares as for an overflow
/// and then becomes `target` run with `args`, and waits for it to end, by a signal or not.
pub fn exec_in_child(program: &Path, target: &Path, args: &[&str]) -> io::Result<Death> {
    let mut child_args = vec![target.as_os_str()];
    child_args.extend(args.iter().map(std::ffi::OsStr::new));
    run_child(program, ChildMode::Exec, &child_args)
}

fn run_child(program: &Path, mode: ChildMode, args: &[&std::ffi::OsStr]) -> io::Result<Death> {
    let output = Command::new(program)
        .args(args)
        .env(CHILD_ENV, mode.to_env_value())
        .env_remove(REEXECUTED_ENV)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !stdout.starts_with(CHILD_HELLO) {
        return Err(io::Error::other(format!(
            "{} did not run as an overflow child (its main must check \
             recursion::overflow::CHILD first); it {}",
            program.display(),
            Death::from_output(output.status, &stdout, &stderr)
        )));
    }
    Ok(Death::from_output(output.status, &stdout, &stderr))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    #[test]
    fn a_death_by_signal_reads_its_depth_and_message() {
        // A raw wait status of 6 is "killed by signal 6", SIGABRT on Linux.
        let death = Death::from_output(
            ExitStatus::from_raw(6),
            "overflow child ready, main-thread stack limit 8388608\n0\n256\n512\n76",
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n",
        );
        assert_eq!(death.deepest, Some(512));
        assert_eq!(death.stack_limit, Some(8 << 20));
        assert_eq!(death.signal_name().as_deref(), Some("SIGABRT"));
        assert_eq!(death.to_string(), "killed by SIGABRT");
        assert_eq!(
            death.overflow_message(),
            Some("thread 'main' has overflowed its stack")
        );
    }

    #[test]
    fn a_normal_exit_is_told_apart_from_a_signal() {
        // A raw wait status of 256 is "exited with status 1".
        let death = Death::from_output(ExitStatus::from_raw(256), "", "error: nope\n");
        assert_eq!(death.to_string(), "exited with status 1");
        assert_eq!((death.deepest, death.stack_limit), (None, None));
        assert_eq!(death.overflow_message(), None);
    }
}
