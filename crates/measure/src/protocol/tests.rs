//! The protocol's lines: written and read back by the one type, the Python side's output read
//! by it, and a side's lines added up.

use super::*;

fn bench(id: &str, value: f64, unit: &str, label: &str) -> Line {
    Line::Bench {
        id: id.into(),
        value,
        unit: unit.into(),
        label: label.into(),
    }
}

/// The lines `measure.py` is asked to print below, as the Rust side writes them.
fn expected() -> Vec<Line> {
    vec![
        Line::Plan(vec!["first".into(), "second".into()]),
        Line::Step("first".into()),
        bench("sweep-pool@2", 2.0, "ms", "Pool(2).map of 4 tasks"),
        Line::Runs {
            id: "sweep-pool@2".into(),
            runs: vec![1.0, 2.0, 3.25],
        },
        Line::Step("second".into()),
        bench("fork-return", 0.000125, "us", "a fork"),
        Line::Runs {
            id: "fork-return".into(),
            runs: vec![0.000125],
        },
    ]
}

#[test]
fn the_lines_are_tab_separated_with_the_kind_first() {
    let written: Vec<String> = expected().iter().map(Line::to_string).collect();
    assert_eq!(
        written,
        [
            "plan\tfirst\tsecond",
            "step\tfirst",
            "bench\tsweep-pool@2\t2.000000\tms\tPool(2).map of 4 tasks",
            "runs\tsweep-pool@2\t1.000000\t2.000000\t3.250000",
            "step\tsecond",
            "bench\tfork-return\t0.000125\tus\ta fork",
            "runs\tfork-return\t0.000125",
        ]
    );
}

#[test]
fn every_line_reads_back_as_written() {
    for line in expected().into_iter().chain([Line::Plan(Vec::new())]) {
        assert_eq!(line.to_string().parse(), Ok(line));
    }
}

/// The Python side's writer, `measure.py`, run by CPython: its output is the Rust side's, line
/// for line, and reads back as the same lines.
#[test]
fn the_python_side_prints_the_same_lines() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let script = format!(
        "import sys\n\
         sys.path.insert(0, {dir:?})\n\
         import measure\n\
         measure.run_steps([\n\
         \x20   ('first', lambda: measure.report('sweep-pool@2', [1.0, 3.25, 2.0], 'ms', \
                 'Pool(2).map of 4 tasks')),\n\
         \x20   ('second', lambda: measure.report('fork-return', [0.000125], 'us', 'a fork')),\n\
         ])\n"
    );
    let Some(printed) = python::run(&script) else {
        return; // No python3 here: `python::run` said so (and failed under REQUIRE_PYTHON=1).
    };
    // Python reports its runs in the order measured; the Rust side is handed them so too.
    let mut expected = expected();
    expected[3] = Line::Runs {
        id: "sweep-pool@2".into(),
        runs: vec![1.0, 3.25, 2.0],
    };
    let read: Vec<Line> = printed
        .lines()
        .map(|line| line.parse().unwrap_or_else(|e| panic!("{e}: {line:?}")))
        .collect();
    assert_eq!(read, expected);
    let written: Vec<String> = expected.iter().map(Line::to_string).collect();
    assert_eq!(printed, written.join("\n"));
}

#[test]
fn bench_lines_are_measurements_and_the_rest_are_notes() {
    let side = Side::parse(
        "bench\tpool\t1.9\tx\tPool(2).map vs serial\nwarming up\nbench\tbad\tfast\tx\tno",
    );
    assert_eq!(
        side.measurements,
        vec![Measurement {
            id: "pool".into(),
            value: 1.9,
            unit: "x".into(),
            label: "Pool(2).map vs serial".into(),
            runs: Vec::new(),
        }]
    );
    assert_eq!(
        side.notes,
        [
            "warming up",
            "(not a number in a bench line) bench\tbad\tfast\tx\tno"
        ]
    );
}

#[test]
fn runs_attach_to_their_figure_and_steps_are_checked_against_the_plan() {
    let side = Side::parse(
        "plan\tfirst\tsecond\nstep\tfirst\nbench\ta\t2.0\tms\tA\nruns\ta\t1.0\t2.0\t3.5\n\
         runs\tb\t1.0",
    );
    assert_eq!(side.measurements[0].runs, [1.0, 2.0, 3.5]);
    assert_eq!(side.notes, ["(runs of an unknown figure) runs\tb\t1.0"]);
    assert_eq!(side.steps_missing(), ["second"]);
    // A second bench binary's plan adds to the first's.
    let side = Side::parse("plan\ta\nstep\ta\nplan\tb\nstep\tb");
    assert_eq!(side.plan, ["a", "b"]);
    assert!(side.steps_missing().is_empty());
}
