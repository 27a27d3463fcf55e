//! Runs the checks, each alone in a process of its own, several processes at once.
//!
//! "No child left" (`waitpid(-1, WNOHANG)` gives `ECHILD`) and "no descriptor leaked"
//! (`/proc/self/fd` counted) are facts about a whole process, so a check that asserts them
//! must have its process to itself: this test binary starts itself once per check, with
//! [`CHECK_VAR`] naming it, and that child runs the check on its main thread under a watchdog.
//! The children need not wait for each other: most of a check's time is spent sleeping in
//! tasks and waiting for deaths, so several of them ([`jobs`]) run at once.

use std::io::Read as _;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use nix::errno::Errno;
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;

/// A check: its name and its body.
pub(crate) type Check = (&'static str, fn());

/// The environment variable that makes this binary run one check, the one it names.
const CHECK_VAR: &str = "MULTIPROCESSING_CHECK";

/// How long one check may take before it counts as a hang.
const HANG: Duration = Duration::from_secs(60);

/// Panics the checks cause on purpose, outside pool workers (whose panics the pool reports
/// as values and never prints).
const EXPECTED_PANICS: &[&str] = &["the caller gives up", "in the child"];

/// The command line, read as libtest would: name filters, `--exact`, `--skip NAME`,
/// `--list`, `--ignored` (there are none), `--test-threads N`; other options and their
/// values are ignored.
#[derive(Default)]
struct Args {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    ignored: bool,
    test_threads: Option<usize>,
}

impl Args {
    fn parse() -> Self {
        let mut args = Self::default();
        let mut words = std::env::args().skip(1);
        while let Some(word) = words.next() {
            match word.as_str() {
                "--list" => args.list = true,
                "--exact" => args.exact = true,
                "--ignored" => args.ignored = true,
                "--skip" => args.skip.extend(words.next()),
                option if option.starts_with("--skip=") => {
                    args.skip.push(option["--skip=".len()..].to_owned());
                }
                "--test-threads" => args.test_threads = words.next().and_then(|n| n.parse().ok()),
                option if option.starts_with("--test-threads=") => {
                    args.test_threads = option["--test-threads=".len()..].parse().ok();
                }
                "--color" | "--format" | "--logfile" | "--shuffle-seed" | "-Z" => {
                    words.next();
                }
                option if option.starts_with('-') => {}
                filter => args.filters.push(filter.to_owned()),
            }
        }
        args
    }

    fn selects(&self, name: &str) -> bool {
        let matches = |pattern: &String| {
            if self.exact {
                name == pattern
            } else {
                name.contains(pattern.as_str())
            }
        };
        !self.ignored
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(matches)
    }
}

/// Runs the checks the command line selects and exits: in a child started for one check,
/// that check; else every selected check, each in a child of its own.
pub(crate) fn main(checks: &[Check]) {
    if let Ok(name) = std::env::var(CHECK_VAR) {
        match checks.iter().find(|(check, _)| *check == name) {
            Some(&(name, check)) => run_here(name, check),
            None => panic!("no check named {name}"),
        }
        return;
    }
    let args = Args::parse();
    let selected: Vec<&'static str> = checks
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| args.selects(name))
        .collect();
    if args.list {
        for name in selected {
            println!("{name}: test");
        }
        return;
    }
    let failed = run_in_children(&selected, jobs(args.test_threads));
    if failed.is_empty() {
        println!("\ntest result: ok. {} passed", selected.len());
    } else {
        println!("\nfailures:");
        for name in &failed {
            println!("    {name}");
        }
        let passed = selected.len() - failed.len();
        println!(
            "\ntest result: FAILED. {passed} passed; {} failed",
            failed.len()
        );
        std::process::exit(101);
    }
}

/// How many checks run at once: `--test-threads`, else `RUST_TEST_THREADS`, else four per
/// core, since a check spends most of its time waiting for sleeping tasks and for deaths
/// (on 2 cores, 36 checks used 6 s of CPU in 5 s with 8 at a time, 7 to 10 s with 4).
fn jobs(test_threads: Option<usize>) -> usize {
    test_threads
        .or_else(|| std::env::var("RUST_TEST_THREADS").ok()?.parse().ok())
        .unwrap_or_else(|| 4 * thread::available_parallelism().map_or(1, usize::from))
        .max(1)
}

/// Runs each check in a child, `jobs` at a time, printing each one's line as it ends (and
/// its output if it failed); returns the names of those that failed.
fn run_in_children(names: &[&'static str], jobs: usize) -> Vec<&'static str> {
    let queue = Mutex::new(names.iter().copied());
    let (ended, endings) = mpsc::channel();
    thread::scope(|scope| {
        for _ in 0..jobs.min(names.len()) {
            let ended = ended.clone();
            let queue = &queue;
            scope.spawn(move || {
                // Locked only to take the next name, not while that check runs.
                let next = || queue.lock().unwrap().next();
                while let Some(name) = next() {
                    let _ = ended.send((name, run_child(name)));
                }
            });
        }
        drop(ended);
        let mut failed = Vec::new();
        for (name, (status, output, took)) in endings {
            let took = took.as_millis();
            if status.success() {
                println!("test {name} ... ok ({took} ms)");
            } else {
                println!("test {name} ... FAILED ({took} ms, {status})\n{output}");
                failed.push(name);
            }
        }
        failed
    })
}

/// Runs check `name` in a child of this binary, with its stdout and stderr in one pipe;
/// returns how it ended, what it printed and how long it took.
fn run_child(name: &str) -> (ExitStatus, String, Duration) {
    let clock = Instant::now();
    // Close-on-exec, so that no other check's process started meanwhile holds this pipe.
    let (mut read, write) = std::io::pipe().expect("pipe");
    let mut child = Command::new(std::env::current_exe().expect("this test's executable"))
        .env(CHECK_VAR, name)
        .stdin(Stdio::null())
        .stdout(write.try_clone().expect("dup"))
        .stderr(write)
        .spawn()
        .expect("start the check's process");
    // Our copies of the write end are closed: end of file comes when the child and every
    // process it left holding its stdout are gone.
    let mut output = Vec::new();
    read.read_to_end(&mut output)
        .expect("read the check's output");
    let status = child.wait().expect("wait for the check's process");
    let output = String::from_utf8_lossy(&output).into_owned();
    (status, output, clock.elapsed())
}

/// Runs one check on this process's main thread, then requires that it left no child and
/// no open descriptor behind; a watchdog turns a hang into a failure.
fn run_here(name: &'static str, check: fn()) {
    quiet_expected_panics();
    thread::spawn(move || {
        thread::sleep(HANG);
        eprintln!("\n{name} hung for {HANG:?}");
        std::process::exit(1);
    });
    let fds = open_fds();
    check();
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
