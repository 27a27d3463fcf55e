//! Threads: CPU-bound tasks with and without the modelled GIL, blocking waits that overlap,
//! and the data-parallel map over a slice.

use std::hint::black_box;
use std::time::Duration;

use concurrency::threading::cpu_bound::{count_primes, run_in_threads};
use concurrency::threading::gil::workload::{Runtime, Task};
use concurrency::threading::gil::{Gil, SWITCH_INTERVAL};
use concurrency::threading::io_bound::wait_in_threads;
use concurrency::threading::parallel_map::parallel_map;
use measure::timing::{Figure, ratios, seconds};
use measure::{Outcome, paired, repeats, report, speedup};

use crate::sized::{self, LENGTHS};
use crate::{PRIMES_BELOW, peers};

/// One blocking wait, and how many run at once.
const WAIT: Duration = Duration::from_millis(100);
const WAITS: usize = 8;
/// The data-parallel map's input: `MAP_STEP, 2 * MAP_STEP, ...`, `MAP_LIMITS` of them, each
/// a `count_primes` task.
const MAP_LIMITS: u64 = 16;
const MAP_STEP: u64 = 5_000;

pub(crate) fn cpu_bound_task() -> Outcome {
    let took = seconds(repeats(), || Ok(count_primes(black_box(PRIMES_BELOW))))?;
    report(
        "cpu-task",
        &took.scaled(1e3),
        "ms",
        &format!("one CPU-bound task, count_primes({PRIMES_BELOW}), on one thread"),
    );
    Ok(())
}

pub(crate) fn cpu_bound_threads() -> Outcome {
    for length in LENGTHS {
        let n = sized::free(length)?;
        let task = move || count_primes(black_box(n));
        let figure = speedup(
            repeats(),
            || Ok([task(), task()]),
            || Ok(run_in_threads(vec![task, task])?.value),
        )?;
        report(
            &format!("threads-cpu-{}", length.suffix()),
            &figure,
            "x",
            &format!(
                "2 tasks of {}: 2 threads vs one after another",
                length.label()
            ),
        );
    }
    Ok(())
}

pub(crate) fn cpu_bound_threads_under_the_model() -> Outcome {
    let gil = Gil::new(SWITCH_INTERVAL);
    let runtime = Runtime::Gil(&gil);
    for length in LENGTHS {
        let tasks = [sized::gil_task(sized::under_gil(length)?); 2];
        let figure = speedup(
            repeats(),
            || Ok(runtime.run_sequentially(&tasks).value),
            || Ok(runtime.run_in_threads(&tasks)?.value),
        )?;
        report(
            &format!("threads-cpu-gil-model-{}", length.suffix()),
            &figure,
            "x",
            &format!(
                "  the same under the modelled GIL (a model), tasks of {}",
                length.label()
            ),
        );
    }
    Ok(())
}

pub(crate) fn blocking_waits() -> Outcome {
    let one = || {
        std::thread::sleep(WAIT);
        Ok(())
    };
    let wait = WAIT.as_millis();
    let pairs = paired(repeats(), || Ok(wait_in_threads(WAITS, WAIT)?), one)?;
    let total = Figure::of_runs(pairs.iter().map(|&(threads, _)| threads).collect());
    report(
        "io-waits",
        &total.scaled(1e3),
        "ms",
        &format!("{WAITS} sleeps of {wait} ms in {WAITS} threads: total"),
    );
    report(
        "io-waits-vs-one",
        &ratios(&pairs),
        "x",
        "  total / one sleep (1.00x: fully overlapped)",
    );
    let gil = Gil::new(SWITCH_INTERVAL);
    let waits = [Task::Io { wait: WAIT }; WAITS];
    let pairs = paired(
        repeats(),
        || Ok(Runtime::Gil(&gil).run_in_threads(&waits)?.value),
        one,
    )?;
    report(
        "io-waits-gil-model",
        &ratios(&pairs),
        "x",
        "  the same under the modelled GIL (a model)",
    );
    Ok(())
}

pub(crate) fn data_parallel_map() -> Outcome {
    let limits: Vec<u64> = black_box((1..=MAP_LIMITS).map(|i| i * MAP_STEP).collect());
    let serial = || Ok(limits.iter().map(|&n| count_primes(n)).collect::<Vec<_>>());
    let figure = speedup(repeats(), serial, || {
        Ok(parallel_map(&limits, |&n| count_primes(n))?)
    })?;
    report(
        "parallel-map",
        &figure,
        "x",
        &format!(
            "parallel map vs map, {MAP_LIMITS} tasks up to count_primes({}) \
             (Python: Pool.map)",
            MAP_LIMITS * MAP_STEP
        ),
    );
    // As many threads as `parallel_map` starts, started once, before the timing.
    let threads = num_cpus::get();
    let pool = peers::rayon_pool(threads)?;
    let figure = speedup(repeats(), serial, || {
        Ok(peers::rayon_map(&pool, &limits, |&n| count_primes(n)))
    })?;
    report(
        "parallel-map-rayon",
        &figure,
        "x",
        &format!("  the same with rayon's par_iter, on a pool of {threads} threads started once"),
    );
    Ok(())
}
