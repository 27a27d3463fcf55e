//! How steady one core's speed is: the background every other figure is measured against.
//!
//! One thread does the same small piece of work over and over for a while and counts how
//! many pieces each 100 ms window gets through. On a machine of its own every window would
//! count the same; on a virtual machine whose host runs other tenants the count moves from
//! one window to the next, and a 20 ms timing that lands in a slow window is slow for a
//! reason that has nothing to do with threads or processes. The figure is each window's
//! count against the median window's: its brackets are the slowest and the fastest window.

use std::hint::black_box;
use std::time::{Duration, Instant};

use concurrency::threading::cpu_bound::count_primes;
use measure::{Figure, Outcome, full_or_quick, report};

use crate::shared::SHARED;

pub(crate) fn core_speed() -> Outcome {
    let (window, windows) = (SHARED.window(), &SHARED.windows);
    let windows = full_or_quick(windows.full, windows.quick);
    let counts: Vec<f64> = (0..windows).map(|_| f64::from(busy_for(window))).collect();
    let typical = measure::median(counts.clone());
    let figure = Figure::of_runs(counts.iter().map(|count| count / typical).collect());
    report(
        "core-speed",
        &figure,
        "x",
        &format!(
            "one core's work in each {} ms window, against the median window",
            window.as_millis()
        ),
    );
    Ok(())
}

/// Keeps this core busy with pieces of work for `how_long`; returns how many pieces it did.
/// (The fork-cost probe uses it too, to keep a core busy.)
pub(crate) fn busy_for(how_long: Duration) -> u32 {
    let piece = SHARED.piece;
    let start = Instant::now();
    let mut pieces = 0;
    while start.elapsed() < how_long {
        black_box(count_primes(black_box(piece)));
        pieces += 1;
    }
    pieces
}
