"""What `concurrency.py` and its modules time, and the task sizes they share: the trial
division `count_primes` (as `concurrency::threading::cpu_bound`), threads, a fork `Pool`,
and the 20 and 200 ms lengths of `sized.rs`."""

import multiprocessing
import threading

import measure
from measure import repeats

LENGTHS = [ms / 1e3 for ms in measure.shared(__file__)["lengths_ms"]]  # seconds: the sized tasks
context = multiprocessing.get_context("fork")
sizes = {}  # task length in seconds -> n, filled by concurrency.report_sizes


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


def two_threads_against_serial(task, n):
    """The speedup of task(n) twice on two threads over twice one after the other."""
    return measure.speedup(
        repeats(),
        lambda: [task(n), task(n)],
        lambda: in_threads(task, [(n,)] * 2),
    )


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
