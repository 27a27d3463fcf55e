//! Processes: `Pool.map` of CPU-bound tasks against a serial loop, what a task costs
//! `Pool.map`, and what one `Process` costs.
//!
//! Every pool is made and torn down inside the timing: this crate's `Pool` forks its
//! workers for each call and reaps them before it returns, so there is nothing to leave out,
//! and the Python bench times `Pool(2)`, `map`, `close` and `join` to match.

use std::hint::black_box;

use concurrency::multiprocessing::{ExitStatus, Pool, Process};
use concurrency::threading::cpu_bound::count_primes;

use crate::PRIMES_BELOW;
use crate::measure::{Outcome, REPEATS, REPEATS_LONG, median_seconds, ms, report, speedup, us};

/// How many CPU-bound tasks the pool maps.
const TASKS: usize = 4;
/// The identity map's inputs: `0..IDENTITY_INPUTS`.
const IDENTITY_INPUTS: u64 = 100_000;
/// How many processes one run starts and joins, one after another.
const PROCESSES_PER_RUN: u32 = 20;

pub(crate) fn run() -> Outcome {
    pool_of_cpu_bound_tasks()?;
    per_task_overhead()?;
    process_start_and_join()
}

fn pool_of_cpu_bound_tasks() -> Outcome {
    let inputs = || black_box([PRIMES_BELOW; TASKS]);
    let figure = speedup(
        || Ok(inputs().map(count_primes)),
        || Ok(Pool::new(2).map(count_primes, inputs())?),
    )?;
    report(
        "pool-cpu",
        figure,
        "x",
        &format!("Pool(2).map of {TASKS} CPU-bound tasks vs serial"),
    );
    Ok(())
}

fn per_task_overhead() -> Outcome {
    let identity = |x: u64| x;
    let inputs = || black_box(0..IDENTITY_INPUTS);
    let tasks = IDENTITY_INPUTS as f64;
    let one_at_a_time = median_seconds(REPEATS_LONG, || {
        Ok(Pool::new(2).chunksize(1).map(identity, inputs())?)
    })?;
    report(
        "pool-identity-chunksize-1",
        us(one_at_a_time / tasks),
        "us",
        "Pool(2).map(identity, 100,000 ints), chunksize 1: a task",
    );
    let default = median_seconds(REPEATS_LONG, || Ok(Pool::new(2).map(identity, inputs())?))?;
    report(
        "pool-identity-default-chunksize",
        us(default / tasks),
        "us",
        "  the same, default chunksize: a task",
    );
    Ok(())
}

fn process_start_and_join() -> Outcome {
    let run = median_seconds(REPEATS, || {
        for _ in 0..PROCESSES_PER_RUN {
            let status = Process::start(|| {})?.join()?;
            if status != ExitStatus::Exited(0) {
                return Err(format!("an empty child ended with {status}").into());
            }
        }
        Ok(())
    })?;
    report(
        "process-start-join",
        ms(run / f64::from(PROCESSES_PER_RUN)),
        "ms",
        "Process: start and join one (fork, exit, reap)",
    );
    Ok(())
}
