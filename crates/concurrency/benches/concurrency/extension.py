"""The CPython side only: the Rust `count_primes` of the extension module `pyideas`
(crates/pyideas), called from two Python threads while holding the GIL and with it released
(`py.detach`), each against the same two calls one after another.

The task is sized so that one Rust call takes 20 ms, as the `*-20ms` tasks of both sides
are. `cargo xtask bench` builds the module optimised and puts its directory on PYTHONPATH.
"""

import measure
import pyideas
from measure import report
from work import LENGTHS, label, suffix, two_threads_against_serial

WAYS = [  # the id's part, the function, how it treats the GIL
    ("held", pyideas.count_primes, "holding the GIL"),
    ("released", pyideas.count_primes_detached, "the GIL released (py.detach)"),
]


def gil_held_and_released(power):
    """`power`: how the task's cost grows with n, for sizing (concurrency.py's POWER)."""
    length = LENGTHS[0]
    n = measure.sized_to(length, power, 1_000, pyideas.count_primes)
    for way, count_primes, how in WAYS:
        runs = two_threads_against_serial(count_primes, n)
        report(
            f"extension-gil-{way}-{suffix(length)}",
            runs,
            "x",
            f"Rust's count_primes({n}) from Python (pyideas), {how}: "
            f"2 threads vs one after another, tasks of {label(length)}",
        )
