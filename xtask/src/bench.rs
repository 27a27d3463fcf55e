//! `cargo xtask bench`: speedups and overheads, measured, with CPython beside them.
//!
//! Timings do not belong in tests (a noisy 2-core machine would make them flake), so they
//! live here. A topic that has something to measure has `benches/*.rs` (run with
//! `cargo bench`, optimised) and, for the same measurements in Python, `benches/*.py` (run
//! with `python3` where there is one). Both print one line a measurement,
//!
//! ```text
//! bench<TAB>id<TAB>value<TAB>unit<TAB>what was measured
//! ```
//!
//! and this module sets the two side by side by `id`. Other lines are passed through, so a
//! bench can explain itself.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::demos::cargo;

/// One measured figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// The key shared by the Rust and the Python bench.
    pub id: String,
    /// The figure.
    pub value: f64,
    /// `x` (a speedup), `us`, `ms` or `s`.
    pub unit: String,
    /// What was measured, for the reader.
    pub label: String,
}

/// Splits a bench's output into its measurements and the lines it printed for the reader.
pub fn parse(output: &str) -> (Vec<Measurement>, Vec<String>) {
    let mut measurements = Vec::new();
    let mut notes = Vec::new();
    for line in output.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["bench", id, value, unit, label] => match value.parse() {
                Ok(value) => measurements.push(Measurement {
                    id: id.to_string(),
                    value,
                    unit: unit.to_string(),
                    label: label.to_string(),
                }),
                Err(_) => notes.push(format!("(not a number in a bench line) {line}")),
            },
            _ => notes.push(line.to_string()),
        }
    }
    (measurements, notes)
}

/// A figure with its unit, as the table shows it: three significant figures or so.
pub fn format_value(value: f64, unit: &str) -> String {
    // The thresholds are where the rounded figure gains a digit: 99.96 shows as `100`,
    // not `100.0`.
    let decimals = if value >= 99.95 {
        0
    } else if value >= 9.995 {
        1
    } else {
        2
    };
    match unit {
        "x" => format!("{value:.2}x"),
        _ => format!("{value:.decimals$} {unit}"),
    }
}

/// The Rust figures, with the Python ones of the same id beside them.
pub fn table(rust: &[Measurement], python: Option<(&str, &[Measurement])>) -> String {
    let python_heading = python.map_or("Python (no python3 here)".to_string(), |(version, _)| {
        format!("Python {version}")
    });
    let mut rows = vec![(
        "measurement".to_string(),
        "Rust".to_string(),
        python_heading,
    )];
    for measurement in rust {
        let theirs = python
            .and_then(|(_, figures)| figures.iter().find(|p| p.id == measurement.id))
            .map_or("-".to_string(), |p| format_value(p.value, &p.unit));
        rows.push((
            measurement.label.clone(),
            format_value(measurement.value, &measurement.unit),
            theirs,
        ));
    }
    if let Some((_, figures)) = python {
        for only_python in figures
            .iter()
            .filter(|p| !rust.iter().any(|r| r.id == p.id))
        {
            rows.push((
                only_python.label.clone(),
                "-".to_string(),
                format_value(only_python.value, &only_python.unit),
            ));
        }
    }
    let width = |column: fn(&(String, String, String)) -> &String| {
        rows.iter()
            .map(|row| column(row).chars().count())
            .max()
            .unwrap_or(0)
    };
    let (first, second) = (width(|row| &row.0), width(|row| &row.1));
    let mut out = String::new();
    for (i, (label, rust, python)) in rows.iter().enumerate() {
        out.push_str(&format!("{label:<first$}  {rust:>second$}  {python}\n"));
        if i == 0 {
            out.push_str(&format!(
                "{}  {}  {}\n",
                "-".repeat(first),
                "-".repeat(second),
                "-".repeat(python.chars().count())
            ));
        }
    }
    out
}

/// The topics that have benches, of those asked for.
pub fn benched(root: &Path, topics: &[&'static str]) -> Vec<&'static str> {
    topics
        .iter()
        .copied()
        .filter(|topic| root.join("crates").join(topic).join("benches").is_dir())
        .collect()
}

/// Runs a topic's Rust and Python benches and returns the table.
pub fn run(root: &Path, topic: &str) -> Result<String, String> {
    eprintln!("building and running the {topic} benches (optimised; this takes a while)...");
    let output = cargo()
        .current_dir(root)
        .args(["bench", "--quiet", "--package", topic, "--bench", "*"])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run cargo bench: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo bench --package {topic}` failed ({})",
            output.status
        ));
    }
    let (rust, notes) = parse(&String::from_utf8_lossy(&output.stdout));
    let mut report = String::new();
    for note in notes.iter().filter(|note| !note.trim().is_empty()) {
        report.push_str(note);
        report.push('\n');
    }
    let python = python_benches(root, topic)?;
    let python = python
        .as_ref()
        .map(|(version, figures)| (version.as_str(), figures.as_slice()));
    report.push('\n');
    report.push_str(&table(&rust, python));
    Ok(report)
}

/// The Python figures and the interpreter's version; `None` where there is no python3.
fn python_benches(root: &Path, topic: &str) -> Result<Option<(String, Vec<Measurement>)>, String> {
    let dir = root.join("crates").join(topic).join("benches");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    scripts.sort();
    let version = Command::new("python3")
        .args(["-c", "import platform; print(platform.python_version())"])
        .output();
    let version = match version {
        Ok(output) if output.status.success() => {
            String::from_utf8_lossy(&output.stdout).trim().to_string()
        }
        _ => return Ok(None),
    };
    let mut figures = Vec::new();
    for script in scripts {
        eprintln!(
            "running {} with python3 {version}...",
            script.strip_prefix(root).unwrap_or(&script).display()
        );
        let output = Command::new("python3")
            .arg(&script)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("could not run python3: {e}"))?;
        if !output.status.success() {
            return Err(format!("{} failed ({})", script.display(), output.status));
        }
        figures.extend(parse(&String::from_utf8_lossy(&output.stdout)).0);
    }
    Ok(Some((version, figures)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_lines_are_measurements_and_the_rest_are_notes() {
        let (figures, notes) = parse(
            "bench\tpool\t1.9\tx\tPool(2).map vs serial\nwarming up\nbench\tbad\tfast\tx\tno",
        );
        assert_eq!(
            figures,
            vec![Measurement {
                id: "pool".into(),
                value: 1.9,
                unit: "x".into(),
                label: "Pool(2).map vs serial".into()
            }]
        );
        assert_eq!(
            notes,
            vec![
                "warming up".to_string(),
                "(not a number in a bench line) bench\tbad\tfast\tx\tno".to_string()
            ]
        );
    }

    #[test]
    fn the_table_sets_python_beside_rust_by_id() {
        let rust =
            parse("bench\tpool\t1.94\tx\tPool(2).map speedup\nbench\tgil\t1.0\tx\tmodelled GIL").0;
        let python =
            parse("bench\tpool\t1.69\tx\tPool(2).map speedup\nbench\tthreads\t0.98\tx\tthreads").0;
        let table = table(&rust, Some(("3.11.7", &python)));
        assert_eq!(
            table,
            "measurement           Rust  Python 3.11.7\n\
             -------------------  -----  -------------\n\
             Pool(2).map speedup  1.94x  1.69x\n\
             modelled GIL         1.00x  -\n\
             threads                  -  0.98x\n"
        );
    }

    #[test]
    fn values_keep_three_significant_figures_or_so() {
        assert_eq!(format_value(42.123, "us"), "42.1 us");
        assert_eq!(format_value(0.1912, "us"), "0.19 us");
        assert_eq!(format_value(1234.5, "ms"), "1234 ms");
        assert_eq!(format_value(99.96, "us"), "100 us");
        assert_eq!(format_value(9.996, "us"), "10.0 us");
        assert_eq!(format_value(9.994, "us"), "9.99 us");
    }
}
