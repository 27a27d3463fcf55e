"""The CPython side of live_pool.rs: CPython's `Pool(2)` created once and reused, against
one made, used and closed for each call, as the parent's touched heap grows (0, 256 MiB,
1 GiB, 4 GiB), and what a task costs the reused pool at chunksize 1.

CPython's fork start method copies the page tables at every worker's fork, as the Rust
fork-per-call pool does; a pool created before the parent grows forks nothing per call.
"""

import measure
from measure import full_or_quick, repeats, report
from work import context, identity, pool_map

SHARED = measure.shared(__file__)["live_pool"]  # ../shared.json, as live_pool.rs reads it
SIZES = [  # the parent's touched heap, its id suffix, its label
    (size["mib"] << 20, size["id"], size["label"]) for size in SHARED["sizes"]
]
TASKS = SHARED["tasks"]  # trivial tasks in one timed map


def parent_memory_sweep():
    # Created before the parent grows, and reused: CPython's usual way.
    live = context.Pool(2)
    for size, id, label in SIZES:
        ballast = b"\x01" * size  # every page written
        per_call = measure.timed(repeats(), lambda: pool_map(2, identity, range(TASKS)))
        report(
            f"pool-map-parent-{id}",
            measure.scaled(per_call, 1e3),
            "ms",
            f"map of {TASKS} trivial tasks, {label} parent: fork per call "
            "(Python: Pool(2) made, used, closed)",
        )
        reused = measure.timed(repeats(), lambda: live.map(identity, range(TASKS)))
        report(
            f"pool-live-map-parent-{id}",
            measure.scaled(reused, 1e3),
            "ms",
            "  the same on a pool started once (Python: Pool(2) reused)",
        )
        del ballast
    live.close()
    live.join()


def per_task_overhead():
    count = full_or_quick(20_000, 5_000)
    live = context.Pool(2)
    one_at_a_time = measure.timed(
        repeats(), lambda: live.map(identity, range(count), chunksize=1)
    )
    report(
        "pool-live-identity-chunksize-1",
        measure.scaled(one_at_a_time, 1e6 / count),
        "us",
        f"a pool started once: map(identity, {count} ints), chunksize 1: a task",
    )
    live.close()
    live.join()
