"""`cargo xtask bench concurrency`, the CPython side: the same workloads, sizes and ids as
the Rust bench in `concurrency/`, under the real GIL, with multiprocessing's fork start method.

The same rules too (crates/measure/measure.py): every figure is the median of its runs, a
speedup the median of ratios of the slow and the fast way timed back to back, and the
CPU-bound tasks are sized so that one takes 20 ms (or 200 ms) here, as the Rust ones are
there. Each pool is made, used, closed and joined inside its timing, because the Rust Pool
forks its workers for each call and reaps them before it returns.
"""

import multiprocessing
import os
import resource
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "measure"))
import measure  # noqa: E402
from measure import full_or_quick, repeats, report  # noqa: E402

PRIMES_BELOW = 200_000  # the unsized task: count_primes(PRIMES_BELOW), as in Rust
LENGTHS = [0.020, 0.200]  # seconds: the sized tasks
POWER = 1.4  # trial division costs about n**1.5 / ln n
WAIT = 0.1  # seconds: one blocking wait
WAITS = 8
MAP_LIMITS = 16  # the data-parallel map: count_primes over 5,000, 10,000, ... 80,000
MAP_STEP = 5_000
TASKS = 4  # CPU-bound tasks for Pool.map
PROCESSES_PER_RUN = 20
PER_RUN = 50  # forks (or pool calls) each run of the fork-cost figures averages over
COW_BYTES = 16 << 20
PAGE = 4096

context = multiprocessing.get_context("fork")
sizes = {}  # task length in seconds -> n


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


def suffix(length):
    return f"{round(length * 1e3)}ms"


def label(length):
    return f"{round(length * 1e3)} ms"


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
        n = sizes[length]
        runs = measure.speedup(
            repeats(),
            lambda: [count_primes(n), count_primes(n)],
            lambda: in_threads(count_primes, [(n,)] * 2),
        )
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


def pool_of_cpu_bound_tasks():
    for length in LENGTHS:
        inputs = [sizes[length]] * TASKS
        runs = measure.speedup(
            repeats(),
            lambda: [count_primes(n) for n in inputs],
            lambda: pool_map(2, count_primes, inputs),
        )
        report(
            f"pool-cpu-{suffix(length)}",
            runs,
            "x",
            f"Pool(2).map of {TASKS} tasks of {label(length)} vs serial",
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


# --- where a pool call's fixed cost goes, as fork_cost.rs ---


def minor_faults(who):
    return resource.getrusage(who).ru_minflt


def pool_call():
    parent_faults, child_faults, runs = [], [], []
    for _ in range(repeats()):
        parent = minor_faults(resource.RUSAGE_SELF)
        children = minor_faults(resource.RUSAGE_CHILDREN)
        took = measure.seconds(lambda: [pool_map(2, identity, [0, 1]) for _ in range(PER_RUN)])
        runs.append(1e6 * took / PER_RUN)
        parent_faults.append((minor_faults(resource.RUSAGE_SELF) - parent) / PER_RUN)
        child_faults.append((minor_faults(resource.RUSAGE_CHILDREN) - children) / PER_RUN)
    report(
        "pool-call-trivial",
        runs,
        "us",
        "Pool(2).map(identity, [0, 1]): a whole call, its fixed cost",
    )
    report(
        "pool-call-parent-faults",
        parent_faults,
        "faults",
        "  page faults in the parent during a call",
    )
    report(
        "pool-call-child-faults",
        child_faults,
        "faults",
        "  page faults in its 2 workers together",
    )


def fork(child=None):
    pid = os.fork()
    if pid == 0:
        if child is not None:
            child()
        os._exit(0)
    return pid


def reap(pid):
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise RuntimeError(f"a forked child ended with wait status {status}")


def fork_and_reap():
    forks, reaps, faults = [], [], []
    for _ in range(repeats()):
        children = minor_faults(resource.RUSAGE_CHILDREN)
        fork_seconds = reap_seconds = 0.0
        for _ in range(PER_RUN):
            start = time.perf_counter()
            pid = fork()
            forked = time.perf_counter()
            reap(pid)
            fork_seconds += forked - start
            reap_seconds += time.perf_counter() - forked
        forks.append(1e6 * fork_seconds / PER_RUN)
        reaps.append(1e6 * reap_seconds / PER_RUN)
        faults.append((minor_faults(resource.RUSAGE_CHILDREN) - children) / PER_RUN)
    report("fork-return", forks, "us", "os.fork(): until it returns in the parent")
    report(
        "fork-exit-reap",
        reaps,
        "us",
        "  then an empty child's exit, until waitpid returns",
    )
    report("fork-child-faults", faults, "faults", "  page faults in that empty child")


def touch_pages(buffer):
    start = time.perf_counter()
    for offset in range(0, len(buffer), PAGE):
        buffer[offset] = (buffer[offset] + 1) & 0xFF
    return time.perf_counter() - start


def copy_on_write_fault():
    buffer = bytearray(b"\x01" * COW_BYTES)
    pages = COW_BYTES // PAGE
    runs = []
    for _ in range(repeats()):
        unshared = touch_pages(buffer)  # resident and private: no fault
        read_end, write_end = os.pipe()
        pid = fork(lambda: os.read(read_end, 1))
        os.close(read_end)
        shared = touch_pages(buffer)
        os.write(write_end, b"\0")
        os.close(write_end)
        reap(pid)
        runs.append(1e6 * (shared - unshared) / pages)
    report(
        "cow-fault",
        runs,
        "us",
        "one copy-on-write fault: a parent's write to a page it shares with a child",
    )


# --- speedup against the number of workers, as sweep.rs ---


def worker_counts():
    return range(1, 2 * len(os.sched_getaffinity(0)) + 1)


def report_point(kind, workers, runs, what):
    report(
        f"sweep-{kind}@{workers}",
        runs,
        "x",
        f"{workers} tasks of 20 ms at once: {what} vs one after another",
    )


def sweep_threads():
    n = sizes[LENGTHS[0]]
    for workers in worker_counts():
        runs = measure.speedup(
            repeats(),
            lambda: [count_primes(n) for _ in range(workers)],
            lambda: in_threads(count_primes, [(n,)] * workers),
        )
        report_point("threads", workers, runs, "threads")


def sweep_pool():
    n = sizes[LENGTHS[0]]
    for workers in worker_counts():
        runs = measure.speedup(
            repeats(),
            lambda: [count_primes(n) for _ in range(workers)],
            lambda: pool_map(workers, count_primes, [n] * workers),
        )
        report_point("pool", workers, runs, "forked Pool workers")


if __name__ == "__main__":
    measure.note(
        f"{len(os.sched_getaffinity(0))} usable cores (os.sched_getaffinity), switch "
        f"interval {sys.getswitchinterval() * 1e3:g} ms, median of {repeats()} runs"
    )
    measure.run_steps(
        [
            ("cpu-task", cpu_bound_task),
            ("task-20ms", report_sizes),
            ("threads-cpu-20ms", cpu_bound_threads),
            ("io-waits", blocking_waits),
            ("parallel-map", data_parallel_map),
            ("pool-cpu-20ms", pool_of_cpu_bound_tasks),
            ("pool-identity-chunksize-1", per_task_overhead),
            ("process-start-join", process_start_and_join),
            ("pool-call-trivial", pool_call),
            ("fork-return", fork_and_reap),
            ("cow-fault", copy_on_write_fault),
            ("sweep-threads", sweep_threads),
            ("sweep-pool", sweep_pool),
        ]
    )
