//! The long-lived pool's sections: workers forked once and reused, and what that saves a
//! big parent.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Instant;

use concurrency::multiprocessing::Pool;
use demo::{Section, yes_no};
use nix::sys::signal::{Signal, kill};
use nix::unistd::getpid;

use crate::report::ms;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "live-pool",
        title: "A pool started once: every call on the same workers, failures replaced",
        run: live_pool,
    },
    Section {
        name: "live-vs-fork",
        title: "A big parent: a fork per call costs more as it grows, a pool started once does not",
        run: live_vs_fork,
    },
];

// ANCHOR: live_pool
fn square(x: u64) -> u64 {
    x * x
}

fn fails_on_five(x: u64) -> u64 {
    if x == 5 {
        panic!("input {x} is not allowed");
    }
    x
}

fn live_pool() -> demo::Result {
    let mut pool = Pool::new(2).start()?;
    let workers = pool.pids();
    println!(
        "Pool::new(2).start(): {} workers, forked once",
        workers.len()
    );
    for call in 1..=3 {
        println!(
            "call {call}: map(square, 0..8) -> {:?}",
            pool.map(square, 0..8)?
        );
    }
    println!(
        "the same workers for every call: {}",
        yes_no(pool.pids() == workers)
    );
    match pool.map(fails_on_five, 0..8) {
        Ok(results) => println!("no error?! {results:?}"),
        Err(error) => println!("map(fails_on_five, 0..8): error: {error}"),
    }
    println!("a panic cost a worker: {}", yes_no(pool.pids() != workers));
    let victim = workers[0];
    kill(victim, Signal::SIGKILL)?;
    println!("SIGKILL one worker between calls; the next call:");
    println!("  map(square, 0..4) -> {:?}", pool.map(square, 0..4)?);
    println!(
        "  its place refilled by a new worker: {}",
        yes_no(!pool.pids().contains(&victim) && pool.pids().len() == 2)
    );
    pool.close()?;
    println!(
        "pool.close(): children left: {}",
        crate::demo_multiprocessing::children_left()
    );
    Ok(())
}
// ANCHOR_END: live_pool

// ANCHOR: live_vs_fork
fn worker_pid(_: u32) -> i32 {
    getpid().as_raw()
}

fn live_vs_fork() -> demo::Result {
    const CALLS: usize = 5;
    let mut live = Pool::new(2).start()?;
    // Every page written, so that `fork` has all their page-table entries to copy.
    let ballast = black_box(vec![1u8; 256 << 20]);
    println!("the parent holds 256 MiB it has written; {CALLS} calls of map(worker_pid, 0..100):");
    let fork_per_call = Pool::new(2);
    let mut times = Vec::new();
    let mut seen = BTreeSet::new();
    let mut always_new = true;
    for _ in 0..CALLS {
        let clock = Instant::now();
        let pids: BTreeSet<i32> = fork_per_call.map(worker_pid, 0..100)?.into_iter().collect();
        times.push(clock.elapsed());
        always_new &= seen.is_disjoint(&pids);
        seen.extend(pids);
    }
    times.sort();
    println!(
        "  fork per call (Pool::map):    {} a call (median); new workers every call: {}",
        ms(times[CALLS / 2]),
        yes_no(always_new)
    );
    let workers: BTreeSet<i32> = live.pids().iter().map(|pid| pid.as_raw()).collect();
    let mut times = Vec::new();
    let mut same_workers = true;
    for _ in 0..CALLS {
        let clock = Instant::now();
        let pids = live.map(worker_pid, 0..100)?;
        times.push(clock.elapsed());
        same_workers &= pids.iter().all(|pid| workers.contains(pid));
    }
    times.sort();
    println!(
        "  started once (LivePool::map): {} a call (median); the same 2 workers every call: {}",
        ms(times[CALLS / 2]),
        yes_no(same_workers)
    );
    drop(ballast);
    live.close()?;
    Ok(())
}
// ANCHOR_END: live_vs_fork
