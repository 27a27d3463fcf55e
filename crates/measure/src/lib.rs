//! What every topic's bench shares: how a figure is measured and how it is printed for
//! `cargo xtask bench`, in Rust here and in Python in [`measure.py`](../measure.py), so the
//! two sides of a table follow the same rules.
//!
//! A bench is an ordinary program (`harness = false`) that prints lines; the runner reads
//! them from its stdout as they come:
//!
//! ```text
//! plan<TAB>step<TAB>step...             the steps this bench will run, first
//! step<TAB>name                         a step starts (the runner shows progress)
//! bench<TAB>id<TAB>value<TAB>unit<TAB>label   a figure: the median of its runs
//! runs<TAB>id<TAB>run<TAB>run...         that figure's runs, in its unit
//! ```
//!
//! Any other line is a note for the reader. `bench` lines are the original protocol and stand
//! alone: a bench that prints only them still gives a table and JSON, just without runs or
//! progress. An id of the form `series@x` is one point of a series (`sweep-threads@2`: the
//! speedup with 2 workers), which the chart draws as a line.
//!
//! # Layout
//!
//! - [`timing`]: timing a step, medians, runs timed back to back, speedups.
//! - [`protocol`]: the lines above as one type, what one side's lines add up to, and a
//!   bench's list of steps.
//! - [`mod@report`]: the JSON report `cargo xtask bench` writes for each topic, as types.
//! - [`shared`]: the constants a topic's Rust and Python benches share, read from one file.
//! - [`sizing`]: finds the input size at which a task takes a given wall time.
//! - [`mod@format`]: how a figure is written for a reader (the runner's tables, the charts).
#![forbid(unsafe_code)]

pub mod format;
pub mod protocol;
pub mod report;
pub mod shared;
pub mod sizing;
pub mod timing;

pub use format::format_value;
pub use protocol::{Line, Step, report, run_steps};
pub use report::Report;
pub use timing::{Figure, Outcome, median, paired, speedup, time};

/// The environment variable `cargo xtask bench --quick` sets: fewer runs and smaller inputs,
/// the same workloads under the same names.
pub const QUICK_ENV: &str = "XTASK_BENCH_QUICK";

/// Whether this is a quick run (`cargo xtask bench --quick`, for CI).
pub fn quick() -> bool {
    std::env::var(QUICK_ENV).is_ok_and(|value| value == "1")
}

/// How many runs a figure is the median of: 7, or 2 in a quick run, whose figures are only
/// checked for form (CI: every workload runs), never read.
pub fn repeats() -> usize {
    if quick() { 2 } else { 7 }
}

/// `full` in a full run, `quick` in a quick one: for input sizes.
pub fn full_or_quick<T>(full: T, quick_value: T) -> T {
    if quick() { quick_value } else { full }
}
