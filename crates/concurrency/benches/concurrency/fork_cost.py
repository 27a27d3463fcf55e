"""Where a pool call's fixed cost goes, as `fork_cost.rs`: the fork, the page faults after
it, and reaping the child, through `os.fork` and `resource.getrusage`."""

import os
import resource
import time

import measure
from measure import repeats, report
from work import identity, pool_map

SHARED = measure.shared(__file__)["fork_cost"]  # ../shared.json, as fork_cost.rs reads it
PER_RUN = SHARED["per_run"]  # forks (or pool calls) each run averages over
COW_BYTES = SHARED["cow_mib"] << 20
PAGE = SHARED["page"]


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
