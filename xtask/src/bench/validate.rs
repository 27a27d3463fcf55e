//! The page against a bench report, for the tests: `docs/performance.md` shows exactly the
//! workloads the report holds. (The report's own checks are `measure::Report::problems`.)
//!
//! Values are never checked against thresholds: the figures are for the report, and a busy
//! machine moves them.

use measure::report::{Report, Series};

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

/// Sorted, with each series' points merged into one workload (a side has the series if it
/// has any of its points).
fn merged(shown: impl Iterator<Item = Shown>) -> Vec<Shown> {
    let mut out: Vec<Shown> = Vec::new();
    for mut one in shown {
        if let Some(series) = Series::of(&one.id) {
            one.id = series.name;
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

/// The workloads of a report.
pub fn report_workloads(report: &Report) -> Vec<Shown> {
    merged(report.workloads.iter().map(|workload| Shown {
        id: workload.id.clone(),
        rust: workload.rust.is_some(),
        python: workload.python.is_some(),
    }))
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

    fn point(x: u64) -> serde_json::Value {
        let figure = json!({ "value": 1.0, "unit": "x", "label": "S", "runs": [1.0] });
        json!({ "id": format!("s@{x}"), "series": { "name": "s", "x": x },
                "rust": figure, "python": figure })
    }

    #[test]
    fn the_page_is_read_as_its_tables_rows_in_its_topic_section() {
        let page = "# Performance\n\n## t\n\n| workload | what | Rust | Python |\n| --- | --- | --- | --- |\n\
                    | `a` | A | 2.00 ms (1.00 to 3.00) | - |\n| `s@1` | S | 1.00x | - |\n\
                    | `s@2` | S | 1.90x | 0.90x |\n\n## other\n\n| `b` | B | 1 | 2 |\n";
        let shown = page_workloads(page, "t").unwrap();
        let a = json!({ "id": "a", "series": null, "python": null,
                        "rust": { "value": 2.0, "unit": "ms", "label": "A", "runs": [1.0, 2.0, 3.0] } });
        // Another machine, more cores: more points of the series, the same workloads.
        let report = json!({
            "schema": measure::report::SCHEMA, "topic": "t", "quick": true, "started_at": "now",
            "took_seconds": 1.0,
            "machine": { "usable_cores": 2, "online_cores": 2, "cpu_model": null, "os": "linux",
                         "load_average_at_start": null },
            "versions": { "rustc": "rustc 1.91.0", "python3": "3.11.2" },
            "steps": { "rust": { "plan": ["a"], "run": ["a"] }, "python": null },
            "notes": { "rust": [], "python": null },
            "workloads": [a, point(1), point(2), point(3), point(4)]
        });
        let report = Report::from_json(&report.to_string()).unwrap();
        assert_eq!(shown, report_workloads(&report));
        assert_eq!(
            shown.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["a", "s"]
        );
        assert_eq!(page_workloads(page, "missing"), None);
    }
}
