//! The task lengths both sides compare at, and the input sizes that give them here.
//!
//! A size is found once per run (by `measure::sizing`) and kept: every step that needs
//! 20 ms tasks uses the same `n`. Under the modelled GIL a task offers the lock between
//! primality tests, which costs time, so it is sized on its own to the same length.

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Duration;

use concurrency::threading::cpu_bound::count_primes;
use concurrency::threading::gil::workload::{Runtime, Task};
use concurrency::threading::gil::{Gil, SWITCH_INTERVAL};
use measure::sizing::sized_to;
use measure::timing::seconds;
use measure::{Outcome, repeats, report};

use crate::shared::SHARED;

/// The task lengths, as the ids name them.
pub(crate) const LENGTHS: [Length; 2] = [Length::Short, Length::Long];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Length {
    /// A short task (20 ms), where a pool's fixed costs still show.
    Short,
    /// A long task (200 ms), where they should not.
    Long,
}

impl Length {
    /// How long, from `shared.json`'s `lengths_ms` (20 and 200 ms).
    pub(crate) fn duration(self) -> Duration {
        Duration::from_millis(SHARED.lengths_ms[self.index()])
    }

    /// The ids' suffix: `20ms`, `200ms`.
    pub(crate) fn suffix(self) -> String {
        format!("{}ms", self.duration().as_millis())
    }

    /// As a label says it: `20 ms`.
    pub(crate) fn label(self) -> String {
        format!("{} ms", self.duration().as_millis())
    }

    fn index(self) -> usize {
        LENGTHS
            .iter()
            .position(|&length| length == self)
            .unwrap_or(0)
    }
}

/// The `n` of `count_primes(n)` for each length: plain, and under the modelled GIL.
struct Sizes {
    free: [u64; 2],
    gil: [u64; 2],
}

static SIZES: OnceLock<Sizes> = OnceLock::new();

fn sizes() -> Outcome<&'static Sizes> {
    if let Some(sizes) = SIZES.get() {
        return Ok(sizes);
    }
    let gil = Gil::new(SWITCH_INTERVAL);
    let mut sizes = Sizes {
        free: [0; 2],
        gil: [0; 2],
    };
    let mut start = (1_000, 1_000);
    let power = SHARED.power;
    for length in LENGTHS {
        let i = length.index();
        sizes.free[i] = sized_to(length.duration(), power, start.0, |n| {
            black_box(count_primes(black_box(n)));
            Ok(())
        })?;
        sizes.gil[i] = sized_to(length.duration(), power, start.1, |n| {
            black_box(Runtime::Gil(&gil).run(gil_task(n)));
            Ok(())
        })?;
        // The next length starts from this one's size, not from scratch.
        start = (sizes.free[i], sizes.gil[i]);
    }
    Ok(SIZES.get_or_init(|| sizes))
}

/// The `n` at which `count_primes(n)` takes `length`.
pub(crate) fn free(length: Length) -> Outcome<u64> {
    Ok(sizes()?.free[length.index()])
}

/// The `n` at which `count_primes(n)` under the modelled GIL takes `length`.
pub(crate) fn under_gil(length: Length) -> Outcome<u64> {
    Ok(sizes()?.gil[length.index()])
}

/// The modelled GIL's CPU-bound task of size `n`.
pub(crate) fn gil_task(n: u64) -> Task {
    Task::Cpu {
        primes_below: black_box(n),
    }
}

/// Sizes the tasks and reports how long one sized task takes (`task-20ms`, `task-200ms`).
pub(crate) fn report_sizes() -> Outcome {
    for length in LENGTHS {
        let n = free(length)?;
        let took = seconds(repeats(), || Ok(count_primes(black_box(n))))?;
        report(
            &format!("task-{}", length.suffix()),
            &took.scaled(1e3),
            "ms",
            &format!("one task sized to {}: count_primes({n})", length.label()),
        );
    }
    Ok(())
}
