//! A recursion with no limit but the stack, and the hidden child mode that runs it to death
//! (or runs the notes' `is_human`, which memory stops first: see [`crate::no_base_case`]).
//!
//! [`dive`] recurses one real stack frame per call. Given no target it runs until the stack
//! is full, and then Rust's runtime prints `thread '...' has overflowed its stack` and aborts
//! the whole process: there is no exception to catch. So the demo runs that dive in a child
//! process (see [`crate::isolate`]): its own executable, started again with [`CHILD_ENV`] set.
//! The binary's `main` checks [`CHILD`] before anything else, which turns it into that child
//! when the variable says so and does nothing otherwise.
//!
//! The child always dives on a main-thread stack of [`CHILD_STACK`] bytes, whatever
//! `ulimit -s` says, so that it dies the same way everywhere. The limit only takes effect at
//! `exec`: the kernel lays out the main thread's stack, and Rust's runtime computes where that
//! stack's guard page is, when a program starts. Under `ulimit -s unlimited` the runtime would
//! put the guard far below where a later limit stops the stack, the fault would miss it, and
//! the child would die by a silent `SIGSEGV` instead of Rust's message and `SIGABRT`. So a
//! child whose limit is not [`CHILD_STACK`] sets it and executes itself again.

use std::hint::black_box;
use std::io::Write;
use std::process::ExitCode;

use crate::no_base_case;

/// The environment variable that turns the demo binary into an overflow child.
pub const CHILD_ENV: &str = "RECURSION_OVERFLOW_CHILD";

/// The child prints its depth every this many calls, so the parent knows how deep it got.
pub const REPORT_EVERY: u64 = 256;

/// The start of the first line a child prints: proof to the parent that the binary honoured
/// [`CHILD_ENV`]. The line goes on with the child's main-thread stack limit in bytes.
pub const CHILD_HELLO: &str = "overflow child ready, main-thread stack limit";

/// The main-thread stack limit (`RLIMIT_STACK`) every overflow child runs with: Linux's usual
/// 8 MiB, or the hard limit if that is lower.
pub const CHILD_STACK: u64 = 8 << 20;

/// Set in a child that has already re-executed itself with [`CHILD_STACK`], so that it never
/// does so twice.
pub(crate) const REEXECUTED_ENV: &str = "RECURSION_OVERFLOW_CHILD_REEXECUTED";

/// Recurses from `depth` to `target`, one real stack frame per call, calling `report` with
/// every depth on the way down; returns the deepest depth reached.
///
/// Each frame keeps a small array alive across the recursive call, so the compiler can turn
/// neither the recursion into a loop nor the frame into nothing. With `target = u64::MAX`
/// the stack overflows first.
///
/// ```
/// let mut seen = 0;
/// assert_eq!(recursion::overflow::dive(0, 1000, &mut |_| seen += 1), 1000);
/// assert_eq!(seen, 1001);
/// ```
#[inline(never)]
pub fn dive(depth: u64, target: u64, report: &mut dyn FnMut(u64)) -> u64 {
    let frame = black_box([depth; 4]);
    report(depth);
    if depth >= target {
        return depth;
    }
    let deepest = dive(depth + 1, target, report);
    black_box(frame);
    deepest
}

/// What the child runs, and where: the dive on its main thread or on a thread with a chosen
/// stack size, the notes' `is_human` under a memory limit, or another program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChildMode {
    /// The main thread, whose stack size the OS sets (`ulimit -s`, usually 8 MiB).
    MainThread,
    /// A thread named `deep`, built with `std::thread::Builder::stack_size(stack_bytes)`.
    Thread {
        /// The requested stack size in bytes.
        stack_bytes: usize,
    },
    /// [`is_human`](crate::no_base_case::is_human) on the main thread, with the address space
    /// limited to [`ADDRESS_SPACE`](crate::no_base_case::ADDRESS_SPACE) bytes.
    NoBaseCase,
    /// No dive of its own: once prepared, the child `exec`s the program named by its first
    /// argument, with the rest, which so runs with the same stack limit and no core file (the
    /// tail-call section's separately compiled program).
    Exec,
}

impl ChildMode {
    /// The value of [`CHILD_ENV`] that asks for this mode.
    pub fn to_env_value(self) -> String {
        match self {
            ChildMode::MainThread => "main".to_owned(),
            ChildMode::Thread { stack_bytes } => format!("thread:{stack_bytes}"),
            ChildMode::NoBaseCase => "human".to_owned(),
            ChildMode::Exec => "exec".to_owned(),
        }
    }

    /// Parses a [`CHILD_ENV`] value.
    ///
    /// ```
    /// use recursion::overflow::ChildMode;
    ///
    /// let mode = ChildMode::Thread { stack_bytes: 1 << 20 };
    /// assert_eq!(ChildMode::from_env_value(&mode.to_env_value()), Ok(mode));
    /// assert!(ChildMode::from_env_value("sideways").is_err());
    /// ```
    pub fn from_env_value(value: &str) -> Result<Self, String> {
        match value {
            "main" => return Ok(ChildMode::MainThread),
            "human" => return Ok(ChildMode::NoBaseCase),
            "exec" => return Ok(ChildMode::Exec),
            _ => {}
        }
        value
            .strip_prefix("thread:")
            .and_then(|bytes| bytes.parse().ok())
            .map(|stack_bytes| ChildMode::Thread { stack_bytes })
            .ok_or_else(|| {
                format!(
                    "{CHILD_ENV}={value:?}: expected `main`, `thread:<stack bytes>`, `human` or \
                     `exec`"
                )
            })
    }
}

/// The hidden child mode, which the demo binary (and the bench binary) checks first thing in
/// `main`: with [`CHILD_ENV`] set, the binary becomes an overflow child.
pub const CHILD: demo::Child = demo::Child {
    env: CHILD_ENV,
    main: child_main,
};

/// The overflow child's life, given the value of [`CHILD_ENV`]: dive until the stack overflows
/// and the process dies. It returns (with a failure) only if the value is malformed (`Err`,
/// a usage error) or the child cannot be prepared, or, against all odds, the dive ends.
fn child_main(value: &str) -> Result<ExitCode, String> {
    let mode = ChildMode::from_env_value(value)?;
    let stack_limit = match prepare_to_die() {
        Ok(limit) => limit,
        Err(message) => {
            eprintln!("error: cannot prepare the overflow child: {message}");
            return Ok(ExitCode::FAILURE);
        }
    };
    println!("{CHILD_HELLO} {stack_limit}");
    let deepest = match mode {
        ChildMode::MainThread => dive_reporting(),
        ChildMode::Thread { stack_bytes } => {
            let spawned = std::thread::Builder::new()
                .name("deep".to_owned())
                .stack_size(stack_bytes)
                .spawn(dive_reporting);
            match spawned.map(|handle| handle.join()) {
                Ok(Ok(deepest)) => deepest,
                Ok(Err(_)) => return Ok(ExitCode::FAILURE),
                Err(error) => {
                    eprintln!(
                        "error: cannot spawn a thread with {stack_bytes} bytes of stack: {error}"
                    );
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        ChildMode::NoBaseCase => {
            if let Err(message) = no_base_case::limit_address_space(no_base_case::ADDRESS_SPACE) {
                eprintln!("error: cannot limit the child's memory: {message}");
                return Ok(ExitCode::FAILURE);
            }
            let mut out = std::io::stdout().lock();
            no_base_case::is_human("Ada", 0, &mut |depth| report_depth(&mut out, depth));
            0
        }
        ChildMode::Exec => return Ok(exec_the_program()),
    };
    eprintln!("error: the dive ended at depth {deepest} without overflowing the stack");
    Ok(ExitCode::FAILURE)
}

/// Limits the child so that its death is quick, clean and the same everywhere: no core file
/// for the abort, and a main-thread stack of [`CHILD_STACK`] bytes, set before an `exec` of
/// this same program because only a fresh start honours it (see the module docs). Returns the
/// stack limit in force. Safe calls to `setrlimit` and `exec`, on this process only.
// ANCHOR: prepare
fn prepare_to_die() -> Result<u64, String> {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    use std::os::unix::process::CommandExt;

    let limits = |what| move |error| format!("{what}: {error}");
    let (_, core_hard) =
        getrlimit(Resource::RLIMIT_CORE).map_err(limits("getrlimit(RLIMIT_CORE)"))?;
    setrlimit(Resource::RLIMIT_CORE, 0, core_hard).map_err(limits("setrlimit(RLIMIT_CORE)"))?;
    let (soft, hard) =
        getrlimit(Resource::RLIMIT_STACK).map_err(limits("getrlimit(RLIMIT_STACK)"))?;
    let wanted = CHILD_STACK.min(hard);
    if soft == wanted {
        return Ok(soft);
    }
    if std::env::var_os(REEXECUTED_ENV).is_some() {
        return Err(format!(
            "the stack limit is {soft} bytes after re-executing with {wanted}; \
             is something resetting RLIMIT_STACK at exec?"
        ));
    }
    setrlimit(Resource::RLIMIT_STACK, wanted, hard).map_err(limits("setrlimit(RLIMIT_STACK)"))?;
    let program = std::env::current_exe()
        .map_err(|error| format!("cannot find this program to re-execute it: {error}"))?;
    // `exec` only returns if it failed; on success this process becomes the new child.
    let error = std::process::Command::new(&program)
        .args(std::env::args_os().skip(1))
        .env(REEXECUTED_ENV, "1")
        .exec();
    Err(format!("cannot re-execute {}: {error}", program.display()))
}
// ANCHOR_END: prepare

/// Becomes the program named by this process's first argument, run with the rest; returns
/// only if it cannot.
fn exec_the_program() -> ExitCode {
    use std::os::unix::process::CommandExt;

    let mut args = std::env::args_os().skip(1);
    let Some(program) = args.next() else {
        eprintln!("error: {CHILD_ENV}=exec needs the program to run as its first argument");
        return ExitCode::FAILURE;
    };
    let error = std::process::Command::new(&program).args(args).exec();
    eprintln!("error: cannot run {}: {error}", program.to_string_lossy());
    ExitCode::FAILURE
}

/// Dives without end, printing every [`REPORT_EVERY`]th depth on its own line.
fn dive_reporting() -> u64 {
    let mut out = std::io::stdout().lock();
    dive(0, u64::MAX, &mut |depth| report_depth(&mut out, depth))
}

/// Prints `depth` on its own line if it is a multiple of [`REPORT_EVERY`], for the parent.
fn report_depth(out: &mut impl Write, depth: u64) {
    if depth.is_multiple_of(REPORT_EVERY) {
        // A failed write only loses a progress line; the parent reads what arrived.
        let _ = writeln!(out, "{depth}");
    }
}

/// Dives to `target` on a new thread with `stack_bytes` of stack, and returns normally.
///
/// This is the cure a deep recursion needs in Rust (and, with `threading.stack_size`, in
/// Python too): not a higher limit, a bigger stack.
///
/// ```
/// let reached = recursion::overflow::dive_on_thread(16 << 20, 10_000)?;
/// assert_eq!(reached, 10_000);
/// # Ok::<(), std::io::Error>(())
/// ```
// ANCHOR: dive_on_thread
pub fn dive_on_thread(stack_bytes: usize, target: u64) -> std::io::Result<u64> {
    std::thread::Builder::new()
        .name("deep".to_owned())
        .stack_size(stack_bytes)
        .spawn(move || dive(0, target, &mut |_| {}))?
        .join()
        .map_err(|_| std::io::Error::other("the diving thread panicked"))
}
// ANCHOR_END: dive_on_thread

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dive_reports_every_depth_in_order() {
        let mut depths = Vec::new();
        assert_eq!(dive(3, 6, &mut |depth| depths.push(depth)), 6);
        assert_eq!(depths, [3, 4, 5, 6]);
    }

    #[test]
    fn modes_round_trip_through_the_environment_value() {
        for mode in [
            ChildMode::MainThread,
            ChildMode::Thread { stack_bytes: 65536 },
            ChildMode::NoBaseCase,
            ChildMode::Exec,
        ] {
            assert_eq!(ChildMode::from_env_value(&mode.to_env_value()), Ok(mode));
        }
        assert!(ChildMode::from_env_value("thread:lots").is_err());
    }
}
