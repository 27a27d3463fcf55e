//! A topic's bench report, `target/bench/<topic>.json`, as types: `cargo xtask bench` writes
//! it, its test reads it back, and the `chart` crate draws it, all through these, so the
//! schema is written once.
//!
//! ```text
//! {
//!   "schema": "python-ideas-bench/1",
//!   "topic": "concurrency", "quick": false,
//!   "started_at": "2026-12-01T20:30:00Z", "took_seconds": 171.2,
//!   "machine": { "usable_cores": 2, "online_cores": 2, "cpu_model": "...", "os": "linux x86_64",
//!                "load_average_at_start": { "1min": 0.4, "5min": 0.6, "15min": 0.5 } },
//!   "versions": { "rustc": "rustc 1.91.0 (...)", "python3": "3.11.2" },
//!   "workloads": [
//!     { "id": "sweep-pool@2", "series": { "name": "sweep-pool", "x": 2 },
//!       "rust":   { "value": 1.93, "unit": "x", "label": "...", "runs": [1.9, 1.95, ...] },
//!       "python": { ... } }
//!   ],
//!   "steps": { "rust": { "plan": [...], "run": [...] }, "python": { ... } },
//!   "notes": { "rust": [...], "python": [...] }
//! }
//! ```
//!
//! Every id appears once in `workloads`, Rust's order first; a side that has no figure for it
//! is `null` there, as is `python` everywhere when there is no `python3`. `series` is `null`
//! for ids that are not of the form `name@x`. Numbers are plain JSON numbers in the `unit`
//! given beside them; `runs` is empty for a figure whose bench printed only its `bench` line.
//! The file's keys are sorted ([`Report::to_json`]).
//!
//! What the types cannot say, [`Report::problems`] checks: every planned step ran, ids are
//! unique, a figure is the median of its runs.

use std::num::NonZeroUsize;

use serde::{Deserialize, Serialize};

use crate::protocol::Measurement;

/// The schema's name and version: a change that breaks a reader bumps it.
pub const SCHEMA: &str = "python-ideas-bench/1";

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`]: a report of another schema does not deserialise.
    pub schema: Schema,
    /// The topic.
    pub topic: String,
    /// Whether it was a quick run (`cargo xtask bench --quick`).
    pub quick: bool,
    /// When it started (RFC 3339, UTC).
    pub started_at: String,
    /// How long both sides took, the build included.
    pub took_seconds: f64,
    /// Where it ran.
    pub machine: Machine,
    /// With what.
    pub versions: Versions,
    /// The figures, one workload per id.
    pub workloads: Vec<Workload>,
    /// The steps each side announced and ran.
    pub steps: Sides<Steps>,
    /// The lines each side printed for the reader.
    pub notes: Sides<Vec<String>>,
}

/// The `schema` field: serialises as [`SCHEMA`] and accepts nothing else.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Schema;

impl Serialize for Schema {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(SCHEMA)
    }
}

impl<'de> Deserialize<'de> for Schema {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        if name == SCHEMA {
            Ok(Schema)
        } else {
            Err(serde::de::Error::custom(format!(
                "schema `{name}`, not the current `{SCHEMA}`"
            )))
        }
    }
}

/// The machine the benches ran on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    /// The cores this process may run on (the affinity mask honoured).
    pub usable_cores: NonZeroUsize,
    /// The cores online, where the system says.
    pub online_cores: Option<usize>,
    /// The CPU's model name, where `/proc/cpuinfo` has one.
    pub cpu_model: Option<String>,
    /// `linux x86_64`.
    pub os: String,
    /// How busy the machine was when the topic started, where `/proc/loadavg` says.
    pub load_average_at_start: Option<LoadAverage>,
}

/// The load averages over 1, 5 and 15 minutes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoadAverage {
    /// Over the last minute.
    #[serde(rename = "1min")]
    pub one: f64,
    /// Over the last 5 minutes.
    #[serde(rename = "5min")]
    pub five: f64,
    /// Over the last 15 minutes.
    #[serde(rename = "15min")]
    pub fifteen: f64,
}

/// The versions of the two languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Versions {
    /// `rustc --version` (`None` if it could not be asked).
    pub rustc: Option<String>,
    /// The CPython release (`3.11.7`), `None` where there is no `python3`.
    pub python3: Option<String>,
}

/// One workload: an id and each side's figure for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    /// The key shared by the Rust and the Python bench.
    pub id: String,
    /// The series the id is a point of (`sweep-pool@2`), if it is one.
    pub series: Option<Series>,
    /// Rust's figure.
    pub rust: Option<Measured>,
    /// Python's figure.
    pub python: Option<Measured>,
}

/// A point of a series: the series' name and the point's x.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// `sweep-pool`.
    pub name: String,
    /// `2`.
    pub x: u64,
}

impl Series {
    /// The series an id is a point of: `sweep-pool@2` is `sweep-pool` at 2.
    pub fn of(id: &str) -> Option<Series> {
        let (name, x) = id.split_once('@')?;
        Some(Series {
            name: name.to_string(),
            x: x.parse().ok()?,
        })
    }
}

/// What one side measured for a workload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// The median of its runs.
    pub value: f64,
    /// `x` (a speedup), `ns`, `us`, `ms`, `s`, or a count such as `faults`.
    pub unit: String,
    /// What was measured, for the reader.
    pub label: String,
    /// The runs, in `unit` (empty if the bench printed no `runs` line).
    pub runs: Vec<f64>,
}

impl From<&Measurement> for Measured {
    fn from(m: &Measurement) -> Measured {
        Measured {
            value: m.value,
            unit: m.unit.clone(),
            label: m.label.trim().to_string(),
            runs: m.runs.clone(),
        }
    }
}

/// Something each side has; Python's is `None` where there is no `python3`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sides<T> {
    /// Rust's.
    pub rust: T,
    /// Python's.
    pub python: Option<T>,
}

/// The steps one side announced and ran.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Steps {
    /// Announced (every bench binary's or script's `plan`, in turn).
    pub plan: Vec<String>,
    /// Started, in order.
    pub run: Vec<String>,
}

impl Report {
    /// Reads a report; the error says what is wrong and how to write a current one.
    pub fn from_json(text: &str) -> Result<Report, String> {
        serde_json::from_str(text).map_err(|e| {
            format!("not a bench report of schema `{SCHEMA}`: {e}; re-run `cargo xtask bench` to write it again")
        })
    }

    /// The report as pretty JSON, its keys sorted (as `serde_json`'s `Value` keeps them), with
    /// a final newline.
    pub fn to_json(&self) -> String {
        // A report holds only strings, numbers and lists: it always has a JSON form.
        let value = serde_json::to_value(self).expect("a report is JSON");
        serde_json::to_string_pretty(&value).expect("a report is JSON") + "\n"
    }

    /// Everything wrong with the report that its types cannot say, one line each; empty if
    /// there is nothing.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.versions.rustc.is_none() {
            problems.push("`versions.rustc` is missing".to_string());
        }
        // Without python3 the Python side did not run, and has no steps to check.
        let none = Steps::default();
        let mut sides = vec![("rust", &self.steps.rust)];
        if self.versions.python3.is_some() {
            sides.push(("python", self.steps.python.as_ref().unwrap_or(&none)));
        }
        for (side, steps) in sides {
            if steps.plan.is_empty() {
                problems.push(format!("the {side} side announced no steps"));
            }
            for step in steps.plan.iter().filter(|step| !steps.run.contains(step)) {
                problems.push(format!(
                    "the {side} step `{step}` was planned but never ran"
                ));
            }
        }
        if self.workloads.is_empty() {
            problems.push("`workloads` is empty".to_string());
        }
        let mut seen: Vec<&str> = Vec::new();
        for workload in &self.workloads {
            let id = workload.id.as_str();
            if id.is_empty() || seen.contains(&id) {
                problems.push(format!("a workload id is empty or repeated: `{id}`"));
            }
            seen.push(id);
            if workload.rust.is_none() && workload.python.is_none() {
                problems.push(format!("`{id}` has a figure on neither side"));
            }
            for (side, figure) in [("rust", &workload.rust), ("python", &workload.python)] {
                if let Some(problem) = figure.as_ref().and_then(Measured::problem) {
                    problems.push(format!("`{id}`, {side}: {problem}"));
                }
            }
        }
        problems
    }
}

impl Measured {
    /// What is wrong with the figure, if anything.
    fn problem(&self) -> Option<String> {
        let value = self.value;
        if self.unit.is_empty() {
            return Some("no unit".to_string());
        }
        // A bench that prints only `bench` lines (the original protocol) gives no runs.
        if self.runs.is_empty() {
            return None;
        }
        let median = crate::median(self.runs.clone());
        // The bench prints six decimals, so the median of the printed runs may differ from
        // the printed median in the last one.
        ((median - value).abs() > 1e-5 * value.abs().max(1.0))
            .then(|| format!("its value {value} is not the median of its runs ({median})"))
    }
}

#[cfg(test)]
#[path = "report/tests.rs"]
mod tests;
