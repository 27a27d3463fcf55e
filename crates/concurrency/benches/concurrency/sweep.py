"""Speedup against the number of workers, as `sweep.rs`: `w` tasks of 20 ms on `w` threads
or `Pool` workers against the same tasks one after another, `w` from 1 to twice the cores."""

import os

import measure
from measure import repeats, report
from work import LENGTHS, count_primes, in_threads, pool_map, sizes


def worker_counts():
    return range(1, 2 * len(os.sched_getaffinity(0)) + 1)


def report_point(kind, workers, runs, what):
    report(
        f"sweep-{kind}@{workers}",
        runs,
        "x",
        f"{workers} tasks of 20 ms at once: {what} vs one after another",
    )


def threads():
    n = sizes[LENGTHS[0]]
    for workers in worker_counts():
        runs = measure.speedup(
            repeats(),
            lambda: [count_primes(n) for _ in range(workers)],
            lambda: in_threads(count_primes, [(n,)] * workers),
        )
        report_point("threads", workers, runs, "threads")


def pool():
    n = sizes[LENGTHS[0]]
    for workers in worker_counts():
        runs = measure.speedup(
            repeats(),
            lambda: [count_primes(n) for _ in range(workers)],
            lambda: pool_map(workers, count_primes, [n] * workers),
        )
        report_point("pool", workers, runs, "forked Pool workers")
