//! The panels of a chart, read from a bench report.

use measure::report::{Measured, Report, Workload};

/// A whole chart: a title and its panels, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// `concurrency: Rust against CPython 3.11.2, 2 usable cores`.
    pub title: String,
    /// The panels, in the order described in the crate docs.
    pub panels: Vec<Panel>,
}

/// One panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Panel {
    /// Series as lines.
    Lines {
        /// The panel's caption.
        title: String,
        /// What the y axis is (`speedup (x)`).
        y_label: String,
        /// Every line, the ideal first if there is one.
        lines: Vec<Line>,
    },
    /// Figures as horizontal bars, Rust's and Python's side by side.
    Bars {
        /// The panel's caption.
        title: String,
        /// The unit of every value in the panel.
        unit: String,
        /// Whether the axis is logarithmic (times) or linear.
        log: bool,
        /// One row per workload.
        bars: Vec<Bar>,
    },
}

/// One line of a [`Panel::Lines`].
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The legend's text: `Rust: threads`, `CPython: Pool`, `ideal`.
    pub name: String,
    /// `rust`, `python` or `ideal`: the drawing picks the marker from it.
    pub side: &'static str,
    /// Which series of the panel this is (0 for the first name), the same for both sides of
    /// one series: the drawing picks the colour from it.
    pub kind: usize,
    /// (x, y) points in x order.
    pub points: Vec<(f64, f64)>,
}

/// One row of a [`Panel::Bars`].
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The workload's id.
    pub id: String,
    /// Rust's figure, in the panel's unit.
    pub rust: Option<f64>,
    /// CPython's figure, in the panel's unit.
    pub python: Option<f64>,
}

/// What a series is called in the legend: the notes' names for the three ways to run tasks.
fn series_name(name: &str) -> String {
    match name.strip_prefix("sweep-").unwrap_or(name) {
        "threads" => "threads".to_string(),
        "gil-model" => "threads, modelled GIL".to_string(),
        "pool" => "fork Pool".to_string(),
        other => other.to_string(),
    }
}

/// Microseconds in one of the time units the benches use, or `None` for other units.
fn micros_per(unit: &str) -> Option<f64> {
    match unit {
        "ns" => Some(1e-3),
        "us" => Some(1.0),
        "ms" => Some(1e3),
        "s" => Some(1e6),
        _ => None,
    }
}

/// A side's figure: its value and unit.
fn figure(side: Option<&Measured>) -> Option<(f64, &str)> {
    side.map(|figure| (figure.value, figure.unit.as_str()))
}

/// The side of a workload called `key` (`rust` or `python`).
fn side<'a>(workload: &'a Workload, key: &str) -> Option<&'a Measured> {
    match key {
        "rust" => workload.rust.as_ref(),
        _ => workload.python.as_ref(),
    }
}

/// The chart of a bench report.
pub fn chart(report: &Report) -> Chart {
    let topic = &report.topic;
    let cores = report.machine.usable_cores.get() as f64;
    let title = match &report.versions.python3 {
        Some(version) => format!("{topic}: Rust against CPython {version}, {cores} usable cores"),
        None => format!("{topic}: Rust (no python3 here), {cores} usable cores"),
    };
    let workloads = &report.workloads;
    let mut panels = Vec::new();
    if let Some(lines) = lines_panel(workloads, cores) {
        panels.push(lines);
    }
    let singles: Vec<&Workload> = workloads.iter().filter(|w| w.series.is_none()).collect();
    let times: Vec<Bar> = singles
        .iter()
        .filter_map(|workload| bar(workload, micros_per))
        .collect();
    if !times.is_empty() {
        panels.push(Panel::Bars {
            title: "times, microseconds (log scale)".to_string(),
            unit: "us".to_string(),
            log: true,
            bars: times,
        });
    }
    let mut units: Vec<&str> = singles
        .iter()
        .filter_map(|w| figure(w.rust.as_ref()).or_else(|| figure(w.python.as_ref())))
        .map(|(_, unit)| unit)
        .filter(|unit| micros_per(unit).is_none())
        .collect();
    units.dedup();
    units.sort();
    units.dedup();
    for unit in units {
        let bars: Vec<Bar> = singles
            .iter()
            .filter_map(|workload| bar(workload, |u| (u == unit).then_some(1.0)))
            .collect();
        let what = if unit == "x" {
            "speedups and ratios (x)".to_string()
        } else {
            unit.to_string()
        };
        panels.push(Panel::Bars {
            title: what,
            unit: unit.to_string(),
            log: false,
            bars,
        });
    }
    Chart { title, panels }
}

/// A workload's row, each side converted by `factor` (which says `None` for a unit that does
/// not belong in the panel); `None` if neither side belongs.
fn bar(workload: &Workload, factor: impl Fn(&str) -> Option<f64>) -> Option<Bar> {
    let side = |key: &str| {
        let (value, unit) = figure(side(workload, key))?;
        Some(value * factor(unit)?)
    };
    let (rust, python) = (side("rust"), side("python"));
    (rust.is_some() || python.is_some()).then(|| Bar {
        id: workload.id.clone(),
        rust,
        python,
    })
}

/// The series panel: one line per series and side, and the ideal if they are speedups.
fn lines_panel(workloads: &[Workload], cores: f64) -> Option<Panel> {
    let mut names: Vec<&str> = Vec::new();
    for workload in workloads {
        if let Some(series) = &workload.series
            && !names.contains(&series.name.as_str())
        {
            names.push(&series.name);
        }
    }
    if names.is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    let mut max_x = 0.0_f64;
    let mut speedups = true;
    for (side, language) in [("rust", "Rust"), ("python", "CPython")] {
        for (kind, &name) in names.iter().enumerate() {
            let points: Vec<(f64, f64)> = workloads
                .iter()
                .filter_map(|w| Some((w.series.as_ref().filter(|s| s.name == name)?, w)))
                .filter_map(|(series, w)| {
                    let x = series.x as f64;
                    let (y, unit) = figure(self::side(w, side))?;
                    speedups &= unit == "x";
                    Some((x, y))
                })
                .collect();
            if points.is_empty() {
                continue;
            }
            max_x = points.iter().map(|p| p.0).fold(max_x, f64::max);
            lines.push(Line {
                name: format!("{language}: {}", series_name(name)),
                side,
                kind,
                points,
            });
        }
    }
    if speedups && max_x >= 1.0 {
        let ideal = (1..=max_x as u64)
            .map(|x| (x as f64, (x as f64).min(cores)))
            .collect();
        lines.insert(
            0,
            Line {
                name: format!("ideal: min(workers, {cores} cores)"),
                side: "ideal",
                kind: names.len(),
                points: ideal,
            },
        );
    }
    Some(Panel::Lines {
        title: "speedup against the number of workers, each running one 20 ms task".to_string(),
        y_label: if speedups { "speedup (x)" } else { "value" }.to_string(),
        lines,
    })
}

#[cfg(test)]
#[path = "model/tests.rs"]
mod tests;
