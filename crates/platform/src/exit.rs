//! `sys.exit(3)` vs `std::process::exit(3)`: same status, different unwinding.
//!
//! Python's `sys.exit` raises `SystemExit`: `finally` blocks and `with` exits run on the way
//! out. `std::process::exit` ends the process *now*: no destructor (`Drop`) runs, so a
//! `BufWriter` of yours is not flushed and a temporary file is not removed (the standard
//! library's own `stdout` is flushed). The Rust counterpart of raising `SystemExit` is to return
//! from `main` with an `ExitCode` (or an `Err`), letting every value drop on the way.
//!
//! A third way out is a bug's: a `panic!` in `main` unwinds as an uncaught Python exception
//! does (destructors run, as `finally` blocks do) and ends the process with status 101, where
//! Python's uncaught exception gives 1.
//!
//! The demo shows all three for real by running itself as a child process: the child, seeing
//! [`CHILD_ENV`], holds a [`Guard`] whose `Drop` prints a line, then leaves the way it is told,
//! and the parent reports the status and whether the line appeared.

use std::path::Path;
use std::process::{Command, ExitCode};

/// The environment variable that turns the demo binary into the exit demo's child.
pub const CHILD_ENV: &str = "PLATFORM_EXIT_CHILD";

/// What the [`Guard`] prints when it is dropped (the `finally:` block).
pub const DROPPED: &str = "guard dropped";

/// The status both deliberate ways of exiting use (a panic gives 101).
pub const STATUS: u8 = 3;

/// How the child leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// `std::process::exit(3)`: immediate.
    ProcessExit,
    /// `return ExitCode::from(3)` from `main`: values drop first.
    ReturnExitCode,
    /// `panic!` in `main`: unwinds (values drop), then status 101.
    Panic,
}

impl Way {
    /// Every way, in the order the demo shows them.
    pub const ALL: [Way; 3] = [Way::ProcessExit, Way::ReturnExitCode, Way::Panic];

    /// The value of [`CHILD_ENV`] that selects this way.
    pub fn env_value(self) -> &'static str {
        match self {
            Way::ProcessExit => "process-exit",
            Way::ReturnExitCode => "return-exit-code",
            Way::Panic => "panic",
        }
    }

    /// The way a [`CHILD_ENV`] value selects, if it names one.
    ///
    /// ```
    /// use platform::exit::Way;
    /// assert_eq!(Way::from_env_value("process-exit"), Some(Way::ProcessExit));
    /// assert_eq!(Way::from_env_value("sideways"), None);
    /// ```
    pub fn from_env_value(value: &str) -> Option<Way> {
        Way::ALL.into_iter().find(|way| way.env_value() == value)
    }

    /// The Rust code this way runs.
    pub fn code(self) -> &'static str {
        match self {
            Way::ProcessExit => "std::process::exit(3)",
            Way::ReturnExitCode => "return ExitCode::from(3)",
            Way::Panic => "panic!(..) in main",
        }
    }
}

// ANCHOR: child
/// A value with a destructor, like the `finally:` block around a `sys.exit()`.
#[derive(Debug)]
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        println!("{DROPPED}");
    }
}

/// The hidden child mode, which the demo's `main` checks first: with [`CHILD_ENV`] set, the
/// binary is the child, and leaves the way the variable says.
pub const CHILD: demo::Child = demo::Child {
    env: CHILD_ENV,
    main: child_main,
};

/// The child's life: hold a [`Guard`], then leave the way `value` names (a usage error,
/// status 2, if it names none).
fn child_main(value: &str) -> Result<ExitCode, String> {
    let way = Way::from_env_value(value).ok_or_else(|| {
        format!(
            "{CHILD_ENV}={value:?} names no way to exit; expected {:?}, {:?} or {:?} \
             (or unset it to run the demo)",
            Way::ProcessExit.env_value(),
            Way::ReturnExitCode.env_value(),
            Way::Panic.env_value()
        )
    })?;
    let _guard = Guard;
    match way {
        Way::ProcessExit => std::process::exit(i32::from(STATUS)),
        Way::Panic => panic!("the child panics, as a bug would"),
        Way::ReturnExitCode => {}
    }
    Ok(ExitCode::from(STATUS))
    // `_guard` drops here, after the ExitCode is made and before main returns it.
}
// ANCHOR_END: child

/// What the parent saw of a child.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The exit status, `None` if the child died by a signal.
    pub status: Option<i32>,
    /// Whether the guard's `Drop` ran (its line reached stdout).
    pub dropped: bool,
}

/// Runs `exe` (a binary whose `main` checks [`CHILD`] first) as a child leaving `way`.
pub fn run_child(exe: &Path, way: Way) -> std::io::Result<Outcome> {
    let output = Command::new(exe).env(CHILD_ENV, way.env_value()).output()?;
    Ok(Outcome {
        status: output.status.code(),
        dropped: String::from_utf8_lossy(&output.stdout)
            .lines()
            .any(|l| l == DROPPED),
    })
}
