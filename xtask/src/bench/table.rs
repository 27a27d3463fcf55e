//! The figures as the terminal shows them: Rust's, with Python's of the same id beside them,
//! and the same as a Markdown table for `docs/performance.md`.

use demo::table::Align;
use measure::format_value;

use measure::protocol::Measurement;

/// One workload: its id, what it measures, and each side's figure where there is one.
pub struct Row<'a> {
    /// The workload's id.
    pub id: &'a str,
    /// The label of its first side (Rust's, if it has one).
    pub label: &'a str,
    /// Rust's figure.
    pub rust: Option<&'a Measurement>,
    /// Python's figure.
    pub python: Option<&'a Measurement>,
}

/// The workloads in the order Rust printed them, then those only Python has.
pub fn rows<'a>(rust: &'a [Measurement], python: &'a [Measurement]) -> Vec<Row<'a>> {
    let mut rows: Vec<Row> = rust
        .iter()
        .map(|ours| Row {
            id: &ours.id,
            label: &ours.label,
            rust: Some(ours),
            python: python.iter().find(|theirs| theirs.id == ours.id),
        })
        .collect();
    rows.extend(
        python
            .iter()
            .filter(|theirs| !rust.iter().any(|ours| ours.id == theirs.id))
            .map(|theirs| Row {
                id: &theirs.id,
                label: &theirs.label,
                rust: None,
                python: Some(theirs),
            }),
    );
    rows
}

fn figure(measurement: Option<&Measurement>) -> String {
    measurement.map_or("-".to_string(), |m| format_value(m.value, &m.unit))
}

/// The Rust figures, with the Python ones of the same id beside them: labels left-aligned,
/// Rust's figures right-aligned, a rule of dashes under the headings.
pub fn table(rust: &[Measurement], python: Option<(&str, &[Measurement])>) -> String {
    let python_heading = python.map_or("Python (no python3 here)".to_string(), |(version, _)| {
        format!("Python {version}")
    });
    let heading = [
        "measurement".to_string(),
        "Rust".to_string(),
        python_heading,
    ];
    let mut cells = vec![heading];
    for row in rows(rust, python.map_or(&[], |(_, figures)| figures)) {
        cells.push([row.label.to_string(), figure(row.rust), figure(row.python)]);
    }
    // The rule spans each column, the last (which is not padded) as far as its heading.
    let [first, second, _] = demo::table::widths(&cells);
    let rule = [first, second, cells[0][2].chars().count()].map(|width| "-".repeat(width));
    cells.insert(1, rule);
    let lines = demo::table::aligned(&cells, "  ", [Align::Left, Align::Right, Align::Left]);
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// A figure with the spread of its runs, for the page: `1.92x (1.88 to 1.95)`.
fn figure_with_runs(measurement: Option<&Measurement>) -> String {
    let Some(m) = measurement else {
        return "-".to_string();
    };
    let low = m.runs.iter().copied().fold(f64::INFINITY, f64::min);
    let high = m.runs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m.runs.len() < 2 {
        return format_value(m.value, &m.unit);
    }
    let bare = |value: f64| {
        let text = format_value(value, &m.unit);
        text.trim_end_matches(&m.unit).trim_end().to_string()
    };
    format!(
        "{} ({} to {})",
        format_value(m.value, &m.unit),
        bare(low),
        bare(high)
    )
}

/// The same rows as a Markdown table, each id in backticks (the test of
/// `docs/performance.md` reads them back), each figure with the spread of its runs.
pub fn markdown(rust: &[Measurement], python: Option<(&str, &[Measurement])>) -> String {
    let python_heading = python.map_or("Python (no python3 here)".to_string(), |(version, _)| {
        format!("Python {version}")
    });
    let mut out = format!(
        "| workload | what is measured | Rust | {python_heading} |\n| --- | --- | --- | --- |\n"
    );
    for row in rows(rust, python.map_or(&[], |(_, figures)| figures)) {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            row.id,
            row.label.trim().replace('|', "\\|"),
            figure_with_runs(row.rust),
            figure_with_runs(row.python)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use measure::protocol::Side;

    fn parse(output: &str) -> Vec<Measurement> {
        Side::parse(output).measurements
    }

    #[test]
    fn the_table_sets_python_beside_rust_by_id() {
        let rust =
            parse("bench\tpool\t1.94\tx\tPool(2).map speedup\nbench\tgil\t1.0\tx\tmodelled GIL");
        let python =
            parse("bench\tpool\t1.69\tx\tPool(2).map speedup\nbench\tthreads\t0.98\tx\tthreads");
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
    fn the_markdown_table_names_each_workload_and_shows_its_runs_spread() {
        let rust = parse("bench\tpool\t1.9\tx\tPool(2) | map\nruns\tpool\t1.8\t1.9\t1.95");
        let python = parse("bench\tpool\t12.0\tms\tPool(2)");
        assert_eq!(
            markdown(&rust, Some(("3.11.2", &python))),
            "| workload | what is measured | Rust | Python 3.11.2 |\n\
             | --- | --- | --- | --- |\n\
             | `pool` | Pool(2) \\| map | 1.90x (1.80 to 1.95) | 12.0 ms |\n"
        );
    }
}
