//! Stops an exercise's program that runs on and on, and says which exercise it was.
//!
//! rustlings runs an exercise's binary (after its tests, and again after a failed test) with
//! no time limit: a learner's endless loop would leave it waiting forever. The exercises'
//! output checks stop a looping `main` themselves (learn-check, 10 s), but not rustlings' own
//! run of the binary, nor a loop in a test. So while rustlings runs, this thread looks every
//! 250 ms for processes whose executable is one of the set's binaries (`<target>/debug/<name>`
//! or its test binary `<target>/debug/deps/<name>-<hash>`), and kills one that has run for
//! [`LIMIT`], saying so in its output: rustlings then shows the exercise as failed, with
//! the message, and carries on.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

/// How long an exercise's program may run: learn-check's limit for `main`, and some more.
pub const LIMIT: Duration = Duration::from_secs(15);

/// Watches until `stop` is set; `names` are the exercises' binaries (`defaults1`,
/// `defaults1_sol`), `target` the target directory they are built in.
pub fn watch(target: &Path, names: &[String], stop: &Arc<AtomicBool>) {
    let debug = target.join("debug");
    let mut first_seen: HashMap<i32, (Instant, String)> = HashMap::new();
    while !stop.load(Ordering::Relaxed) {
        let running = exercise_processes(&debug, names);
        first_seen.retain(|pid, _| running.iter().any(|(p, _)| p == pid));
        for (pid, name) in running {
            let (since, name) = first_seen.entry(pid).or_insert((Instant::now(), name));
            if since.elapsed() >= LIMIT {
                stop_with_a_message(pid, name);
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Writes why into the process's own output, which rustlings shows as the exercise's, then
/// kills it. rustlings redraws the screen when the run ends, so a line written to the
/// terminal beside it would be gone at once; written into the program's stdout (a pipe to
/// rustlings, opened again through `/proc`), it is shown with the program's output.
fn stop_with_a_message(pid: i32, name: &str) {
    let message = format!(
        "\ncargo xtask learn: `{name}` ran for {} s without finishing, and was stopped: an \
         endless loop?\n",
        LIMIT.as_secs()
    );
    let written = std::fs::OpenOptions::new()
        .write(true)
        .open(format!("/proc/{pid}/fd/1"))
        .and_then(|mut stdout| stdout.write_all(message.as_bytes()));
    if kill(Pid::from_raw(pid), Signal::SIGKILL).is_ok() && written.is_err() {
        // rustlings keeps the terminal raw: a line ends with \r\n.
        eprint!("{}", message.replace('\n', "\r\n"));
    }
}

/// The processes running one of the set's binaries: their pids and exercise names.
fn exercise_processes(debug: &Path, names: &[String]) -> Vec<(i32, String)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid: i32 = entry.file_name().to_str()?.parse().ok()?;
            let exe = std::fs::read_link(entry.path().join("exe")).ok()?;
            let name = exercise_of(debug, &exe, names)?;
            Some((pid, name))
        })
        .collect()
}

/// The exercise `exe` belongs to, if it is one of the set's binaries under `debug`.
fn exercise_of(debug: &Path, exe: &Path, names: &[String]) -> Option<String> {
    let dir = exe.parent()?;
    let file = exe.file_name()?.to_str()?;
    let stem = if dir == debug {
        file
    } else if dir == debug.join("deps") {
        file.rsplit_once('-')?.0
    } else {
        return None;
    };
    names.iter().find(|name| *name == stem).cloned()
}

/// `<target>/debug` as the kernel names it in `/proc/<pid>/exe`: without symlinks.
pub fn canonical(target: &Path) -> PathBuf {
    target
        .canonicalize()
        .unwrap_or_else(|_| target.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binaries_and_test_binaries_of_the_set_are_found_by_name() {
        let debug = Path::new("/t/debug");
        let names = ["defaults1".to_owned(), "defaults1_sol".to_owned()];
        let of = |exe: &str| exercise_of(debug, Path::new(exe), &names);
        assert_eq!(of("/t/debug/defaults1").as_deref(), Some("defaults1"));
        assert_eq!(
            of("/t/debug/deps/defaults1_sol-0a1b").as_deref(),
            Some("defaults1_sol")
        );
        assert_eq!(of("/t/debug/defaults"), None);
        assert_eq!(of("/elsewhere/defaults1"), None);
    }
}
