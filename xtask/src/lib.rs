//! The workspace's own tooling, as a library: `src/main.rs` is a thin command line over it,
//! and `tests/documented_output.rs` runs the same documented-output check under `cargo test`.
//!
//! # Layout
//!
//! - [`topics`]: the seven topics, in the notes' order, and where each one's crate and page are.
//! - [`page`]: reads a docs page into its fenced blocks, or says which line is malformed; and
//!   rewrites some of its lines.
//! - [`kind`]: the kinds of checked block, one module each: console outputs, Python blocks,
//!   excerpts of the Rust source.
//! - [`pattern`]: matches output against a block's wildcards, diffs it, and blesses it.
//! - [`process`]: runs a demo (or a Python block) with a timeout, capturing what a terminal
//!   would show.
//! - [`cargo`]: the cargo that runs us, and a build that says what it built.
//! - [`demos`]: builds the demo binaries with cargo and runs them.
//! - [`check`]: turns every checked block into a libtest-mimic trial, and counts them.
//! - [`compile_errors`]: compiles every claimed compile error and checks its code and message.
//! - [`bless`]: rewrites checked blocks from what they are checked against.
//! - [`side_by_side`]: `demo --python`, each section's Python output before the demo's.

//! - [`mod@bench`]: runs the benches and sets CPython's figures beside Rust's.
//! - [`book`]: builds the pages into an mdBook with the rustdoc inside, and checks it in
//!   headless Chromium.
#![forbid(unsafe_code)]

pub mod bench;
pub mod bless;
pub mod book;
pub mod cargo;
pub mod check;
pub mod compile_errors;
pub mod demos;
pub mod kind;
pub mod page;
pub mod pattern;
pub mod process;
pub mod side_by_side;
pub mod topics;

use std::path::PathBuf;

/// A lock whose holder panicked: the data it guards here (counts, lists, maps) is changed in
/// single steps, so it is still whole.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The workspace root: xtask lives one level below it.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
