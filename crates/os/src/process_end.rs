//! How a process ended, as one value and in one set of words, whoever waited for it.
//!
//! Three places in the workspace wait for a child: a pool reaping its forked workers
//! (`waitpid`, nix's [`WaitStatus`]), the recursion demo running an overflowing copy of
//! itself and the runner running a demo (`std::process`, std's [`ExitStatus`]). Each
//! converts what it got into a [`ProcessEnd`] and says it with these words; the recursion
//! demo alone says a signal as its page's Python twin does (`killed by SIGABRT`), since the
//! page sets the two side by side. Python's `Process.exitcode` folds the same facts into one
//! integer, negative for a signal: [`ProcessEnd::code`] gives that integer.

use std::fmt;
use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;

use nix::sys::signal::Signal;
use nix::sys::wait::WaitStatus;

/// How a child process ended, as `wait` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessEnd {
    /// It called `exit`/`_exit` (or returned from `main`) with this status.
    Exited(i32),
    /// A signal ended it; `core_dumped` as the kernel says.
    Signaled {
        /// The signal, e.g. `SIGKILL` or `SIGABRT`.
        signal: Signal,
        /// Whether a core dump was written.
        core_dumped: bool,
    },
    /// A signal that has no name in [`Signal`] ended it (a real-time signal, say).
    SignaledUnnamed {
        /// The signal's number.
        number: i32,
        /// Whether a core dump was written.
        core_dumped: bool,
    },
    /// Someone else reaped it (say, `SIGCHLD` is ignored): its status is lost.
    Unknown,
}

impl ProcessEnd {
    /// How `waitpid`'s status says the child ended; `None` if it has not (stopped,
    /// continued, or still alive).
    pub fn from_wait_status(status: WaitStatus) -> Option<Self> {
        match status {
            WaitStatus::Exited(_, code) => Some(Self::Exited(code)),
            WaitStatus::Signaled(_, signal, core_dumped) => Some(Self::Signaled {
                signal,
                core_dumped,
            }),
            _ => None,
        }
    }

    /// Python's `exitcode`: the status, or minus the signal number; `None` if unknown.
    pub fn code(self) -> Option<i32> {
        match self {
            Self::Exited(code) => Some(code),
            Self::Signaled { signal, .. } => Some(-(signal as i32)),
            Self::SignaledUnnamed { number, .. } => Some(-number),
            Self::Unknown => None,
        }
    }

    /// Whether it exited with status 0.
    pub fn success(self) -> bool {
        self == Self::Exited(0)
    }

    /// The signal that ended it, by name (`SIGABRT`, or `signal 34` for one without a name),
    /// if a signal did.
    pub fn signal_name(self) -> Option<String> {
        match self {
            Self::Signaled { signal, .. } => Some(signal.as_str().to_owned()),
            Self::SignaledUnnamed { number, .. } => Some(format!("signal {number}")),
            Self::Exited(_) | Self::Unknown => None,
        }
    }

    /// `" (core dumped)"` if a signal ended it and the kernel wrote a core dump, else `""`.
    fn core_dump_note(self) -> &'static str {
        match self {
            Self::Signaled {
                core_dumped: true, ..
            }
            | Self::SignaledUnnamed {
                core_dumped: true, ..
            } => " (core dumped)",
            _ => "",
        }
    }
}

impl From<ExitStatus> for ProcessEnd {
    /// std's status of a child that ended: an exit, or a signal. (Neither, which only a
    /// stopped child waited for with `WUNTRACED` gives, is [`ProcessEnd::Unknown`].)
    fn from(status: ExitStatus) -> Self {
        match (status.code(), status.signal()) {
            (Some(code), _) => Self::Exited(code),
            (None, Some(number)) => match Signal::try_from(number) {
                Ok(signal) => Self::Signaled {
                    signal,
                    core_dumped: status.core_dumped(),
                },
                Err(_) => Self::SignaledUnnamed {
                    number,
                    core_dumped: status.core_dumped(),
                },
            },
            (None, None) => Self::Unknown,
        }
    }
}

impl fmt::Display for ProcessEnd {
    /// `exited with status 3`, `killed by signal SIGKILL`, `killed by signal SIGSEGV (core
    /// dumped)`, `reaped elsewhere, status unknown`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.signal_name() {
            Some(name) => write!(f, "killed by signal {name}{}", self.core_dump_note()),
            None => match self {
                Self::Exited(code) => write!(f, "exited with status {code}"),
                _ => f.write_str("reaped elsewhere, status unknown"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn std_and_nix_statuses_end_the_same() {
        // Raw wait statuses: 3 << 8 is "exited with status 3", 9 "killed by signal 9".
        let exited = ProcessEnd::from(ExitStatus::from_raw(3 << 8));
        assert_eq!(exited, ProcessEnd::Exited(3));
        assert_eq!(exited.to_string(), "exited with status 3");
        let pid = nix::unistd::Pid::from_raw(1);
        let killed = ProcessEnd::from(ExitStatus::from_raw(9));
        assert_eq!(
            Some(killed),
            ProcessEnd::from_wait_status(WaitStatus::Signaled(pid, Signal::SIGKILL, false))
        );
        assert_eq!(killed.to_string(), "killed by signal SIGKILL");
        assert_eq!(killed.code(), Some(-9));
        assert_eq!(ProcessEnd::from_wait_status(WaitStatus::StillAlive), None);
    }

    #[test]
    fn a_core_dump_and_an_unnamed_signal_are_said() {
        // 0x80 is the core-dump bit of a raw wait status; 11 is SIGSEGV, 34 a real-time signal.
        let segv = ProcessEnd::from(ExitStatus::from_raw(0x80 | 11));
        assert_eq!(segv.to_string(), "killed by signal SIGSEGV (core dumped)");
        let unnamed = ProcessEnd::from(ExitStatus::from_raw(34));
        assert_eq!(unnamed.signal_name().as_deref(), Some("signal 34"));
        assert_eq!(
            ProcessEnd::Unknown.to_string(),
            "reaped elsewhere, status unknown"
        );
        assert!(ProcessEnd::Exited(0).success() && !segv.success());
    }
}
