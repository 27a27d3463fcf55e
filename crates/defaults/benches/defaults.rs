//! `cargo xtask bench defaults`: what evaluating a default once saves against building it
//! per call, per call, for the notes' "this feature gives speed and memory boosts"; the same
//! measurements in CPython are `defaults.py`.
//!
//! Two defaults, each used once-built and built-per-call:
//!
//! - a costly one, the table of primes below 10,000 (a sieve): Python's
//!   `def f(n, table=sieve(10_000))` against `table=None` and a sieve in the body; Rust's
//!   `LazyLock` ([`PRIMES`]) against calling [`sieve`] in the function;
//! - the empty list mutable defaults usually are: `items=[]` against `items=None` and a new
//!   `[]`; in Rust a `static` empty `Vec` against `Vec::new()` per call, which allocates
//!   nothing until the first push, so there is nothing for "once" to save.
//!
//! Every call looks a number up (or reads a length), so the work after the default is the
//! same both ways; what differs is only where the default comes from.
#![forbid(unsafe_code)]

use std::hint::black_box;

use defaults::evaluated_once::{PRIMES, PRIMES_BELOW, sieve};
use measure::timing::seconds;
use measure::{Outcome, Step, full_or_quick, repeats, report};
use serde::Deserialize;

/// What `defaults.py` reads too, from `shared.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shared {
    /// The costly default's table holds the primes below this. On the Rust side the library
    /// owns it ([`PRIMES_BELOW`], which [`PRIMES`] is built with), so the bench only checks it.
    primes_below: u32,
}

const STEPS: &[Step] = &[
    Step {
        name: "default-table-once",
        run: table,
    },
    Step {
        name: "default-empty-once",
        run: empty,
    },
];

fn main() -> Outcome {
    let shared: Shared = measure::shared::read(include_str!("shared.json"));
    if shared.primes_below != PRIMES_BELOW {
        return Err(format!(
            "benches/shared.json has primes_below {}, the library's PRIMES_BELOW is \
             {PRIMES_BELOW}: make them equal, or the two sides time different tables",
            shared.primes_below
        )
        .into());
    }
    println!(
        "each figure: the median of {} runs, per call (the loop included)",
        repeats()
    );
    measure::run_steps(STEPS)
}

/// Whether `n` is in the table: the work every call does after getting its default.
fn lookup(n: u32, table: &[u32]) -> bool {
    table.binary_search(&n).is_ok()
}

fn lookup_once(n: u32) -> bool {
    lookup(n, &PRIMES)
}

fn lookup_built_per_call(n: u32) -> bool {
    lookup(n, &sieve(PRIMES_BELOW))
}

/// The time of one call of `f` (`unit_per_second` of the unit to a second), over `calls` calls.
fn per_call(calls: u32, unit_per_second: f64, f: impl Fn(u32) -> bool) -> Outcome<measure::Figure> {
    let figure = seconds(repeats(), || {
        Ok((0..calls)
            .filter(|&i| f(black_box(i % PRIMES_BELOW)))
            .count())
    })?;
    Ok(figure.scaled(unit_per_second / f64::from(calls)))
}

fn table() -> Outcome {
    let _ = PRIMES.len(); // built before the timing, as Python builds it at `def`
    let once = per_call(full_or_quick(1_000_000, 100_000), 1e9, lookup_once)?;
    report(
        "default-table-once",
        &once,
        "ns",
        &format!("a call whose default, the primes below {PRIMES_BELOW}, was built once"),
    );
    let per_call_built = per_call(full_or_quick(1_000, 100), 1e6, lookup_built_per_call)?;
    report(
        "default-table-per-call",
        &per_call_built,
        "us",
        "  the same, the table built in each call (None, then build)",
    );
    Ok(())
}

static EMPTY: Vec<i64> = Vec::new();

fn count_once(x: u32, items: Option<&Vec<i64>>) -> bool {
    let items = items.unwrap_or(&EMPTY);
    (items.len() as u32 + x).is_multiple_of(2)
}

fn count_per_call(x: u32, items: Option<Vec<i64>>) -> bool {
    let items = items.unwrap_or_default();
    (items.len() as u32 + x).is_multiple_of(2)
}

fn empty() -> Outcome {
    let calls = full_or_quick(1_000_000, 100_000);
    let once = per_call(calls, 1e9, |x| count_once(x, black_box(None)))?;
    report(
        "default-empty-once",
        &once,
        "ns",
        "a call whose default empty list was made once (items=[] / a static)",
    );
    let fresh = per_call(calls, 1e9, |x| count_per_call(x, black_box(None)))?;
    report(
        "default-empty-per-call",
        &fresh,
        "ns",
        "  the same, a new empty list each call (None, then [] / Vec::new())",
    );
    Ok(())
}
