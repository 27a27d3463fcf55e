//! The sizes and counts both sides time, read from `../shared.json`, which
//! `../concurrency.py` and its modules read too: one value for both, so that they measure
//! the same work.

use std::sync::LazyLock;
use std::time::Duration;

use serde::Deserialize;

/// Everything in `shared.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Shared {
    /// The unsized CPU-bound task: count the primes below this by trial division, the same
    /// input in both languages (which shows the gap between them).
    pub(crate) primes_below: u64,
    /// Counting primes by trial division costs about `n^1.5 / ln n`: 1.4 is close enough for
    /// `sized_to`'s corrections.
    pub(crate) power: f64,
    /// The task lengths in milliseconds: short, where a pool's fixed costs still show, and
    /// long, where they should not.
    pub(crate) lengths_ms: [u64; 2],
    /// One blocking wait, in milliseconds.
    pub(crate) wait_ms: u64,
    /// How many blocking waits run at once.
    pub(crate) waits: usize,
    /// The data-parallel map's input: `map_step, 2 * map_step, ...`, `map_limits` of them,
    /// each a `count_primes` task.
    pub(crate) map_limits: u64,
    /// See `map_limits`.
    pub(crate) map_step: u64,
    /// How many CPU-bound tasks the pool maps.
    pub(crate) tasks: usize,
    /// How many processes one run starts and joins, one after another.
    pub(crate) processes_per_run: u32,
    /// The core-speed figure's window, in milliseconds: the counting is read at the end of
    /// each.
    pub(crate) window_ms: u64,
    /// How many windows.
    pub(crate) windows: FullOrQuick,
    /// One piece of work: count the primes below this (a few tens of microseconds).
    pub(crate) piece: u64,
    /// `fork_cost.rs`'s.
    pub(crate) fork_cost: ForkCost,
    /// `live_pool.rs`'s.
    pub(crate) live_pool: LivePool,
}

/// A count for a full run, and for a quick one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FullOrQuick {
    pub(crate) full: usize,
    pub(crate) quick: usize,
}

/// Where a pool call's fixed cost goes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ForkCost {
    /// How many forks (or pool calls) each run averages over.
    pub(crate) per_run: u32,
    /// The buffer whose pages the parent writes after a fork, to time one copy-on-write
    /// fault, in MiB.
    pub(crate) cow_mib: usize,
    /// The page size the buffer is written by.
    pub(crate) page: usize,
}

/// The long-lived pool against fork-per-call.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LivePool {
    /// How many trivial tasks one timed `map` runs.
    pub(crate) tasks: u32,
    /// The parent's touched heap for each step of the sweep.
    pub(crate) sizes: Vec<ParentSize>,
}

/// One step of the sweep: the parent's touched heap, the id suffix it is named by, and how
/// a label says it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParentSize {
    pub(crate) mib: usize,
    pub(crate) id: String,
    pub(crate) label: String,
}

impl Shared {
    /// One blocking wait.
    pub(crate) fn wait(&self) -> Duration {
        Duration::from_millis(self.wait_ms)
    }

    /// The core-speed figure's window.
    pub(crate) fn window(&self) -> Duration {
        Duration::from_millis(self.window_ms)
    }
}

/// `shared.json`, read once.
pub(crate) static SHARED: LazyLock<Shared> =
    LazyLock::new(|| measure::shared::read(include_str!("../shared.json")));
