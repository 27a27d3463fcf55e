//! Runs an exercise's `main` in a child process, under a time limit, and captures what it
//! prints.
//!
//! A test cannot read what `main` prints from inside its own process (libtest captures
//! `println!` for itself), and a `main` that never returns would hang it. So the test binary
//! runs itself again, selecting only the calling test, with `LEARN_CHECK_CHILD` set: in that
//! child, the same call runs `main` with output going straight to the pipe, then ends the
//! process before libtest reports anything. The parent kills a child that outlives the limit.

use std::io::{Read, Write};
use std::panic;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Set in the child to the name of the test that runs `main`.
const CHILD: &str = "LEARN_CHECK_CHILD";

/// Printed by the child right before `main` runs: what comes before it is libtest's.
const START: &str = "\u{1e}learn-check: main starts\n";

/// How a run of `main` ended.
#[derive(Debug)]
pub struct Run {
    /// What it printed, stdout and stderr together.
    pub output: String,
    /// Whether it exited with status 0.
    pub success: bool,
    /// Whether it was killed for running past the limit.
    pub timed_out: bool,
}

/// In the parent, runs `main` in a child and returns how it ended; in the child, runs `main`
/// and ends the process, so that this returns `None` only to a caller that never sees it.
pub fn run_main(main: fn(), limit: Duration) -> Option<Run> {
    let test = std::thread::current().name().unwrap_or_default().to_owned();
    if std::env::var(CHILD).is_ok_and(|name| name == test) {
        run_here(main);
    }
    Some(run_in_child(&test, limit))
}

/// The child's side: `main`, then the end of the process with its status.
fn run_here(main: fn()) -> ! {
    print!("{START}");
    let _ = std::io::stdout().flush();
    // The panic hook has printed the message (as a terminal would show it) by the time
    // `catch_unwind` returns.
    let status = match panic::catch_unwind(main) {
        Ok(()) => 0,
        Err(_) => 101,
    };
    let _ = std::io::stdout().flush();
    std::process::exit(status);
}

/// The parent's side: the test binary run again for `test` alone, stdout and stderr into one
/// pipe, killed at `limit`.
fn run_in_child(test: &str, limit: Duration) -> Run {
    let exe = std::env::current_exe().expect("the test binary knows its own path");
    let (mut reader, writer) = std::io::pipe().expect("a pipe for the child's output");
    let mut child = Command::new(exe)
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, test)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(writer.try_clone().expect("a second end of the pipe"))
        .stderr(writer)
        .spawn()
        .expect("the test binary runs again as a child");
    // The command held the writing ends; now only the child does, so reading ends at its exit.
    let reading = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = reader.read_to_end(&mut bytes);
        bytes
    });
    let started = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().expect("waiting for the child") {
            break (Some(status), false);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let bytes = reading.join().unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let output = text
        .split_once(START)
        .map_or(text.as_ref(), |(_, after)| after);
    Run {
        output: output.to_owned(),
        success: status.is_some_and(|status| status.success()),
        timed_out,
    }
}

/// The exercise's name: the first part of the test's name where the exercise is a module of
/// a larger test program (`defaults1::tests::..`, as xtask's check builds them), else the
/// test binary's, less the hash cargo appends (`defaults1-0f3a..`).
pub fn exercise_name() -> String {
    let test = std::thread::current().name().unwrap_or_default().to_owned();
    let parts: Vec<&str> = test.split("::").collect();
    if parts.len() > 2 {
        return parts[0].to_owned();
    }
    let exe = std::env::current_exe().unwrap_or_default();
    let stem = exe
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.rsplit_once('-') {
        Some((name, hash)) if hash.bytes().all(|b| b.is_ascii_hexdigit()) => name.to_owned(),
        _ => stem,
    }
}
