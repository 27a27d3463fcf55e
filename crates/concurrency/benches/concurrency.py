"""`cargo xtask bench concurrency`, the CPython side: the same workloads, sizes and ids as
the Rust bench in `concurrency/`, under the real GIL, with multiprocessing's fork start method.

The same rules too: every figure is the median of REPEATS runs, and a speedup is the median
of ratios of the slow and the fast way timed back to back. Each pool is made, used, closed
and joined inside its timing, because the Rust Pool forks its workers for each call and
reaps them before it returns. Lines are flushed as they are printed: a child forked with
text still in the stdout buffer would print it again when it exits.
"""

import multiprocessing
import os
import statistics
import sys
import threading
import time

REPEATS = 7
REPEATS_LONG = 3  # for the maps of 100,000 tasks, which take seconds each here

PRIMES_BELOW = 200_000  # the CPU-bound task: count_primes(PRIMES_BELOW)
WAIT = 0.1  # seconds: one blocking wait
WAITS = 8
MAP_LIMITS = 16  # the data-parallel map: count_primes over 5,000, 10,000, ... 80,000
MAP_STEP = 5_000
TASKS = 4  # CPU-bound tasks for Pool.map
IDENTITY_INPUTS = 100_000
PROCESSES_PER_RUN = 20

context = multiprocessing.get_context("fork")


# --- measuring, as measure.rs ---


def seconds(step):
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def median_seconds(repeats, step):
    return statistics.median(seconds(step) for _ in range(repeats))


def paired(repeats, first, second):
    return [(seconds(first), seconds(second)) for _ in range(repeats)]


def median_ratio(pairs):
    return statistics.median(first / second for first, second in pairs)


def speedup(slow, fast):
    return median_ratio(paired(REPEATS, slow, fast))


def report(id, value, unit, label):
    print(f"bench\t{id}\t{value:.4f}\t{unit}\t{label}", flush=True)


def note(text):
    """A line for the reader, on stderr, which `cargo xtask bench` shows as it runs."""
    print(f"python3: {text}", file=sys.stderr, flush=True)


# --- the work ---


def is_prime(n):
    if n < 2:
        return False
    divisor = 2
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 1
    return True


def count_primes(below):
    return sum(1 for n in range(2, below) if is_prime(n))


def identity(x):
    return x


def nothing():
    pass


def in_threads(target, args_list):
    threads = [threading.Thread(target=target, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def pool_map(processes, function, inputs, **options):
    pool = context.Pool(processes)
    results = pool.map(function, inputs, **options)
    pool.close()
    pool.join()
    return results


# --- threads, as threads.rs ---


def cpu_bound_task():
    took = median_seconds(REPEATS, lambda: count_primes(PRIMES_BELOW))
    report("cpu-task", 1e3 * took, "ms", "one CPU-bound task, on one thread")


def cpu_bound_threads():
    figure = speedup(
        lambda: [count_primes(PRIMES_BELOW), count_primes(PRIMES_BELOW)],
        lambda: in_threads(count_primes, [(PRIMES_BELOW,)] * 2),
    )
    report("threads-cpu", figure, "x", "2 such tasks: 2 threads vs sequential")


def blocking_waits():
    pairs = paired(
        REPEATS,
        lambda: in_threads(time.sleep, [(WAIT,)] * WAITS),
        lambda: time.sleep(WAIT),
    )
    wait = f"{WAIT * 1e3:.0f}"
    report(
        "io-waits",
        1e3 * statistics.median(threads for threads, _ in pairs),
        "ms",
        f"{WAITS} sleeps of {wait} ms in {WAITS} threads: total",
    )
    report(
        "io-waits-vs-one",
        median_ratio(pairs),
        "x",
        "  total / one sleep (1.00x: fully overlapped)",
    )


def data_parallel_map():
    # Threads cannot run Python code in parallel, so the closest equivalent of a parallel map
    # over a list is the notes' own: Pool.map, one process per usable core.
    cores = len(os.sched_getaffinity(0))
    limits = [i * MAP_STEP for i in range(1, MAP_LIMITS + 1)]
    figure = speedup(
        lambda: [count_primes(n) for n in limits],
        lambda: pool_map(cores, count_primes, limits),
    )
    report(
        "parallel-map",
        figure,
        "x",
        f"Pool({cores}).map vs map, {MAP_LIMITS} tasks up to "
        f"count_primes({MAP_LIMITS * MAP_STEP})",
    )


# --- processes, as processes.rs ---


def pool_of_cpu_bound_tasks():
    inputs = [PRIMES_BELOW] * TASKS
    figure = speedup(
        lambda: [count_primes(n) for n in inputs],
        lambda: pool_map(2, count_primes, inputs),
    )
    report("pool-cpu", figure, "x", f"Pool(2).map of {TASKS} CPU-bound tasks vs serial")


def per_task_overhead():
    inputs = range(IDENTITY_INPUTS)
    one_at_a_time = median_seconds(
        REPEATS_LONG, lambda: pool_map(2, identity, inputs, chunksize=1)
    )
    report(
        "pool-identity-chunksize-1",
        1e6 * one_at_a_time / IDENTITY_INPUTS,
        "us",
        "Pool(2).map(identity, 100,000 ints), chunksize 1: a task",
    )
    default = median_seconds(REPEATS_LONG, lambda: pool_map(2, identity, inputs))
    report(
        "pool-identity-default-chunksize",
        1e6 * default / IDENTITY_INPUTS,
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

    report(
        "process-start-join",
        1e3 * median_seconds(REPEATS, run) / PROCESSES_PER_RUN,
        "ms",
        "Process: start and join one (fork, exit, reap)",
    )


# --- the long-lived pool, as live_pool.rs ---

SIZES = [  # the parent's touched heap, its id suffix, its label
    (0, "0", "0"),
    (256 << 20, "256mib", "256 MiB"),
    (1 << 30, "1gib", "1 GiB"),
    (4 << 30, "4gib", "4 GiB"),
]
SWEEP_TASKS = 100


def parent_memory_sweep():
    # Created before the parent grows, and reused: CPython's usual way.
    live = context.Pool(2)
    for size, id, label in SIZES:
        ballast = b"\x01" * size  # every page written
        report(
            f"pool-map-parent-{id}",
            1e3 * median_seconds(REPEATS, lambda: pool_map(2, identity, range(SWEEP_TASKS))),
            "ms",
            f"map of {SWEEP_TASKS} trivial tasks, {label} parent: fork per call (Python: Pool(2) made, used, closed)",
        )
        report(
            f"pool-live-map-parent-{id}",
            1e3 * median_seconds(REPEATS, lambda: live.map(identity, range(SWEEP_TASKS))),
            "ms",
            "  the same on a pool started once (Python: Pool(2) reused)",
        )
        del ballast
    live.close()
    live.join()


def live_per_task_overhead():
    live = context.Pool(2)
    inputs = range(IDENTITY_INPUTS)
    one_at_a_time = median_seconds(REPEATS_LONG, lambda: live.map(identity, inputs, chunksize=1))
    report(
        "pool-live-identity-chunksize-1",
        1e6 * one_at_a_time / IDENTITY_INPUTS,
        "us",
        "a pool started once: map(identity, 100,000 ints), chunksize 1: a task",
    )
    live.close()
    live.join()


if __name__ == "__main__":
    note(
        f"{len(os.sched_getaffinity(0))} usable cores (os.sched_getaffinity), switch "
        f"interval {sys.getswitchinterval() * 1e3:g} ms, median of {REPEATS} runs "
        f"({REPEATS_LONG} for the 100,000-task maps)"
    )
    cpu_bound_task()
    cpu_bound_threads()
    blocking_waits()
    data_parallel_map()
    pool_of_cpu_bound_tasks()
    per_task_overhead()
    process_start_and_join()
    parent_memory_sweep()
    live_per_task_overhead()
