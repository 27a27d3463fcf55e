//! No worker outlives its parent process, and none dies with the *thread* that forked it.

use std::io::Read as _;
use std::os::fd::OwnedFd;
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use concurrency::multiprocessing::{Imap, Pool, Process, ProcessEnd};
use nix::sys::prctl::set_child_subreaper;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::{Pid, getpid, pipe};

use crate::harness::check;
use crate::pools::{AnyPool, Pools};

/// How long the orphans may take to die: the bound, far above the few milliseconds
/// a signal and a scheduling take even on a busy machine.
const ORPHAN_DEADLINE: Duration = Duration::from_secs(1);

/// Where the children of the killed parent report their pids: set in the subreaper, which
/// is a fresh fork of the test process in each round. A static, so that a `fn` task of the
/// long-lived pool, which captures nothing, reaches it too.
static REPORT: OnceLock<OwnedFd> = OnceLock::new();

/// Sends this process's pid to [`REPORT`], as 4 bytes (one atomic write).
fn report_pid() {
    if let Some(pipe) = REPORT.get() {
        let _ = nix::unistd::write(pipe, &getpid().as_raw().to_le_bytes());
    }
}

/// Reads `count` pids sent by [`report_pid`].
fn read_pids(pipe: OwnedFd, count: usize) -> Vec<Pid> {
    let mut bytes = vec![0; 4 * count];
    std::fs::File::from(pipe)
        .read_exact(&mut bytes)
        .expect("the workers report their pids");
    bytes
        .chunks(4)
        .map(|b| Pid::from_raw(i32::from_le_bytes([b[0], b[1], b[2], b[3]])))
        .collect()
}

/// In a subreaper (so that the orphans become its children and can be reaped, with no pid
/// reuse to fear): starts a parent that runs a `Process` and a `Pool(2).map` on `pools` of
/// 30-second tasks, each reporting its pid first; SIGKILLs that parent mid-map; then
/// requires every one of the three to be dead, by SIGKILL, within [`ORPHAN_DEADLINE`].
fn kill_the_parent_mid_call(pools: Pools) {
    set_child_subreaper(true).expect("PR_SET_CHILD_SUBREAPER");
    let (read, write) = pipe().expect("pipe");
    REPORT.set(write).expect("a fresh subreaper");
    let parent = Process::start(|| {
        let child = Process::start(|| {
            report_pid();
            thread::sleep(Duration::from_secs(30));
        })
        .unwrap();
        let slow = |x: u32| {
            report_pid();
            thread::sleep(Duration::from_secs(30));
            x
        };
        let _ = pools.pool(Pool::new(2).chunksize(1)).map(slow, 0..4);
        drop(child);
    })
    .expect("fork");
    // A worker reports once, at its first task, and then sleeps: exactly three reports.
    let orphans = read_pids(read, 3);
    parent.kill().unwrap();
    let status = parent.join().unwrap();
    assert_eq!(status.code(), Some(-9), "the parent {status}");
    let deadline = Instant::now() + ORPHAN_DEADLINE;
    for &orphan in &orphans {
        loop {
            match waitpid(orphan, Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(5));
                }
                Ok(WaitStatus::Signaled(_, Signal::SIGKILL, _)) => break,
                other => {
                    for &pid in &orphans {
                        let _ = kill(pid, Signal::SIGKILL);
                        let _ = waitpid(pid, None);
                    }
                    panic!(
                        "orphan {orphan} of a killed parent, after {ORPHAN_DEADLINE:?}: {other:?}"
                    );
                }
            }
        }
    }
}

fn no_worker_outlives_a_killed_parent(pools: Pools) {
    for round in 0..30 {
        // The subreaper is a child of its own, so this test process stays an ordinary one.
        let status = Process::start(|| kill_the_parent_mid_call(pools))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(status, ProcessEnd::Exited(0), "round {round} (see stderr)");
    }
}
check!(each_pool: no_worker_outlives_a_killed_parent);

/// In a subreaper: a parent that forks a child and kills itself at once, so that it may be
/// gone before the child has asked for its parent-death signal (the race `getppid` closes).
/// Its child must be gone within [`ORPHAN_DEADLINE`] all the same.
fn parent_dies_right_after_the_fork() {
    set_child_subreaper(true).expect("PR_SET_CHILD_SUBREAPER");
    let (read, write) = pipe().expect("pipe");
    let parent = Process::start(|| {
        let child = Process::start(|| {
            let _ = nix::unistd::write(&write, &getpid().as_raw().to_le_bytes());
            thread::sleep(Duration::from_secs(30));
        });
        std::mem::forget(child);
        let _ = kill(getpid(), Signal::SIGKILL);
    })
    .expect("fork");
    drop(write);
    let status = parent.join().unwrap();
    assert_eq!(status.code(), Some(-9), "the parent {status}");
    // The orphan, if it lives, is our child now: wait until we have none.
    let deadline = Instant::now() + ORPHAN_DEADLINE;
    loop {
        match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
            Err(nix::errno::Errno::ECHILD) => return,
            Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(5));
            }
            Ok(WaitStatus::StillAlive) => {
                // Kill it by the pid it reported (it writes that first), then fail.
                nix::fcntl::fcntl(
                    &read,
                    nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK),
                )
                .expect("fcntl");
                let mut pid = [0; 4];
                if nix::unistd::read(&read, &mut pid) == Ok(4) {
                    let orphan = Pid::from_raw(i32::from_le_bytes(pid));
                    let _ = kill(orphan, Signal::SIGKILL);
                    let _ = waitpid(orphan, None);
                }
                panic!(
                    "a child outlived its parent, killed right after the fork, by {ORPHAN_DEADLINE:?}"
                );
            }
            Ok(_) => {}
            Err(error) => panic!("waitpid: {error}"),
        }
    }
}

fn no_child_outlives_a_parent_killed_right_after_the_fork() {
    for round in 0..30 {
        let status = Process::start(parent_dies_right_after_the_fork)
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(status, ProcessEnd::Exited(0), "round {round} (see stderr)");
    }
}
check!(no_child_outlives_a_parent_killed_right_after_the_fork);

/// Slow enough to be running when the thread that forked its worker has ended, which takes
/// that thread a few milliseconds.
fn slow_double(x: u32) -> u32 {
    thread::sleep(Duration::from_millis(100));
    x * 2
}

/// What a thread forked: a fork-per-call pool's workers, mid-imap, or a started pool's,
/// before any call.
enum Forked {
    MidCall(Imap<u32>),
    Started(AnyPool),
}

fn workers_outlive_the_thread_that_forked_them(pools: Pools) {
    // Linux sends the parent-death signal when the *thread* that forked exits. Workers and a
    // process forked on a thread that then ends must go on, and finish their work.
    for round in 0..5 {
        let (forked, child) = thread::spawn(move || {
            let forked = match pools.pool(Pool::new(2).chunksize(1)) {
                AnyPool::PerCall(pool) => Forked::MidCall(pool.imap(slow_double, 0..4).unwrap()),
                started => Forked::Started(started),
            };
            let child = Process::start(|| thread::sleep(Duration::from_millis(100))).unwrap();
            (forked, child)
        })
        .join()
        .unwrap();
        let got: Result<Vec<u32>, _> = match forked {
            Forked::MidCall(results) => results.collect(),
            Forked::Started(mut pool) => {
                let pids = pool.pids();
                let got = pool.map(slow_double, 0..4);
                assert_eq!(pool.pids(), pids, "round {round}: workers were replaced");
                got
            }
        };
        assert_eq!(got, Ok(vec![0, 2, 4, 6]), "round {round}");
        assert_eq!(
            child.join().unwrap(),
            ProcessEnd::Exited(0),
            "round {round}"
        );
    }
}
check!(each_pool: workers_outlive_the_thread_that_forked_them);
