//! Which panels a report gives, and what is in them.

use super::*;

/// Sweep points (a series) on both sides, and single figures in times, a speedup and a count.
const REPORT: &str = r#"{
  "schema": "python-ideas-bench/1", "topic": "concurrency", "quick": false,
  "started_at": "", "took_seconds": 0,
  "machine": { "usable_cores": 2, "online_cores": null, "cpu_model": null, "os": "",
               "load_average_at_start": null },
  "versions": { "rustc": null, "python3": "3.11.2" },
  "steps": { "rust": { "plan": [], "run": [] }, "python": null },
  "notes": { "rust": [], "python": null },
  "workloads": [
    { "id": "sweep-pool@1", "series": { "name": "sweep-pool", "x": 1 },
      "rust": { "value": 0.98, "unit": "x", "label": "", "runs": [0.98] },
      "python": { "value": 0.5, "unit": "x", "label": "", "runs": [0.5] } },
    { "id": "sweep-pool@3", "series": { "name": "sweep-pool", "x": 3 },
      "rust": { "value": 1.8, "unit": "x", "label": "", "runs": [1.8] }, "python": null },
    { "id": "fork-return", "series": null,
      "rust": { "value": 130.0, "unit": "us", "label": "", "runs": [130.0] },
      "python": { "value": 0.95, "unit": "ms", "label": "", "runs": [0.95] } },
    { "id": "pool-cpu-20ms", "series": null,
      "rust": { "value": 1.9, "unit": "x", "label": "", "runs": [1.9] }, "python": null },
    { "id": "faults", "series": null,
      "rust": { "value": 24.0, "unit": "faults", "label": "", "runs": [24.0] }, "python": null }
  ]
}"#;

#[test]
fn series_become_lines_with_the_ideal_and_the_rest_bars_by_unit() {
    let report = Report::from_json(REPORT).unwrap();
    let chart = chart(&report);
    assert_eq!(
        chart.title,
        "concurrency: Rust against CPython 3.11.2, 2 usable cores"
    );
    let Panel::Lines { lines, .. } = &chart.panels[0] else {
        panic!("the first panel is the lines: {:?}", chart.panels[0]);
    };
    let names: Vec<&str> = lines.iter().map(|line| line.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ideal: min(workers, 2 cores)",
            "Rust: fork Pool",
            "CPython: fork Pool"
        ]
    );
    assert_eq!(lines[0].points, [(1.0, 1.0), (2.0, 2.0), (3.0, 2.0)]);
    assert_eq!(lines[1].points, [(1.0, 0.98), (3.0, 1.8)]);
    assert_eq!(
        chart.panels[1],
        Panel::Bars {
            title: "times, microseconds (log scale)".into(),
            unit: "us".into(),
            log: true,
            bars: vec![Bar {
                id: "fork-return".into(),
                rust: Some(130.0),
                python: Some(950.0)
            }],
        }
    );
    let units: Vec<&str> = chart.panels[2..]
        .iter()
        .map(|panel| match panel {
            Panel::Bars { unit, .. } => unit.as_str(),
            Panel::Lines { .. } => "lines",
        })
        .collect();
    assert_eq!(units, ["faults", "x"]);
}
