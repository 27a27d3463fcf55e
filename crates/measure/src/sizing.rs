//! Sizing a task to a wall time, so that both languages run tasks of the same length.
//!
//! The same algorithm with the same input runs about 35 times longer in CPython than in Rust,
//! so a comparison of pools at one input size compares a pool's fixed costs on one side with
//! its work on the other. Instead each side finds the input at which *its* task takes, say,
//! 20 ms, and the pools are compared on tasks of equal length.

use std::time::Duration;

use crate::timing::{Outcome, time};

/// The input `n` at which `task(n)` takes about `target`, for a task whose cost grows like
/// `n^power` (1.5 or so for counting primes by trial division).
pub fn sized_to(
    target: Duration,
    power: f64,
    start: u64,
    mut task: impl FnMut(u64) -> Outcome,
) -> Outcome<u64> {
    sized_by(target, power, start, |n| time(|| task(n)))
}

/// [`sized_to`] with the timing given: `seconds(n)` is how long the task takes at `n`.
///
/// Doubles `n` from `start` until a run takes an eighth of the target, then corrects it four
/// times by the measured ratio (twice in a quick run, whose figures are only checked for
/// form). Each correction reads the fastest of three runs (two when quick), not their
/// median: other processes only ever add time to a run, and on a busy machine they add a
/// lot (runs of one size 50% apart), which would size the task short.
pub fn sized_by(
    target: Duration,
    power: f64,
    start: u64,
    mut seconds: impl FnMut(u64) -> Outcome<f64>,
) -> Outcome<u64> {
    let target = target.as_secs_f64();
    let mut n = start.max(1);
    while seconds(n)? < target / 8.0 {
        n = n.checked_mul(2).ok_or("the task never got long enough")?;
    }
    let (corrections, runs) = crate::full_or_quick((4, 3), (2, 2));
    for _ in 0..corrections {
        let timings = (0..runs)
            .map(|_| seconds(n))
            .collect::<Outcome<Vec<f64>>>()?;
        let took = timings.into_iter().fold(f64::INFINITY, f64::min);
        let scale = (target / took.max(1e-9)).powf(1.0 / power);
        n = ((n as f64) * scale).round().max(1.0) as u64;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_is_sized_to_its_target_whatever_its_power() {
        // A task of 1.5 us per n^1.5: 20 ms is reached at n = (20e-3 / 1.5e-6)^(1/1.5).
        let cost = |n: u64| Ok(1.5e-6 * (n as f64).powf(1.5));
        let n = sized_by(Duration::from_millis(20), 1.5, 10, cost).unwrap();
        let exact = (20e-3_f64 / 1.5e-6).powf(1.0 / 1.5);
        assert!((n as f64 - exact).abs() <= 1.0, "sized to {n}, not {exact}");
        // A power somewhat off (as the real cost of counting primes is) still lands close.
        let n = sized_by(Duration::from_millis(20), 1.3, 10, cost).unwrap();
        assert!(
            (n as f64 / exact - 1.0).abs() < 0.05,
            "sized to {n}, not {exact}"
        );
    }
}
