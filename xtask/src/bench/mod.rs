//! `cargo xtask bench [TOPIC] [--quick]`: speedups and overheads, measured, with CPython
//! beside them, on the terminal, as JSON and as a chart.
//!
//! Timings do not belong in tests (a noisy 2-core machine would make them flake), so they
//! live here. A topic that has something to measure has `benches/*.rs` (run with
//! `cargo bench`, optimised) and, for the same measurements in Python, `benches/*.py` (run
//! with `XTASK_PYTHON`, else `python3`, where there is one). Both print the lines of the
//! `measure` crate's protocol, and this module sets the two sides together by id, then
//! writes, for each topic, `target/bench/<topic>.json` (the `measure` crate's `report`
//! module has its schema), `<topic>.md` (the table for `docs/performance.md`) and, through
//! the `chart` crate, `<topic>.svg`.
//!
//! - [`mod@run`]: runs both sides with a progress line per step.
//! - [`table`]: the terminal's table and the page's Markdown table.
//! - [`json`]: the report, from both sides' lines.
//! - [`machine`]: cores, load, CPU model, versions.
//! - [`validate`]: checks the page against a report (for the tests).

pub mod json;
pub mod machine;
pub mod run;
pub mod table;
pub mod validate;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

pub use run::benched;

use crate::{cargo, topics};

/// Where the reports go: `target/bench/` (or under `CARGO_TARGET_DIR`).
pub fn output_dir(root: &Path) -> PathBuf {
    cargo::target_dir(root).join("bench")
}

/// `cargo xtask bench [topic] [--quick]`: benches `topic` (every topic that has benches,
/// without it) and prints each one's notes and table.
pub fn run(root: &Path, topic: Option<&str>, quick: bool) -> Result<ExitCode, String> {
    let chosen = topics::chosen(topic)?;
    let benched = benched(root, &chosen);
    if benched.is_empty() {
        return Err(format!(
            "no benches for {}: a topic's benches are crates/<topic>/benches/*.rs (and *.py)",
            chosen.join(", ")
        ));
    }
    print!("{}", measure(root, &benched, quick)?);
    Ok(ExitCode::SUCCESS)
}

/// Benches `topics` (those with benches), writes their reports, and returns the terminal's
/// text: each topic's notes and table.
pub fn measure(root: &Path, topics: &[&str], quick: bool) -> Result<String, String> {
    let out = output_dir(root);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let started = Instant::now();
    let python = machine::python();
    let python_version = python.as_ref().map(python::Interpreter::release);
    let rustc = machine::rustc_version();
    let mut text = String::new();
    let mut documents = Vec::new();
    for (i, topic) in topics.iter().enumerate() {
        let progress = run::Progress {
            topic_index: i + 1,
            topics: topics.len(),
            started,
        };
        let load = machine::load_average();
        let started_at = machine::now_utc();
        let topic_started = Instant::now();
        let rust = run::rust(root, topic, quick, &progress)?;
        let python = match (&python, &python_version) {
            (Some(interpreter), Some(version)) => Some((
                version.as_str(),
                run::python(root, &interpreter.program, topic, quick, &progress)?,
            )),
            _ => None,
        };
        let python = python.as_ref().map(|(version, side)| (*version, side));
        let context = json::Context {
            topic: topic.to_string(),
            quick,
            started_at,
            took_seconds: topic_started.elapsed().as_secs_f64(),
            machine: machine::describe(load),
            rustc: rustc.clone(),
        };
        let document = json::document(&context, &rust, python);
        let path = out.join(format!("{topic}.json"));
        write(&path, &document.to_json())?;
        let figures = python.map(|(version, side)| (version, side.measurements.as_slice()));
        write(
            &out.join(format!("{topic}.md")),
            &table::markdown(&rust.measurements, figures),
        )?;
        documents.push(path);
        text.push_str(&format!("##### {topic} #####\n"));
        text.push_str(&machine::summary(&context.machine));
        text.push('\n');
        for note in rust.notes.iter().filter(|note| !note.trim().is_empty()) {
            text.push_str(note);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&table::table(&rust.measurements, figures));
        if python_version.is_none() {
            text.push_str("(no python3 here: the Python side was not run)\n");
        }
        text.push('\n');
    }
    chart(root, &documents)?;
    text.push_str(&format!(
        "written to {}: <topic>.json, <topic>.md and <topic>.svg ({} s in all)\n",
        out.display(),
        started.elapsed().as_secs()
    ));
    Ok(text)
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Draws each JSON document's chart beside it, with the `chart` crate's binary: a separate
/// crate behind a feature, so that `plotters` is built only here, never by `cargo test`.
fn chart(root: &Path, documents: &[PathBuf]) -> Result<(), String> {
    eprintln!("drawing the charts...");
    let status = cargo::command()
        .current_dir(root)
        .args([
            "run",
            "--quiet",
            "--package",
            "chart",
            "--features",
            "svg",
            "--",
        ])
        .args(documents)
        .status()
        .map_err(|e| format!("could not run the chart binary: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("drawing the charts failed ({status})"))
    }
}
