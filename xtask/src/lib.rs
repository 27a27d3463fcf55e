//! The workspace's own tooling, as a library: `src/main.rs` is a thin command line over it,
//! and `tests/documented_output.rs` runs the same documented-output check under `cargo test`.
//!
//! # Layout
//!
//! - [`topics`]: the seven topics, in the notes' order, and where each one's crate and page are.
//! - [`page`]: reads a docs page into its console blocks, or says which line is malformed.
//! - [`pattern`]: matches output against a block's wildcards, diffs it, and blesses it.
//! - [`process`]: runs a demo with a timeout, capturing what a terminal would show.
//! - [`demos`]: builds the demo binaries with cargo and runs them.
//! - [`check`]: turns every documented block into a libtest-mimic trial.
//! - [`compile_errors`]: compiles every claimed compile error and checks its code and message.
//! - [`bless`]: rewrites documented blocks from the actual output.
//! - [`mod@bench`]: runs the benches and sets CPython's figures beside Rust's.
#![forbid(unsafe_code)]

pub mod bench;
pub mod bless;
pub mod check;
pub mod compile_errors;
pub mod demos;
pub mod page;
pub mod pattern;
pub mod process;
pub mod topics;

use std::path::PathBuf;

/// The workspace root: xtask lives one level below it.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
