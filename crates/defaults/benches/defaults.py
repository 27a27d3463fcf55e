"""`cargo xtask bench defaults`, the CPython side of `defaults.rs`: a default evaluated once
(when `def` runs) against the `None` idiom that builds it in each call.

Every call does the same work after getting its default (a binary search in the table, or
reading the list's length), so what differs is only where the default comes from. Figures
are per call, the loop included, under the rules of crates/measure/measure.py.
"""

import bisect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "measure"))
import measure  # noqa: E402
from measure import full_or_quick, repeats, report  # noqa: E402

PRIMES_BELOW = measure.shared(__file__)["primes_below"]  # shared.json, as defaults.rs reads


def sieve(limit):
    composite = [False] * limit
    primes = []
    for n in range(2, limit):
        if not composite[n]:
            primes.append(n)
            for multiple in range(n * n, limit, n):
                composite[multiple] = True
    return primes


def lookup(n, table):
    i = bisect.bisect_left(table, n)
    return i < len(table) and table[i] == n


def lookup_once(n, table=sieve(PRIMES_BELOW)):
    return lookup(n, table)


def lookup_built_per_call(n, table=None):
    if table is None:
        table = sieve(PRIMES_BELOW)
    return lookup(n, table)


def count_once(x, items=[]):
    return (len(items) + x) % 2 == 0


def count_per_call(x, items=None):
    if items is None:
        items = []
    return (len(items) + x) % 2 == 0


def per_call(calls, unit_per_second, f):
    def run():
        for i in range(calls):
            f(i % PRIMES_BELOW)

    return measure.scaled(measure.timed(repeats(), run), unit_per_second / calls)


def table():
    report(
        "default-table-once",
        per_call(full_or_quick(1_000_000, 100_000), 1e9, lookup_once),
        "ns",
        f"a call whose default, the primes below {PRIMES_BELOW}, was built once",
    )
    report(
        "default-table-per-call",
        per_call(full_or_quick(1_000, 100), 1e6, lookup_built_per_call),
        "us",
        "  the same, the table built in each call (None, then build)",
    )


def empty():
    calls = full_or_quick(1_000_000, 100_000)
    report(
        "default-empty-once",
        per_call(calls, 1e9, count_once),
        "ns",
        "a call whose default empty list was made once (items=[] / a static)",
    )
    report(
        "default-empty-per-call",
        per_call(calls, 1e9, count_per_call),
        "ns",
        "  the same, a new empty list each call (None, then [] / Vec::new())",
    )


if __name__ == "__main__":
    measure.run_steps([("default-table-once", table), ("default-empty-once", empty)])
