//! The workspace's own tooling, as a library: `src/main.rs` is a thin command line over it,
//! and `tests/documented_output.rs` runs the same documented-output check under `cargo test`.
//!
//! # Layout
//!
//! The tasks, one module each, in the order `cargo xtask --help` lists them:
//!
//! - [`demo`]: `demo`, a topic's demo in the terminal; with `--python`, each section's Python
//!   output before the demo's ([`demo::side_by_side`]).
//! - [`list`]: `list`, the topics with their summaries, crates and pages.
//! - [`check`]: `check`, every checked block as a libtest-mimic trial, and the count of them.
//! - [`mod@bench`]: `bench`, runs the benches and sets CPython's figures beside Rust's.
//! - [`book`]: `book`, builds the pages into an mdBook with the rustdoc inside, and checks it
//!   in headless Chromium.
//! - [`bless`]: `bless`, rewrites checked blocks from what they are checked against.
//! - [`learn`]: `learn`, the exercise set of `learn/` in rustlings, and the set's invariants.
//!
//! What the tasks share:
//!
//! - [`topics`]: the topics (the notes' seven, and asyncio after concurrency), and where each
//!   one's crate and page are.
//! - [`markdown`]: the one Markdown reader (pulldown-cmark): fenced blocks, headings and links,
//!   with their places in the source.
//! - [`page`]: reads a docs page into its fenced blocks, or says which line is malformed; and
//!   rewrites some of its lines.
//! - [`kind`]: the kinds of checked block, one module each: console outputs, Python blocks,
//!   excerpts of the Rust source.
//! - [`align`]: the cheapest alignment of a block's lines with the actual ones, gaps
//!   (`...`, `// ...`) included, that matching, diffing and blessing all read.
//! - [`pattern`]: matches output against a block's wildcards, and blesses it.
//! - [`diff`]: the line diff a mismatch report shows.
//! - [`process`]: runs a demo (or a Python block) with a timeout, capturing what a terminal
//!   would show.
//! - [`cargo`]: the cargo that runs us, and a build that says what it built.
//! - [`demo_binary`]: builds the demo binaries with cargo and runs them, captured, for the check.
//! - [`compile_errors`]: compiles every claimed compile error and checks its code and message.
//!
//! # Errors
//!
//! An error is a `String`, because every error here ends as a message to a person (a line
//! after `error:`, or a failed trial's report) and none is handled by matching on it; a type
//! of its own is kept only where a caller reads its parts (a [`page::PageError`]'s place, an
//! [`topics::UnknownTopic`]'s suggestion, the names a missing excerpt region could have had),
//! and converts into `String` (`From`, so `?` does it) for the callers that only pass it on.
#![forbid(unsafe_code)]

pub mod align;
pub mod bench;
pub mod bless;
pub mod book;
pub mod cargo;
pub mod check;
pub mod compile_errors;
pub mod demo;
pub mod demo_binary;
pub mod diff;
pub mod extension;
pub mod kind;
pub mod learn;
pub mod list;
pub mod markdown;
pub mod page;
pub mod pattern;
pub mod process;
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
