"""`cargo xtask bench concurrency`, the CPython side: the same workloads, sizes and ids as
the Rust bench in `concurrency/`, under the real GIL, with multiprocessing's fork start method.

The same rules too (crates/measure/measure.py): every figure is the median of its runs, a
speedup the median of ratios of the slow and the fast way timed back to back, and the
CPU-bound tasks are sized so that one takes 20 ms (or 200 ms) here, as the Rust ones are
there. Each pool is made, used, closed and joined inside its timing, because the Rust Pool
forks its workers for each call and reaps them before it returns.
"""

import os
import statistics
import sys
import time
from pathlib import Path

# The shared rules, and this bench's other modules beside the Rust ones in concurrency/.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "measure"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "concurrency"))
import extension  # noqa: E402
import fork_cost  # noqa: E402
import live_pool  # noqa: E402
import measure  # noqa: E402
import sweep  # noqa: E402
from measure import full_or_quick, repeats, report  # noqa: E402
from work import (  # noqa: E402
    LENGTHS,
    context,
    count_primes,
    identity,
    in_threads,
    label,
    nothing,
    pool_map,
    sizes,
    suffix,
    two_threads_against_serial,
)

# The sizes and counts both sides time, from shared.json (concurrency/shared.rs says what
# each is for).
SHARED = measure.shared(__file__)
PRIMES_BELOW = SHARED["primes_below"]  # the unsized task: count_primes(PRIMES_BELOW)
POWER = SHARED["power"]  # trial division costs about n**1.5 / ln n
WAIT = SHARED["wait_ms"] / 1e3  # seconds: one blocking wait
WAITS = SHARED["waits"]
MAP_LIMITS = SHARED["map_limits"]  # the data-parallel map: count_primes over MAP_STEP, ...
MAP_STEP = SHARED["map_step"]
TASKS = SHARED["tasks"]  # CPU-bound tasks for Pool.map
PROCESSES_PER_RUN = SHARED["processes_per_run"]
WINDOW = SHARED["window_ms"] / 1e3  # core-speed: one window, in seconds
WINDOWS = (SHARED["windows"]["full"], SHARED["windows"]["quick"])  # how many windows
PIECE = SHARED["piece"]  # one piece of work: count_primes(PIECE)


# --- the background, as steadiness.rs ---


def core_speed():
    def pieces_in_one_window():
        start = time.perf_counter()
        pieces = 0
        while time.perf_counter() - start < WINDOW:
            count_primes(PIECE)
            pieces += 1
        return pieces

    counts = [pieces_in_one_window() for _ in range(full_or_quick(*WINDOWS))]
    typical = statistics.median(counts)
    report(
        "core-speed",
        [count / typical for count in counts],
        "x",
        f"one core's work in each {WINDOW * 1e3:g} ms window, against the median window",
    )


# --- threads, as threads.rs ---


def cpu_bound_task():
    runs = measure.timed(repeats(), lambda: count_primes(PRIMES_BELOW))
    report(
        "cpu-task",
        measure.scaled(runs, 1e3),
        "ms",
        f"one CPU-bound task, count_primes({PRIMES_BELOW}), on one thread",
    )


def report_sizes():
    start = 1_000
    for length in LENGTHS:
        sizes[length] = measure.sized_to(length, POWER, start, count_primes)
        start = sizes[length]
    for length in LENGTHS:
        n = sizes[length]
        runs = measure.timed(repeats(), lambda: count_primes(n))
        report(
            f"task-{suffix(length)}",
            measure.scaled(runs, 1e3),
            "ms",
            f"one task sized to {label(length)}: count_primes({n})",
        )


def cpu_bound_threads():
    for length in LENGTHS:
        runs = two_threads_against_serial(count_primes, sizes[length])
        report(
            f"threads-cpu-{suffix(length)}",
            runs,
            "x",
            f"2 tasks of {label(length)}: 2 threads vs one after another",
        )


def blocking_waits():
    pairs = measure.paired(
        repeats(),
        lambda: in_threads(time.sleep, [(WAIT,)] * WAITS),
        lambda: time.sleep(WAIT),
    )
    wait = f"{WAIT * 1e3:.0f}"
    report(
        "io-waits",
        [1e3 * threads for threads, _ in pairs],
        "ms",
        f"{WAITS} sleeps of {wait} ms in {WAITS} threads: total",
    )
    report(
        "io-waits-vs-one",
        measure.ratios(pairs),
        "x",
        "  total / one sleep (1.00x: fully overlapped)",
    )


def data_parallel_map():
    # Threads cannot run Python code in parallel, so the closest equivalent of a parallel map
    # over a list is the notes' own: Pool.map, one process per usable core.
    cores = len(os.sched_getaffinity(0))
    limits = [i * MAP_STEP for i in range(1, MAP_LIMITS + 1)]
    runs = measure.speedup(
        repeats(),
        lambda: [count_primes(n) for n in limits],
        lambda: pool_map(cores, count_primes, limits),
    )
    report(
        "parallel-map",
        runs,
        "x",
        f"Pool({cores}).map vs map, {MAP_LIMITS} tasks up to "
        f"count_primes({MAP_LIMITS * MAP_STEP})",
    )


# --- processes, as processes.rs ---


def pool_against_serial(n, map):
    """TASKS tasks of count_primes(n): one after another against `map` on a pool."""
    inputs = [n] * TASKS
    return measure.speedup(
        repeats(),
        lambda: [count_primes(n) for n in inputs],
        lambda: map(inputs),
    )


def pool_of_cpu_bound_tasks():
    for length in LENGTHS:
        runs = pool_against_serial(
            sizes[length], lambda inputs: pool_map(2, count_primes, inputs)
        )
        report(
            f"pool-cpu-{suffix(length)}",
            runs,
            "x",
            f"Pool(2).map of {TASKS} tasks of {label(length)} vs serial",
        )


def started_pool_of_cpu_bound_tasks():
    length = LENGTHS[0]
    with context.Pool(2) as pool:
        runs = pool_against_serial(
            sizes[length], lambda inputs: pool.map(count_primes, inputs)
        )
    report(
        f"pool-live-cpu-{suffix(length)}",
        runs,
        "x",
        f"  the same on a pool started once (Python: Pool(2) reused), tasks of {label(length)}",
    )


def per_task_overhead():
    count = full_or_quick(20_000, 5_000)
    inputs = range(count)
    one_at_a_time = measure.timed(
        repeats(), lambda: pool_map(2, identity, inputs, chunksize=1)
    )
    report(
        "pool-identity-chunksize-1",
        measure.scaled(one_at_a_time, 1e6 / count),
        "us",
        f"Pool(2).map(identity, {count} ints), chunksize 1: a task",
    )
    default = measure.timed(repeats(), lambda: pool_map(2, identity, inputs))
    report(
        "pool-identity-default-chunksize",
        measure.scaled(default, 1e6 / count),
        "us",
        "  the same, default chunksize: a task",
    )


def process_start_and_join():
    def run():
        for _ in range(PROCESSES_PER_RUN):
            process = context.Process(target=nothing)
            process.start()
            process.join()
            if process.exitcode != 0:
                raise RuntimeError(f"an empty child exited with {process.exitcode}")

    runs = measure.timed(repeats(), run)
    report(
        "process-start-join",
        measure.scaled(runs, 1e3 / PROCESSES_PER_RUN),
        "ms",
        "Process: start and join one (fork, exit, reap)",
    )


if __name__ == "__main__":
    measure.note(
        f"{len(os.sched_getaffinity(0))} usable cores (os.sched_getaffinity), switch "
        f"interval {sys.getswitchinterval() * 1e3:g} ms, median of {repeats()} runs or more"
    )
    measure.run_steps(
        [
            ("core-speed", core_speed),
            ("cpu-task", cpu_bound_task),
            ("task-20ms", report_sizes),
            ("threads-cpu-20ms", cpu_bound_threads),
            ("extension-gil-held-20ms", lambda: extension.gil_held_and_released(POWER)),
            ("io-waits", blocking_waits),
            ("parallel-map", data_parallel_map),
            ("pool-cpu-20ms", pool_of_cpu_bound_tasks),
            ("pool-live-cpu-20ms", started_pool_of_cpu_bound_tasks),
            ("pool-identity-chunksize-1", per_task_overhead),
            ("process-start-join", process_start_and_join),
            ("pool-call-trivial", fork_cost.pool_call),
            ("fork-return", fork_cost.fork_and_reap),
            ("cow-fault", fork_cost.copy_on_write_fault),
            ("sweep-threads", sweep.threads),
            ("sweep-pool", sweep.pool),
            ("pool-parent-sweep", live_pool.parent_memory_sweep),
            ("pool-live-identity-chunksize-1", live_pool.per_task_overhead),
        ]
    )
