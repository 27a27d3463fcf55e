//! Processes: `Pool.map` of CPU-bound tasks against a serial loop, what a task costs
//! `Pool.map`, and what one `Process` costs.
//!
//! Every pool is made and torn down inside the timing: this crate's `Pool` forks its
//! workers for each call and reaps them before it returns, so there is nothing to leave out,
//! and the Python bench times `Pool(2)`, `map`, `close` and `join` to match.

use std::hint::black_box;

use concurrency::multiprocessing::{Pool, Process, ProcessEnd};
use concurrency::threading::cpu_bound::count_primes;
use measure::timing::seconds;
use measure::{Figure, Outcome, full_or_quick, repeats, report, speedup};

use crate::peers;
use crate::shared::SHARED;
use crate::sized::{self, LENGTHS, Length};

/// The identity map's inputs, `0..identity_inputs()`: 20,000 (5,000 in a quick run), enough
/// to average a per-task cost over, few enough that CPython's 20 to 70 us a task stays seconds.
fn identity_inputs() -> u64 {
    full_or_quick(20_000, 5_000)
}

/// The shared number of tasks of `count_primes(n)`: one after another against `map` on a
/// pool.
fn pool_against_serial<R>(n: u64, mut map: impl FnMut(Vec<u64>) -> Outcome<R>) -> Outcome<Figure> {
    let inputs = || black_box(vec![n; SHARED.tasks]);
    speedup(
        repeats(),
        || Ok(inputs().into_iter().map(count_primes).collect::<Vec<_>>()),
        || map(inputs()),
    )
}

pub(crate) fn pool_of_cpu_bound_tasks() -> Outcome {
    for length in LENGTHS {
        let n = sized::free(length)?;
        let figure = pool_against_serial(n, |inputs| Ok(Pool::new(2).map(count_primes, inputs)?))?;
        report(
            &format!("pool-cpu-{}", length.suffix()),
            &figure,
            "x",
            &format!(
                "Pool(2).map of {} tasks of {} vs serial",
                SHARED.tasks,
                length.label()
            ),
        );
        let figure = pool_against_serial(n, |inputs| {
            peers::procspawn_map(&procspawn::Pool::new(2)?, count_primes, inputs)
        })?;
        report(
            &format!("pool-cpu-{}-procspawn", length.suffix()),
            &figure,
            "x",
            "  the same on a procspawn::Pool(2) made and dropped in each call",
        );
    }
    Ok(())
}

/// The 20 ms tasks on a pool started once, before the timing: no fork per call, and workers
/// that already run on their cores (a new process often starts on a busy core, and the
/// kernel moves it only a few milliseconds later, which four 20 ms tasks feel; 200 ms tasks
/// hardly do, so they are not repeated here).
pub(crate) fn started_pool_of_cpu_bound_tasks() -> Outcome {
    let length = Length::Short;
    let n = sized::free(length)?;
    let mut ours = Pool::new(2).start()?;
    let figure = pool_against_serial(n, |inputs| Ok(ours.map(count_primes, inputs)?))?;
    ours.close()?;
    report(
        &format!("pool-live-cpu-{}", length.suffix()),
        &figure,
        "x",
        &format!(
            "  the same on a pool started once (Python: Pool(2) reused), tasks of {}",
            length.label()
        ),
    );
    // The peers, each started before its timing and ended after it, as ours was: no two
    // pools' workers are alive at once.
    let theirs = procspawn::Pool::new(2)?;
    let figure = pool_against_serial(n, |inputs| {
        peers::procspawn_map(&theirs, count_primes, inputs)
    })?;
    drop(theirs);
    report(
        &format!("pool-live-cpu-{}-procspawn", length.suffix()),
        &figure,
        "x",
        "  the same on a procspawn::Pool(2) started once",
    );
    let threads = peers::rayon_pool(2)?;
    let figure = pool_against_serial(n, |inputs| {
        Ok(peers::rayon_map(&threads, &inputs, |&n| count_primes(n)))
    })?;
    drop(threads);
    report(
        &format!("pool-live-cpu-{}-rayon", length.suffix()),
        &figure,
        "x",
        "  the same with rayon's par_iter on a pool of 2 threads started once",
    );
    Ok(())
}

pub(crate) fn per_task_overhead() -> Outcome {
    let identity = |x: u64| x;
    let count = identity_inputs();
    let inputs = || black_box(0..count);
    let per_task_us = 1e6 / count as f64;
    let one_at_a_time = seconds(repeats(), || {
        Ok(Pool::new(2).chunksize(1).map(identity, inputs())?)
    })?;
    report(
        "pool-identity-chunksize-1",
        &one_at_a_time.scaled(per_task_us),
        "us",
        &format!("Pool(2).map(identity, {count} ints), chunksize 1: a task"),
    );
    let default = seconds(repeats(), || Ok(Pool::new(2).map(identity, inputs())?))?;
    report(
        "pool-identity-default-chunksize",
        &default.scaled(per_task_us),
        "us",
        "  the same, default chunksize: a task",
    );
    Ok(())
}

pub(crate) fn process_start_and_join() -> Outcome {
    let processes_per_run = SHARED.processes_per_run;
    let run = seconds(repeats(), || {
        for _ in 0..processes_per_run {
            let status = Process::start(|| {})?.join()?;
            if status != ProcessEnd::Exited(0) {
                return Err(format!("an empty child ended with {status}").into());
            }
        }
        Ok(())
    })?;
    report(
        "process-start-join",
        &run.scaled(1e3 / f64::from(processes_per_run)),
        "ms",
        "Process: start and join one (fork, exit, reap)",
    );
    Ok(())
}
