//! Threads: CPU-bound tasks with and without the modelled GIL, blocking waits that overlap,
//! and the data-parallel map over a slice.

use std::hint::black_box;

use concurrency::threading::cpu_bound::{count_primes, run_in_threads};
use concurrency::threading::gil::workload::{Runtime, Task};
use concurrency::threading::gil::{Gil, SWITCH_INTERVAL};
use concurrency::threading::io_bound::wait_in_threads;
use concurrency::threading::parallel_map::parallel_map;
use measure::timing::{Figure, ratios, seconds};
use measure::{Outcome, paired, repeats, report, speedup};

use crate::peers;
use crate::shared::SHARED;
use crate::sized::{self, LENGTHS};

pub(crate) fn cpu_bound_task() -> Outcome {
    let primes_below = SHARED.primes_below;
    let took = seconds(repeats(), || Ok(count_primes(black_box(primes_below))))?;
    report(
        "cpu-task",
        &took.scaled(1e3),
        "ms",
        &format!("one CPU-bound task, count_primes({primes_below}), on one thread"),
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
    let (wait, waits) = (SHARED.wait(), SHARED.waits);
    let one = || {
        std::thread::sleep(wait);
        Ok(())
    };
    let pairs = paired(repeats(), || Ok(wait_in_threads(waits, wait)?), one)?;
    let total = Figure::of_runs(pairs.iter().map(|&(threads, _)| threads).collect());
    report(
        "io-waits",
        &total.scaled(1e3),
        "ms",
        &format!(
            "{waits} sleeps of {} ms in {waits} threads: total",
            wait.as_millis()
        ),
    );
    report(
        "io-waits-vs-one",
        &ratios(&pairs),
        "x",
        "  total / one sleep (1.00x: fully overlapped)",
    );
    let gil = Gil::new(SWITCH_INTERVAL);
    let tasks = vec![Task::Io { wait }; waits];
    let pairs = paired(
        repeats(),
        || Ok(Runtime::Gil(&gil).run_in_threads(&tasks)?.value),
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
    let (map_limits, map_step) = (SHARED.map_limits, SHARED.map_step);
    let limits: Vec<u64> = black_box((1..=map_limits).map(|i| i * map_step).collect());
    let serial = || Ok(limits.iter().map(|&n| count_primes(n)).collect::<Vec<_>>());
    let figure = speedup(repeats(), serial, || {
        Ok(parallel_map(&limits, |&n| count_primes(n))?)
    })?;
    report(
        "parallel-map",
        &figure,
        "x",
        &format!(
            "parallel map vs map, {map_limits} tasks up to count_primes({}) \
             (Python: Pool.map)",
            map_limits * map_step
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
