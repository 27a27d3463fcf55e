//! Where a pool call's fixed cost goes: the `fork` itself, the page faults after it, and
//! reaping the child.
//!
//! A `Pool::map` here forks its workers afresh for each call, so its fixed cost is, per
//! worker, a `fork` (the kernel copies the parent's page tables and marks every private page
//! copy-on-write), the faults that follow (each first write to such a page, in the child or
//! in the parent, copies it), the child's exit (its address space torn down) and the
//! parent's `waitpid`. Each is measured on its own, with the same steps in `concurrency.py`
//! through `os.fork`, so the two sides can be set apart step by step.
//!
//! One more cost is the scheduler's, not the pool's: where a new process starts. After the
//! parent has kept one core busy, a child it forks often starts on a busy core and is moved
//! to the free one only a few milliseconds later (`second-child-start`); new threads are
//! placed the same way (`second-thread-start`). Rust only: it explains a Rust figure.

use std::fs::File;
use std::hint::black_box;
use std::io::{Read as _, Write as _};
use std::thread;
use std::time::{Duration, Instant};

use concurrency::multiprocessing::Pool;
use measure::timing::seconds;
use measure::{Figure, Outcome, full_or_quick, repeats, report};
use nix::sys::resource::{UsageWho, getrusage};
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, Pid};

use crate::shared::SHARED;
use crate::steadiness::busy_for;
/// Before two new processes (or threads) start, the parent keeps its core busy this long, as
/// the serial run before a pool call does; each new one then works this long.
const BUSY: Duration = Duration::from_millis(60);
const WORK: Duration = Duration::from_millis(20);

/// Minor page faults so far, of this process or of its reaped children.
fn minor_faults(who: UsageWho) -> Outcome<f64> {
    Ok(getrusage(who)?.minor_page_faults() as f64)
}

pub(crate) fn pool_call() -> Outcome {
    let per_run = SHARED.fork_cost.per_run;
    let (mut parent_faults, mut child_faults) = (Vec::new(), Vec::new());
    let call = seconds(repeats(), || {
        let (parent, children) = (
            minor_faults(UsageWho::RUSAGE_SELF)?,
            minor_faults(UsageWho::RUSAGE_CHILDREN)?,
        );
        for _ in 0..per_run {
            black_box(Pool::new(2).map(|x: u64| x, black_box([0, 1]))?);
        }
        let per_call = f64::from(per_run);
        parent_faults.push((minor_faults(UsageWho::RUSAGE_SELF)? - parent) / per_call);
        child_faults.push((minor_faults(UsageWho::RUSAGE_CHILDREN)? - children) / per_call);
        Ok(())
    })?;
    report(
        "pool-call-trivial",
        &call.scaled(1e6 / f64::from(per_run)),
        "us",
        "Pool(2).map(identity, [0, 1]): a whole call, its fixed cost",
    );
    report(
        "pool-call-parent-faults",
        &Figure::of_runs(parent_faults),
        "faults",
        "  page faults in the parent during a call",
    );
    report(
        "pool-call-child-faults",
        &Figure::of_runs(child_faults),
        "faults",
        "  page faults in its 2 workers together",
    );
    Ok(())
}

/// Forks a child that runs `child` and then leaves at once with `_exit`.
fn fork(child: impl FnOnce()) -> Outcome<Pid> {
    // SAFETY: the bench's own threads have all been joined by now (every step joins what it
    // starts), so the child is a copy of a single-threaded process and no lock can be held
    // in it. The child runs only `child` (a pipe read or write, busy work, or nothing) and
    // `_exit`, never returning into the caller's stack and never running atexit handlers or
    // stdio flushes.
    match unsafe { nix::unistd::fork() }? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            child();
            // SAFETY: `_exit` has no preconditions; it is `unsafe` only as a foreign function.
            unsafe { nix::libc::_exit(0) }
        }
    }
}

fn reap(child: Pid) -> Outcome {
    match waitpid(child, None)? {
        WaitStatus::Exited(_, 0) => Ok(()),
        other => Err(format!("a forked child ended with {other:?}").into()),
    }
}

pub(crate) fn fork_and_reap() -> Outcome {
    let per_run = SHARED.fork_cost.per_run;
    let (mut forks, mut reaps, mut faults) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..repeats() {
        let children = minor_faults(UsageWho::RUSAGE_CHILDREN)?;
        let (mut fork_seconds, mut reap_seconds) = (0.0, 0.0);
        for _ in 0..per_run {
            let start = Instant::now();
            let child = fork(|| {})?;
            let forked = Instant::now();
            reap(child)?;
            fork_seconds += (forked - start).as_secs_f64();
            reap_seconds += forked.elapsed().as_secs_f64();
        }
        let per_fork = f64::from(per_run);
        forks.push(1e6 * fork_seconds / per_fork);
        reaps.push(1e6 * reap_seconds / per_fork);
        faults.push((minor_faults(UsageWho::RUSAGE_CHILDREN)? - children) / per_fork);
    }
    report(
        "fork-return",
        &Figure::of_runs(forks),
        "us",
        "fork(): until it returns in the parent",
    );
    report(
        "fork-exit-reap",
        &Figure::of_runs(reaps),
        "us",
        "  then an empty child's exit, until waitpid returns",
    );
    report(
        "fork-child-faults",
        &Figure::of_runs(faults),
        "faults",
        "  page faults in that empty child",
    );
    Ok(())
}

/// Writes one byte in every page of `buffer`; returns the seconds it took.
fn touch_pages(buffer: &mut [u8]) -> f64 {
    let page_size = SHARED.fork_cost.page;
    let start = Instant::now();
    for page in buffer.chunks_mut(page_size) {
        page[0] = page[0].wrapping_add(1);
    }
    black_box(&buffer);
    start.elapsed().as_secs_f64()
}

pub(crate) fn copy_on_write_fault() -> Outcome {
    let (cow_bytes, page) = (SHARED.fork_cost.cow_mib << 20, SHARED.fork_cost.page);
    let mut buffer = vec![1u8; cow_bytes];
    let pages = (cow_bytes / page) as f64;
    let mut runs = Vec::new();
    for _ in 0..repeats() {
        // Resident and private: writing it now costs no fault.
        let unshared = touch_pages(&mut buffer);
        let (read_end, write_end) = nix::unistd::pipe()?;
        // The child waits on the pipe, so the parent's pages stay shared while it writes.
        // (The parent's read end goes with the closure, dropped unrun on the parent's side.)
        let child = fork(move || {
            let _ = File::from(read_end).read(&mut [0]);
        })?;
        let shared = touch_pages(&mut buffer);
        File::from(write_end).write_all(&[0])?;
        reap(child)?;
        runs.push(1e6 * (shared - unshared) / pages);
    }
    report(
        "cow-fault",
        &Figure::of_runs(runs),
        "us",
        "one copy-on-write fault: a parent's write to a page it shares with a child",
    );
    Ok(())
}

/// Milliseconds from `since` to now.
fn ms_since(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

/// After [`BUSY`] on this core, forks two children that each work [`WORK`]: how many
/// milliseconds after the first fork the later of them started running.
fn later_child_start() -> Outcome<f64> {
    busy_for(BUSY);
    let forked = Instant::now();
    let mut children = Vec::new();
    for _ in 0..2 {
        let (read_end, write_end) = nix::unistd::pipe()?;
        let child = fork(move || {
            let started = ms_since(forked);
            let _ = File::from(write_end).write_all(&started.to_le_bytes());
            busy_for(WORK);
        })?;
        children.push((child, File::from(read_end)));
    }
    let mut latest: f64 = 0.0;
    for (child, mut read_end) in children {
        let mut started = [0; 8];
        read_end.read_exact(&mut started)?;
        reap(child)?;
        latest = latest.max(f64::from_le_bytes(started));
    }
    Ok(latest)
}

/// The same for two threads spawned.
fn later_thread_start() -> Outcome<f64> {
    busy_for(BUSY);
    let spawned = Instant::now();
    let handles: Vec<_> = (0..2)
        .map(|_| {
            thread::spawn(move || {
                let started = ms_since(spawned);
                busy_for(WORK);
                started
            })
        })
        .collect();
    let mut latest: f64 = 0.0;
    for handle in handles {
        latest = latest.max(handle.join().map_err(|_| "a busy thread panicked")?);
    }
    Ok(latest)
}

pub(crate) fn second_start() -> Outcome {
    let starts = full_or_quick(15, 3);
    let (mut children, mut threads) = (Vec::new(), Vec::new());
    for _ in 0..starts {
        children.push(later_child_start()?);
        threads.push(later_thread_start()?);
    }
    report(
        "second-child-start",
        &Figure::of_runs(children),
        "ms",
        "after 60 ms of work, fork two children: when the later one starts running",
    );
    report(
        "second-thread-start",
        &Figure::of_runs(threads),
        "ms",
        "  the same for two threads spawned",
    );
    Ok(())
}
