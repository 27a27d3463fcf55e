"""`cargo xtask bench recursion`, the CPython side of `recursion.rs`: factorial(20) a
million times, naive against memoised Fibonacci, and how deep recursion goes before
`RecursionError`, beside `sys.getrecursionlimit()`.
"""

import functools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "measure"))
import measure  # noqa: E402
from measure import full_or_quick, repeats, report  # noqa: E402

SHARED = measure.shared(__file__)  # shared.json, which recursion.rs reads too
FIB = SHARED["fib"]
MEMOISED_PER_RUN = SHARED["memoised_per_run"]


def factorial(n):
    if n == 0:
        return 1
    return n * factorial(n - 1)


def fib_naive(n):
    if n < 2:
        return n
    return fib_naive(n - 1) + fib_naive(n - 2)


@functools.cache
def fib_memoised(n):
    if n < 2:
        return n
    return fib_memoised(n - 1) + fib_memoised(n - 2)


def fib_memoised_fresh(n):
    fib_memoised.cache_clear()
    return fib_memoised(n)


def factorial_calls():
    calls = full_or_quick(250_000, 50_000)  # reported as the time of a million

    def run():
        for _ in range(calls):
            factorial(20)

    report(
        "factorial-20",
        measure.scaled(measure.timed(repeats(), run), 1e3 * 1e6 / calls),
        "ms",
        f"factorial(20), recursive: a million calls (timed over {calls})",
    )


def fibonacci():
    report(
        f"fib-naive-{FIB}",
        measure.scaled(measure.timed(repeats(), lambda: fib_naive(FIB)), 1e3),
        "ms",
        # fib_naive(n) makes 2 * fib(n + 1) - 1 calls.
        f"fib({FIB}), naive: {2 * fib_memoised(FIB + 1) - 1} calls",
    )

    def memoised_runs():
        for _ in range(MEMOISED_PER_RUN):
            fib_memoised_fresh(FIB)

    report(
        f"fib-memo-{FIB}",
        measure.scaled(measure.timed(repeats(), memoised_runs), 1e6 / MEMOISED_PER_RUN),
        "us",
        f"  fib({FIB}), memoised with functools.cache (cleared each time): {2 * FIB - 1} calls",
    )


def deepest():
    depth = 0

    def dive(d):
        nonlocal depth
        depth = d
        dive(d + 1)

    try:
        dive(1)
    except RecursionError:
        pass
    report(
        "recursion-deepest",
        [depth],
        "frames",
        "deepest recursion before RecursionError (this script's own frames below it)",
    )
    report(
        "recursion-limit",
        [sys.getrecursionlimit()],
        "frames",
        "  sys.getrecursionlimit()",
    )


if __name__ == "__main__":
    measure.run_steps(
        [
            ("factorial-20", factorial_calls),
            ("fib-naive-25", fibonacci),
            ("recursion-deepest", deepest),
        ]
    )
