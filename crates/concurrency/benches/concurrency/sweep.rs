//! Speedup against the number of workers, for the chart: `w` tasks of 20 ms on `w` workers
//! against the same `w` tasks one after another, for `w` from 1 to twice the usable cores.
//!
//! Each point is reported as `sweep-<kind>@<w>`. The ideal is `min(w, cores)`: past the
//! cores, more workers only take turns (and the tasks themselves grow in number, so the line
//! should stay flat rather than fall).

use std::hint::black_box;

use concurrency::multiprocessing::Pool;
use concurrency::threading::cpu_bound::{count_primes, run_in_threads};
use concurrency::threading::gil::workload::Runtime;
use concurrency::threading::gil::{Gil, SWITCH_INTERVAL};
use measure::{Figure, Outcome, repeats, report, speedup};

use crate::sized::{self, Length};

/// Worker counts from 1 to twice the usable cores.
fn worker_counts() -> std::ops::RangeInclusive<usize> {
    1..=2 * num_cpus::get()
}

fn report_point(kind: &str, workers: usize, figure: &Figure, what: &str) {
    report(
        &format!("sweep-{kind}@{workers}"),
        figure,
        "x",
        &format!("{workers} tasks of 20 ms at once: {what} vs one after another"),
    );
}

pub(crate) fn threads() -> Outcome {
    let n = sized::free(Length::Short)?;
    for workers in worker_counts() {
        let tasks = || vec![move || count_primes(black_box(n)); workers];
        let figure = speedup(
            repeats(),
            || Ok(tasks().into_iter().map(|task| task()).collect::<Vec<_>>()),
            || Ok(run_in_threads(tasks())?.value),
        )?;
        report_point("threads", workers, &figure, "threads");
    }
    Ok(())
}

pub(crate) fn gil_model() -> Outcome {
    let gil = Gil::new(SWITCH_INTERVAL);
    let runtime = Runtime::Gil(&gil);
    let task = sized::gil_task(sized::under_gil(Length::Short)?);
    for workers in worker_counts() {
        let tasks = vec![task; workers];
        let figure = speedup(
            repeats(),
            || Ok(runtime.run_sequentially(&tasks).value),
            || Ok(runtime.run_in_threads(&tasks)?.value),
        )?;
        report_point(
            "gil-model",
            workers,
            &figure,
            "threads under the modelled GIL",
        );
    }
    Ok(())
}

pub(crate) fn pool() -> Outcome {
    let n = sized::free(Length::Short)?;
    for workers in worker_counts() {
        let inputs = || black_box(vec![n; workers]);
        let figure = speedup(
            repeats(),
            || Ok(inputs().into_iter().map(count_primes).collect::<Vec<_>>()),
            || Ok(Pool::new(workers).map(count_primes, inputs())?),
        )?;
        report_point("pool", workers, &figure, "forked Pool workers");
    }
    Ok(())
}
