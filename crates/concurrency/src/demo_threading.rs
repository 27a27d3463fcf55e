//! The threading sections of the concurrency demo.

use std::time::Duration;

use concurrency::threading::affinity::{pinned_to_one_core, usable_cores};
use concurrency::threading::cpu_bound::{count_primes, run_in_threads, run_sequentially, speedup};
use concurrency::threading::shared::{
    count_with_atomic, count_with_load_then_store, count_with_mutex, double_in_scoped_threads,
    sum_in_scoped_threads,
};
use concurrency::threading::timeline::{Run, record_workers, units_for};
use demo::Section;

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "threads-vs-sequential",
        title: "Two CPU-bound tasks: one after the other, then in two threads",
        run: threads_vs_sequential,
    },
    Section {
        name: "shared-memory",
        title: "Threads share memory; the compiler decides how",
        run: shared_memory,
    },
    Section {
        name: "concurrency-vs-parallelism",
        title: "Two workers on one core take turns; on two cores they run at once",
        run: concurrency_vs_parallelism,
    },
];

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1e3)
}

fn yes_no(claim: bool) -> &'static str {
    if claim { "yes" } else { "no" }
}

/// The notes' example: the same two CPU-bound tasks, sequentially and in two threads.
fn threads_vs_sequential() -> demo::Result {
    const LIMIT: u64 = 300_000;
    let tasks = || vec![|| count_primes(LIMIT), || count_primes(LIMIT)];
    println!("task: count_primes({LIMIT}), twice");
    let sequential = run_sequentially(tasks());
    println!(
        "sequential:  {:?} in {}",
        sequential.value,
        ms(sequential.elapsed)
    );
    let threaded = run_in_threads(tasks())?;
    println!(
        "two threads: {:?} in {}",
        threaded.value,
        ms(threaded.elapsed)
    );
    println!(
        "same results: {}",
        yes_no(threaded.value == sequential.value)
    );
    println!(
        "speedup: {:.2}x on {} usable cores (Rust has no GIL: the threads run in parallel)",
        speedup(sequential.elapsed, threaded.elapsed),
        num_cpus::get()
    );
    Ok(())
}

/// Threads update one counter and borrow local data.
fn shared_memory() -> demo::Result {
    const THREADS: usize = 4;
    const INCREMENTS: u64 = 100_000;
    let expected = THREADS as u64 * INCREMENTS;
    println!(
        "{THREADS} threads add 1 to one shared counter {INCREMENTS} times each (expected {expected}):"
    );
    println!(
        "  Arc<Mutex<u64>>:      {}",
        count_with_mutex(THREADS, INCREMENTS)?
    );
    println!(
        "  Arc<AtomicU64>:       {}",
        count_with_atomic(THREADS, INCREMENTS)?
    );
    let racy = count_with_load_then_store(THREADS, INCREMENTS)?;
    println!(
        "  load, then store:     {racy} (a race condition: {} updates lost)",
        expected - racy
    );
    let mut local: Vec<u64> = (1..=10).collect();
    println!("local data: {local:?}");
    println!(
        "  sum in 2 scoped threads borrowing it: {}",
        sum_in_scoped_threads(&local, 2)?
    );
    double_in_scoped_threads(&mut local, 2)?;
    println!("  doubled in place by 2 scoped threads, one half each: {local:?}");
    println!("two threads pushing to one Vec: rejected at compile time (E0499)");
    Ok(())
}

/// The notes' picture, measured: pinned to one core, then free.
fn concurrency_vs_parallelism() -> demo::Result {
    const COLUMN: Duration = Duration::from_millis(2);
    let cores = usable_cores()?;
    let units = units_for(Duration::from_millis(60));
    let core = cores[0];
    let pinned = pinned_to_one_core(core, || record_workers(2, units))??;
    let free = record_workers(2, units)?;
    let columns = (pinned.span.max(free.span).as_nanos() / COLUMN.as_nanos()) as usize + 1;
    draw(&format!("pinned to core {core}"), &pinned, COLUMN, columns);
    draw(
        &format!("free on {} cores", cores.len()),
        &free,
        COLUMN,
        columns,
    );
    Ok(())
}

fn draw(label: &str, run: &Run, column: Duration, columns: usize) {
    println!(
        "{label}: {} (both running at once: {})",
        ms(run.span),
        ms(run.overlap())
    );
    for (i, row) in run.render(column, columns).iter().enumerate() {
        println!("  worker {i} |{row}|");
    }
}
