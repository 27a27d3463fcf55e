//! Threads: two CPU-bound tasks with and without the modelled GIL, blocking waits that
//! overlap, and the data-parallel map over a slice.

use std::hint::black_box;
use std::time::Duration;

use concurrency::threading::cpu_bound::{count_primes, run_in_threads};
use concurrency::threading::gil::workload::{Runtime, Task};
use concurrency::threading::gil::{Gil, SWITCH_INTERVAL};
use concurrency::threading::io_bound::wait_in_threads;
use concurrency::threading::parallel_map::parallel_map;

use crate::PRIMES_BELOW;
use crate::measure::{
    Outcome, REPEATS, median, median_ratio, median_seconds, ms, paired, report, speedup,
};

/// One blocking wait, and how many run at once.
const WAIT: Duration = Duration::from_millis(100);
const WAITS: usize = 8;
/// The data-parallel map's input: `MAP_STEP, 2 * MAP_STEP, ...`, `MAP_LIMITS` of them, each
/// a `count_primes` task.
const MAP_LIMITS: u64 = 16;
const MAP_STEP: u64 = 5_000;

pub(crate) fn run() -> Outcome {
    cpu_bound_task()?;
    cpu_bound_threads()?;
    cpu_bound_threads_under_the_model()?;
    blocking_waits()?;
    data_parallel_map()
}

fn task() -> u64 {
    count_primes(black_box(PRIMES_BELOW))
}

fn cpu_bound_task() -> Outcome {
    let took = median_seconds(REPEATS, || Ok(task()))?;
    report(
        "cpu-task",
        ms(took),
        "ms",
        "one CPU-bound task, on one thread",
    );
    Ok(())
}

fn cpu_bound_threads() -> Outcome {
    let figure = speedup(
        || Ok([task(), task()]),
        || Ok(run_in_threads(vec![task, task])?.value),
    )?;
    report(
        "threads-cpu",
        figure,
        "x",
        "2 such tasks: 2 threads vs sequential",
    );
    Ok(())
}

fn cpu_bound_threads_under_the_model() -> Outcome {
    let gil = Gil::new(SWITCH_INTERVAL);
    let runtime = Runtime::Gil(&gil);
    let tasks = [Task::Cpu {
        primes_below: black_box(PRIMES_BELOW),
    }; 2];
    let figure = speedup(
        || Ok(runtime.run_sequentially(&tasks).value),
        || Ok(runtime.run_in_threads(&tasks)?.value),
    )?;
    report(
        "threads-cpu-gil-model",
        figure,
        "x",
        "  the same under the modelled GIL (a model)",
    );
    Ok(())
}

fn blocking_waits() -> Outcome {
    let one = || {
        std::thread::sleep(WAIT);
        Ok(())
    };
    let wait = WAIT.as_millis();
    let pairs = paired(REPEATS, || Ok(wait_in_threads(WAITS, WAIT)?), one)?;
    report(
        "io-waits",
        ms(median(pairs.iter().map(|&(threads, _)| threads).collect())),
        "ms",
        &format!("{WAITS} sleeps of {wait} ms in {WAITS} threads: total"),
    );
    report(
        "io-waits-vs-one",
        median_ratio(&pairs),
        "x",
        "  total / one sleep (1.00x: fully overlapped)",
    );
    let gil = Gil::new(SWITCH_INTERVAL);
    let waits = [Task::Io { wait: WAIT }; WAITS];
    let pairs = paired(
        REPEATS,
        || Ok(Runtime::Gil(&gil).run_in_threads(&waits)?.value),
        one,
    )?;
    report(
        "io-waits-gil-model",
        median_ratio(&pairs),
        "x",
        "  the same under the modelled GIL (a model)",
    );
    Ok(())
}

fn data_parallel_map() -> Outcome {
    let limits: Vec<u64> = black_box((1..=MAP_LIMITS).map(|i| i * MAP_STEP).collect());
    let figure = speedup(
        || Ok(limits.iter().map(|&n| count_primes(n)).collect::<Vec<_>>()),
        || Ok(parallel_map(&limits, |&n| count_primes(n))?),
    )?;
    report(
        "parallel-map",
        figure,
        "x",
        &format!(
            "parallel map vs map, {MAP_LIMITS} tasks up to count_primes({}) \
             (Python: Pool.map)",
            MAP_LIMITS * MAP_STEP
        ),
    );
    Ok(())
}
