//! The bench reports, checked under `cargo test`: `docs/performance.md` has a section and a
//! chart for every topic with benches, and, where `cargo xtask bench` (or `--quick`) has
//! written `target/bench/<topic>.json`, that it reads as a `measure::Report` with every
//! planned step run, and that the page shows exactly its workloads: the page's figures came
//! from the current benches, whatever their values (no thresholds: figures are for the report).
//!
//! Without a report the JSON trials are ignored, saying so; `REQUIRE_BENCH=1` (set in
//! `.ci/run`, after it runs `cargo xtask bench --quick`) makes that a failure instead.

use std::path::Path;
use std::process::ExitCode;

use libtest_mimic::{Arguments, Failed, Trial};
use measure::Report;
use xtask::bench::validate::{Shown, page_workloads, report_workloads};
use xtask::bench::{benched, output_dir};
use xtask::topics::TOPICS;

const PAGE: &str = "docs/performance.md";

fn main() -> ExitCode {
    let root = xtask::workspace_root();
    let topics = benched(&root, &TOPICS);
    let required = std::env::var("REQUIRE_BENCH").is_ok_and(|value| value == "1");
    let mut trials = vec![{
        let (root, topics) = (root.clone(), topics.clone());
        Trial::test("performance_page::has_every_benched_topic", move || {
            page_has_every_topic(&root, &topics)
        })
    }];
    for topic in topics {
        let report = output_dir(&root).join(format!("{topic}.json"));
        let missing = !report.is_file() && !required;
        let json = report.clone();
        trials.push(
            Trial::test(format!("bench_json::{topic}"), move || {
                json_is_well_formed(&json)
            })
            .with_ignored_flag(missing),
        );
        let page = root.join(PAGE);
        trials.push(
            Trial::test(format!("performance_page::{topic}"), move || {
                page_shows_the_report(&page, &report, topic)
            })
            .with_ignored_flag(missing),
        );
    }
    if topics_missing_reports(&root) {
        eprintln!(
            "note: no target/bench/<topic>.json for some topics: run `cargo xtask bench --quick` \
             to check them (their trials are ignored)"
        );
    }
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}

fn topics_missing_reports(root: &Path) -> bool {
    benched(root, &TOPICS)
        .iter()
        .any(|topic| !output_dir(root).join(format!("{topic}.json")).is_file())
}

fn read(path: &Path) -> Result<String, Failed> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()).into())
}

fn report(path: &Path) -> Result<Report, Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo xtask bench --quick` to write the reports)",
            path.display()
        )
    })?;
    Report::from_json(&text).map_err(|e| format!("{}: {e}", path.display()).into())
}

fn page_has_every_topic(root: &Path, topics: &[&str]) -> Result<(), Failed> {
    let page = read(&root.join(PAGE))?;
    let mut problems = Vec::new();
    for topic in topics {
        if page_workloads(&page, topic).is_none_or(|shown| shown.is_empty()) {
            problems.push(format!(
                "{PAGE}: no `## {topic}` section with a table of its workloads; paste \
                 target/bench/{topic}.md from `cargo xtask bench`"
            ));
        }
        let chart = format!("performance/{topic}.svg");
        if !page.contains(&chart) || !root.join("docs").join(&chart).is_file() {
            problems.push(format!(
                "{PAGE}: no chart docs/{chart}; copy target/bench/{topic}.svg there and show it"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn json_is_well_formed(path: &Path) -> Result<(), Failed> {
    let problems = report(path)?.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}:\n{}", path.display(), problems.join("\n")).into())
    }
}

/// Whether each side has a figure, shown as the page's table cells do.
fn describe(shown: &[Shown]) -> String {
    let side = |present: bool| if present { "figure" } else { "-" };
    if shown.is_empty() {
        return "  (none)".to_string();
    }
    shown
        .iter()
        .map(|s| {
            format!(
                "  `{}`: Rust {}, Python {}",
                s.id,
                side(s.rust),
                side(s.python)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn page_shows_the_report(page: &Path, report: &Path, topic: &str) -> Result<(), Failed> {
    let document = self::report(report)?;
    let page_text = read(page)?;
    let mut on_page = page_workloads(&page_text, topic)
        .ok_or_else(|| format!("{PAGE} has no `## {topic}` section"))?;
    let mut in_report = report_workloads(&document);
    // A report made without python3 says nothing about the Python column.
    if document.versions.python3.is_none() {
        on_page
            .iter_mut()
            .chain(in_report.iter_mut())
            .for_each(|s| s.python = false);
    }
    if on_page == in_report {
        return Ok(());
    }
    let only = |these: &[Shown], those: &[Shown]| -> Vec<Shown> {
        these
            .iter()
            .filter(|s| !those.contains(s))
            .cloned()
            .collect()
    };
    Err(format!(
        "{PAGE}, section `## {topic}`, shows other workloads than {} (the current bench):\n\
         only on the page:\n{}\nonly in the report:\n{}\n\
         Re-run `cargo xtask bench {topic}` and paste target/bench/{topic}.md into the page.",
        report.display(),
        describe(&only(&on_page, &in_report)),
        describe(&only(&in_report, &on_page))
    )
    .into())
}
