//! Repeats, medians, paired ratios, and the lines `cargo xtask bench` reads.
//!
//! Every figure is a median over [`REPEATS`] runs, so one run disturbed by the rest of a
//! noisy machine does not move it. A speedup is the median of paired ratios: the slow and the
//! fast way are timed back to back in each run, so a change in the machine's load between runs
//! touches both sides of a ratio alike. The Python bench follows the same rules.

use std::error::Error;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// What a measured step returns: a failure (a fork that failed, a worker that panicked)
/// stops the bench with its message rather than producing a figure.
pub(crate) type Outcome<T = ()> = Result<T, Box<dyn Error>>;

/// How many runs each figure is the median of.
pub(crate) const REPEATS: usize = 7;

/// How many runs the figures that time 100,000 tasks take (CPython spends seconds on each).
pub(crate) const REPEATS_LONG: usize = 3;

/// How long `step` took; its result is kept from the optimiser with `black_box`.
pub(crate) fn time<T>(step: impl FnOnce() -> Outcome<T>) -> Outcome<Duration> {
    let start = Instant::now();
    black_box(step()?);
    Ok(start.elapsed())
}

/// The middle value (the mean of the middle two for an even count).
pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    match values.len() {
        0 => f64::NAN,
        len if len % 2 == 1 => values[middle],
        _ => (values[middle - 1] + values[middle]) / 2.0,
    }
}

/// The median time of `step` in seconds, over `repeats` runs.
pub(crate) fn median_seconds<T>(
    repeats: usize,
    mut step: impl FnMut() -> Outcome<T>,
) -> Outcome<f64> {
    let runs = (0..repeats)
        .map(|_| time(&mut step).map(secs))
        .collect::<Outcome<Vec<f64>>>()?;
    Ok(median(runs))
}

/// Times `first` and `second` back to back, `repeats` times: the seconds of each pair.
pub(crate) fn paired<A, B>(
    repeats: usize,
    mut first: impl FnMut() -> Outcome<A>,
    mut second: impl FnMut() -> Outcome<B>,
) -> Outcome<Vec<(f64, f64)>> {
    (0..repeats)
        .map(|_| Ok((secs(time(&mut first)?), secs(time(&mut second)?))))
        .collect()
}

/// The median of `first / second` over the pairs.
pub(crate) fn median_ratio(pairs: &[(f64, f64)]) -> f64 {
    median(
        pairs
            .iter()
            .map(|&(first, second)| first / second.max(f64::MIN_POSITIVE))
            .collect(),
    )
}

/// How many times faster `fast` is than `slow`: the median of `slow / fast` over
/// [`REPEATS`] runs, each timing the two back to back.
pub(crate) fn speedup<S, F>(
    slow: impl FnMut() -> Outcome<S>,
    fast: impl FnMut() -> Outcome<F>,
) -> Outcome<f64> {
    Ok(median_ratio(&paired(REPEATS, slow, fast)?))
}

/// Prints one measurement as `cargo xtask bench` reads it; the Python bench of the same
/// `id` goes beside it in the table.
pub(crate) fn report(id: &str, value: f64, unit: &str, label: &str) {
    println!("bench\t{id}\t{value:.4}\t{unit}\t{label}");
}

/// Seconds as milliseconds, for [`report`].
pub(crate) fn ms(seconds: f64) -> f64 {
    seconds * 1e3
}

/// Seconds as microseconds, for [`report`].
pub(crate) fn us(seconds: f64) -> f64 {
    seconds * 1e6
}

/// `Duration`s as the seconds the helpers above work in.
fn secs(duration: Duration) -> f64 {
    duration.as_secs_f64()
}
