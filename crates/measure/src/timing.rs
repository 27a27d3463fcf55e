//! Timing a step, medians, and ratios of runs timed back to back.
//!
//! Every figure is a median over several runs, so one run disturbed by the rest of a noisy
//! machine does not move it; the runs are kept too, so a reader can see the spread. A speedup
//! is the median of paired ratios: the slow and the fast way are timed back to back in each
//! run, so a change in the machine's load between runs touches both sides of a ratio alike.

use std::error::Error;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// What a measured step returns: a failure (a fork that failed, a worker that panicked)
/// stops the bench with its message rather than producing a figure.
pub type Outcome<T = ()> = Result<T, Box<dyn Error>>;

/// A figure and the runs it is the median of, in one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The median of `runs`.
    pub value: f64,
    /// Every run, in the order they were made.
    pub runs: Vec<f64>,
}

impl Figure {
    /// The figure whose value is the median of `runs`.
    pub fn of_runs(runs: Vec<f64>) -> Self {
        Figure {
            value: median(runs.clone()),
            runs,
        }
    }

    /// The same figure in another unit (or per task): every run times `factor`.
    pub fn scaled(&self, factor: f64) -> Self {
        Figure::of_runs(self.runs.iter().map(|run| run * factor).collect())
    }
}

/// How many seconds `step` took; its result is kept from the optimiser with `black_box`.
pub fn time<T>(step: impl FnOnce() -> Outcome<T>) -> Outcome<f64> {
    let start = Instant::now();
    black_box(step()?);
    Ok(start.elapsed().as_secs_f64())
}

/// The middle value (the mean of the middle two for an even count; NaN for none).
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    match values.len() {
        0 => f64::NAN,
        len if len % 2 == 1 => values[middle],
        _ => (values[middle - 1] + values[middle]) / 2.0,
    }
}

/// The seconds `step` takes, over `repeats` runs.
pub fn seconds<T>(repeats: usize, mut step: impl FnMut() -> Outcome<T>) -> Outcome<Figure> {
    let runs = (0..repeats)
        .map(|_| time(&mut step))
        .collect::<Outcome<Vec<f64>>>()?;
    Ok(Figure::of_runs(runs))
}

/// In a full run, the pairs of one figure go on until they have taken this long together
/// (and at least `repeats` of them, at most [`MOST_PAIRS`]).
///
/// Why: this machine's cores do not run at one speed. The concurrency bench's `core-speed`
/// counts one thread's fixed work per 100 ms window, with nothing else running in the guest
/// (the host's other tenants): its windows range from about half the median's to a little
/// over it. A pair of 20 ms runs lands in a slow window now and then, on one side only.
/// Seven pairs of 60 ms let a few such pairs move the median; one and a half seconds of
/// pairs (some 25 of them) do not, while pairs of 200 ms tasks stay at `repeats`.
pub const PAIRED_FOR: Duration = Duration::from_millis(1500);

/// The most pairs one figure is the median of.
pub const MOST_PAIRS: usize = 101;

/// Times `first` and `second` back to back: the seconds of each pair. In a full run one pair
/// runs first untimed (a warm-up: threads, pages and caches touched for the first time cost
/// there), then at least `repeats` pairs, and more until [`PAIRED_FOR`] has passed; a quick
/// run times `repeats` pairs and no more.
pub fn paired<A, B>(
    repeats: usize,
    mut first: impl FnMut() -> Outcome<A>,
    mut second: impl FnMut() -> Outcome<B>,
) -> Outcome<Vec<(f64, f64)>> {
    // A quick run (CI's) only shows that every workload runs: no warm-up, no extra pairs.
    let budget = if crate::quick() {
        Duration::ZERO
    } else {
        black_box((first()?, second()?));
        PAIRED_FOR
    };
    let started = Instant::now();
    let mut pairs = Vec::new();
    while pairs.len() < repeats || (started.elapsed() < budget && pairs.len() < MOST_PAIRS) {
        pairs.push((time(&mut first)?, time(&mut second)?));
    }
    Ok(pairs)
}

/// `first / second` of each pair, as a figure.
pub fn ratios(pairs: &[(f64, f64)]) -> Figure {
    Figure::of_runs(
        pairs
            .iter()
            .map(|&(first, second)| first / second.max(f64::MIN_POSITIVE))
            .collect(),
    )
}

/// How many times faster `fast` is than `slow`: `slow / fast` over `repeats` pairs timed
/// back to back.
pub fn speedup<S, F>(
    repeats: usize,
    slow: impl FnMut() -> Outcome<S>,
    fast: impl FnMut() -> Outcome<F>,
) -> Outcome<Figure> {
    Ok(ratios(&paired(repeats, slow, fast)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_or_the_mean_of_the_middle_two() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(Vec::new()).is_nan());
    }

    #[test]
    fn a_figure_keeps_its_runs_and_scales_them_all() {
        let figure = Figure::of_runs(vec![0.003, 0.001, 0.002]).scaled(1e3);
        assert_eq!(figure.runs.len(), 3);
        assert!((figure.value - 2.0).abs() < 1e-9);
        assert!((figure.runs[0] - 3.0).abs() < 1e-9);
    }

    #[test]
    fn pairs_follow_one_untimed_pair_and_stay_within_their_bounds() {
        let (mut firsts, mut seconds) = (0, 0);
        let pairs = paired(
            3,
            || {
                firsts += 1;
                Ok(())
            },
            || {
                seconds += 1;
                Ok(())
            },
        )
        .unwrap();
        assert!(
            (3..=MOST_PAIRS).contains(&pairs.len()),
            "{} pairs",
            pairs.len()
        );
        let warm_up = usize::from(!crate::quick());
        assert_eq!(firsts, pairs.len() + warm_up);
        assert_eq!(seconds, pairs.len() + warm_up);
    }

    #[test]
    fn a_ratio_is_taken_within_each_pair() {
        let figure = ratios(&[(2.0, 1.0), (9.0, 3.0), (8.0, 2.0)]);
        assert_eq!(figure.runs, [2.0, 3.0, 4.0]);
        assert_eq!(figure.value, 3.0);
    }
}
