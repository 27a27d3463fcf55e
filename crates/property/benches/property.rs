//! `cargo xtask bench property`: what the getter and the validating setter cost against a
//! plain field, a million reads and a million writes; `property.py` measures `@property`
//! against a plain attribute in CPython.
//!
//! Each pair is timed back to back (the accessor way, then the field), and the ratio says
//! what the abstraction costs in each language: in Rust the getter is inlined into a load,
//! and the setter's check is one comparison on a value that is never negative here.
#![forbid(unsafe_code)]

use std::hint::black_box;
use std::sync::LazyLock;

use measure::timing::{Figure, ratios};
use measure::{Outcome, Step, paired, repeats, report};
use property::A;
use serde::Deserialize;

/// What `property.py` reads too, from `shared.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shared {
    /// How many reads, and how many writes, one run makes.
    accesses: i64,
}

static SHARED: LazyLock<Shared> =
    LazyLock::new(|| measure::shared::read(include_str!("shared.json")));

const STEPS: &[Step] = &[
    Step {
        name: "property-read",
        run: reads,
    },
    Step {
        name: "property-write",
        run: writes,
    },
];

/// Python's plain attribute: a public field, no rule.
#[derive(Default)]
struct Plain {
    x: i64,
}

fn main() -> Outcome {
    println!(
        "each figure: the median of {} runs of {} accesses",
        repeats(),
        SHARED.accesses
    );
    measure::run_steps(STEPS)
}

/// Reports the two sides of `pairs` in ms and their ratio.
fn report_pair(kind: &str, pairs: &[(f64, f64)], accessor: &str, field: &str) {
    let side = |pick: fn(&(f64, f64)) -> f64| Figure::of_runs(pairs.iter().map(pick).collect());
    report(
        &format!("property-{kind}"),
        &side(|p| p.0).scaled(1e3),
        "ms",
        accessor,
    );
    report(
        &format!("field-{kind}"),
        &side(|p| p.1).scaled(1e3),
        "ms",
        field,
    );
    report(
        &format!("property-{kind}-vs-field"),
        &ratios(pairs),
        "x",
        &format!("  {kind}s: the property's time / the field's"),
    );
}

fn reads() -> Outcome {
    let accesses = SHARED.accesses;
    let a = A::new();
    let plain = Plain::default();
    let pairs = paired(
        repeats(),
        || Ok((0..accesses).map(|_| black_box(&a).x()).sum::<i64>()),
        || Ok((0..accesses).map(|_| black_box(&plain).x).sum::<i64>()),
    )?;
    report_pair(
        "read",
        &pairs,
        "a million reads of x through the getter (a.x())",
        "  a million reads of a plain field",
    );
    Ok(())
}

fn writes() -> Outcome {
    let accesses = SHARED.accesses;
    let mut a = A::new();
    let mut plain = Plain::default();
    let pairs = paired(
        repeats(),
        || {
            for i in 0..accesses {
                black_box(&mut a).set_x(black_box(i))?;
            }
            Ok(a.x())
        },
        || {
            for i in 0..accesses {
                black_box(&mut plain).x = black_box(i);
            }
            Ok(plain.x)
        },
    )?;
    report_pair(
        "write",
        &pairs,
        "a million validated writes through the setter (a.set_x(i)?)",
        "  a million writes to a plain field",
    );
    Ok(())
}
