//! `cargo xtask bench concurrency`: speedups and overheads of threads and processes, for the
//! table that sets them beside `../concurrency.py`, the same measurements in CPython.
//!
//! Both sides run the same workloads under the same ids, measured by the same rules (the
//! `measure` crate and its `measure.py`). The CPU-bound task is the same trial-division
//! `count_primes` in both, and it is *sized*: each side finds the input at which its own task
//! takes 20 ms (and 200 ms), so a pool of CPython tasks is compared with a pool of Rust tasks
//! of the same length, not with tasks 35 times shorter. Only the modelled GIL is Rust's alone
//! (Python has the real one).
//!
//! - `steadiness`: how steady one core's speed is from one 100 ms window to the next, the
//!   background the other figures are measured against.
//! - `sized`: the task lengths, and the input sizes that give them.
//! - `threads`: CPU-bound threads with and without the modelled GIL, blocking waits, and the
//!   data-parallel map.
//! - `processes`: `Pool.map` against a serial loop, what a task costs `Pool.map`, and what
//!   one `Process` costs.
//! - `fork_cost`: where a pool call's fixed cost goes: fork, page faults after it, reaping.
//! - `sweep`: speedup against the number of workers, for the chart.
//! - `live_pool`: the long-lived pool against fork-per-call as the parent's memory grows, and
//!   what a task costs it.
//! - `shared`: the sizes and counts both sides read from `../shared.json`.

mod fork_cost;
mod live_pool;
mod peers;
mod processes;
mod shared;
mod sized;
mod steadiness;
mod sweep;
mod threads;

use measure::Step;

const STEPS: &[Step] = &[
    Step {
        name: "core-speed",
        run: steadiness::core_speed,
    },
    Step {
        name: "cpu-task",
        run: threads::cpu_bound_task,
    },
    Step {
        name: "task-20ms",
        run: sized::report_sizes,
    },
    Step {
        name: "threads-cpu-20ms",
        run: threads::cpu_bound_threads,
    },
    Step {
        name: "threads-cpu-gil-model-20ms",
        run: threads::cpu_bound_threads_under_the_model,
    },
    Step {
        name: "io-waits",
        run: threads::blocking_waits,
    },
    Step {
        name: "parallel-map",
        run: threads::data_parallel_map,
    },
    Step {
        name: "pool-cpu-20ms",
        run: processes::pool_of_cpu_bound_tasks,
    },
    Step {
        name: "pool-live-cpu-20ms",
        run: processes::started_pool_of_cpu_bound_tasks,
    },
    Step {
        name: "pool-identity-chunksize-1",
        run: processes::per_task_overhead,
    },
    Step {
        name: "process-start-join",
        run: processes::process_start_and_join,
    },
    Step {
        name: "pool-call-trivial",
        run: fork_cost::pool_call,
    },
    Step {
        name: "fork-return",
        run: fork_cost::fork_and_reap,
    },
    Step {
        name: "cow-fault",
        run: fork_cost::copy_on_write_fault,
    },
    Step {
        name: "second-child-start",
        run: fork_cost::second_start,
    },
    Step {
        name: "sweep-threads",
        run: sweep::threads,
    },
    Step {
        name: "sweep-gil-model",
        run: sweep::gil_model,
    },
    Step {
        name: "sweep-pool",
        run: sweep::pool,
    },
    Step {
        name: "pool-parent-sweep",
        run: live_pool::parent_memory_sweep,
    },
    Step {
        name: "pool-live-identity-chunksize-1",
        run: live_pool::per_task_overhead,
    },
];

fn main() -> measure::Outcome {
    // First of all: a procspawn worker is this binary started again, and this call is where
    // it becomes one (it runs the calls its pool sends, and never returns), before the bench
    // prints a line of its protocol on the stdout it shares with the parent.
    procspawn::init();
    println!(
        "usable cores: {} (num_cpus::get(), which honours the affinity mask)",
        num_cpus::get()
    );
    let (repeats, paired_for) = (measure::repeats(), measure::timing::PAIRED_FOR);
    println!(
        "each figure: the median of {repeats} runs; a speedup is the median of ratios of runs \
         timed back to back ({repeats} pairs or more; in a full run after one untimed pair, \
         until {paired_for:?} have passed)"
    );
    println!(
        "CPU-bound tasks: count_primes(n) by trial division, the same algorithm in both, n sized \
         so that one task takes 20 ms (or 200 ms) on each side"
    );
    println!(
        "pools: forked workers, made and reaped inside each timing (Python: the fork start \
         method)"
    );
    measure::run_steps(STEPS)
}
