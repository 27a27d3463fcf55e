//! The report's form: what reads, what does not and why, and the invariants beside the types.

use super::*;

const WELL_FORMED: &str = r#"{
  "machine": {
    "cpu_model": null,
    "load_average_at_start": { "15min": 1.0, "1min": 1.0, "5min": 1.0 },
    "online_cores": 2,
    "os": "linux x86_64",
    "usable_cores": 2
  },
  "notes": { "python": [], "rust": ["a note"] },
  "quick": true,
  "schema": "python-ideas-bench/1",
  "started_at": "2026-12-01T20:30:00Z",
  "steps": {
    "python": { "plan": ["a"], "run": ["a"] },
    "rust": { "plan": ["a"], "run": ["a"] }
  },
  "took_seconds": 1.5,
  "topic": "t",
  "versions": { "python3": "3.11.2", "rustc": "rustc 1.91.0" },
  "workloads": [
    {
      "id": "a",
      "python": null,
      "rust": { "label": "A", "runs": [1.0, 2.0, 3.0], "unit": "ms", "value": 2.0 },
      "series": null
    }
  ]
}"#;

fn report() -> Report {
    Report::from_json(WELL_FORMED).unwrap()
}

#[test]
fn a_well_formed_report_reads_has_no_problems_and_writes_back_the_same() {
    let report = report();
    assert_eq!(report.problems(), Vec::<String>::new());
    assert_eq!(report.machine.usable_cores.get(), 2);
    assert_eq!(Report::from_json(&report.to_json()), Ok(report.clone()));
    // Written with its keys sorted, as `cargo xtask bench` always has.
    let written = report.to_json();
    assert!(written.starts_with("{\n  \"machine\": {\n    \"cpu_model\": null,\n"));
    assert!(written.ends_with("}\n"));
}

#[test]
fn what_the_types_refuse_is_named_with_the_way_out() {
    let other = WELL_FORMED.replace("python-ideas-bench/1", "python-ideas-bench/0");
    let error = Report::from_json(&other).unwrap_err();
    assert!(
        error.contains("schema `python-ideas-bench/0`, not the current `python-ideas-bench/1`"),
        "{error}"
    );
    assert!(error.contains("re-run `cargo xtask bench`"), "{error}");
    for (from, to, says) in [
        (
            "\"value\": 2.0",
            "\"value\": \"fast\"",
            "invalid type: string \"fast\"",
        ),
        (
            "[1.0, 2.0, 3.0]",
            "[1.0, \"slow\"]",
            "invalid type: string \"slow\"",
        ),
        ("\"usable_cores\": 2", "\"usable_cores\": 0", "nonzero"),
        ("\"topic\": \"t\",", "", "missing field `topic`"),
    ] {
        let error = Report::from_json(&WELL_FORMED.replace(from, to)).unwrap_err();
        assert!(error.contains(says), "{from} -> {to}: {error}");
    }
}

#[test]
fn a_lost_step_and_a_wrong_median_are_each_named() {
    let mut broken = report();
    broken.steps.python.as_mut().unwrap().run.clear();
    broken.workloads[0].rust.as_mut().unwrap().value = 2.5;
    assert_eq!(
        broken.problems(),
        [
            "the python step `a` was planned but never ran",
            "`a`, rust: its value 2.5 is not the median of its runs (2)",
        ]
    );
    // A figure from a bench that printed no runs line is well formed.
    broken.workloads[0].rust.as_mut().unwrap().runs.clear();
    assert_eq!(broken.problems().len(), 1);
    // With python3, a Python side that announced nothing is named; without, it is not checked.
    broken.steps.python = None;
    assert_eq!(broken.problems(), ["the python side announced no steps"]);
    broken.versions.python3 = None;
    assert_eq!(broken.problems(), Vec::<String>::new());
}

#[test]
fn repeated_ids_and_empty_workloads_are_named() {
    let mut broken = report();
    broken.workloads.push(broken.workloads[0].clone());
    broken.workloads[1].rust = None;
    assert_eq!(
        broken.problems(),
        [
            "a workload id is empty or repeated: `a`",
            "`a` has a figure on neither side"
        ]
    );
    broken.workloads.clear();
    assert_eq!(broken.problems(), ["`workloads` is empty"]);
}

#[test]
fn an_id_names_its_series_and_point() {
    let point = Series::of("sweep-pool@2").unwrap();
    assert_eq!((point.name.as_str(), point.x), ("sweep-pool", 2));
    assert_eq!(Series::of("fork-return"), None);
    assert_eq!(Series::of("odd@two"), None);
}
