//! The figures of one topic as a [`Report`], written to `target/bench/<topic>.json`: what a
//! reader or a script can take further than the terminal's table. The `measure` crate's
//! `report` module has the schema.

use measure::protocol::Side;
use measure::report::{
    Machine, Measured, Report, Schema, Series, Sides, Steps, Versions, Workload,
};

use super::table::rows;

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
    /// The machine.
    pub machine: Machine,
    /// `rustc --version`.
    pub rustc: Option<String>,
}

fn steps(side: &Side) -> Steps {
    Steps {
        plan: side.plan.clone(),
        run: side.steps.clone(),
    }
}

/// The whole report: every id once, Rust's order first.
pub fn document(context: &Context, rust: &Side, python: Option<(&str, &Side)>) -> Report {
    let python_measurements = python.map_or(&[][..], |(_, side)| &side.measurements);
    let workloads = rows(&rust.measurements, python_measurements)
        .into_iter()
        .map(|row| Workload {
            id: row.id.to_string(),
            series: Series::of(row.id),
            rust: row.rust.map(Measured::from),
            python: row.python.map(Measured::from),
        })
        .collect();
    Report {
        schema: Schema,
        topic: context.topic.clone(),
        quick: context.quick,
        started_at: context.started_at.clone(),
        took_seconds: context.took_seconds,
        machine: context.machine.clone(),
        versions: Versions {
            rustc: context.rustc.clone(),
            python3: python.map(|(version, _)| version.to_string()),
        },
        workloads,
        steps: Sides {
            rust: steps(rust),
            python: python.map(|(_, side)| steps(side)),
        },
        notes: Sides {
            rust: rust.notes.clone(),
            python: python.map(|(_, side)| side.notes.clone()),
        },
    }
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
            machine: super::super::machine::describe(None),
            rustc: Some("rustc 1.91.0".into()),
        };
        let report = document(&context, &rust, Some(("3.11.2", &python)));
        let workloads = &report.workloads;
        assert_eq!(workloads.len(), 2);
        assert_eq!(
            workloads[0].series,
            Some(Series {
                name: "sweep-pool".into(),
                x: 2
            })
        );
        assert_eq!(workloads[0].rust.as_ref().unwrap().runs, [1.9]);
        assert_eq!(workloads[0].python.as_ref().unwrap().value, 1.7);
        assert_eq!(workloads[1].rust, None);
        assert_eq!(workloads[1].series, None);
        assert_eq!(report.versions.python3.as_deref(), Some("3.11.2"));
        assert_eq!(report.steps.rust.run, ["s"]);
        // What is written reads back as the same report.
        assert_eq!(Report::from_json(&report.to_json()), Ok(report));
    }
}
