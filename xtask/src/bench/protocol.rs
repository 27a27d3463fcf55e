//! Reading a bench's output: the line protocol of the `measure` crate (`plan`, `step`,
//! `bench`, `runs`; its docs describe them), one line at a time as the bench prints it.
//!
//! Only `bench` lines are required. A bench that prints nothing else (the original protocol)
//! still gives its figures, with no runs and no progress; a `runs` line for an id that has no
//! `bench` line, or a malformed line, becomes a note for the reader rather than an error, so a
//! bench can grow without breaking the runner.

/// One measured figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// The key shared by the Rust and the Python bench.
    pub id: String,
    /// The figure: the median of its runs.
    pub value: f64,
    /// `x` (a speedup), `ns`, `us`, `ms`, `s`, or a count such as `faults`.
    pub unit: String,
    /// What was measured, for the reader.
    pub label: String,
    /// The runs the figure is the median of, in its unit (empty if the bench did not say).
    pub runs: Vec<f64>,
}

/// What one line of a bench's output is.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The steps the bench will run.
    Plan(Vec<String>),
    /// A step starts.
    Step(String),
    /// A figure.
    Bench(Measurement),
    /// The runs of the figure with this id.
    Runs(String, Vec<f64>),
    /// Anything else: a line for the reader.
    Note(String),
}

/// Reads one line of a bench's output.
pub fn line(text: &str) -> Line {
    let fields: Vec<&str> = text.split('\t').collect();
    match fields.as_slice() {
        ["plan", steps @ ..] => Line::Plan(steps.iter().map(|s| s.to_string()).collect()),
        ["step", name] => Line::Step(name.to_string()),
        ["bench", id, value, unit, label] => match value.parse() {
            Ok(value) => Line::Bench(Measurement {
                id: id.to_string(),
                value,
                unit: unit.to_string(),
                label: label.to_string(),
                runs: Vec::new(),
            }),
            Err(_) => Line::Note(format!("(not a number in a bench line) {text}")),
        },
        ["runs", id, runs @ ..] => match runs.iter().map(|run| run.parse()).collect() {
            Ok(runs) => Line::Runs(id.to_string(), runs),
            Err(_) => Line::Note(format!("(not a number in a runs line) {text}")),
        },
        _ => Line::Note(text.to_string()),
    }
}

/// Everything one side (the Rust or the Python bench of a topic) reported.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Side {
    /// The steps it announced (every bench binary's or script's plan, in turn).
    pub plan: Vec<String>,
    /// The steps it started, in order.
    pub steps: Vec<String>,
    /// Its figures, in the order printed, each with its runs.
    pub measurements: Vec<Measurement>,
    /// The lines it printed for the reader.
    pub notes: Vec<String>,
}

impl Side {
    /// Takes in one line; returns the step it starts, if it starts one.
    pub fn take(&mut self, text: &str) -> Option<&str> {
        match line(text) {
            // `cargo bench` runs each bench binary of a package in turn: one plan each.
            Line::Plan(steps) => self.plan.extend(steps),
            Line::Step(name) => {
                self.steps.push(name);
                return self.steps.last().map(String::as_str);
            }
            Line::Bench(measurement) => self.measurements.push(measurement),
            Line::Runs(id, runs) => match self.measurements.iter_mut().rev().find(|m| m.id == id) {
                Some(measurement) => measurement.runs = runs,
                None => self
                    .notes
                    .push(format!("(runs of an unknown figure) {text}")),
            },
            Line::Note(note) => self.notes.push(note),
        }
        None
    }

    /// A whole output at once.
    pub fn parse(output: &str) -> Side {
        let mut side = Side::default();
        for text in output.lines() {
            side.take(text);
        }
        side
    }

    /// The planned steps that never started (a bench that stopped early, or a plan that
    /// names a step it does not have).
    pub fn steps_missing(&self) -> Vec<&str> {
        self.plan
            .iter()
            .filter(|step| !self.steps.contains(step))
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            vec![
                "warming up".to_string(),
                "(not a number in a bench line) bench\tbad\tfast\tx\tno".to_string()
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
}
