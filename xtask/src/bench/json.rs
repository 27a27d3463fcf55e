//! The figures of one topic as JSON, `target/bench/<topic>.json`: what a reader or a script
//! can take further than the terminal's table.
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

use serde_json::{Value, json};

use super::protocol::{Measurement, Side};
use super::table::rows;

/// The schema's name and version: a change that breaks a reader bumps it.
pub const SCHEMA: &str = "python-ideas-bench/1";

/// When and where a topic's benches ran.
pub struct Context {
    /// The topic.
    pub topic: String,
    /// Whether it was a quick run.
    pub quick: bool,
    /// When it started (RFC 3339, UTC).
    pub started_at: String,
    /// How long both sides took, the build included.
    pub took_seconds: f64,
    /// The JSON's `machine` object.
    pub machine: Value,
    /// `rustc --version`.
    pub rustc: Option<String>,
}

/// The series an id is a point of, and the point's x: `sweep-pool@2` is `("sweep-pool", 2)`.
pub fn series_point(id: &str) -> Option<(&str, u64)> {
    let (name, x) = id.split_once('@')?;
    Some((name, x.parse().ok()?))
}

fn figure(measurement: Option<&Measurement>) -> Value {
    measurement.map_or(
        Value::Null,
        |m| json!({ "value": m.value, "unit": m.unit, "label": m.label.trim(), "runs": m.runs }),
    )
}

fn steps(side: &Side) -> Value {
    json!({ "plan": side.plan, "run": side.steps })
}

/// The whole document.
pub fn document(context: &Context, rust: &Side, python: Option<(&str, &Side)>) -> Value {
    let python_measurements = python.map_or(&[][..], |(_, side)| &side.measurements);
    let workloads: Vec<Value> = rows(&rust.measurements, python_measurements)
        .into_iter()
        .map(|row| {
            json!({
                "id": row.id,
                "series": series_point(row.id).map(|(name, x)| json!({ "name": name, "x": x })),
                "rust": figure(row.rust),
                "python": figure(row.python),
            })
        })
        .collect();
    json!({
        "schema": SCHEMA,
        "topic": context.topic,
        "quick": context.quick,
        "started_at": context.started_at,
        "took_seconds": context.took_seconds,
        "machine": context.machine,
        "versions": { "rustc": context.rustc, "python3": python.map(|(version, _)| version) },
        "workloads": workloads,
        "steps": { "rust": steps(rust), "python": python.map(|(_, side)| steps(side)) },
        "notes": { "rust": rust.notes, "python": python.map(|(_, side)| &side.notes) },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_is_one_workload_with_both_sides_and_its_series() {
        let rust = Side::parse(
            "plan\ts\nstep\ts\nbench\tsweep-pool@2\t1.9\tx\tPool\nruns\tsweep-pool@2\t1.9",
        );
        let python = Side::parse("bench\tsweep-pool@2\t1.7\tx\tPool\nbench\tonly\t3\tms\tPython's");
        let context = Context {
            topic: "t".into(),
            quick: true,
            started_at: "2026-12-01T20:30:00Z".into(),
            took_seconds: 1.5,
            machine: json!({}),
            rustc: Some("rustc 1.91.0".into()),
        };
        let document = document(&context, &rust, Some(("3.11.2", &python)));
        let workloads = document["workloads"].as_array().unwrap();
        assert_eq!(workloads.len(), 2);
        assert_eq!(
            workloads[0]["series"],
            json!({ "name": "sweep-pool", "x": 2 })
        );
        assert_eq!(workloads[0]["rust"]["runs"], json!([1.9]));
        assert_eq!(workloads[0]["python"]["value"], json!(1.7));
        assert_eq!(workloads[1]["rust"], Value::Null);
        assert_eq!(workloads[1]["series"], Value::Null);
        assert_eq!(document["versions"]["python3"], json!("3.11.2"));
        assert_eq!(document["steps"]["rust"]["run"], json!(["s"]));
    }
}
