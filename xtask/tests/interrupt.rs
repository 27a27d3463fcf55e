//! An interrupted runner kills the demos it is running: they sit in process groups of their
//! own, which the terminal's Ctrl-C does not reach. The runner is this test binary run again,
//! with its `main` to itself, so that its handler is the only one. The demo also records its
//! signal mask: a runner that blocked the signals would hand that mask to every demo (a mask
//! survives `exec`), and a demo's own children could then not be terminated.

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Trial};
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

/// Set in the copy of this test that plays the interrupted runner.
const RUNNER: &str = "XTASK_INTERRUPT_TEST_RUNNER";

fn main() -> ExitCode {
    if std::env::var_os(RUNNER).is_some() {
        return runner();
    }
    let trial = Trial::test("an_interrupted_runner_kills_its_demos", || {
        interrupt_a_runner().map_err(Into::into)
    });
    libtest_mimic::run(&Arguments::from_args(), vec![trial]).exit_code()
}

/// Plays the runner: runs a "demo" that starts a child, writes both PIDs to the file the
/// test names (its stdout is the runner's pipe) and hangs.
fn runner() -> ExitCode {
    xtask::process::end_demos_on_interrupt().expect("signals can be caught");
    let pids = std::path::PathBuf::from(std::env::var_os(RUNNER).expect("set by the test"));
    // grep, not the shell: dash clears its mask when it starts, and so would hide one.
    let mut grep = Command::new("grep");
    grep.args(["SigBlk", "/proc/self/status"]);
    let mask = xtask::process::run(grep, Duration::from_secs(30)).expect("grep runs");
    std::fs::write(pids.with_extension("mask"), mask.lines().join("\n")).expect("mask written");
    let mut demo = Command::new("sh");
    demo.args([
        "-c",
        "sleep 60 & echo $! > \"$PIDS.tmp\"; echo $$ >> \"$PIDS.tmp\"; mv \"$PIDS.tmp\" \"$PIDS\"; exec sleep 60",
    ])
    .env("PIDS", std::env::var_os(RUNNER).expect("set by the test"));
    let _ = xtask::process::run(demo, Duration::from_secs(60));
    ExitCode::SUCCESS
}

fn interrupt_a_runner() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let pids_file = dir.path().join("pids");
    let mut runner = Command::new(std::env::current_exe().map_err(|e| e.to_string())?)
        .env(RUNNER, &pids_file)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the runner: {e}"))?;
    let started = Instant::now();
    let pids = loop {
        if let Ok(file) = std::fs::File::open(&pids_file) {
            let pids: Vec<i32> = BufReader::new(file)
                .lines()
                .map_while(Result::ok)
                .filter_map(|line| line.trim().parse().ok())
                .collect();
            break pids;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = runner.kill();
            return Err("the demo never started".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mask = std::fs::read_to_string(pids_file.with_extension("mask")).unwrap_or_default();
    if !mask
        .split_whitespace()
        .nth(1)
        .is_some_and(|m| m.bytes().all(|b| b == b'0'))
    {
        let _ = runner.kill();
        return Err(format!(
            "the demo started with signals blocked ({}): the runner must not pass its mask on",
            mask.trim()
        ));
    }
    kill(Pid::from_raw(runner.id() as i32), Signal::SIGINT).map_err(|e| e.to_string())?;
    let status = runner.wait().map_err(|e| e.to_string())?;
    if status.signal() != Some(Signal::SIGINT as i32) {
        return Err(format!("the runner should die of SIGINT, but {status}"));
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut alive: Vec<i32> = pids.clone();
    while !alive.is_empty() && Instant::now() < deadline {
        alive.retain(|pid| is_alive(*pid));
        std::thread::sleep(Duration::from_millis(20));
    }
    if alive.is_empty() {
        Ok(())
    } else {
        for pid in &alive {
            let _ = kill(Pid::from_raw(*pid), Signal::SIGKILL);
        }
        Err(format!(
            "the demo's processes {alive:?} outlived the interrupted runner"
        ))
    }
}

/// Alive, and not a zombie waiting for its new parent to reap it.
fn is_alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z'),
        Err(_) => kill(Pid::from_raw(pid), None).is_ok(),
    }
}
