"""What every topic's Python bench shares, as `src/` is for the Rust benches: the same rules
for a figure (the median of its runs, a speedup as the median of ratios timed back to back)
and the same lines for `cargo xtask bench` (plan, step, bench, runs; see `src/lib.rs`).

A bench imports it from here: `sys.path.insert(0, <this directory>)`, then `import measure`.
Lines are flushed as they are printed: a child forked with text still in the stdout buffer
would print it again when it exits.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

QUICK_ENV = "XTASK_BENCH_QUICK"


def quick():
    """Whether this is a quick run (`cargo xtask bench --quick`)."""
    return os.environ.get(QUICK_ENV) == "1"


def repeats():
    """How many runs a figure is the median of: 7, or 2 in a quick run (checked for form
    only, never read)."""
    return 2 if quick() else 7


def full_or_quick(full, quick_value):
    return quick_value if quick() else full


def shared(bench):
    """The constants this topic's Rust and Python benches share, from the `shared.json` of the
    `benches/` folder that `bench` (a bench's `__file__`) is in, as src/shared.rs reads it
    for Rust: one file, so that both sides time the same work."""
    for folder in Path(bench).resolve().parents:
        if folder.name == "benches":
            with open(folder / "shared.json", encoding="utf-8") as file:
                return json.load(file)
    raise FileNotFoundError(f"{bench} is not in a benches/ folder")


def seconds(step):
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def timed(repeats, step):
    """The seconds `step` takes, over `repeats` runs: a list of runs."""
    return [seconds(step) for _ in range(repeats)]


# As in `src/timing.rs` (which says why): in a full run the pairs of one figure go on until
# they have taken this long together, at least `repeats` and at most MOST_PAIRS of them.
PAIRED_FOR = 1.5
MOST_PAIRS = 101


def paired(repeats, first, second):
    """The seconds of `first` and `second` timed back to back; in a full run after one
    untimed pair, and more pairs until PAIRED_FOR has passed."""
    budget = 0.0
    if not quick():
        first()
        second()
        budget = PAIRED_FOR
    started = time.perf_counter()
    pairs = []
    while len(pairs) < repeats or (
        time.perf_counter() - started < budget and len(pairs) < MOST_PAIRS
    ):
        pairs.append((seconds(first), seconds(second)))
    return pairs


def ratios(pairs):
    return [first / second for first, second in pairs]


def speedup(repeats, slow, fast):
    """The runs of `slow / fast`, each pair timed back to back."""
    return ratios(paired(repeats, slow, fast))


def scaled(runs, factor):
    return [run * factor for run in runs]


def report(id, runs, unit, label):
    """A figure: the median of `runs` as a `bench` line, and the runs themselves."""
    print(f"bench\t{id}\t{statistics.median(runs):.6f}\t{unit}\t{label}", flush=True)
    print("\t".join(["runs", id] + [f"{run:.6f}" for run in runs]), flush=True)


def note(text):
    """A line for the reader, on stderr, which `cargo xtask bench` shows as it runs."""
    print(f"python3: {text}", file=sys.stderr, flush=True)


def run_steps(steps):
    """Announces the steps (a `plan` line), then runs each after its `step` line.

    `steps` is a list of (name, function) pairs."""
    print("\t".join(["plan"] + [name for name, _ in steps]), flush=True)
    for name, step in steps:
        print(f"step\t{name}", flush=True)
        step()


def sized_to(target, power, start, task):
    """The input n at which task(n) takes about `target` seconds, for a cost like n**power.

    As `sized_to` in src/sizing.rs: double n until a run takes an eighth of the target, then
    correct it four times by the measured ratio, each time the fastest of three runs (load
    only ever adds time); twice, of two runs, in a quick run."""
    n = max(start, 1)
    while seconds(lambda: task(n)) < target / 8:
        n *= 2
    corrections, runs = full_or_quick((4, 3), (2, 2))
    for _ in range(corrections):
        took = min(seconds(lambda: task(n)) for _ in range(runs))
        n = max(1, round(n * (target / max(took, 1e-9)) ** (1 / power)))
    return n
