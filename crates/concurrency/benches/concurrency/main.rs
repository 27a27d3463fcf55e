//! `cargo xtask bench concurrency`: speedups and overheads of threads and processes, for the
//! table that sets them beside `../concurrency.py`, the same measurements in CPython.
//!
//! Both sides run the same workloads at the same sizes and print the same ids: the same
//! trial-division `count_primes` as the CPU-bound task, the same sleeps, the same pools of
//! two forked workers. Only the modelled GIL is Rust's alone (Python has the real one).
//!
//! - `measure`: repeats, medians, paired ratios, and the `bench` lines.
//! - `threads`: CPU-bound threads with and without the modelled GIL, blocking waits, and the
//!   data-parallel map.
//! - `processes`: `Pool.map` against a serial loop, what a task costs `Pool.map`, and what
//!   one `Process` costs.
//! - `live_pool`: the long-lived pool against fork-per-call as the parent's memory grows, and
//!   what a task costs it.

mod live_pool;
mod measure;
mod processes;
mod threads;

/// The CPU-bound task: count the primes below this by trial division.
const PRIMES_BELOW: u64 = 200_000;

fn main() -> measure::Outcome {
    println!(
        "usable cores: {} (num_cpus::get(), which honours the affinity mask)",
        num_cpus::get()
    );
    println!(
        "each figure: the median of {} runs ({} for the 100,000-task maps); a speedup is the \
         median of ratios of runs timed back to back",
        measure::REPEATS,
        measure::REPEATS_LONG
    );
    println!(
        "CPU-bound task: count_primes({PRIMES_BELOW}) by trial division, the same algorithm in both"
    );
    println!(
        "pools: 2 forked workers, made and reaped inside each timing (Python: the fork start \
         method)"
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let one_minute = load.split_whitespace().next().unwrap_or("?");
        println!(
            "load average at the start: {one_minute} (other busy processes take cores from the \
             threads and workers measured here)"
        );
    }
    threads::run()?;
    processes::run()?;
    live_pool::run()?;
    Ok(())
}
