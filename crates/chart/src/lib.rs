//! What a bench report's chart shows, read from `target/bench/<topic>.json` (a
//! `measure::Report`); `src/bin/chart.rs` draws it with `plotters`.
//!
//! The split keeps the decisions testable without building a plotting library: which
//! figures make lines and which make bars, in which unit, against which ideal. A topic's
//! chart has up to three panels, each only if the topic has such figures:
//!
//! - *lines*: every series (ids `name@x`), Rust's and CPython's, speedup against the number
//!   of workers, with the ideal `min(workers, usable cores)` when the series are speedups;
//! - *times*: every other figure measured in time, as bars in microseconds on a log scale
//!   (a per-task overhead and a 20 ms task fit on one axis), Rust's beside CPython's;
//! - *other figures*: speedups and counts that are not series, as bars on a linear scale,
//!   one panel per unit.
//!
//! # Layout
//!
//! - [`model`]: the panels, read from a report.
#![forbid(unsafe_code)]

pub mod model;

pub use model::{Bar, Chart, Line, Panel, chart};
