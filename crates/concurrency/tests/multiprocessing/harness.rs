//! Runs the checks as libtest-mimic trials, each alone in a process of its own, several
//! processes at once.
//!
//! "No child left" (`waitpid(-1, WNOHANG)` gives `ECHILD`) and "no descriptor leaked"
//! (`/proc/self/fd` counted) are facts about a whole process, so a check that asserts them
//! must have its process to itself: each trial starts this test binary again with
//! [`CHECK_VAR`] naming it, and that child runs the check on its main thread under a
//! watchdog. libtest-mimic reads the command line (filters, `--exact`, `--skip`, `--list`,
//! `--test-threads`, `--format`) and reports; a failed trial shows what its child printed.
//! The children need not wait for each other: most of a check's time is spent sleeping in
//! tasks and waiting for deaths, so several of them ([`jobs`]) run at once.

use std::io::Read as _;
use std::process::{Command, ExitCode, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};
use nix::errno::Errno;
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;

use crate::pools::Pools;

/// A check, as [`check!`] registers it: its function's name and body.
pub(crate) struct Check {
    pub(crate) name: &'static str,
    pub(crate) body: Body,
}

/// What a check runs on, which its trials' names say after the function's name.
pub(crate) enum Body {
    /// No pool (a `Process`): one trial.
    Alone(fn()),
    /// What only the fork-per-call pool does: one trial, `[per-call]`.
    PerCall(fn()),
    /// What only the started pool does: one trial, `[live]`.
    Live(fn()),
    /// A scenario both pools share: two trials, `[per-call]` and `[live]`.
    EachPool(fn(Pools)),
}

inventory::collect!(Check);

/// Registers a check where it is written: `check!(name)` for one that takes no pool,
/// `check!(per_call: name)`, `check!(live: name)` for one pool's own, and
/// `check!(each_pool: name)` for a `fn(Pools)` run on both.
macro_rules! check {
    ($body:ident) => {
        $crate::harness::register!($body, Alone);
    };
    (per_call: $body:ident) => {
        $crate::harness::register!($body, PerCall);
    };
    (live: $body:ident) => {
        $crate::harness::register!($body, Live);
    };
    (each_pool: $body:ident) => {
        $crate::harness::register!($body, EachPool);
    };
}

macro_rules! register {
    ($body:ident, $kind:ident) => {
        inventory::submit! {
            $crate::harness::Check {
                name: stringify!($body),
                body: $crate::harness::Body::$kind($body),
            }
        }
    };
}

pub(crate) use {check, register};

/// The environment variable that makes this binary run one trial, the one it names.
const CHECK_VAR: &str = "MULTIPROCESSING_CHECK";

/// How long one check may take before it counts as a hang.
const HANG: Duration = Duration::from_secs(60);

/// Panics the checks cause on purpose, outside pool workers (whose panics the pool reports
/// as values and never prints).
const EXPECTED_PANICS: &[&str] = &["the caller gives up", "in the child"];

/// One trial's body: a check, with the pool it runs on.
#[derive(Clone, Copy)]
enum Run {
    Alone(fn()),
    On(fn(Pools), Pools),
}

impl Run {
    fn call(self) {
        match self {
            Self::Alone(check) => check(),
            Self::On(check, pools) => check(pools),
        }
    }
}

/// Every trial, by name, sorted: the order in which `inventory` lists the checks is the
/// link order, which nothing promises.
fn trials() -> Vec<(String, Run)> {
    let mut trials = Vec::new();
    for check in inventory::iter::<Check> {
        let on = |pools: Pools| format!("{} [{}]", check.name, pools.label());
        match check.body {
            Body::Alone(body) => trials.push((check.name.to_owned(), Run::Alone(body))),
            Body::PerCall(body) => trials.push((on(Pools::PerCall), Run::Alone(body))),
            Body::Live(body) => trials.push((on(Pools::Live), Run::Alone(body))),
            Body::EachPool(body) => {
                for pools in [Pools::PerCall, Pools::Live] {
                    trials.push((on(pools), Run::On(body, pools)));
                }
            }
        }
    }
    trials.sort_by(|a, b| a.0.cmp(&b.0));
    let names = trials.len();
    trials.dedup_by(|a, b| a.0 == b.0);
    assert_eq!(trials.len(), names, "two checks of the same name");
    trials
}

/// In a child started for one trial, runs that trial's check; else runs the trials the
/// command line selects, each in a child of its own.
pub(crate) fn main() -> ExitCode {
    let trials = trials();
    if let Ok(name) = std::env::var(CHECK_VAR) {
        match trials.iter().find(|(trial, _)| *trial == name) {
            Some(&(_, run)) => run_here(&name, run),
            None => panic!("no check named {name}"),
        }
        return ExitCode::SUCCESS;
    }
    let mut args = Arguments::from_args();
    args.test_threads = Some(jobs(args.test_threads));
    let nocapture = args.nocapture;
    let trials = trials
        .into_iter()
        .map(|(name, _)| {
            Trial::test(name.clone(), move || {
                let (status, output, took) = run_child(&name, nocapture);
                if status.success() {
                    Ok(())
                } else {
                    Err(Failed::from(format!("{status} after {took:?}\n{output}")))
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}

/// How many checks run at once: `--test-threads`, else `RUST_TEST_THREADS`, else eight per
/// core, since a check spends most of its time waiting for sleeping tasks and for deaths
/// (on 2 busy cores, the 48 trials took 5.0 to 5.1 s with 16 at a time, 5.3 to 5.6 s with
/// 8; the slowest trial alone takes 4.9 s).
fn jobs(test_threads: Option<usize>) -> usize {
    test_threads
        .or_else(|| std::env::var("RUST_TEST_THREADS").ok()?.parse().ok())
        .unwrap_or_else(|| 8 * thread::available_parallelism().map_or(1, usize::from))
        .max(1)
}

/// Runs trial `name` in a child of this binary, with its stdout and stderr in one pipe
/// (or this process's own, under `--nocapture`); returns how it ended, what it printed and
/// how long it took.
fn run_child(name: &str, nocapture: bool) -> (ExitStatus, String, Duration) {
    let clock = Instant::now();
    let mut command = Command::new(std::env::current_exe().expect("this test's executable"));
    command.env(CHECK_VAR, name).stdin(Stdio::null());
    if nocapture {
        let status = command.status().expect("run the check's process");
        return (status, String::new(), clock.elapsed());
    }
    // Close-on-exec, so that no other check's process started meanwhile holds this pipe.
    let (mut read, write) = std::io::pipe().expect("pipe");
    let mut child = command
        .stdout(write.try_clone().expect("dup"))
        .stderr(write)
        .spawn()
        .expect("start the check's process");
    // The command's copies of the write end go with it: end of file comes when the child
    // and every process it left holding its stdout are gone.
    drop(command);
    let mut output = Vec::new();
    read.read_to_end(&mut output)
        .expect("read the check's output");
    let status = child.wait().expect("wait for the check's process");
    let output = String::from_utf8_lossy(&output).into_owned();
    (status, output, clock.elapsed())
}

/// Runs one check on this process's main thread, then requires that it left no child and
/// no open descriptor behind; a watchdog turns a hang into a failure.
fn run_here(name: &str, run: Run) {
    quiet_expected_panics();
    let watched = name.to_owned();
    thread::spawn(move || {
        thread::sleep(HANG);
        eprintln!("\n{watched} hung for {HANG:?}");
        std::process::exit(1);
    });
    let fds = open_fds();
    run.call();
    assert_no_children(name);
    assert_eq!(open_fds(), fds, "{name} leaked file descriptors");
}

/// Keeps expected panics off the output; any other panic prints as usual.
fn quiet_expected_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = concurrency::panics::message(info.payload());
        if !EXPECTED_PANICS.contains(&message.as_str()) {
            previous(info);
        }
    }));
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .count()
}

pub(crate) fn assert_no_children(name: &str) {
    match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
        Err(Errno::ECHILD) => {}
        other => panic!("{name} left a child behind: waitpid(-1) gave {other:?}"),
    }
}
