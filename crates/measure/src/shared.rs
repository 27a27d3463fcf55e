//! The constants a topic's Rust and Python benches share (sizes, counts, durations), written
//! once, in `crates/<topic>/benches/shared.json`: the Rust bench includes the file when it is
//! built and reads it into a type of its own with [`read`]; the Python bench reads it with
//! `measure.shared(__file__)`. The two sides time the same work because there is one value to
//! read, not two kept equal.
//!
//! JSON, not TOML: the Python side runs under CPython 3.9 to 3.13, and `tomllib` came in 3.11.

use serde::de::DeserializeOwned;

/// The shared constants in `json` (a `shared.json`, from `include_str!`), as `T`.
///
/// # Panics
///
/// If the file does not hold a `T`: a bench and its data file disagree, which the first run
/// (CI's `cargo xtask bench --quick`) shows with serde's message.
pub fn read<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("benches/shared.json does not hold what the bench reads: {e}"))
}
