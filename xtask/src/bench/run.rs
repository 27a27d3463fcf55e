//! Running a topic's benches, Rust's under `cargo bench` and Python's under the CPython the
//! check uses (`XTASK_PYTHON`, else `python3`), with a progress line per step as their output
//! streams in.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use measure::QUICK_ENV;

use crate::{cargo, extension};
use measure::protocol::Side;

/// Where the runner is: which topic of how many, for the progress lines.
pub struct Progress {
    /// The topic's position, from 1.
    pub topic_index: usize,
    /// How many topics this run benches.
    pub topics: usize,
    /// When the whole run started.
    pub started: Instant,
}

impl Progress {
    /// One line on stderr: `[2/4 defaults] rust 3/5: default-table-once (41 s in)`.
    fn show(&self, topic: &str, side: &str, step: &str, done: usize, planned: usize) {
        let of = if planned > 0 && done <= planned {
            format!("{done}/{planned}")
        } else {
            done.to_string()
        };
        eprintln!(
            "[{}/{} {topic}] {side} {of}: {step} ({} s in)",
            self.topic_index,
            self.topics,
            self.started.elapsed().as_secs()
        );
    }
}

/// The topics that have benches, of those asked for.
pub fn benched(root: &Path, topics: &[&'static str]) -> Vec<&'static str> {
    topics
        .iter()
        .copied()
        .filter(|topic| root.join("crates").join(topic).join("benches").is_dir())
        .collect()
}

/// Runs `command` and reads its stdout as bench lines, showing each step as it starts.
fn stream(
    mut command: Command,
    what: &str,
    topic: &str,
    side_name: &str,
    progress: &Progress,
) -> Result<Side, String> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("could not run {what}: {e}"))?;
    let mut side = Side::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("reading the output of {what}: {e}"))?;
            if let Some(step) = side.take(&line) {
                let step = step.to_string();
                progress.show(topic, side_name, &step, side.steps.len(), side.plan.len());
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for {what}: {e}"))?;
    if !status.success() {
        return Err(format!("{what} failed ({status})"));
    }
    let missing = side.steps_missing();
    if !missing.is_empty() {
        return Err(format!(
            "{what} planned steps it never ran: {}",
            missing.join(", ")
        ));
    }
    Ok(side)
}

/// The Rust benches of `topic`, optimised, with every feature of its crate: a bench-only
/// dependency is an optional one behind a feature (concurrency's `peers`, which its bench
/// requires), so that `cargo test` never builds it.
pub fn rust(root: &Path, topic: &str, quick: bool, progress: &Progress) -> Result<Side, String> {
    let mut command = cargo::command();
    command
        .current_dir(root)
        .args([
            "bench",
            "--quiet",
            "--package",
            topic,
            "--all-features",
            "--bench",
            "*",
        ])
        .env(QUICK_ENV, if quick { "1" } else { "0" });
    stream(
        command,
        &format!("`cargo bench --package {topic}`"),
        topic,
        "rust",
        progress,
    )
}

/// The topics whose Python benches import the extension module, `pyideas`.
const IMPORT_THE_EXTENSION: [&str; 1] = ["concurrency"];

/// The Python benches of `topic` (`crates/<topic>/benches/*.py`), one after another, run by
/// `program`; for a topic whose benches import the extension module (concurrency), with the
/// module built optimised and its directory on `PYTHONPATH`.
pub fn python(
    root: &Path,
    program: &Path,
    topic: &str,
    quick: bool,
    progress: &Progress,
) -> Result<Side, String> {
    let import_from = if IMPORT_THE_EXTENSION.contains(&topic) {
        let library = extension::build(root, true)?;
        let dir = super::output_dir(root).join("extension");
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        extension::install(&library, &dir)?;
        Some(dir)
    } else {
        None
    };
    let dir = root.join("crates").join(topic).join("benches");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    scripts.sort();
    let mut all = Side::default();
    for script in scripts {
        let shown = script
            .strip_prefix(root)
            .unwrap_or(&script)
            .display()
            .to_string();
        let mut command = Command::new(program);
        // -B: the benches import modules from the source tree (measure.py, their own
        // helpers), which must not fill it with __pycache__ directories.
        command
            .arg("-B")
            .arg(&script)
            .env(QUICK_ENV, if quick { "1" } else { "0" });
        if let Some(dir) = &import_from {
            command.env("PYTHONPATH", dir);
        }
        let side = stream(command, &shown, topic, "python", progress)?;
        all.plan.extend(side.plan);
        all.steps.extend(side.steps);
        all.measurements.extend(side.measurements);
        all.notes.extend(side.notes);
    }
    Ok(all)
}
