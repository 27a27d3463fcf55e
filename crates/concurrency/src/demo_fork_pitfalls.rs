//! The fork pitfalls sections: a task's output arrives once, and no worker outlives its parent.

use std::io::Read as _;
use std::os::fd::OwnedFd;
use std::thread;
use std::time::{Duration, Instant};

use concurrency::multiprocessing::{Pool, Process, ProcessEnd};
use demo::Section;
use nix::sys::prctl::set_child_subreaper;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::{Pid, getpid, pipe};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "task-output",
        title: "What a task prints arrives once, newline or not, before map returns",
        run: task_output,
    },
    Section {
        name: "orphans",
        title: "A parent killed mid-map takes its workers with it",
        run: orphans,
    },
];

// ANCHOR: task_output
fn task_output() -> demo::Result {
    println!("Pool(1).map over 0..8 of a task that does print!(\"<{{x}}>\"): no newline");
    println!("(one worker, so that its output reads in order)");
    // Unflushed when the pool forks: it must be written once, by the parent.
    print!("the parent, before the fork: ");
    let results = Pool::new(1).map(
        |x: u32| {
            print!("<{x}>");
            x * 10
        },
        0..8,
    )?;
    println!("\nmap returned {results:?}");
    Ok(())
}
// ANCHOR_END: task_output

/// Sends this process's pid down `pipe` in one write.
fn report_pid(pipe: &OwnedFd) {
    let _ = nix::unistd::write(pipe, &getpid().as_raw().to_le_bytes());
}

/// How `pid` (a child of ours) ended, if it did within `limit` of `since`; else it is
/// killed and reaped, and `None`.
fn ended_within(pid: Pid, since: Instant, limit: Duration) -> Option<ProcessEnd> {
    loop {
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) if since.elapsed() < limit => {
                thread::sleep(Duration::from_millis(2));
            }
            Ok(WaitStatus::Signaled(_, signal, core_dumped)) => {
                return Some(ProcessEnd::Signaled {
                    signal,
                    core_dumped,
                });
            }
            Ok(WaitStatus::Exited(_, code)) => return Some(ProcessEnd::Exited(code)),
            _ => {
                let _ = kill(pid, Signal::SIGKILL);
                let _ = waitpid(pid, None);
                return None;
            }
        }
    }
}

fn orphans() -> demo::Result {
    // Orphans are handed to the nearest subreaper: this demo, which can then reap them and
    // say when they died (without it they would go to init, out of sight).
    set_child_subreaper(true)?;
    let (read, write) = pipe()?;
    println!("a parent process starts a Process and a Pool(2).map, every task sleeping 30 s");
    let parent = Process::start(|| {
        let sleeper = Process::start(|| {
            report_pid(&write);
            thread::sleep(Duration::from_secs(30));
        });
        let _ = Pool::new(2).chunksize(1).map(
            |x: u32| {
                report_pid(&write);
                thread::sleep(Duration::from_secs(30));
                x
            },
            0..4,
        );
        drop(sleeper);
    })?;
    drop(write);
    let mut pids = [0u8; 12];
    std::fs::File::from(read).read_exact(&mut pids)?;
    let children: Vec<Pid> = pids
        .chunks(4)
        .map(|b| Pid::from_raw(i32::from_le_bytes([b[0], b[1], b[2], b[3]])))
        .collect();
    println!(
        "its {} children are running; SIGKILL the parent",
        children.len()
    );
    parent.kill()?;
    let killed = Instant::now();
    println!("parent: {}", parent.join()?);
    let limit = Duration::from_secs(1);
    let mut endings: Vec<String> = children
        .iter()
        .map(|&child| match ended_within(child, killed, limit) {
            Some(status) => status.to_string(),
            None => format!("still running after {} s", limit.as_secs()),
        })
        .collect();
    endings.sort();
    endings.dedup_by(|a, b| a == b);
    println!(
        "its {} children, within {} s: {}",
        children.len(),
        limit.as_secs(),
        endings.join("; ")
    );
    Ok(())
}
