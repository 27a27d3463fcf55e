"""`cargo xtask bench property`, the CPython side of `property.rs`: the notes' class A, whose
`x` is a `@property` with a validating setter, against a plain attribute.

Each pair is timed back to back (the property, then the attribute); the ratio says what the
abstraction costs: in CPython every `a.x` calls a Python function.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "measure"))
import measure  # noqa: E402
from measure import repeats, report  # noqa: E402

ACCESSES = measure.shared(__file__)["accesses"]  # shared.json, which property.rs reads too


class A(object):
    _x = 0
    """A._x is an attribute"""

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        if value < 0:
            raise ValueError("Must be >= 0")
        self._x = value


class Plain:
    def __init__(self):
        self.x = 0


def report_pair(kind, pairs, accessor, field):
    report(f"property-{kind}", [1e3 * p for p, _ in pairs], "ms", accessor)
    report(f"field-{kind}", [1e3 * f for _, f in pairs], "ms", field)
    report(
        f"property-{kind}-vs-field",
        measure.ratios(pairs),
        "x",
        f"  {kind}s: the property's time / the field's",
    )


def reads():
    a, plain = A(), Plain()

    def through_property():
        for _ in range(ACCESSES):
            a.x

    def plain_attribute():
        for _ in range(ACCESSES):
            plain.x

    report_pair(
        "read",
        measure.paired(repeats(), through_property, plain_attribute),
        "a million reads of x through the getter (a.x)",
        "  a million reads of a plain attribute",
    )


def writes():
    a, plain = A(), Plain()

    def through_property():
        for i in range(ACCESSES):
            a.x = i

    def plain_attribute():
        for i in range(ACCESSES):
            plain.x = i

    report_pair(
        "write",
        measure.paired(repeats(), through_property, plain_attribute),
        "a million validated writes through the setter (a.x = i)",
        "  a million writes to a plain attribute",
    )


if __name__ == "__main__":
    measure.run_steps([("property-read", reads), ("property-write", writes)])
