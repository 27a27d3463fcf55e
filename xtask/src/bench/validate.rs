//! Checks of a bench report, for the tests: that a JSON document is well formed with every
//! planned step run, and that `docs/performance.md` shows exactly the workloads it holds.
//!
//! Values are never checked against thresholds: the figures are for the report, and a busy
//! machine moves them.

use serde_json::Value;

use super::json::{SCHEMA, series_point};

/// A workload as the page or the JSON shows it: its id, and whether each side has a figure.
///
/// The points of a series (`sweep-pool@3`) count as one workload named after the series,
/// since how many points there are depends on the machine's cores.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Shown {
    /// The workload's id.
    pub id: String,
    /// Rust has a figure for it.
    pub rust: bool,
    /// Python has a figure for it.
    pub python: bool,
}

/// Everything wrong with a document, one line each; empty if it is well formed.
pub fn problems(document: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut require = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_string());
        }
    };
    require(
        document["schema"] == SCHEMA,
        "`schema` is not the current schema",
    );
    require(document["topic"].is_string(), "`topic` is not a string");
    require(document["quick"].is_boolean(), "`quick` is not a boolean");
    require(
        document["started_at"].is_string(),
        "`started_at` is missing",
    );
    let machine = &document["machine"];
    require(
        machine["usable_cores"].as_u64().is_some_and(|n| n >= 1),
        "`machine.usable_cores` is not a count",
    );
    for key in ["1min", "5min", "15min"] {
        let load = &machine["load_average_at_start"];
        require(
            load.is_null() || load[key].as_f64().is_some(),
            "`machine.load_average_at_start` lacks a figure",
        );
    }
    require(
        machine["cpu_model"].is_null() || machine["cpu_model"].is_string(),
        "`machine.cpu_model` is neither a string nor null",
    );
    require(
        document["versions"]["rustc"].is_string(),
        "`versions.rustc` is missing",
    );
    let has_python = document["versions"]["python3"].is_string();
    for (side, present) in [("rust", true), ("python", has_python)] {
        let steps = &document["steps"][side];
        if !present {
            continue;
        }
        let list = |key: &str| -> Vec<&str> {
            steps[key]
                .as_array()
                .map(|steps| steps.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default()
        };
        let (plan, run) = (list("plan"), list("run"));
        if plan.is_empty() {
            problems.push(format!("the {side} side announced no steps"));
        }
        for step in plan.iter().filter(|step| !run.contains(step)) {
            problems.push(format!(
                "the {side} step `{step}` was planned but never ran"
            ));
        }
    }
    let Some(workloads) = document["workloads"].as_array() else {
        problems.push("`workloads` is not a list".to_string());
        return problems;
    };
    if workloads.is_empty() {
        problems.push("`workloads` is empty".to_string());
    }
    let mut seen = Vec::new();
    for workload in workloads {
        let id = workload["id"].as_str().unwrap_or_default();
        if id.is_empty() || seen.contains(&id) {
            problems.push(format!("a workload id is empty or repeated: `{id}`"));
        }
        seen.push(id);
        let series = &workload["series"];
        if !(series.is_null() || (series["name"].is_string() && series["x"].is_u64())) {
            problems.push(format!(
                "`{id}`: `series` is neither null nor a name and an x"
            ));
        }
        if workload["rust"].is_null() && workload["python"].is_null() {
            problems.push(format!("`{id}` has a figure on neither side"));
        }
        for side in ["rust", "python"] {
            if let Some(problem) = figure_problem(&workload[side]) {
                problems.push(format!("`{id}`, {side}: {problem}"));
            }
        }
    }
    problems
}

/// What is wrong with one side's figure (null is fine: that side has none).
fn figure_problem(figure: &Value) -> Option<String> {
    if figure.is_null() {
        return None;
    }
    let Some(value) = figure["value"].as_f64().filter(|value| value.is_finite()) else {
        return Some("its value is not a number".to_string());
    };
    if figure["unit"].as_str().is_none_or(str::is_empty) {
        return Some("no unit".to_string());
    }
    if !figure["label"].is_string() {
        return Some("no label".to_string());
    }
    let Some(runs) = figure["runs"].as_array() else {
        return Some("its runs are not a list".to_string());
    };
    let runs: Vec<f64> = runs.iter().filter_map(Value::as_f64).collect();
    if runs.len() != figure["runs"].as_array().map_or(0, Vec::len)
        || runs.iter().any(|run| !run.is_finite())
    {
        return Some("its runs are not all numbers".to_string());
    }
    // A bench that prints only `bench` lines (the original protocol) gives no runs.
    if runs.is_empty() {
        return None;
    }
    let median = measure::median(runs);
    // The bench prints six decimals, so the median of the printed runs may differ from the
    // printed median in the last one.
    ((median - value).abs() > 1e-5 * value.abs().max(1.0))
        .then(|| format!("its value {value} is not the median of its runs ({median})"))
}

/// Sorted, with each series' points merged into one workload (a side has the series if it
/// has any of its points).
fn merged(shown: impl Iterator<Item = Shown>) -> Vec<Shown> {
    let mut out: Vec<Shown> = Vec::new();
    for mut one in shown {
        if let Some((name, _)) = series_point(&one.id) {
            one.id = name.to_string();
        }
        match out.iter_mut().find(|seen| seen.id == one.id) {
            Some(seen) => {
                seen.rust |= one.rust;
                seen.python |= one.python;
            }
            None => out.push(one),
        }
    }
    out.sort();
    out
}

/// The workloads of a document.
pub fn document_workloads(document: &Value) -> Vec<Shown> {
    merged(
        document["workloads"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|workload| Shown {
                id: workload["id"].as_str().unwrap_or_default().to_string(),
                rust: !workload["rust"].is_null(),
                python: !workload["python"].is_null(),
            }),
    )
}

/// The workloads the page's `## <topic>` section shows in its tables: rows whose first cell
/// is an id in backticks, then the label, then Rust's figure and Python's (`-` for none).
/// `None` if the page has no such section.
pub fn page_workloads(page: &str, topic: &str) -> Option<Vec<Shown>> {
    let heading = format!("## {topic}");
    let mut lines = page.lines().skip_while(|line| line.trim_end() != heading);
    lines.next()?;
    let shown = lines
        .take_while(|line| !line.starts_with("## "))
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").collect();
            let id = cells.first()?.trim().strip_prefix('`')?.strip_suffix('`')?;
            let figure = |cell: Option<&&str>| cell.is_some_and(|cell| cell.trim() != "-");
            Some(Shown {
                id: id.to_string(),
                rust: figure(cells.get(2)),
                python: figure(cells.get(3)),
            })
        });
    Some(merged(shown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document() -> Value {
        json!({
            "schema": SCHEMA, "topic": "t", "quick": true, "started_at": "now",
            "machine": { "usable_cores": 2, "cpu_model": null,
                         "load_average_at_start": { "1min": 1.0, "5min": 1.0, "15min": 1.0 } },
            "versions": { "rustc": "rustc 1.91.0", "python3": "3.11.2" },
            "steps": { "rust": { "plan": ["a"], "run": ["a"] },
                       "python": { "plan": ["a"], "run": ["a"] } },
            "workloads": [
                { "id": "a", "series": null,
                  "rust": { "value": 2.0, "unit": "ms", "label": "A", "runs": [1.0, 2.0, 3.0] },
                  "python": null }
            ]
        })
    }

    #[test]
    fn a_well_formed_document_has_no_problems() {
        assert_eq!(problems(&document()), Vec::<String>::new());
    }

    #[test]
    fn a_lost_step_a_missing_run_and_a_wrong_median_are_each_named() {
        let mut broken = document();
        broken["steps"]["python"]["run"] = json!([]);
        broken["workloads"][0]["rust"]["value"] = json!(2.5);
        assert_eq!(
            problems(&broken),
            [
                "the python step `a` was planned but never ran",
                "`a`, rust: its value 2.5 is not the median of its runs (2)",
            ]
        );
        broken["workloads"][0]["rust"]["runs"] = json!([1.0, "slow"]);
        assert!(problems(&broken)[1].contains("runs are not all numbers"));
        // A figure from a bench that printed no runs line is well formed.
        broken["workloads"][0]["rust"]["runs"] = json!([]);
        assert_eq!(problems(&broken).len(), 1);
        broken["workloads"][0]["rust"]["value"] = json!("fast");
        assert!(problems(&broken)[1].contains("value is not a number"));
    }

    #[test]
    fn the_page_is_read_as_its_tables_rows_in_its_topic_section() {
        let page = "# Performance\n\n## t\n\n| workload | what | Rust | Python |\n| --- | --- | --- | --- |\n\
                    | `a` | A | 2.00 ms (1.00 to 3.00) | - |\n| `s@1` | S | 1.00x | - |\n\
                    | `s@2` | S | 1.90x | 0.90x |\n\n## other\n\n| `b` | B | 1 | 2 |\n";
        let shown = page_workloads(page, "t").unwrap();
        let mut document = document();
        let point = |x: u64| {
            let mut point = document["workloads"][0].clone();
            point["id"] = json!(format!("s@{x}"));
            point["python"] = point["rust"].clone();
            point
        };
        // Another machine, more cores: more points of the series, the same workloads.
        let points = [point(1), point(2), point(3), point(4)];
        document["workloads"].as_array_mut().unwrap().extend(points);
        assert_eq!(shown, document_workloads(&document));
        assert_eq!(
            shown.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["a", "s"]
        );
        assert_eq!(page_workloads(page, "missing"), None);
    }
}
