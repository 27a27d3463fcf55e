//! `cargo xtask learn`: the exercise set of `learn/`, run by rustlings, installed on first use.
//!
//! The set is a rustlings community exercise set (`learn/info.toml`, `exercises/`,
//! `solutions/`, the `Cargo.toml` `rustlings dev update` writes), so a learner gets rustlings'
//! watch mode, hints, list, reset and saved progress unchanged. This command installs the
//! pinned rustlings into `<target>/tools` (as the book installs mdBook, [`crate::book::tools`])
//! and starts it in `learn/`, passing on its arguments (`cargo xtask learn hint`), with a
//! [`watchdog`] that stops a learner's endless loop, which rustlings itself would wait on.
//!
//! What rustlings checks (that an exercise builds, passes its tests, exits 0) is completed by
//! the exercises' own tests (`crates/learn-check`: the output against the page's, the
//! functions against CPython's answers), and the set's invariants are test trials
//! ([`trials`], in `cargo test`'s `exercises` target).
//!
//! # Layout
//!
//! - [`set`]: reads `info.toml` and the exercise files.
//! - [`refs`]: what an exercise copies from its page, against the page.
//! - [`trials`]: the set's invariants as test trials.
//! - [`chapter`]: the exercises and solutions pages, written from the set.
//! - [`combined`]: the solutions, and the exercises, each as modules of one test program.
//! - [`watchdog`]: stops an exercise's program that does not finish.

pub mod chapter;
pub mod combined;
pub mod refs;
pub mod set;
pub mod trials;
pub mod watchdog;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::book::tools::{self, Tool};

/// The rustlings release the set is written for (its `format_version = 1`).
pub const RUSTLINGS: Tool = Tool {
    label: "rustlings",
    krate: "rustlings",
    version: "6.5.0",
};

/// Installs rustlings if needed and runs it in `learn/` with `args`, until it exits.
pub fn run(root: &Path, args: &[String]) -> Result<ExitCode, String> {
    let target = crate::book::target_dir(root)?;
    let rustlings = tools::install(&target, &RUSTLINGS)?;
    // The names only: a learner's deleted or mangled exercise file is rustlings' to report
    // (and `reset` restores it), not a reason for this command to stop.
    let names: Vec<String> = set::names(root)?
        .into_iter()
        .flat_map(|name| [format!("{name}_sol"), name])
        .collect();
    let stop = Arc::new(AtomicBool::new(false));
    let watching = {
        let (target, stop) = (watchdog::canonical(&target), Arc::clone(&stop));
        std::thread::spawn(move || watchdog::watch(&target, &names, &stop))
    };
    let status = Command::new(&rustlings)
        .current_dir(root.join(set::DIR))
        .args(args)
        .status()
        .map_err(|e| format!("could not run {}: {e}", rustlings.display()));
    stop.store(true, Ordering::Relaxed);
    let _ = watching.join();
    let status = status?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
    })
}
